import { NEGATIONS, STOPWORDS } from './stopwords.js';
import { bare, isNumber, wordId } from './token-ids.js';

let stopIds: Set<number> | null = null;
/** Ids of the function words and negations: they say nothing about what a sentence is about. */
export function stopwordIds(): Set<number> {
  if (!stopIds) stopIds = new Set([...STOPWORDS, ...NEGATIONS].map(wordId));
  return stopIds;
}

/** Sorted, unique ids of a sentence's content words outside the given token ranges (names, dates). */
export function claimWords(ids: ArrayLike<number>, from: number, to: number, skip: ReadonlyArray<{ at: number; len: number }>): number[] {
  const stop = stopwordIds();
  const out = new Set<number>();
  for (let i = from; i < to; i++) {
    const id = ids[i]!;
    if (isNumber(id)) continue;
    const k = i - from;
    if (skip.some((r) => k >= r.at && k < r.at + r.len)) continue;
    const w = bare(id);
    if (!stop.has(w)) out.add(w);
  }
  return [...out].sort((a, b) => a - b);
}
