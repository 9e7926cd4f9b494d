// What a library caller hands over as an article, made into an Article the way the CLI and the service make
// records into one: an unusable id falls back to the article's place, a publication date that is not a date is
// dropped with a warning, a field of the wrong type is ignored with a warning. A caller's object is never
// trusted to match the Article type: it may come straight from JSON.parse of someone else's data.
import type { Article, BodyComment, DateOrigin, InputFormat } from '../types.js';
import { normalizeDate } from './normalize-date.js';
import { unusableBody, usableId } from './record.js';

export type ArticleInputResult = { article: Article; warnings: string[] } | { problem: string; id: string };

const FORMATS: ReadonlySet<string> = new Set<InputFormat>(['txt', 'md', 'html', 'json', 'jsonl']);
const ORIGINS: ReadonlySet<string> = new Set<DateOrigin>(['record', 'html-meta', 'html-time', 'text', 'url']);

/** The name an article gets when the caller gives none that is usable: its place in the batch. */
export function fallbackId(index: number): string {
  return `article-${index + 1}`;
}

const kind = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** `input` (the `index`-th article of a batch) as an Article, or the one-line reason it cannot be checked. */
export function articleFromInput(input: unknown, index = 0): ArticleInputResult {
  const fallback = fallbackId(index);
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return { problem: `expected an article object, found ${kind(input)}`, id: fallback };
  const r = input as Record<string, unknown>;
  const warnings: string[] = [];
  const id = usableId(r.id) ?? fallback;
  if (r.id !== undefined && r.id !== null && id === fallback) warnings.push(`"id" ${JSON.stringify(r.id)?.slice(0, 60) ?? kind(r.id)} is not a usable id; the article is called ${id}`);
  if (typeof r.body !== 'string') return { problem: `"body" must be a string, found ${kind(r.body)}`, id };
  const bodyProblem = unusableBody('body', r.body);
  if (bodyProblem) return { problem: bodyProblem, id };

  const text = (key: string): string | null => {
    const v = r[key];
    if (v === undefined || v === null) return null;
    if (typeof v === 'string') return v.trim() === '' ? null : v;
    warnings.push(`"${key}" must be a string, found ${kind(v)}; ignored`);
    return null;
  };
  let publishedAt: string | null = null;
  if (r.publishedAt !== undefined && r.publishedAt !== null && r.publishedAt !== '') {
    publishedAt = normalizeDate(r.publishedAt);
    if (!publishedAt) warnings.push(`"publishedAt" ${JSON.stringify(r.publishedAt)?.slice(0, 60) ?? kind(r.publishedAt)} is not a date (years 0001-9999); ignored`);
  }
  const origin = typeof r.publishedAtOrigin === 'string' && ORIGINS.has(r.publishedAtOrigin) ? (r.publishedAtOrigin as DateOrigin) : 'record';
  const format = typeof r.format === 'string' && FORMATS.has(r.format) ? (r.format as InputFormat) : 'txt';
  if (r.format !== undefined && r.format !== null && format !== r.format) warnings.push(`"format" ${JSON.stringify(r.format)?.slice(0, 60)} is not one of ${[...FORMATS].join(', ')}; read as txt`);
  const article: Article = {
    id,
    source: text('source') ?? id,
    title: text('title'),
    url: text('url'),
    publishedAt,
    publishedAtOrigin: publishedAt ? origin : null,
    publisher: text('publisher'),
    format,
    body: r.body,
  };
  const comments = commentsOf(r.comments, r.body.length);
  if (comments) article.comments = comments;
  else if (r.comments !== undefined) warnings.push(`"comments" must be an array of { offset, text } within the body; ignored`);
  // The page structure is only ever built by the HTML reader; a caller passing one on is passing that reader's output.
  if (r.structure !== null && typeof r.structure === 'object' && !Array.isArray(r.structure)) article.structure = r.structure as Article['structure'];
  return { article, warnings };
}

function commentsOf(v: unknown, bodyLength: number): BodyComment[] | null {
  if (!Array.isArray(v)) return null;
  const ok = v.every((c) => c !== null && typeof c === 'object' && Number.isInteger(c.offset) && c.offset >= 0 && c.offset <= bodyLength && typeof c.text === 'string');
  return ok ? (v as BodyComment[]) : null;
}

/** A stand-in for an input that could not be made into an article, so a stream can still say which one failed. */
export function placeholderArticle(input: unknown, id: string): Article {
  const source = input !== null && typeof input === 'object' && typeof (input as Record<string, unknown>).source === 'string' ? ((input as Record<string, unknown>).source as string) : id;
  return { id, source, title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body: '' };
}
