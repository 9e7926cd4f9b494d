import { STOPWORDS } from './stopwords.js';

// The facts name a figure or a date by the word before it ("rose", "revenue"): each reader lower-cases a window of
// text before the span and takes the last letter runs (/[\p{L}]+/gu) that pass a test. Read backwards from the span
// instead, where the text is ASCII letters, ASCII non-letters and common typographic punctuation, lower-casing
// changes no length and turns no letter into a non-letter or back, so the runs read backwards are the runs the
// expression finds in the lower-cased window; a window with any other character is left to the expression.

const isAsciiLetter = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
/** Non-ASCII characters that are no letter and lower-case to themselves, common in news copy (‐ – — ‘ ’ “ ” … and the no-break space). */
const isPlainPunctuation = (c: number): boolean => (c >= 0x2010 && c <= 0x201f) || c === 0x2026 || c === 0xa0;

/**
 * Of the last `max` letter runs of text[lo, at), lower-cased, the last one `accept` takes ('' when none does), or
 * null when the window holds a character this reading does not handle (the caller reads it the plain way). A run
 * cut by `lo` counts as cut, as in the slice. Only the runs read are checked: at most `max`, and those after the one
 * accepted.
 */
export function lastWordBefore(text: string, lo: number, at: number, max: number, accept: (word: string) => boolean): string | null {
  let i = at;
  for (let n = 0; n < max; n++) {
    let c = 0;
    while (i > lo && !isAsciiLetter((c = text.charCodeAt(i - 1)))) {
      if (c >= 128 && !isPlainPunctuation(c)) return null;
      i--;
    }
    if (i === lo) return '';
    const end = i;
    while (i > lo && isAsciiLetter((c = text.charCodeAt(i - 1)))) i--;
    if (i > lo && c >= 128 && !isPlainPunctuation(c)) return null;
    const w = text.slice(i, end).toLowerCase();
    if (accept(w)) return w;
  }
  return '';
}

export const notStopword = (w: string): boolean => !STOPWORDS.has(w);
