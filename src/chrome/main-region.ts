/** A run of lines [from, to] (inclusive) and its summed weight. */
export interface Region {
  from: number;
  to: number;
  score: number;
}

/** The run of consecutive weights with the largest sum (Kadane), skipping the lines in `taken`. */
function bestRun(weights: readonly number[], taken: Uint8Array): Region | null {
  let best: Region | null = null;
  let sum = 0;
  let from = -1;
  for (let i = 0; i < weights.length; i++) {
    if (taken[i]) {
      sum = 0;
      from = -1;
      continue;
    }
    const w = weights[i]!;
    if (from < 0) {
      if (w <= 0) continue;
      from = i;
      sum = 0;
    }
    sum += w;
    if (sum <= 0) {
      from = -1;
      sum = 0;
      continue;
    }
    if (!best || sum > best.score) best = { from, to: i, score: sum };
  }
  return best;
}

/**
 * The main text region (where article prose outweighs chrome), plus further regions that score at least
 * `share` of it (an article split by a large advertisement or gallery). Article pages have one body; lists
 * of teasers score far lower, so they stay out.
 */
export function bestRegions(weights: readonly number[], share: number): Region[] {
  const taken = new Uint8Array(weights.length);
  const main = bestRun(weights, taken);
  if (!main) return [];
  const out = [main];
  taken.fill(1, main.from, main.to + 1);
  for (;;) {
    const next = bestRun(weights, taken);
    if (!next || next.score < share * main.score) break;
    out.push(next);
    taken.fill(1, next.from, next.to + 1);
  }
  return out.sort((a, b) => a.from - b.from);
}
