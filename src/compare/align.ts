import { isStopId, stopwordBits } from '../facts/claim-words.js';
import { bare, ID_RANGE, isNumber } from '../facts/token-ids.js';
import { sentenceHash, sentenceTokens, type FactsView } from './facts-view.js';

/** Two sentences, one from each article, that make the same statement. */
export interface AlignedPair {
  a: number;
  b: number;
  /** Dice similarity of their content words (1 for the same words). */
  score: number;
}

export interface Alignment {
  pairs: AlignedPair[];
  /** Characters of each side's sentences that the other carries, and in all. */
  carriedA: number;
  totalA: number;
  carriedB: number;
  totalB: number;
  /** Sentences only one side has. */
  droppedA: number;
  addedB: number;
}

const MIN_TOKENS = 4;
const MIN_SCORE = 0.5;

// Marks over the whole id range (2 MB, one byte per id): a sentence's distinct content words without a Set per
// sentence; each use clears the marks it set.
let marks: Uint8Array | null = null;

/** The sentence's distinct content words (figures count, function words do not), into `out`; returns how many. */
function contentWords(ids: ArrayLike<number>, out: number[]): number {
  const stop = stopwordBits();
  const seen = (marks ??= new Uint8Array(ID_RANGE));
  out.length = 0;
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const w = bare(id);
    if ((isNumber(id) || !isStopId(stop, w)) && seen[w] === 0) {
      seen[w] = 1;
      out.push(w);
    }
  }
  for (const w of out) seen[w] = 0;
  return out.length;
}

/**
 * Best match per sentence over content words, one to one: every sentence of B scored against the sentences of
 * A that share a word with it (an inverted index, so the work follows the shared words, not |A|·|B|), the
 * pairs then taken best first; between equal scores the one that keeps the order wins. A sentence of B with
 * the same words as one of A (most of a copy) is paired with it at once.
 */
interface SentenceIndex {
  /** Distinct content words per sentence; 0 for a sentence too short to align. */
  sizes: Int32Array;
  index: Map<number, number[]>;
  /** Sentences by the hash of their words. */
  byHash: Map<number, number[]>;
}

// An original is aligned with each of its copies: its index is built once (kept for the originals only).
const indexes = new WeakMap<FactsView, SentenceIndex>();
function sentenceIndex(v: FactsView, keep: boolean): SentenceIndex {
  let x = indexes.get(v);
  if (x) return x;
  const sizes = new Int32Array(v.sentenceCount);
  const index = new Map<number, number[]>();
  const byHash = new Map<number, number[]>();
  const words: number[] = [];
  for (let s = 0; s < v.sentenceCount; s++) {
    const ids = sentenceTokens(v, s);
    if (ids.length < MIN_TOKENS) continue;
    sizes[s] = contentWords(ids, words);
    for (const w of words) {
      let list = index.get(w);
      if (!list) index.set(w, (list = []));
      list.push(s);
    }
    const h = sentenceHash(v, s);
    const same = byHash.get(h);
    if (same) same.push(s);
    else byHash.set(h, [s]);
  }
  x = { sizes, index, byHash };
  if (keep) indexes.set(v, x);
  return x;
}

export function alignSentences(A: FactsView, B: FactsView, keepA = false): Alignment {
  const { sizes: sizesA, index, byHash } = sentenceIndex(A, keepA);
  const sizesB = new Int32Array(B.sentenceCount);
  const candidates: AlignedPair[] = [];
  // Shared-word counts per sentence of A, reset lazily by stamp (no map per sentence of B).
  const count = new Int32Array(A.sentenceCount);
  const stamp = new Int32Array(A.sentenceCount).fill(-1);
  const hits: number[] = [];
  const words: number[] = [];
  for (let s = 0; s < B.sentenceCount; s++) {
    const ids = sentenceTokens(B, s);
    if (ids.length < MIN_TOKENS) continue;
    const same = byHash.get(sentenceHash(B, s));
    if (same) {
      sizesB[s] = sizesA[same[0]!]!;
      for (const a of same) candidates.push({ a, b: s, score: 1 });
      continue;
    }
    const size = (sizesB[s] = contentWords(ids, words));
    hits.length = 0;
    for (const w of words) {
      const list = index.get(w);
      if (!list) continue;
      for (const a of list) {
        if (stamp[a] !== s) {
          stamp[a] = s;
          count[a] = 0;
          hits.push(a);
        }
        count[a]!++;
      }
    }
    for (const a of hits) {
      const score = (2 * count[a]!) / (size + sizesA[a]!);
      if (score >= MIN_SCORE) candidates.push({ a, b: s, score });
    }
  }
  candidates.sort((x, y) => y.score - x.score || Math.abs(x.a - x.b) - Math.abs(y.a - y.b));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: AlignedPair[] = [];
  for (const c of candidates) {
    if (usedA.has(c.a) || usedB.has(c.b)) continue;
    usedA.add(c.a);
    usedB.add(c.b);
    pairs.push(c);
  }
  pairs.sort((x, y) => x.b - y.b);
  const len = (v: FactsView, s: number): number => v.rows[s * 4 + 1]! - v.rows[s * 4]!;
  let carriedA = 0;
  let totalA = 0;
  let carriedB = 0;
  let totalB = 0;
  let droppedA = 0;
  let addedB = 0;
  for (let s = 0; s < A.sentenceCount; s++) {
    if (!sizesA[s]) continue;
    totalA += len(A, s);
    if (usedA.has(s)) carriedA += len(A, s);
    else droppedA++;
  }
  for (let s = 0; s < B.sentenceCount; s++) {
    if (!sizesB[s]) continue;
    totalB += len(B, s);
    if (usedB.has(s)) carriedB += len(B, s);
    else addedB++;
  }
  return { pairs, carriedA, totalA, carriedB, totalB, droppedA, addedB };
}
