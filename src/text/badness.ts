/**
 * How implausible a stretch of text is as written language: a count of character sequences that real
 * text almost never has and mis-decoded text almost always has (after ftfy's idea of weighing
 * "badness", with our own classes and weights). Only differences matter: a repair is worth making when
 * it lowers the count clearly.
 */

type Kind = 'upper' | 'lower' | 'letter' | 'mark' | 'symbol' | 'space' | 'ascii' | 'control';

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const LETTER = /\p{L}/u;
const MARK = /\p{M}/u;
const SPACE = /\s/u;
const UNASSIGNED = /[\p{Cn}\p{Co}]/u;
const LATIN = /\p{Script=Latin}/u;
const GREEK = /\p{Script=Greek}/u;
const CYRILLIC = /\p{Script=Cyrillic}/u;
// Letters and marks a news text almost never holds: Latin Extended-B (except Romanian ș ț), IPA,
// spacing modifiers, Syriac to Samaritan, Hebrew cantillation, Arabic Quranic marks, box drawing.
// (Vietnamese ơ ư and Pinyin ǎ ǐ ǒ ǔ are kept out of the rare set.)
const RARE = /[\u0180-\u019f\u01b1-\u01cc\u01dd-\u0217\u021c-\u02ff\u0591-\u05af\u0610-\u061a\u0700-\u083f\u2500-\u259f]/u;
// Letters Windows-1252 holds in its 0x80–0x9F range: rare in most languages, common inside mojibake ("Åž", "Å¡").
const CP1252_LETTERS = new Set(['ƒ', 'Š', 'Œ', 'Ž', 'š', 'œ', 'ž', 'Ÿ']);
// Punctuation that ordinarily follows a word, so it weighs less after an accented lower-case letter ("été’", "café…").
const TRAILING = new Set(['’', '”', '»', '…', '—', '–', '‘', '“', '«', '\u00a0']);
const CAPS_AFTER = new Set(['™', '£', '°', '©', '®', '€']);
// Apostrophes and hyphens sit between letters in ordinary words ("don’t", "l’été").
const INNER = new Set(['’', '‘', '\u00ad', '-', '‐', '‑', '·', "'"]);

function kind(ch: string): Kind {
  const c = ch.codePointAt(0)!;
  if (c < 0x80) return UPPER.test(ch) ? 'upper' : LOWER.test(ch) ? 'lower' : SPACE.test(ch) ? 'space' : 'ascii';
  if (c <= 0x9f) return 'control';
  // × ÷ and the ordinal indicators ª º behave as symbols, not letters, inside words.
  if (c === 0xd7 || c === 0xf7 || c === 0xaa || c === 0xba) return 'symbol';
  if (UPPER.test(ch)) return 'upper';
  if (LOWER.test(ch)) return 'lower';
  if (LETTER.test(ch)) return 'letter';
  if (MARK.test(ch)) return 'mark';
  if (SPACE.test(ch)) return 'space';
  return 'symbol';
}

function script(ch: string): string {
  return LATIN.test(ch) ? 'latin' : GREEK.test(ch) ? 'greek' : CYRILLIC.test(ch) ? 'cyrillic' : 'other';
}

const isLetter = (k: Kind): boolean => k === 'upper' || k === 'lower' || k === 'letter';

/** The badness of `text`; higher is less plausible. */
export function badness(text: string): number {
  const chars = [...text];
  let score = 0;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    const k = kind(ch);
    const c = ch.codePointAt(0)!;
    if (k === 'control') score += 3;
    if (c >= 0x80 && (RARE.test(ch) || UNASSIGNED.test(ch))) score += 2;
    if (i === 0) continue;
    const prev = chars[i - 1]!;
    const pk = kind(prev);
    const prevHigh = prev.codePointAt(0)! >= 0x80;
    // An accented letter (or × ÷) followed by a high symbol, a no-break space or a control: "Ã©", "â€", "Â ".
    if (prevHigh && (isLetter(pk) || pk === 'symbol') && (k === 'symbol' || k === 'control' || ch === '\u00a0')) {
      // A word in capitals may end in an accented capital before a dash, an ellipsis, ™, £ or a no-break space ("CAFÉ…", "ROSÉ™").
      const capsWord = pk === 'upper' && i >= 2 && kind(chars[i - 2]!) === 'upper' && (TRAILING.has(ch) || CAPS_AFTER.has(ch));
      if (!capsWord) score += pk === 'lower' && !TRAILING.has(ch) ? 2 : 1;
    }
    if (prevHigh && isLetter(pk) && CP1252_LETTERS.has(ch)) score += pk === 'lower' ? 2 : 1;
    // A high symbol between two letters: "It‚Äôs", "caf√©s".
    if (k === 'upper' || k === 'lower') {
      if (i >= 2 && pk === 'symbol' && prevHigh && !INNER.has(prev) && isLetter(kind(chars[i - 2]!))) score += 1;
    }
    // A capital inside a word after a lower-case letter: "cafÃ", "siÄ", "РџСЂ".
    if (k === 'upper' && pk === 'lower' && (c >= 0x80 || prevHigh)) score += 1;
    // Letters of two scripts side by side: "Ðµ", "Рµ".
    if (isLetter(k) && isLetter(pk) && (c >= 0x80 || prevHigh) && script(ch) !== script(prev)) score += 2;
    // A non-ASCII lower-case letter closing a word in capitals: "IRMà", "MĄ".
    if (k === 'lower' && c >= 0x80 && pk === 'upper' && i >= 2 && kind(chars[i - 2]!) === 'upper') score += 2;
    // A mark after something that is not a letter.
    if (k === 'mark' && (!isLetter(pk) || (c >= 0x0370 && script(prev) === 'latin'))) score += 2;
  }
  return score;
}
