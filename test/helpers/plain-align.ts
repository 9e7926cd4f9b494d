// The plain alignment (as it stood before the comparison-thread work of session 5): the specification the
// faster src/compare/align.ts is held to in test/compare-unpack.test.ts. Not used by credlint itself.
import { isStopId, stopwordBits } from '../../src/facts/claim-words.js';
import { bare, ID_RANGE, isNumber } from '../../src/facts/token-ids.js';
import { sentenceHash, sentenceLength, tokenEnd, type FactsView } from '../../src/compare/facts-view.js';
import { SENTENCE_FIELDS } from '../../src/facts/sentence-table.js';
import { OverlapCounter } from '../../src/compare/overlap-counter.js';

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
function contentWords(v: FactsView, s: number, out: number[]): number {
  const stop = stopwordBits();
  const seen = (marks ??= new Uint8Array(ID_RANGE));
  const ids = v.ids;
  out.length = 0;
  for (let i = v.rows[s * SENTENCE_FIELDS + 2]!, end = tokenEnd(v.rows, ids, s); i < end; i++) {
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

// An original is aligned with each of its copies: its sentences by hash, and its sentences' content words once
// a copy needs them, are kept for the originals met last.
const KEPT_ORIGINALS = 512;
interface Kept {
  byHash: Map<number, number[]>;
  /** Content words of sentence s: flat[start[s]..start[s + 1]] (in contentWords' order). */
  words: { start: Int32Array; flat: Uint32Array } | null;
}
const byHashCache = new Map<FactsView, Kept>();
function sentencesByHash(v: FactsView, keep: boolean): Kept {
  let kept = byHashCache.get(v);
  if (kept) {
    byHashCache.delete(v);
    byHashCache.set(v, kept);
    return kept;
  }
  const byHash = new Map<number, number[]>();
  for (let s = 0; s < v.sentenceCount; s++) {
    if (sentenceLength(v, s) < MIN_TOKENS) continue;
    const h = sentenceHash(v, s);
    const same = byHash.get(h);
    if (same) same.push(s);
    else byHash.set(h, [s]);
  }
  kept = { byHash, words: null };
  if (keep) {
    if (byHashCache.size >= KEPT_ORIGINALS) byHashCache.delete(byHashCache.keys().next().value!);
    byHashCache.set(v, kept);
  }
  return kept;
}

/** Every sentence's content words (sentences too short to align have none). */
function allContentWords(v: FactsView): { start: Int32Array; flat: Uint32Array } {
  const start = new Int32Array(v.sentenceCount + 1);
  const flat: number[] = [];
  const words: number[] = [];
  for (let s = 0; s < v.sentenceCount; s++) {
    start[s] = flat.length;
    if (sentenceLength(v, s) < MIN_TOKENS) continue;
    contentWords(v, s, words);
    for (const w of words) flat.push(w);
  }
  start[v.sentenceCount] = flat.length;
  return { start, flat: Uint32Array.from(flat) };
}

/** Drops the kept sentence indexes (a batch's comparison is done). */
export function forgetAlignments(): void {
  byHashCache.clear();
}

/**
 * Best match per sentence over content words, one to one. A sentence of B with the same words as one of A (most
 * of a copy) is paired with it at once (the nearest such sentence); the sentences left on each side are then
 * scored through an inverted index over B's few remaining sentences (the work follows the shared words, not
 * |A|·|B|), the pairs taken best first; between equal scores the one that keeps the order wins.
 */
export function alignSentences(A: FactsView, B: FactsView, keepA = false): Alignment {
  const kept = sentencesByHash(A, keepA);
  const byHash = kept.byHash;
  const usedA = new Uint8Array(A.sentenceCount);
  const usedB = new Uint8Array(B.sentenceCount);
  const pairs: AlignedPair[] = [];
  const rest: number[] = [];
  for (let s = 0; s < B.sentenceCount; s++) {
    if (sentenceLength(B, s) < MIN_TOKENS) continue;
    const same = byHash.get(sentenceHash(B, s));
    let best = -1;
    if (same) for (const a of same) if (!usedA[a] && (best < 0 || Math.abs(a - s) < Math.abs(best - s))) best = a;
    if (best >= 0) {
      usedA[best] = 1;
      usedB[s] = 1;
      pairs.push({ a: best, b: s, score: 1 });
    } else rest.push(s);
  }
  if (rest.length) {
    // B's unpaired sentences indexed by word; each unpaired sentence of A looks its words up.
    const index = new Map<number, number[]>();
    const sizeB = new Int32Array(B.sentenceCount);
    const words: number[] = [];
    for (const s of rest) {
      sizeB[s] = contentWords(B, s, words);
      for (const w of words) {
        const list = index.get(w);
        if (list) list.push(s);
        else index.set(w, [s]);
      }
    }
    const candidates: AlignedPair[] = [];
    const shared = new OverlapCounter(B.sentenceCount);
    // An original kept for its copies has its content words worked out once, not once per copy.
    const wordsA = keepA ? (kept.words ??= allContentWords(A)) : null;
    for (let a = 0; a < A.sentenceCount; a++) {
      if (usedA[a]) continue;
      if (sentenceLength(A, a) < MIN_TOKENS) continue;
      let size: number;
      shared.begin(a);
      if (wordsA) {
        const from = wordsA.start[a]!;
        const to = wordsA.start[a + 1]!;
        size = to - from;
        for (let k = from; k < to; k++) {
          const list = index.get(wordsA.flat[k]!);
          if (list) for (const b of list) shared.add(b);
        }
      } else {
        size = contentWords(A, a, words);
        for (const w of words) {
          const list = index.get(w);
          if (list) for (const b of list) shared.add(b);
        }
      }
      for (const b of shared.hits) {
        const score = (2 * shared.shared(b)) / (size + sizeB[b]!);
        if (score >= MIN_SCORE) candidates.push({ a, b, score });
      }
    }
    candidates.sort((x, y) => y.score - x.score || Math.abs(x.a - x.b) - Math.abs(y.a - y.b));
    for (const c of candidates) {
      if (usedA[c.a] || usedB[c.b]) continue;
      usedA[c.a] = 1;
      usedB[c.b] = 1;
      pairs.push(c);
    }
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
    if (sentenceLength(A, s) < MIN_TOKENS) continue;
    totalA += len(A, s);
    if (usedA[s]) carriedA += len(A, s);
    else droppedA++;
  }
  for (let s = 0; s < B.sentenceCount; s++) {
    if (sentenceLength(B, s) < MIN_TOKENS) continue;
    totalB += len(B, s);
    if (usedB[s]) carriedB += len(B, s);
    else addedB++;
  }
  return { pairs, carriedA, totalA, carriedB, totalB, droppedA, addedB };
}
