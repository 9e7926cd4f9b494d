/** A run of lines [from, to] (inclusive) and its summed weight. */
export interface Region {
  from: number;
  to: number;
  score: number;
}

/** The run of consecutive weights with the largest sum (Kadane), skipping the lines in `taken`. */
function bestRun(weights: ArrayLike<number>, taken: Uint8Array): Region | null {
  // `taken` marks lines already in a region and barrier lines (comment-section headers) no region may cross.
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
    // On a tie the run reaching further wins: a paragraph that pays for the chrome line before it is the article's.
    if (!best || sum > best.score || (sum === best.score && from === best.from && w > 0)) best = { from, to: i, score: sum };
  }
  return best;
}

/** Lines that add to a region's score (its text lines). */
function textLines(weights: ArrayLike<number>, r: Region): number {
  let n = 0;
  for (let i = r.from; i <= r.to; i++) if (weights[i]! > 0) n++;
  return n;
}

/** An earlier region needs this many text lines to be taken for the article ahead of the best-scoring one. */
const MIN_EARLY_LINES = 2;

/**
 * The main text region and any further regions that belong with it. Candidates are the best runs found
 * one after another; the article is the EARLIEST candidate that scores at least `earlyShare` of the best one,
 * because comment threads and teaser lists can outweigh a short article but come after it. Later candidates
 * scoring at least `share` of the main one join it (an article split by a large advertisement or gallery).
 */
export function bestRegions(weights: ArrayLike<number>, barriers: Uint8Array, share: number, earlyShare: number, breaks?: Uint8Array, gapShare = Infinity, cheapGap = 0, leadGapLines = 0): Region[] {
  // Breaks (blocks of page furniture) split runs like barriers, but regions on both sides may still join.
  const taken = Uint8Array.from(barriers);
  if (breaks) for (let i = 0; i < taken.length; i++) taken[i] = taken[i]! | breaks[i]!;
  const candidates: Region[] = [];
  let top = 0;
  for (;;) {
    const next = bestRun(weights, taken);
    if (!next || next.score < earlyShare * top) break;
    top = Math.max(top, next.score);
    candidates.push(next);
    taken.fill(1, next.from, next.to + 1);
  }
  if (candidates.length === 0) return [];
  const byPosition = candidates.sort((a, b) => a.from - b.from);
  // A further region joins only when no barrier separates it from the main one (comments stay out).
  const barrierBetween = (a: number, b: number): boolean => barriers.subarray(a, b).some((x) => x === 1);
  // A lone paragraph among menus (a promoted story's headline glued to its lead) is no article: an
  // earlier candidate takes the place of the best one only when it has more than one line of text, or
  // when a comment section lies between them (a one-paragraph article above a longer thread).
  const best = candidates.find((c) => c.score === top)!;
  const main = byPosition.find(
    (c) => c === best || (c.score >= earlyShare * top && (textLines(weights, c) >= MIN_EARLY_LINES || barrierBetween(c.to, best.from))),
  )!;
  // Nor when the furniture between them costs more than `gapShare` times what it brings: a block of text
  // far below the article, past the whole footer (a contact notice, a bio box), is the page's.
  const gapCost = (a: number, b: number): number => {
    let cost = 0;
    for (let i = a + 1; i < b; i++) cost -= Math.min(0, weights[i]!);
    return cost;
  };
  // A smaller region joins too when what separates it is cheap next to what it brings (an in-article box).
  const joins = (c: Region): boolean => {
    if (c.from <= main.to || barrierBetween(main.to, c.from)) return false;
    const cost = gapCost(main.to, c.from);
    return (c.score >= share * main.score && cost <= gapShare * c.score) || cost <= cheapGap * c.score;
  };
  const kept = byPosition.filter((c) => c === main || joins(c));
  const lead = leadAbove(weights, barriers, breaks, main, cheapGap, leadGapLines);
  return lead && !kept.some((c) => c.to >= lead.from && c.from <= lead.to) ? [lead, ...kept] : kept;
}

/** Lines of text an article's lead above a share box must have (a lone caption or teaser does not qualify). */
const MIN_LEAD_LINES = 2;

/**
 * The article's lead split from the rest by a small share-and-follow box ("Follow us on Facebook",
 * "Follow me on Twitter"): the text right above the main region joins it when at most `gapLines`
 * non-article lines separate them and they cost at most `cheapGap` of the lead's score. The lead is the
 * best-scoring run ending just above the box, up to the next barrier or block of furniture above it.
 */
function leadAbove(weights: ArrayLike<number>, barriers: Uint8Array, breaks: Uint8Array | undefined, main: Region, cheapGap: number, gapLines: number): Region | null {
  if (gapLines <= 0) return null;
  let i = main.from - 1;
  let lines = 0;
  let cost = 0;
  for (; i >= 0 && weights[i]! <= 0; i--) {
    if (barriers[i]) return null;
    if (weights[i]! < 0) {
      lines++;
      cost -= weights[i]!;
    }
    if (lines > gapLines) return null;
  }
  if (i < 0 || lines === 0) return null;
  const to = i;
  let sum = 0;
  let best: Region | null = null;
  for (; i >= 0 && !barriers[i] && !breaks?.[i]; i--) {
    sum += weights[i]!;
    if (weights[i]! > 0 && (!best || sum > best.score)) best = { from: i, to, score: sum };
  }
  if (!best || textLines(weights, best) < MIN_LEAD_LINES || cost > cheapGap * best.score) return null;
  return best;
}
