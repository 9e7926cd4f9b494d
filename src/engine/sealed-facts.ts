// An article's facts as they travel between threads in a batch: serialised once, on the checking thread that
// built them, into bytes whose buffer is transferred (moved, not copied) to the main thread and on to the
// comparison thread, which alone rebuilds the object. As a plain object the facts were cloned twice and the
// main thread rebuilt and re-serialised every one of them on the way: 0.3–0.45 s of its CPU in a
// 10,000-article batch for a relay that reads nothing of them.
import { deserialize, serialize } from 'node:v8';
import type { ArticleFacts } from '../facts/facts.js';

/** ArticleFacts serialised (v8.serialize: the structured clone postMessage would make), in a buffer of its own. */
export type SealedFacts = Uint8Array;

export function sealFacts(facts: ArticleFacts): SealedFacts {
  return serialize(facts);
}

export function openFacts(sealed: SealedFacts): ArticleFacts {
  return deserialize(sealed) as ArticleFacts;
}

/** The facts themselves, whichever form they came in. */
export function factsOf(f: ArticleFacts | SealedFacts): ArticleFacts {
  return f instanceof Uint8Array ? openFacts(f) : f;
}

/** The buffers to transfer with a message that carries these facts (each sealed record owns its buffer). */
export function sealedBuffers(list: ReadonlyArray<ArticleFacts | SealedFacts | undefined>): ArrayBuffer[] {
  const out: ArrayBuffer[] = [];
  for (const f of list) if (f instanceof Uint8Array) out.push(f.buffer as ArrayBuffer);
  return out;
}
