import type { Doc } from '../text/doc.js';
import type { Flag } from '../types.js';

/**
 * What the cross-document phase needs to know about one article: small and serialisable, so a batch
 * of 10,000 articles fits in memory and facts can come back from worker threads.
 */
export interface ArticleFacts {
  article: string;
  publishedAt: string | null;
  language: string;
  wordCount: number;
}

export function buildFacts(doc: Doc, _flags: Flag[], publishedAt: string | null): ArticleFacts {
  return { article: doc.article.id, publishedAt, language: doc.language, wordCount: doc.wordCount };
}
