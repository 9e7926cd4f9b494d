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

// The same values as OFFSETS, plus 2^31: (a·x + b + 2^31) mod 2^32 read as a signed 32-bit integer orders like
// a·x + b read unsigned, so the minimum is taken in int32 arithmetic (no unsigned values beyond the small-integer
// range) and flipped back at the end.
const SIGNED_OFFSETS = Int32Array.from(OFFSETS, (o) => (o + 0x80000000) | 0);

/** The article's word-shingle MinHash, computed once per article. */
export function textSignature(doc: Doc): TextSignature {
  const tokens = doc.tokens;
  const words = new Int32Array(tokens.length);
  let count = 0;
  let all = 0x811c9dc5;
  for (const t of tokens) {
    if (t.kind !== 'word' && t.kind !== 'number') continue;
    const w = hashString(t.norm);
    words[count++] = w;
    all = combine(all, w);
  }
  // Shingle hashes first, then one pass per hash function: the running minimum stays in a register.
  const n = count ? Math.max(1, count - SHINGLE + 1) : 0;
  const shingles = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let h = words[i]! >>> 0;
    for (let k = 1; k < SHINGLE && i + k < count; k++) h = combine(h, words[i + k]! >>> 0);
    shingles[i] = h;
  }
  const minhash = new Array<number>(SIGNATURE_SIZE);
  for (let j = 0; j < SIGNATURE_SIZE; j++) {
    const a = MULTIPLIERS[j]! | 0;
    const b = SIGNED_OFFSETS[j]!;
    let min = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      const v = (Math.imul(shingles[i]!, a) + b) | 0;
      if (v < min) min = v;
    }
    minhash[j] = (min ^ 0x80000000) >>> 0;
  }
  return { minhash, textHash: all >>> 0, shingles: n };
}
