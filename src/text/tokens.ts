import type { Sentence, Token, TokenKind } from '../types.js';

// Order matters: dotted abbreviations (U.S., Ph.D.) before words, numbers with separators before digits.
const TOKEN =
  /(?<abbr>(?:\p{L}{1,3}\.){2,})|(?<number>\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?)|(?<word>[\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*)|(?<punct>\p{P})|(?<symbol>\p{S})/gu;

/** Word, number, punctuation and symbol tokens with exact offsets, each tied to its sentence. */
export function tokenize(text: string, sentences: Sentence[]): Token[] {
  const tokens: Token[] = [];
  for (const s of sentences) {
    s.tokenFrom = tokens.length;
    TOKEN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = TOKEN.exec(s.text)) !== null) {
      const g = m.groups!;
      const kind: TokenKind = g.abbr || g.word ? 'word' : g.number ? 'number' : g.punct ? 'punct' : 'symbol';
      const start = s.start + m.index;
      tokens.push({ start, end: start + m[0].length, text: m[0], norm: normalizeWord(m[0]), kind, sentence: s.index });
    }
    s.tokenTo = tokens.length;
  }
  return tokens;
}

export function normalizeWord(w: string): string {
  return w.toLowerCase().replace(/’/g, "'");
}
