import type { Sentence, Token, TokenKind } from '../types.js';
import { NO_ID, VOCABULARY } from './vocabulary.js';

// The token grammar, as one expression (the reference the scanner below follows exactly, tried in this order
// at each position): 1 dotted abbreviation (U.S., Ph.D.), 2 number with separators and an ordinal ending,
// 3 word (letters, marks and digits, joined by apostrophes and hyphens), 4 punctuation, 5 symbol.
//   /((?:\p{L}{1,3}\.){2,})|(\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*)|(\p{P})|(\p{S})/gu
// Tokenising is on every article's path, so it is a scanner over character classes (looked up once per code
// point) instead of the expression: no match objects, no re-testing of five alternatives at each character.

const LETTER = 1;
const MARK = 2;
const NUMBER = 4;
const PUNCT = 8;
const SYMBOL = 16;
const KNOWN = 128;
const WORD_CHAR = LETTER | MARK | NUMBER;

const IS_LETTER = /\p{L}/u;
const IS_MARK = /\p{M}/u;
const IS_NUMBER = /\p{N}/u;
const IS_PUNCT = /\p{P}/u;
const IS_SYMBOL = /\p{S}/u;

function classify(ch: string): number {
  return (
    KNOWN |
    (IS_LETTER.test(ch) ? LETTER : 0) |
    (IS_MARK.test(ch) ? MARK : 0) |
    (IS_NUMBER.test(ch) ? NUMBER : 0) |
    (IS_PUNCT.test(ch) ? PUNCT : 0) |
    (IS_SYMBOL.test(ch) ? SYMBOL : 0)
  );
}

/** Classes of the Basic Multilingual Plane, filled on first sight; the few astral code points seen go in a map. */
const BMP = new Uint8Array(0x10000);
const ASTRAL = new Map<number, number>();

/** The classes of the code point at `i`, and its length in UTF-16 units (2 for a surrogate pair). */
function classAt(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < t.length) {
    const d = t.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      const cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
      let k = ASTRAL.get(cp);
      if (k === undefined) ASTRAL.set(cp, (k = classify(String.fromCodePoint(cp))));
      return k | 0x100;
    }
  }
  let k = BMP[c]!;
  if (k === 0) BMP[c] = k = classify(String.fromCharCode(c));
  return k;
}

/** UTF-16 length of the code point whose classes `classAt` returned. */
const width = (k: number): number => (k & 0x100 ? 2 : 1);

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;

/** End of a dotted abbreviation at `i` (two or more groups of one to three letters and a full stop), or -1. */
function abbreviationEnd(t: string, i: number): number {
  let at = i;
  let groups = 0;
  for (;;) {
    let j = at;
    let letters = 0;
    while (letters < 4 && j < t.length) {
      const k = classAt(t, j);
      if (!(k & LETTER)) break;
      letters++;
      j += width(k);
    }
    if (letters < 1 || letters > 3 || t.charCodeAt(j) !== 0x2e) break;
    at = j + 1;
    groups++;
  }
  return groups >= 2 ? at : -1;
}

function numberEnd(t: string, i: number): number {
  let j = i;
  while (isDigit(t.charCodeAt(j))) j++;
  for (;;) {
    const c = t.charCodeAt(j);
    if ((c === 0x2e || c === 0x2c || c === 0x3a) && isDigit(t.charCodeAt(j + 1))) {
      j += 2;
      while (isDigit(t.charCodeAt(j))) j++;
    } else break;
  }
  const two = t.slice(j, j + 2);
  return two === 'st' || two === 'nd' || two === 'rd' || two === 'th' ? j + 2 : j;
}

function wordEnd(t: string, i: number): number {
  let j = i + width(classAt(t, i));
  for (;;) {
    while (j < t.length) {
      const k = classAt(t, j);
      if (!(k & WORD_CHAR)) break;
      j += width(k);
    }
    const c = t.charCodeAt(j);
    if ((c === 0x27 || c === 0x2019 || c === 0x2d) && j + 1 < t.length && classAt(t, j + 1) & WORD_CHAR) j++;
    else return j;
  }
}

/** Word, number, punctuation and symbol tokens with exact offsets, each tied to its sentence. */
export function tokenize(text: string, sentences: Sentence[]): Token[] {
  const tokens: Token[] = [];
  for (const s of sentences) {
    s.tokenFrom = tokens.length;
    const t = s.text;
    for (let i = 0; i < t.length; ) {
      const k = classAt(t, i);
      let end: number;
      let kind: TokenKind;
      if (k & LETTER && (end = abbreviationEnd(t, i)) >= 0) kind = 'word';
      else if (isDigit(t.charCodeAt(i))) (end = numberEnd(t, i)), (kind = 'number');
      else if (k & (LETTER | MARK)) (end = wordEnd(t, i)), (kind = 'word');
      else if (k & PUNCT) (end = i + width(k)), (kind = 'punct');
      else if (k & SYMBOL) (end = i + width(k)), (kind = 'symbol');
      else {
        i += width(k);
        continue;
      }
      const start = s.start + i;
      let word: string;
      let norm: string;
      let vocabId = NO_ID;
      if (kind === 'word') {
        // A spelling seen before gives its text, its id and its shared normalised string: no slice, no lower-casing.
        const spelling = VOCABULARY.spellingAt(t, i, end);
        if (spelling >= 0) {
          word = VOCABULARY.spellingTextOf(spelling);
          vocabId = VOCABULARY.spellingWord(spelling);
          norm = VOCABULARY.word(vocabId);
        } else {
          word = t.slice(i, end);
          norm = normalizeWord(word);
          vocabId = VOCABULARY.add(norm, word);
          if (vocabId !== NO_ID) norm = VOCABULARY.word(vocabId);
        }
      } else {
        word = t.slice(i, end);
        // A number is digits, separators and a lower-case ordinal ending: already its normalised form.
        norm = kind === 'number' ? word : normalizeWord(word);
      }
      tokens.push({ start, end: start + word.length, text: word, norm, kind, sentence: s.index, vocabId });
      i = end;
    }
    s.tokenTo = tokens.length;
  }
  return tokens;
}

export function normalizeWord(w: string): string {
  const lower = w.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}
