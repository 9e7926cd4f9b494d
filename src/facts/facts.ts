import type { Doc } from '../text/doc.js';
import type { Flag } from '../types.js';
import { extractClaimRows } from './claims.js';
import { packClaimRows } from './claim-codec.js';
import { packU32 } from './packed.js';
import { buildSentenceTable, type SentenceTable } from './sentence-table.js';
import { wordsSignature } from './signature.js';

export type { Claim } from './claims.js';
export type { SentenceTable } from './sentence-table.js';

/**
 * What the cross-document phase needs to know about one article: small and serialisable (strings and numbers
 * only), so a batch of 10,000 articles fits in memory, facts come back from worker threads, and facts written
 * as JSON lines by many shards can be compared together. No sentence is copied: offsets and token ids are
 * kept, and quotes are read from the bodies at report time for the pairs that are reported.
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
  /** MinHash over word 4-shingles (128 unsigned 32-bit values, packed as base64). */
  minhash: string;
  /** Distinct names the article mentions, most frequent first (at most 40): shared rare names relate two articles. */
  entities: string[];
  /** The claims' slots, packed (see claim-codec.ts). */
  claims: string;
  /** Every sentence as offsets and token ids (see sentence-table.ts). */
  table: SentenceTable;
}

const MAX_ENTITIES = 40;

// The fields of ArticleFacts by the type JSON gives them (publishedAt, entities and table are checked apart).
const FIELD_TYPES: ReadonlyArray<[keyof ArticleFacts, 'string' | 'number']> = [
  ['article', 'string'],
  ['language', 'string'],
  ['wordCount', 'number'],
  ['length', 'number'],
  ['textHash', 'number'],
  ['minhash', 'string'],
  ['claims', 'string'],
];
const TABLE_FIELDS: ReadonlyArray<keyof SentenceTable> = ['sentences', 'tokens', 'lines'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * What is wrong with a value read as ArticleFacts (a line of a facts file, written by another run or by hand),
 * or null when every field has its type. The shapes only: the packed strings are checked as they are unpacked.
 */
export function factsProblem(value: unknown): string | null {
  if (!isObject(value)) return '"facts" is not an object';
  for (const [key, type] of FIELD_TYPES) if (typeof value[key] !== type) return `"facts.${key}" is not a ${type}`;
  if (value.publishedAt !== null && typeof value.publishedAt !== 'string') return '"facts.publishedAt" is neither a string nor null';
  if (!Array.isArray(value.entities) || !value.entities.every((e) => typeof e === 'string')) return '"facts.entities" is not a list of strings';
  const table = value.table;
  if (!isObject(table)) return '"facts.table" is not an object';
  for (const key of TABLE_FIELDS) if (typeof table[key] !== 'string') return `"facts.table.${key}" is not a string`;
  return null;
}

export function buildFacts(doc: Doc, _flags: Flag[], publishedAt: string | null): ArticleFacts {
  const table = buildSentenceTable(doc);
  const claims = extractClaimRows(doc, table);
  const signature = wordsSignature(table.words, table.words.length);
  const counts = new Map<string, number>();
  for (const c of claims) for (const e of c[4]) counts.set(e[0], (counts.get(e[0]) ?? 0) + 1);
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
    minhash: packU32(signature.minhash),
    entities,
    claims: packClaimRows(claims),
    table: table.packed,
  };
}
