import type { Doc } from '../text/doc.js';
import type { Flag } from '../types.js';
import { extractClaims, type Claim } from './claims.js';
import { sentencePrints, type SentencePrint } from './sentence-prints.js';
import { textSignature } from './signature.js';

export type { Claim } from './claims.js';
export type { SentencePrint } from './sentence-prints.js';

/**
 * What the cross-document phase needs to know about one article: small and serialisable (plain arrays,
 * strings and numbers), so a batch of 10,000 articles fits in memory and facts can come back from worker threads.
 */
export interface ArticleFacts {
  article: string;
  publishedAt: string | null;
  language: string;
  wordCount: number;
  /** Length of the body, to tell a full copy from a partial one. */
  length: number;
  /** Hash of the normalised words: exact copies share it. */
  textHash: number;
  /** MinHash over word 4-shingles (128 values). */
  minhash: number[];
  /** Distinct names the article mentions, most frequent first (at most 40): shared rare names relate two articles. */
  entities: string[];
  claims: Claim[];
  sentences: SentencePrint[];
}

const MAX_ENTITIES = 40;

export function buildFacts(doc: Doc, _flags: Flag[], publishedAt: string | null): ArticleFacts {
  const claims = extractClaims(doc);
  const signature = textSignature(doc);
  const counts = new Map<string, number>();
  for (const c of claims) for (const e of c.entities) counts.set(e.key, (counts.get(e.key) ?? 0) + 1);
  const entities = [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, MAX_ENTITIES)
    .map(([k]) => k);
  return {
    article: doc.article.id,
    publishedAt,
    language: doc.language,
    wordCount: doc.wordCount,
    length: doc.text.length,
    textHash: signature.textHash,
    minhash: signature.minhash,
    entities,
    claims,
    sentences: sentencePrints(doc),
  };
}
