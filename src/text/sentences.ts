import type { Paragraph, Sentence } from '../types.js';
import { ABBREVIATIONS, SENTENCE_OPENERS } from './abbreviations.js';

// A candidate boundary: terminal punctuation, optional closing quotes or brackets, whitespace,
// then something that can open a sentence.
const BOUNDARY = /([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[\p{Lu}\p{N}])/gu;
const WORD_BEFORE = /([\p{L}.]+)$/u;
const NEXT_WORD = /^["'“‘(\[]?([\p{L}]+)/u;
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
      if (m[1] === '.' && !endsSentence(chunk.slice(from, dotAt), chunk.slice(cut + m[3]!.length))) continue;
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

function endsSentence(before: string, after: string): boolean {
  const w = WORD_BEFORE.exec(before)?.[1];
  if (!w) return true;
  const word = w.replace(/^\.+/, '');
  if (/^\p{Lu}$/u.test(word)) return false; // an initial: "John F. Kennedy"
  const key = word.toLowerCase();
  if (!ABBREVIATIONS.has(key) && !/^(\p{L}\.)+\p{L}$/u.test(word)) return true;
  if (MAY_END.has(key) || /^(\p{L}\.)+\p{L}$/u.test(word)) {
    const next = NEXT_WORD.exec(after)?.[1]?.toLowerCase();
    return next !== undefined && SENTENCE_OPENERS.has(next);
  }
  return false;
}
