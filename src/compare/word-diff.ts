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
  const n = a.length;
  const m = b.length;
  const w = m + 1;
  if (scratch.length < (n + 1) * w) scratch = new Uint16Array((n + 1) * w * 2);
  const dp = scratch;
  dp.fill(0, n * w, (n + 1) * w);
  for (let i = 0; i < n; i++) dp[i * w + m] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const x = bare(a[i]!);
    for (let j = m - 1; j >= 0; j--) {
      dp[i * w + j] = x === bare(b[j]!) ? dp[(i + 1) * w + j + 1]! + 1 : Math.max(dp[(i + 1) * w + j]!, dp[i * w + j + 1]!);
    }
  }
  const hunks: Hunk[] = [];
  let i = 0;
  let j = 0;
  let open: Hunk | null = null;
  while (i < n || j < m) {
    if (i < n && j < m && bare(a[i]!) === bare(b[j]!)) {
      if (open) hunks.push(open), (open = null);
      i++;
      j++;
      continue;
    }
    if (!open) open = { a0: i, a1: i, b0: j, b1: j };
    if (j >= m || (i < n && dp[(i + 1) * w + j]! >= dp[i * w + j + 1]!)) open.a1 = ++i;
    else open.b1 = ++j;
  }
  if (open) hunks.push(open);
  return hunks;
}
