import { NEGATIONS, STOPWORDS } from './stopwords.js';
import { bare, ID_RANGE, isNumber, wordId } from './token-ids.js';

let stopIds: Set<number> | null = null;
/** Ids of the function words and negations: they say nothing about what a sentence is about. */
export function stopwordIds(): Set<number> {
  if (!stopIds) stopIds = new Set([...STOPWORDS, ...NEGATIONS].map(wordId));
  return stopIds;
}

/** Sorted, unique ids of a sentence's content words outside the given token ranges (names, dates). */
let stopBits: Uint8Array | null = null;
/** The same ids as a bitmap over the whole id range (256 KB): one array read per token in the hot loops. */
export function stopwordBits(): Uint8Array {
  if (!stopBits) {
    stopBits = new Uint8Array(ID_RANGE >>> 3);
    for (const id of stopwordIds()) stopBits[id >>> 3]! |= 1 << (id & 7);
  }
  return stopBits;
}

export const isStopId = (bits: Uint8Array, id: number): boolean => (bits[id >>> 3]! & (1 << (id & 7))) !== 0;

export function claimWords(ids: ArrayLike<number>, from: number, to: number, skip: ReadonlyArray<{ at: number; len: number }>): number[] {
  const stop = stopwordBits();
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const id = ids[i]!;
    if (isNumber(id)) continue;
    const k = i - from;
    let skipped = false;
    for (let r = 0; r < skip.length && !skipped; r++) skipped = k >= skip[r]!.at && k < skip[r]!.at + skip[r]!.len;
    if (skipped) continue;
    const w = bare(id);
    if (!isStopId(stop, w)) out.push(w);
  }
  out.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < out.length; i++) if (i === 0 || out[i] !== out[i - 1]) out[n++] = out[i]!;
  out.length = n;
  return out;
}
