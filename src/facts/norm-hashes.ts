import type { Doc } from '../text/doc.js';
import { wordHash } from './word-facts.js';

/**
 * hashString(token.norm) for every word and figure of the article (0 for other tokens), by token index: the
 * signature, the sentence table and the token ids all hash the same words, so each word is hashed once (and a word
 * with a vocabulary id once per thread: see word-facts.ts).
 */
export function normHashes(doc: Doc): Uint32Array {
  return doc.memo('facts:norm-hashes', () => {
    const tokens = doc.tokens;
    const out = new Uint32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === 'word' || t.kind === 'number') out[i] = wordHash(t);
    }
    return out;
  });
}
