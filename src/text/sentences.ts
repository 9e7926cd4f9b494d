import type { Paragraph, Sentence } from '../types.js';
import { ABBREVIATIONS, SENTENCE_OPENERS } from './abbreviations.js';

// A candidate boundary: terminal punctuation, optional closing quotes or brackets, whitespace,
// then something that can open a sentence. It starts only at the first mark of a run: tried inside a long
// run of dots, the greedy run would be re-read from every position (quadratic).
const BOUNDARY = /(?<![.!?…])([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;
const LETTER = /^\p{L}$/u;
const NEXT_WORD = /["'“‘(\[]?([\p{L}]+)/uy;
// Abbreviations that often end a sentence too ("... in the U.S. The ..."): split when a typical opener follows.
const MAY_END = new Set(['etc', 'u.s', 'u.k', 'u.n', 'inc', 'ltd', 'co', 'corp', 'plc', 'llc', 'a.m', 'p.m', 'd.c', 'al']);

/** Splits each paragraph into sentences; sentences never cross a paragraph. Fills the paragraphs' ranges. */
export function segmentSentences(text: string, paragraphs: Paragraph[]): Sentence[] {
  const sentences: Sentence[] = [];
  for (const p of paragraphs) {
    p.sentenceFrom = sentences.length;
    const chunk = text.slice(p.start, p.end);
    let from = 0;
    BOUNDARY.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = BOUNDARY.exec(chunk)) !== null) {
      const dotAt = m.index;
      const cut = m.index + m[1]!.length + m[2]!.length;
      if (m[1] === '.' && !endsSentence(wordBefore(chunk, from, dotAt), chunk, cut + m[3]!.length)) continue;
      push(p, from, cut);
      from = cut + m[3]!.length;
    }
    push(p, from, chunk.length);
    p.sentenceTo = sentences.length;
  }
  return sentences;

  function push(p: Paragraph, s: number, e: number): void {
    const raw = text.slice(p.start + s, p.start + e);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trim();
    if (!body) return;
    const start = p.start + s + lead;
    sentences.push({ index: sentences.length, paragraph: p.index, start, end: start + body.length, text: body, tokenFrom: 0, tokenTo: 0 });
  }
}

/**
 * The run of letters and dots that ends at `end` (not before `from`): what `([\p{L}.]+)$` finds, read
 * backwards from the dot instead of by a regex tried at every position of the sentence so far.
 */
function wordBefore(chunk: string, from: number, end: number): string | undefined {
  let i = end;
  while (i > from) {
    const c = chunk.charCodeAt(i - 1);
    if (c === 46 || (c < 128 && (c | 32) >= 97 && (c | 32) <= 122)) {
      i--;
      continue;
    }
    if (c < 128) break;
    const width = c >= 0xdc00 && c <= 0xdfff && i - 2 >= from ? 2 : 1; // a letter beyond the BMP is a surrogate pair
    if (!LETTER.test(chunk.slice(i - width, i))) break;
    i -= width;
  }
  return i < end ? chunk.slice(i, end) : undefined;
}

function endsSentence(w: string | undefined, chunk: string, afterAt: number): boolean {
  if (!w) return true;
  const word = w.replace(/^\.+/, '');
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "John F. Kennedy"
  const key = word.toLowerCase();
  if (!ABBREVIATIONS.has(key) && !/^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  if (MAY_END.has(key) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
    NEXT_WORD.lastIndex = afterAt;
    const next = NEXT_WORD.exec(chunk)?.[1]?.toLowerCase();
    return next !== undefined && SENTENCE_OPENERS.has(next);
  }
  return false;
}
