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

let scratch = new Uint32Array(256);

export function claimWords(ids: ArrayLike<number>, from: number, to: number, skip: ReadonlyArray<{ at: number; len: number }>): number[] {
  const stop = stopwordBits();
  const out = scratch.length >= to - from ? scratch : (scratch = new Uint32Array((to - from) * 2));
  let size = 0;
  for (let i = from; i < to; i++) {
    const id = ids[i]!;
    if (isNumber(id)) continue;
    const k = i - from;
    let skipped = false;
    for (let r = 0; r < skip.length && !skipped; r++) skipped = k >= skip[r]!.at && k < skip[r]!.at + skip[r]!.len;
    if (skipped) continue;
    const w = bare(id);
    if (!isStopId(stop, w)) out[size++] = w;
  }
  // A typed array sorts numerically without a comparator call per step.
  const sorted = out.subarray(0, size).sort();
  const words: number[] = [];
  for (let i = 0; i < size; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) words.push(sorted[i]!);
  return words;
}
