import type { Sentence, Token, TokenKind } from '../types.js';

// Order matters: dotted abbreviations (U.S., Ph.D.) before words, numbers with separators before digits.
// Groups, by number (a named-groups object per token costs more than the match): 1 abbreviation, 2 number,
// 3 word, 4 punctuation, 5 symbol.
const TOKEN =
  /((?:\p{L}{1,3}\.){2,})|(\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*)|(\p{P})|(\p{S})/gu;

/** Word, number, punctuation and symbol tokens with exact offsets, each tied to its sentence. */
export function tokenize(text: string, sentences: Sentence[]): Token[] {
  const tokens: Token[] = [];
  for (const s of sentences) {
    s.tokenFrom = tokens.length;
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(s.text)) !== null) {
      const kind: TokenKind = m[1] || m[3] ? 'word' : m[2] ? 'number' : m[4] ? 'punct' : 'symbol';
      const start = s.start + m.index;
      tokens.push({ start, end: start + m[0].length, text: m[0], norm: normalizeWord(m[0]), kind, sentence: s.index });
    }
    s.tokenTo = tokens.length;
  }
  return tokens;
}

export function normalizeWord(w: string): string {
  const lower = w.toLowerCase();
  return lower.includes('’') ? lower.replace(/’/g, "'") : lower;
}
