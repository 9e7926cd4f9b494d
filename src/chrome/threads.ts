import type { Line } from '../types.js';
import type { LineClass } from './classify.js';
import type { LineFeatures } from './line-features.js';
import type { ChromeThresholds } from './options.js';

/**
 * Reader-comment threads, recognised from the text: a run of blocks each marked by a comment signal (a
 * byline with a name and a date, "says:", "Reply", vote counts, "#3 - date", avatar alt text) with the
 * comments' own prose between the signals. A thread can hold far more prose than the article above it,
 * so it is found first and kept out of the article region, whatever its length.
 *
 * A thread is only taken for one when article text comes before it: comments follow what they discuss.
 * Lists of dated entries with no prose between them (tour dates, archives) are not threads.
 */
export interface Thread {
  /** First line of the thread (its header when there is one), inclusive. */
  from: number;
  /** Last line of the thread, inclusive. */
  to: number;
}

export function findThreads(
  lines: readonly Line[],
  feats: readonly (LineFeatures | null)[],
  classes: readonly (LineClass | null)[],
  weights: ArrayLike<number>,
  th: ChromeThresholds,
): Thread[] {
  // Non-blank lines in order, and the positions (in that order) of the signals.
  const seq: number[] = [];
  for (let i = 0; i < lines.length; i++) if (feats[i]) seq.push(i);
  // Pushed, not mapped: an optimised caller's inlined `map` would hand back holey arrays, the interpreter packed ones.
  const signal: boolean[] = [];
  const header: boolean[] = [];
  for (const i of seq) {
    signal.push(isSignal(feats[i]!));
    header.push(isHeader(feats[i]!));
  }
  const threads: Thread[] = [];
  let k = 0;
  while (k < seq.length) {
    if (!signal[k]) {
      k++;
      continue;
    }
    // A chain of signals, each within threadMaxGap lines of the one before.
    const chain = [k];
    for (let j = k + 1; j < seq.length && j - chain.at(-1)! <= th.threadMaxGap; j++) if (signal[j]) chain.push(j);
    const bodies = chain.slice(1).filter((c, n) => hasBody(seq, classes, chain[n]!, c)).length;
    // A comment may carry two signals (byline above, "Reply" below), so a third of the gaps holding prose will do.
    if (chain.length >= th.threadMinSignals && bodies >= 2 && bodies * 3 >= chain.length - 1) {
      let from = chain[0]!;
      // A "12 comments" or "Leave a reply" header shortly before the first signal opens the thread.
      for (let j = from - 1; j >= 0 && from - j <= th.threadMaxGap; j--) if (header[j]) from = j;
      const gaps = chain.slice(1).map((c, n) => c - chain[n]!).sort((a, b) => a - b);
      const median = gaps[gaps.length >> 1] ?? 1;
      // The last comment's prose follows its signal; the page's footer (chrome) ends it.
      let to = chain.at(-1)!;
      while (to + 1 < seq.length && to - chain.at(-1)! < median && classes[seq[to + 1]!] !== 'chrome') to++;
      let before = 0;
      for (let j = 0; j < seq[from]!; j++) before += Math.max(0, weights[j]!);
      if (before >= th.threadArticleWords) threads.push({ from: seq[from]!, to: seq[to]! });
      k = to + 1;
    } else k++;
  }
  return threads;
}

/** A comment's own marks: vocabulary of thread kinds, or a byline naming someone with a date. */
function isSignal(f: LineFeatures): boolean {
  return (f.kind?.thread ?? false) || f.commentByline;
}

/** A comment section's heading ("12 comments", "Leave a reply"): a thread kind weighing enough to be a barrier. */
function isHeader(f: LineFeatures): boolean {
  return (f.kind?.thread ?? false) && f.kind!.weight >= 10;
}

/** Some prose (a comment's text) lies between two signals. */
function hasBody(seq: readonly number[], classes: readonly (LineClass | null)[], a: number, b: number): boolean {
  for (let j = a + 1; j < b; j++) {
    const c = classes[seq[j]!];
    if (c === 'good' || c === 'near-good' || c === 'short') return true;
  }
  return false;
}
