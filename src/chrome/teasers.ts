import type { LineFeatures } from './line-features.js';
import type { LineClass } from './classify.js';

/** Teasers in a row (headline, optional byline, snippet) before they count as a teaser list. */
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
  // A byline or date between headline and snippet ("Rob Crilly") is part of the teaser.
  const isMeta = (i: number): boolean => {
    const f = feats[i]!;
    return classes[i] === 'short' && !f.endsSentence && f.words <= 5;
  };
  /** Length in lines of the teaser starting at seq[k], or 0. */
  // A kicker, headline and source line may stand together above the snippet ("REINDEER GAMES",
  // "'Why Don't You Go Fight For The Reindeer?'", "1 digg example.org Long Reads").
  const isLabel = (i: number): boolean => isMeta(i) || (isHead(i) && classes[i] !== 'near-good');
  const teaserAt = (k: number): number => {
    if (k + 1 >= seq.length || !isHead(seq[k]!)) return 0;
    if (isSnippet(seq[k + 1]!)) return 2;
    if (k + 2 < seq.length && isMeta(seq[k + 1]!) && isSnippet(seq[k + 2]!)) return 3;
    if (k + 3 < seq.length && isLabel(seq[k + 1]!) && isLabel(seq[k + 2]!) && isSnippet(seq[k + 3]!)) return 4;
    return 0;
  };
  let k = 0;
  while (k + 1 < seq.length) {
    // Teasers of one list share a shape: all with a byline or all without. (An article's own headline,
    // byline and first paragraph look like one teaser; the sections after it do not continue that shape.)
    let at = k;
    let units = 0;
    const shape = teaserAt(k);
    for (let n = shape; n > 0 && n === shape; n = teaserAt(at)) {
      at += n;
      units++;
    }
    // A teaser list ends with a headline or another pair; an article section goes on with more prose.
    if (units >= MIN_PAIRS) {
      for (let j = k; j < at; j++) mask[seq[j]!] = 1;
      k = at;
    } else k++;
  }
  return mask;
}
