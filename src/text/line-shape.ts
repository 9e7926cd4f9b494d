import type { Line } from '../types.js';

/** What a line looks like on the page: enough to tell a heading or a stray title from running text. */
export interface LineShape {
  /** Words (letters, digits) on the line. */
  words: number;
  /** Share of the significant words (not articles, conjunctions, short prepositions) that start with a capital. */
  titleCase: number;
  /** Ends like a sentence or a lead-in (. ! ? : ; ,) rather than like a title. */
  endsLikeSentence: boolean;
  /** `#`-level of a Markdown heading, 0 otherwise. */
  markdownLevel: number;
  /** Has a URL, an address, a table bar, a bracketed source or a price: a list item, a link or a widget, not a title. */
  hasWidgetMarks: boolean;
  /** Significant words, lower-cased, in order. */
  significant: string[];
}

// Words that title case leaves in lower case ("Belarus Eyes Membership Amid Tensions and Diplomacy").
const MINOR = new Set(
  'a an the and or nor but of in on at to for by with from as amid into onto over per than upon via vs up off out so yet de la le el del der die das und et'.split(' '),
);
const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’.-]*/gu;

/**
 * `lineShape(line).words`, counted only up to `cap` (the answer is min(words, cap)): whether a paragraph is longer
 * than a heading can be is known after a few words, without shaping all of it. The Markdown and bold marks
 * lineShape strips hold no word characters, so the count on the line as written is the same.
 */
export function lineWordCount(line: Line, cap: number): number {
  const text = line.text;
  let n = 0;
  WORD.lastIndex = 0;
  while (n < cap && WORD.test(text)) n++;
  return n;
}

export function lineShape(line: Line): LineShape {
  let text = line.text.trim();
  const md = /^(#{1,6})\s+/.exec(text);
  if (md) text = text.slice(md[0].length);
  text = text.replace(/^\*\*(.*)\*\*$/, '$1').trim();
  const words = text.match(WORD) ?? [];
  const significant = words.filter((w) => !MINOR.has(w.toLowerCase()));
  const capitalised = significant.filter((w) => /^[\p{Lu}\p{N}]/u.test(w)).length;
  return {
    words: words.length,
    titleCase: significant.length ? capitalised / significant.length : 0,
    endsLikeSentence: /[.!?:;,…]["'”’)]*$/u.test(text),
    markdownLevel: md ? md[1]!.length : 0,
    hasWidgetMarks: /https?:\/\/|www\.|@|\||\[|\]|[$€£¥]\d|©/u.test(text),
    significant: significant.map((w) => w.toLowerCase().replace(/’/g, "'")),
  };
}

/**
 * A line that reads as a heading: a Markdown heading, or a short title-case line that does not end like a
 * sentence and carries no widget marks (links, prices, table bars).
 */
export function looksLikeHeading(shape: LineShape, maxWords: number, minTitleCase: number): boolean {
  if (shape.markdownLevel > 0) return true;
  return shape.words >= 1 && shape.words <= maxWords && !shape.endsLikeSentence && !shape.hasWidgetMarks && shape.titleCase >= minTitleCase;
}
