import type { Doc } from '../text/doc.js';
import { combine, hashString, mix32 } from './hash.js';

/** MinHash signature length and shingle width: 128 hashes read as 32 LSH bands of 4 rows. */
export const SIGNATURE_SIZE = 128;
const SHINGLE = 4;
// Hash family h_j(x) = a_j·x + b_j (mod 2^32) over an already well-mixed shingle hash: one multiply per
// value, about twice as fast as re-mixing, and close enough to min-wise independent for LSH candidates.
const MULTIPLIERS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x9e3779b9 + i * 0x632be5ab) | 1);
const OFFSETS = Uint32Array.from({ length: SIGNATURE_SIZE }, (_, i) => mix32(0x7f4a7c15 ^ (i * 0x85ebca6b)));

export interface TextSignature {
  /** MinHash over 4-word shingles: the share of equal positions estimates the Jaccard similarity of two articles. */
  minhash: number[];
  /** Hash of all normalised words: equal for exact copies (differing only in spacing or case). */
  textHash: number;
  shingles: number;
}

/** The article's word-shingle MinHash, computed once per article (about 0.1 ms for 700 words). */
export function textSignature(doc: Doc): TextSignature {
  const words = doc.tokens.filter((t) => t.kind === 'word' || t.kind === 'number').map((t) => hashString(t.norm));
  const sig = new Uint32Array(SIGNATURE_SIZE).fill(0xffffffff);
  let shingles = 0;
  let all = 0x811c9dc5;
  for (const w of words) all = combine(all, w);
  const n = Math.max(1, words.length - SHINGLE + 1);
  for (let i = 0; i < n && words.length; i++) {
    let h = words[i]!;
    for (let k = 1; k < SHINGLE && i + k < words.length; k++) h = combine(h, words[i + k]!);
    shingles++;
    for (let j = 0; j < SIGNATURE_SIZE; j++) {
      const v = (Math.imul(h, MULTIPLIERS[j]!) + OFFSETS[j]!) >>> 0;
      if (v < sig[j]!) sig[j] = v;
    }
  }
  return { minhash: Array.from(sig), textHash: all >>> 0, shingles };
}
