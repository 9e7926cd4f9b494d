import type { Sentence, Token, TokenKind } from '../types.js';
import { NO_ID, VOCABULARY } from './vocabulary.js';
import { isDigitCode } from './digit-code.js';

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
function classAt(t: string, i: number, lim: number): number {
  const c = t.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff && i + 1 < lim) {
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


// The scanner reads the whole text between a sentence's bounds (`lim` is the sentence's end): the same characters
// as its text, without reading through a slice of the body. Every read at or past `lim` counts as the end.

/** End of a dotted abbreviation at `i` (two or more groups of one to three letters and a full stop), or -1. */
function abbreviationEnd(t: string, i: number, lim: number): number {
  let at = i;
  let groups = 0;
  for (;;) {
    let j = at;
    let letters = 0;
    while (letters < 4 && j < lim) {
      const k = classAt(t, j, lim);
      if (!(k & LETTER)) break;
      letters++;
      j += width(k);
    }
    if (letters < 1 || letters > 3 || j >= lim || t.charCodeAt(j) !== 0x2e) break;
    at = j + 1;
    groups++;
  }
  return groups >= 2 ? at : -1;
}

function numberEnd(t: string, i: number, lim: number): number {
  let j = i;
  while (j < lim && isDigitCode(t.charCodeAt(j))) j++;
  for (;;) {
    const c = j < lim ? t.charCodeAt(j) : 0;
    if ((c === 0x2e || c === 0x2c || c === 0x3a) && j + 1 < lim && isDigitCode(t.charCodeAt(j + 1))) {
      j += 2;
      while (j < lim && isDigitCode(t.charCodeAt(j))) j++;
    } else break;
  }
  if (j + 2 > lim) return j;
  const a = t.charCodeAt(j);
  const b = t.charCodeAt(j + 1);
  // st, nd, rd, th
  const ordinal = (a === 0x73 && b === 0x74) || (a === 0x6e && b === 0x64) || (a === 0x72 && b === 0x64) || (a === 0x74 && b === 0x68);
  return ordinal ? j + 2 : j;
}

/** WORD_CHAR classes of the ASCII characters, for the common case without a table read through classAt. */
const ASCII_WORD = new Uint8Array(128);
for (let c = 0; c < 128; c++) ASCII_WORD[c] = classify(String.fromCharCode(c)) & WORD_CHAR;

/** End of the run of letters, marks and digits from `j`. */
function runEnd(t: string, j: number, lim: number): number {
  while (j < lim) {
    const c = t.charCodeAt(j);
    if (c < 128) {
      if (!ASCII_WORD[c]) break;
      j++;
      continue;
    }
    const k = classAt(t, j, lim);
    if (!(k & WORD_CHAR)) break;
    j += width(k);
  }
  return j;
}

/** The rest of a word whose first run of letters, marks and digits ends at `j`: further runs joined by ' ’ or -. */
function wordRest(t: string, j: number, lim: number): number {
  for (;;) {
    if (j + 1 >= lim) return j;
    const c = t.charCodeAt(j);
    if ((c === 0x27 || c === 0x2019 || c === 0x2d) && classAt(t, j + 1, lim) & WORD_CHAR) j = runEnd(t, j + 1, lim);
    else return j;
  }
}

/** One-character punctuation and symbol tokens: the text and its normalised form, made once per character. */
const SINGLE_NORM = new Map<string, string>();

/**
 * A token made by a constructor, not an object literal. Why: V8 tracks each literal as an allocation site and
 * pretenures the objects of a site whose objects mostly survive a scavenge. An article's tokens live as long as its
 * check, so when scavenges fall inside checks the literal was judged long-lived and every later article's tokens
 * (~50 KB) went straight to the old generation, dead garbage there until the next mark-compact (the memory peak that
 * kept template-sentence's gates out: they shift where scavenges fall). `new` has no allocation site: tokens stay
 * young and die young.
 */
class WordToken implements Token {
  // Declared only: emitted fields would be defined as undefined first, widening the number fields' representation.
  declare start: number;
  declare end: number;
  declare text: string;
  declare norm: string;
  declare kind: TokenKind;
  declare sentence: number;
  declare vocabId: number;
  constructor(start: number, end: number, text: string, norm: string, kind: TokenKind, sentence: number, vocabId: number) {
    this.start = start;
    this.end = end;
    this.text = text;
    this.norm = norm;
    this.kind = kind;
    this.sentence = sentence;
    this.vocabId = vocabId;
  }
}

/** Word, number, punctuation and symbol tokens with exact offsets, each tied to its sentence. */
export function tokenize(text: string, sentences: Sentence[]): Token[] {
  const tokens: Token[] = [];
  const t = text;
  for (const s of sentences) {
    s.tokenFrom = tokens.length;
    const lim = s.end;
    for (let i = s.start; i < lim; ) {
      const k = classAt(t, i, lim);
      let end: number;
      let kind: TokenKind;
      if (k & (LETTER | MARK) && !isDigitCode(t.charCodeAt(i))) {
        // A dotted abbreviation's first group is its word's first run, one to three letters before a full stop.
        const run = runEnd(t, i + width(k), lim);
        if (k & LETTER && run - i <= 6 && run < lim && t.charCodeAt(run) === 0x2e && (end = abbreviationEnd(t, i, lim)) >= 0) kind = 'word';
        else (end = wordRest(t, run, lim)), (kind = 'word');
      } else if (isDigitCode(t.charCodeAt(i))) (end = numberEnd(t, i, lim)), (kind = 'number');
      else if (k & PUNCT) (end = i + width(k)), (kind = 'punct');
      else if (k & SYMBOL) (end = i + width(k)), (kind = 'symbol');
      else {
        i += width(k);
        continue;
      }
      const start = i;
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
      } else if (kind === 'number') {
        // A number is digits, separators and a lower-case ordinal ending: already its normalised form.
        word = norm = t.slice(i, end);
      } else {
        word = t.slice(i, end);
        let n = SINGLE_NORM.get(word);
        if (n === undefined) SINGLE_NORM.set(word, (n = normalizeWord(word)));
        norm = n;
      }
      tokens.push(new WordToken(start, start + word.length, word, norm, kind, s.index, vocabId));
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
