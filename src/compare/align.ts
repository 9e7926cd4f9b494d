import { isStopId, stopwordBits } from '../facts/claim-words.js';
import { bare, isNumber } from '../facts/token-ids.js';
import { sentenceTokens, type FactsView } from './facts-view.js';

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

function contentSet(ids: ArrayLike<number>): Set<number> {
  const stop = stopwordBits();
  const out = new Set<number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const w = bare(id);
    if (isNumber(id) || !isStopId(stop, w)) out.add(w);
  }
  return out;
}

/**
 * Best match per sentence over content words, one to one: every sentence of B scored against the sentences of
 * A that share a word with it (an inverted index, so the work follows the shared words, not |A|·|B|), the
 * pairs then taken best first; between equal scores the one that keeps the order wins.
 */
interface SentenceIndex {
  sets: Array<Set<number> | null>;
  index: Map<number, number[]>;
}

// An original is aligned with each of its copies: its sentences' word sets and index are built once (kept for
// the originals only: caching every copy's sets would hold a Set per sentence of the whole batch).
const indexes = new WeakMap<FactsView, SentenceIndex>();
function sentenceIndex(v: FactsView, keep: boolean): SentenceIndex {
  let x = indexes.get(v);
  if (x) return x;
  const sets: Array<Set<number> | null> = [];
  const index = new Map<number, number[]>();
  for (let s = 0; s < v.sentenceCount; s++) {
    const ids = sentenceTokens(v, s);
    if (ids.length < MIN_TOKENS) {
      sets.push(null);
      continue;
    }
    const set = contentSet(ids);
    sets.push(set);
    for (const w of set) {
      let list = index.get(w);
      if (!list) index.set(w, (list = []));
      list.push(s);
    }
  }
  x = { sets, index };
  if (keep) indexes.set(v, x);
  return x;
}

export function alignSentences(A: FactsView, B: FactsView, keepA = false): Alignment {
  const { sets: setsA, index } = sentenceIndex(A, keepA);
  const setsB = sentenceIndex(B, false).sets;
  const candidates: AlignedPair[] = [];
  // Shared-word counts per sentence of A, reset lazily by stamp (no map per sentence of B).
  const count = new Int32Array(A.sentenceCount);
  const stamp = new Int32Array(A.sentenceCount).fill(-1);
  const hits: number[] = [];
  for (let s = 0; s < B.sentenceCount; s++) {
    const set = setsB[s];
    if (!set) continue;
    hits.length = 0;
    for (const w of set) {
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
      const score = (2 * count[a]!) / (set.size + setsA[a]!.size);
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
    if (!setsA[s]) continue;
    totalA += len(A, s);
    if (usedA.has(s)) carriedA += len(A, s);
    else droppedA++;
  }
  for (let s = 0; s < B.sentenceCount; s++) {
    if (!setsB[s]) continue;
    totalB += len(B, s);
    if (usedB.has(s)) carriedB += len(B, s);
    else addedB++;
  }
  return { pairs, carriedA, totalA, carriedB, totalB, droppedA, addedB };
}
