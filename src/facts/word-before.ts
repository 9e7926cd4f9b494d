import { STOPWORDS } from './stopwords.js';

// The facts name a figure or a date by the word before it ("rose", "revenue"): each reader lower-cases a window of
// text before the span and takes the last letter runs (/[\p{L}]+/gu) that pass a test. Read backwards from the span
// instead, over characters whose lower case is one character, a letter exactly when the character is one, and not
// Σ (the one character whose lower case depends on its neighbours): there the lower-cased window has the same runs
// at the same places, each the lower case of the run as written. A window with any other character (a letter
// outside the BMP, İ, ß...) is left to the expression.

const LETTER = 1;
const OTHER = 2;
const UNSAFE = 3;
/** By UTF-16 code unit: 0 not classified yet, LETTER, OTHER, UNSAFE. */
const CLASSES = new Uint8Array(0x10000);
const IS_LETTER = /\p{L}/u;

function classify(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return UNSAFE; // half of a pair: its code point decides
  if (c === 0x3a3) return UNSAFE; // Σ: final or medial sigma by context
  const ch = String.fromCharCode(c);
  const lower = ch.toLowerCase();
  const letter = IS_LETTER.test(ch);
  if (lower.length !== 1 || IS_LETTER.test(lower) !== letter) return UNSAFE;
  return letter ? LETTER : OTHER;
}

function classOf(c: number): number {
  if (c < 128) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? LETTER : OTHER;
  let k = CLASSES[c]!;
  if (k === 0) CLASSES[c] = k = classify(c);
  return k;
}

/**
 * Of the last `max` letter runs of text[lo, at), lower-cased, the last one `accept` takes ('' when none does), or
 * null when the window holds a character this reading does not handle (the caller reads it the plain way). A run
 * cut by `lo` counts as cut, as in the slice. Only the runs read are checked: at most `max`, and those after the one
 * accepted.
 */
export function lastWordBefore(text: string, lo: number, at: number, max: number, accept: (word: string) => boolean): string | null {
  let i = at;
  for (let n = 0; n < max; n++) {
    let k = 0;
    while (i > lo && (k = classOf(text.charCodeAt(i - 1))) !== LETTER) {
      if (k === UNSAFE) return null;
      i--;
    }
    if (i === lo) return '';
    const end = i;
    while (i > lo && (k = classOf(text.charCodeAt(i - 1))) === LETTER) i--;
    if (i > lo && k === UNSAFE) return null;
    const w = text.slice(i, end).toLowerCase();
    if (accept(w)) return w;
  }
  return '';
}

export const notStopword = (w: string): boolean => !STOPWORDS.has(w);
