import type { Line } from '../types.js';
import type { LineClass } from './classify.js';
import { figureLine, type LineFeatures } from './line-features.js';

/**
 * Grows the article region [from, to] over the lines around it that carry the article on: tables,
 * schedules and lists of results (figures, list items) and sentences, until something that is not
 * content stops it. Up to two short headings ("Defensive Line", "Tour dates") may sit between the region
 * and such a table or list.
 */
export function growRegion(
  lines: readonly Line[],
  feats: readonly (LineFeatures | null)[],
  classes: readonly (LineClass | null)[],
  from: number,
  to: number,
): { from: number; to: number } {
  const dataLike = (i: number): boolean => {
    const f = feats[i];
    return !!f && classes[i] !== 'chrome' && (f.listItem || (figureLine(f) && f.words <= 40));
  };
  const extendable = (i: number): boolean => {
    const f = feats[i];
    if (!f) return true;
    if (classes[i] === 'chrome') return false;
    return dataLike(i) || ((f.endsSentence || f.endsColon) && f.stopwords > 0);
  };
  const bridgeable = (i: number): boolean => classes[i] === 'short' || classes[i] === 'bad';
  const grow = (at: number, step: 1 | -1): number => {
    for (;;) {
      let j = at + step;
      let skipped = 0;
      while (j >= 0 && j < lines.length && !extendable(j) && bridgeable(j) && skipped < 2) {
        j = neighbour(lines, j, step);
        skipped++;
        if (j < 0) return at;
      }
      if (j < 0 || j >= lines.length || !(skipped ? dataLike(j) : extendable(j))) return at;
      at = j;
    }
  };
  return { from: grow(from, -1), to: grow(to, 1) };
}

/** The nearest non-blank line before (-1) or after (+1) line i, or -1. */
export function neighbour(lines: readonly Line[], i: number, step: 1 | -1): number {
  for (let j = i + step; j >= 0 && j < lines.length; j += step) if (!lines[j]!.blank) return j;
  return -1;
}
