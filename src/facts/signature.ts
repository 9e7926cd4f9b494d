import type { Doc } from '../text/doc.js';
import { combine, mix32 } from './hash.js';
import { normHashes } from './norm-hashes.js';
import { SHINGLES_AT, simdMinhash } from './minhash-simd.js';

let useSimd = true;
/** Tests: the scalar loop (false) against the SIMD one (true, the default where WebAssembly SIMD runs). */
export function signatureUsesSimd(on: boolean): void {
  useSimd = on;
}

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
  const hashes = normHashes(doc);
  const words = new Int32Array(tokens.length);
  let count = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word' || t.kind === 'number') words[count++] = hashes[i]!;
  }
  return wordsSignature(words, count);
}

/** textSignature from the article's word hashes in text order (words[0, count)), as the sentence table has them. */
export function wordsSignature(words: Int32Array, count: number): TextSignature {
  let all = 0x811c9dc5;
  for (let i = 0; i < count; i++) all = combine(all, words[i]!);
  // Shingle hashes first, then one pass per hash function: the running minimum stays in a register.
  const n = count ? Math.max(1, count - SHINGLE + 1) : 0;
  const simd = useSimd ? simdMinhash(MULTIPLIERS, SIGNED_OFFSETS) : null;
  // With SIMD the shingles are written straight into the module's memory.
  const shingles = simd ? simd.shingles(n) : new Int32Array(n);
  const at = simd ? SHINGLES_AT / 4 : 0;
  for (let i = 0; i < n; i++) {
    let h = words[i]! >>> 0;
    for (let k = 1; k < SHINGLE && i + k < count; k++) h = combine(h, words[i + k]! >>> 0);
    shingles[at + i] = h;
  }
  const minhash = new Array<number>(SIGNATURE_SIZE);
  if (simd) {
    const mins = simd.run(n);
    for (let j = 0; j < SIGNATURE_SIZE; j++) minhash[j] = (mins[j]! ^ 0x80000000) >>> 0;
    return { minhash, textHash: all >>> 0, shingles: n };
  }
  // Eight hash functions per pass (SIGNATURE_SIZE is a multiple of eight): each shingle is loaded once per eight.
  for (let j = 0; j < SIGNATURE_SIZE; j += 8) {
    const a0 = MULTIPLIERS[j]! | 0;
    const a1 = MULTIPLIERS[j + 1]! | 0;
    const a2 = MULTIPLIERS[j + 2]! | 0;
    const a3 = MULTIPLIERS[j + 3]! | 0;
    const a4 = MULTIPLIERS[j + 4]! | 0;
    const a5 = MULTIPLIERS[j + 5]! | 0;
    const a6 = MULTIPLIERS[j + 6]! | 0;
    const a7 = MULTIPLIERS[j + 7]! | 0;
    const b0 = SIGNED_OFFSETS[j]!;
    const b1 = SIGNED_OFFSETS[j + 1]!;
    const b2 = SIGNED_OFFSETS[j + 2]!;
    const b3 = SIGNED_OFFSETS[j + 3]!;
    const b4 = SIGNED_OFFSETS[j + 4]!;
    const b5 = SIGNED_OFFSETS[j + 5]!;
    const b6 = SIGNED_OFFSETS[j + 6]!;
    const b7 = SIGNED_OFFSETS[j + 7]!;
    let m0 = 0x7fffffff;
    let m1 = 0x7fffffff;
    let m2 = 0x7fffffff;
    let m3 = 0x7fffffff;
    let m4 = 0x7fffffff;
    let m5 = 0x7fffffff;
    let m6 = 0x7fffffff;
    let m7 = 0x7fffffff;
    for (let i = 0; i < n; i++) {
      const h = shingles[i]!;
      const v0 = (Math.imul(h, a0) + b0) | 0;
      const v1 = (Math.imul(h, a1) + b1) | 0;
      const v2 = (Math.imul(h, a2) + b2) | 0;
      const v3 = (Math.imul(h, a3) + b3) | 0;
      const v4 = (Math.imul(h, a4) + b4) | 0;
      const v5 = (Math.imul(h, a5) + b5) | 0;
      const v6 = (Math.imul(h, a6) + b6) | 0;
      const v7 = (Math.imul(h, a7) + b7) | 0;
      if (v0 < m0) m0 = v0;
      if (v1 < m1) m1 = v1;
      if (v2 < m2) m2 = v2;
      if (v3 < m3) m3 = v3;
      if (v4 < m4) m4 = v4;
      if (v5 < m5) m5 = v5;
      if (v6 < m6) m6 = v6;
      if (v7 < m7) m7 = v7;
    }
    minhash[j] = (m0 ^ 0x80000000) >>> 0;
    minhash[j + 1] = (m1 ^ 0x80000000) >>> 0;
    minhash[j + 2] = (m2 ^ 0x80000000) >>> 0;
    minhash[j + 3] = (m3 ^ 0x80000000) >>> 0;
    minhash[j + 4] = (m4 ^ 0x80000000) >>> 0;
    minhash[j + 5] = (m5 ^ 0x80000000) >>> 0;
    minhash[j + 6] = (m6 ^ 0x80000000) >>> 0;
    minhash[j + 7] = (m7 ^ 0x80000000) >>> 0;
  }
  return { minhash, textHash: all >>> 0, shingles: n };
}
