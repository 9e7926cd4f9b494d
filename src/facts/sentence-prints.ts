import type { Doc } from '../text/doc.js';
import { hashString } from './hash.js';

/** A sentence reduced to a hash of its words, with its place and opening words: enough to locate copied text. */
export interface SentencePrint {
  hash: number;
  start: number;
  end: number;
  /** The first words, to quote a copied passage without the whole text. */
  head: string;
}

const MIN_WORDS = 5;
const HEAD = 80;

export function sentencePrints(doc: Doc): SentencePrint[] {
  const out: SentencePrint[] = [];
  for (const s of doc.sentences) {
    const words: string[] = [];
    for (let i = s.tokenFrom; i < s.tokenTo; i++) {
      const t = doc.tokens[i]!;
      if (t.kind === 'word' || t.kind === 'number') words.push(t.norm);
    }
    if (words.length < MIN_WORDS) continue;
    out.push({ hash: hashString(words.join(' ')), start: s.start, end: s.end, head: s.text.length > HEAD ? `${s.text.slice(0, HEAD - 1)}…` : s.text });
  }
  return out;
}
