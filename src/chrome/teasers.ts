import type { LineFeatures } from './line-features.js';
import type { LineClass } from './classify.js';

/** Pairs in a row before a headline-and-snippet pattern counts as a teaser list. */
const MIN_PAIRS = 3;

/**
 * Marks teaser lists: a headline (no sentence punctuation) followed by exactly one line of prose, repeated.
 * Related-article blocks look like this; articles put several paragraphs under a heading, or none.
 * Returns a mask over `lines` (1 = part of a teaser list).
 */
export function teaserMask(feats: readonly (LineFeatures | null)[], classes: readonly (LineClass | null)[]): Uint8Array {
  const mask = new Uint8Array(feats.length);
  // Non-blank lines in order, chrome lines (dates, "2H ago") left out as transparent.
  const seq: number[] = [];
  for (let i = 0; i < feats.length; i++) if (feats[i] && classes[i] !== 'chrome') seq.push(i);
  const isHead = (i: number): boolean => {
    const f = feats[i]!;
    return classes[i] !== 'good' && !f.endsSentence && !f.listItem && f.words >= 2 && f.words <= 24;
  };
  const isSnippet = (i: number): boolean => {
    const c = classes[i];
    // Snippets are often cut off mid-sentence, so no closing punctuation is required.
    return c === 'good' || c === 'near-good' || (c === 'bad' && feats[i]!.endsSentence);
  };
  let k = 0;
  while (k + 1 < seq.length) {
    let pairs = 0;
    while (k + 2 * pairs + 1 < seq.length && isHead(seq[k + 2 * pairs]!) && isSnippet(seq[k + 2 * pairs + 1]!)) pairs++;
    // A teaser list ends with a headline or another pair; an article section goes on with more prose.
    if (pairs >= MIN_PAIRS) {
      for (let j = 0; j < 2 * pairs; j++) mask[seq[k + j]!] = 1;
      k += 2 * pairs;
    } else k++;
  }
  return mask;
}
