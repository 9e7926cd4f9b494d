// The comparisons of a batch as the comparison thread sends them when the output is a JSONL stream: lines
// already rendered, and how many of each type they hold (what the summary counts). A chunk of text
// crosses to the main thread as one copy, where a chunk of objects is rebuilt there object by object (each
// side, each message) only to be stringified at once and dropped: ~46,000 comparisons at 10k.
import { renderComparisonLine } from '../report/formats/jsonl.js';
import type { Comparison, ComparisonType } from '../types.js';

export interface ComparisonChunk {
  /** renderComparisonLine of each comparison, in order. */
  lines: string;
  /** Comparisons per type, keys in the order the chunk first names them (the summary keeps that order). */
  counts: Partial<Record<ComparisonType, number>>;
}

export function comparisonChunk(done: readonly Comparison[], from = 0, to = done.length): ComparisonChunk {
  let lines = '';
  const counts: ComparisonChunk['counts'] = {};
  for (let i = from; i < to; i++) {
    const c = done[i]!;
    lines += renderComparisonLine(c);
    counts[c.type] = (counts[c.type] ?? 0) + 1;
  }
  return { lines, counts };
}
