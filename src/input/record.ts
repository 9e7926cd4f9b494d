import type { Article, InputFormat } from '../types.js';
import { MAX_ARTICLE_CHARS } from './limits.js';
import { normalizeDate } from './normalize-date.js';

export type RecordResult = { article: Article; warnings: string[] } | { problem: string };

const BODY_KEYS = ['body', 'text', 'content'] as const;

/** Which field of a record holds its body ("body", else "text", else "content"), if any. */
export function bodyKeyOf(rec: Record<string, unknown>): (typeof BODY_KEYS)[number] | undefined {
  return BODY_KEYS.find((k) => rec[k] !== undefined && rec[k] !== null);
}
const DATE_KEYS = ['publishedAt', 'published_at', 'datePublished', 'date', 'published'] as const;

/** Why a string body cannot be checked (empty, over the limit for one article), or null. */
export function unusableBody(key: string, body: string): string | null {
  if (body.trim() === '') return `the article's "${key}" is empty`;
  if (body.length > MAX_ARTICLE_CHARS) return `the article's "${key}" is ${body.length.toLocaleString('en')} characters, over the ${MAX_ARTICLE_CHARS.toLocaleString('en')} limit for one article`;
  return null;
}

/** An id must name the article: a non-empty string (trimmed) or a finite number, of at most 500 characters; else null. */
export function usableId(v: unknown): string | null {
  const s = typeof v === 'string' ? v.trim() : typeof v === 'number' && Number.isFinite(v) ? String(v) : '';
  return s !== '' && s.length <= 500 ? s : null;
}

/** An article record (JSON object) → Article, or the one-line reason it cannot be checked. */
export function recordToArticle(rec: unknown, where: { source: string; fallbackId: string; format: InputFormat }): RecordResult {
  if (rec === null || typeof rec !== 'object' || Array.isArray(rec)) return { problem: `expected an article object, found ${Array.isArray(rec) ? 'an array' : rec === null ? 'null' : typeof rec}` };
  const r = rec as Record<string, unknown>;
  const bodyKey = bodyKeyOf(r);
  if (!bodyKey) return { problem: 'the article has no body (expected a "body", "text" or "content" field)' };
  const body = r[bodyKey];
  if (typeof body !== 'string') return { problem: `"${bodyKey}" must be a string, found ${typeof body}` };
  const bodyProblem = unusableBody(bodyKey, body);
  if (bodyProblem) return { problem: bodyProblem };
  const warnings: string[] = [];
  const dateKey = DATE_KEYS.find((k) => r[k] !== undefined && r[k] !== null && r[k] !== '');
  let publishedAt: string | null = null;
  if (dateKey) {
    publishedAt = normalizeDate(r[dateKey]);
    if (!publishedAt) warnings.push(`"${dateKey}" ${JSON.stringify(r[dateKey])} is not a date; ignored`);
  }
  const str = (k: string): string | null => (typeof r[k] === 'string' && (r[k] as string).trim() !== '' ? (r[k] as string) : null);
  // An id must name the article: an empty, non-string or huge value falls back to where the record was read.
  const id = usableId(r.id) ?? where.fallbackId;
  if (r.id !== undefined && r.id !== null && id === where.fallbackId) warnings.push(`"id" ${JSON.stringify(r.id)?.slice(0, 60)} is not a usable id; the article is called ${id}`);
  return {
    article: {
      id,
      source: where.source,
      title: str('title') ?? str('headline'),
      url: str('url') ?? str('link'),
      publishedAt,
      publishedAtOrigin: publishedAt ? 'record' : null,
      publisher: str('source') ?? str('publisher') ?? str('site'),
      format: where.format,
      body,
    },
    warnings,
  };
}
