// Turns a request body into articles with the CLI's own readers, so a record, a page or a JSONL line
// means the same thing over HTTP as in a file. Nothing here ever touches the file system: a record's
// "source" or "id" is only a label.
import { parseArticles, sniffFormat } from '../input/read-articles.js';
import { normalizeDate } from '../input/normalize-date.js';
import type { Article, InputError, InputFormat } from '../types.js';
import { requireUtf8, type MediaType } from './body.js';
import { HttpError } from './http-error.js';

const FORMATS: Readonly<Record<string, InputFormat>> = {
  'application/json': 'json',
  'text/json': 'json',
  'application/x-ndjson': 'jsonl',
  'application/ndjson': 'jsonl',
  'application/jsonl': 'jsonl',
  'application/x-jsonlines': 'jsonl',
  'application/jsonlines': 'jsonl',
  'text/plain': 'txt',
  'text/markdown': 'md',
  'text/x-markdown': 'md',
  'text/html': 'html',
  'application/xhtml+xml': 'html',
};

export const ACCEPTED_TYPES = Object.keys(FORMATS);

/** The input format a media type names; a request without one is sniffed like standard input. */
export function formatFor(media: MediaType, body: string): InputFormat {
  requireUtf8(media);
  if (media.type === '' || media.type === 'application/octet-stream') return sniffFormat(body);
  const format = FORMATS[media.type];
  if (!format) throw new HttpError(415, `content type "${media.type}" is not accepted; send one of ${ACCEPTED_TYPES.join(', ')}`);
  return format;
}

/** The query parameters that describe a single text, Markdown or HTML body (a JSON record carries its own). */
export const SINGLE_BODY_PARAMS = ['id', 'title', 'url', 'publisher', 'publishedAt'] as const;

/** The query parameters each endpoint reads; any other is a 400 (a typo such as `failon` must not turn a gate off). */
export const QUERY_PARAMS: Readonly<Record<string, readonly string[]>> = {
  '/v1/check': ['failOn', 'compare', 'source', ...SINGLE_BODY_PARAMS],
  '/v1/compare': ['failOn', 'source', ...SINGLE_BODY_PARAMS],
  '/v1/extract': ['source', ...SINGLE_BODY_PARAMS],
};

const folded = (name: string): string => name.toLowerCase().replace(/[_-]/g, '');

/** 400 for a query parameter the endpoint does not read, naming the ones it does (and the one meant, if plain). */
export function checkQuery(query: URLSearchParams, accepted: readonly string[]): void {
  for (const name of new Set(query.keys())) {
    if (accepted.includes(name)) continue;
    const shown = JSON.stringify(name.slice(0, 60));
    const meant = accepted.find((a) => folded(a) === folded(name));
    throw new HttpError(400, `unknown query parameter ${shown}${meant ? ` (did you mean "${meant}"?)` : ''}; this endpoint accepts ${accepted.join(', ')}`);
  }
}

export interface RequestArticles {
  articles: Article[];
  errors: InputError[];
}

/**
 * The articles of one request. A single text, Markdown or HTML body takes its id, title, url, publisher and
 * publishedAt from the query string. Problems with single records go into `errors` (the batch goes on);
 * a body with no usable article at all is a 400.
 */
export function requestArticles(body: string, format: InputFormat, query: URLSearchParams): RequestArticles {
  if (body.trim() === '') throw new HttpError(400, 'the request body is empty; send an article');
  const source = query.get('source') ?? 'request';
  const single = format === 'txt' || format === 'md' || format === 'html';
  const given = SINGLE_BODY_PARAMS.filter((p) => query.has(p));
  if (!single && given.length > 0) {
    throw new HttpError(400, `query parameter${given.length > 1 ? 's' : ''} ${given.join(', ')} appl${given.length > 1 ? 'y' : 'ies'} to a single text, Markdown or HTML body only; give a JSON or JSONL record its ${given.join(', ')} as fields`);
  }
  const { articles, errors } = parseArticles(body, source, format);
  if (single) for (const a of articles) applyQuery(a, query);
  if (articles.length === 0) throw new HttpError(400, errors.map((e) => `${e.source}: ${e.message}`).join('; ') || 'no article in the request body');
  return { articles: uniqueIds(articles), errors };
}

function applyQuery(a: Article, query: URLSearchParams): void {
  const id = query.get('id');
  if (id) a.id = id;
  const title = query.get('title');
  if (title) a.title = title;
  const url = query.get('url');
  if (url) a.url = url;
  const publisher = query.get('publisher');
  if (publisher) a.publisher = publisher;
  const date = query.get('publishedAt');
  if (date) {
    const d = normalizeDate(date);
    if (!d) throw new HttpError(400, `publishedAt=${JSON.stringify(date)} is not a date (expected YYYY-MM-DD)`);
    a.publishedAt = d;
    a.publishedAtOrigin = 'record';
  }
}

/** Comparisons refer to articles by id, so repeated ids in one request get a `#n` suffix. */
function uniqueIds(articles: Article[]): Article[] {
  const seen = new Set<string>();
  for (const a of articles) {
    let id = a.id;
    for (let n = 2; seen.has(id); n++) id = `${a.id}#${n}`;
    seen.add(id);
    a.id = id;
  }
  return articles;
}
