import type { Article, Line, Paragraph, Sentence, Token } from '../types.js';
import { detectLanguage } from './language.js';
import { lineStarts, positionOf, segmentLines } from './lines.js';
import { segmentParagraphs } from './paragraphs.js';
import { segmentSentences } from './sentences.js';
import { tokenize } from './tokens.js';

/** The text model: computed once per article and read by every rule. */
export interface Doc {
  article: Article;
  text: string;
  lines: Line[];
  paragraphs: Paragraph[];
  sentences: Sentence[];
  tokens: Token[];
  language: string;
  wordCount: number;
  /** 1-based line and column of a UTF-16 offset. */
  position(offset: number): { line: number; column: number };
  /**
   * A shared analysis, computed on first use and kept for the other rules (dates, protected spans,
   * chrome classification...). Keys are the analysis module's name.
   */
  memo<T>(key: string, compute: (doc: Doc) => T): T;
}

export function buildDoc(article: Article): Doc {
  const text = article.body;
  const lines = segmentLines(text);
  const paragraphs = segmentParagraphs(lines);
  const sentences = segmentSentences(text, paragraphs);
  const tokens = tokenize(text, sentences);
  const starts = lineStarts(lines);
  const cache = new Map<string, unknown>();
  const doc: Doc = {
    article,
    text,
    lines,
    paragraphs,
    sentences,
    tokens,
    language: detectLanguage(text, { sentences, tokens }),
    wordCount: tokens.reduce((n, t) => n + (t.kind === 'word' || t.kind === 'number' ? 1 : 0), 0),
    position: (offset) => positionOf(starts, offset),
    memo<T>(key: string, compute: (d: Doc) => T): T {
      const known = cache.get(key);
      if (known !== undefined || cache.has(key)) return known as T;
      const value = compute(doc);
      cache.set(key, value);
      return value;
    },
  };
  return doc;
}
