import { bare } from '../facts/token-ids.js';

/** One run of change between two aligned sentences: tokens [a0, a1) of one replaced by [b0, b1) of the other. */
export interface Hunk {
  a0: number;
  a1: number;
  b0: number;
  b1: number;
}

/**
 * Word-level diff of two sentences' token ids (flags ignored) by longest common subsequence. Sentences are
 * short (at most 120 words), so the table is small; the result lists the changed runs in order.
 */
// One table reused across calls (the comparison is single-threaded): no allocation per sentence pair.
let scratch = new Uint16Array(4096);

export function wordDiff(a: ArrayLike<number>, b: ArrayLike<number>): Hunk[] {
  // The common prefix and suffix are matched as they stand (an LCS keeps them): the table covers only the middle,
  // which for a copy with one word changed is a few cells.
  let lo = 0;
  while (lo < a.length && lo < b.length && bare(a[lo]!) === bare(b[lo]!)) lo++;
  let ea = a.length;
  let eb = b.length;
  while (ea > lo && eb > lo && bare(a[ea - 1]!) === bare(b[eb - 1]!)) ea--, eb--;
  const n = ea - lo;
  const m = eb - lo;
  if (n === 0 && m === 0) return [];
  if (n === 0 || m === 0) return [{ a0: lo, a1: ea, b0: lo, b1: eb }];
  const w = m + 1;
  if (scratch.length < (n + 1) * w) scratch = new Uint16Array((n + 1) * w * 2);
  const dp = scratch;
  dp.fill(0, n * w, (n + 1) * w);
  for (let i = 0; i < n; i++) dp[i * w + m] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const x = bare(a[lo + i]!);
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = x === bare(b[lo + j]!) ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  while (i < n || j < m) {
    if (i < n && j < m && bare(a[lo + i]!) === bare(b[lo + j]!)) {
      if (open) hunks.push(open), (open = null);
      i++;
      j++;
      continue;
    }
    if (!open) open = { a0: lo + i, a1: lo + i, b0: lo + j, b1: lo + j };
    if (j >= m || (i < n && dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!)) open.a1 = lo + ++i;
    else open.b1 = lo + ++j;
  }
  if (open) hunks.push(open);
  return hunks;
}
