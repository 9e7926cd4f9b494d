import type { Finding, Paragraph } from '../types.js';
import type { Doc } from '../text/doc.js';
import type { Detector } from './detector.js';

export interface WallOfTextOptions {
  /** A paragraph with more words than this is a wall of text. */
  maxWords: number;
  /** From this many words the finding is an error: the paragraph breaks were certainly lost. */
  errorWords?: number;
}

/** Words (and numbers) in a paragraph, from the shared token list. */
export function paragraphWords(doc: Doc, p: Paragraph): number {
  let n = 0;
  for (let s = p.sentenceFrom; s < p.sentenceTo; s++) {
    const sentence = doc.sentences[s]!;
    for (let t = sentence.tokenFrom; t < sentence.tokenTo; t++) {
      const kind = doc.tokens[t]!.kind;
      if (kind === 'word' || kind === 'number') n++;
    }
  }
  return n;
}

/**
 * A paragraph far longer than any a newsroom publishes: the text lost its paragraph breaks when it was
 * scraped or generated. Points at the paragraph's first sentence and says how long the paragraph is.
 */
export const wallOfText: Detector<WallOfTextOptions> = {
  type: 'wall-of-text',
  summary: 'Flags a paragraph longer than a word limit (lost paragraph breaks), at its first sentence.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['maxWords'],
    properties: {
      maxWords: { type: 'integer', minimum: 50 },
      errorWords: { type: 'integer', minimum: 50 },
    },
  },
  run(doc, rule) {
    const { maxWords, errorWords } = rule.prepared;
    const out: Finding[] = [];
    let longest = 0;
    for (const p of doc.paragraphs) {
      const words = paragraphWords(doc, p);
      longest = Math.max(longest, words);
      if (words <= maxWords) continue;
      const first = doc.sentences[p.sentenceFrom];
      const sentences = p.sentenceTo - p.sentenceFrom;
      const share = doc.wordCount ? Math.round((100 * words) / doc.wordCount) : 100;
      const f: Finding = { start: p.start, end: first ? first.end : p.end, data: { words, sentences, share } };
      if (errorWords !== undefined && words >= errorWords) f.severity = 'error';
      out.push(f);
    }
    return out;
  },
};
