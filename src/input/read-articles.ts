import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import type { Article, InputError, InputFormat } from '../types.js';
import { decodeUtf8 } from './decode.js';
import { expandPaths } from './expand-paths.js';
import { EXTENSIONS, MAX_ARTICLE_CHARS, MAX_DOCUMENT_BYTES } from './limits.js';
import { parseHtml } from './parse-html.js';
import { titleOfText } from './parse-text.js';
import { recordToArticle } from './record.js';

export interface Loaded {
  articles: Article[];
  errors: InputError[];
}

/** Guesses the format of stdin (or of a request body without a media type) from its first lines. */
export function sniffFormat(text: string): InputFormat {
  const t = text.trimStart();
  if (t.startsWith('[')) return 'json';
  if (looksLikeJsonl(t)) return 'jsonl';
  // One JSON document opens with a key (or is `{}`); a text that merely starts with a brace ("{Editor's note}") is an article.
  if (/^\{\s*["}]/.test(t)) return 'json';
  if (/^<(?:!doctype|html|head|body|article|div|p|h1)\b/i.test(t)) return 'html';
  return 'txt';
}

/** Leading non-blank lines sniffFormat reads: enough to see past a broken line or two, few enough to parse. */
const SNIFF_LINES = 20;

/**
 * Whether a text reads as JSON lines even if some are broken (a record cut short at either end, a stray line):
 * most of its leading lines start with `{`, and at least one of them is a whole JSON object by itself, other than
 * an object followed by a line opening with `]`, which is the last element of an array in one JSON document
 * (where a line of a multi-line document is most likely a whole object). A text in which no line parses is not
 * JSON lines, whatever its first character.
 */
function looksLikeJsonl(text: string): boolean {
  const lines = leadingLines(text, SNIFF_LINES + 1);
  const window = lines.slice(0, SNIFF_LINES);
  if (window.length < 2) return false;
  const braces = window.filter((l) => l.startsWith('{')).length;
  if (braces * 2 <= window.length) return false;
  return window.some((l, i) => l.startsWith('{') && isJsonObject(l) && !lines[i + 1]?.startsWith(']'));
}

/** The first `max` non-blank lines of a text, trimmed, without splitting the rest of it. */
function leadingLines(text: string, max: number): string[] {
  const out: string[] = [];
  for (let from = 0; from < text.length && out.length < max; ) {
    const nl = text.indexOf('\n', from);
    const end = nl < 0 ? text.length : nl;
    const line = text.slice(from, end).trim();
    if (line !== '') out.push(line);
    from = end + 1;
  }
  return out;
}

function isJsonObject(line: string): boolean {
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

export type JsonlLine = { where: string; record: unknown } | { where: string; problem: string };

/** The records of a JSONL text, each with its `file:line`; blank lines skipped, bad JSON reported per line. */
export function jsonlRecords(text: string, source: string): JsonlLine[] {
  const out: JsonlLine[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    if (line.trim() === '') return;
    const where = `${source}:${i + 1}`;
    try {
      out.push({ where, record: JSON.parse(line) });
    } catch (e) {
      out.push({ where, problem: `invalid JSON line (${(e as Error).message})` });
    }
  });
  return out;
}

/** Parses one file's text into articles; problems become one-line errors naming the file (and line). */
export function parseArticles(text: string, source: string, format: InputFormat): Loaded {
  const articles: Article[] = [];
  const errors: InputError[] = [];
  const fail = (where: string, message: string): void => void errors.push({ source: where, message });
  const fromRecord = (rec: unknown, where: string, fallbackId: string): void => {
    const r = recordToArticle(rec, { source: where, fallbackId, format });
    if ('problem' in r) return fail(where, r.problem);
    articles.push(r.article);
    for (const w of r.warnings) fail(where, w);
  };
  if (text.trim() === '') {
    fail(source, 'file is empty');
    return { articles, errors };
  }
  switch (format) {
    case 'jsonl': {
      for (const line of jsonlRecords(text, source)) {
        if ('problem' in line) fail(line.where, line.problem);
        else fromRecord(line.record, line.where, line.where);
      }
      if (articles.length === 0 && errors.length === 0) fail(source, 'file has no articles');
      break;
    }
    case 'json': {
      let data: unknown;
      try {
        data = JSON.parse(text);
      } catch (e) {
        fail(source, `invalid JSON (${(e as Error).message})`);
        break;
      }
      const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as { articles?: unknown }).articles) ? (data as { articles: unknown[] }).articles : null;
      if (list) {
        if (list.length === 0) fail(source, 'file has no articles (an empty list)');
        list.forEach((rec, i) => fromRecord(rec, `${source}#${i + 1}`, `${source}#${i + 1}`));
      } else fromRecord(data, source, source);
      break;
    }
    case 'html': {
      const page = parseHtml(text);
      if (page.text.trim() === '') return (fail(source, 'the page has no visible text'), { articles, errors });
      if (page.text.length > MAX_ARTICLE_CHARS) return (fail(source, `the page's text is over the ${MAX_ARTICLE_CHARS.toLocaleString('en')}-character limit for one article`), { articles, errors });
      articles.push({ id: source, source, title: page.title, url: page.url, publishedAt: page.publishedAt, publishedAtOrigin: page.publishedAtOrigin, publisher: null, format, body: page.text, structure: page.structure, ...(page.comments.length ? { comments: page.comments } : {}) });
      break;
    }
    default: {
      if (text.length > MAX_ARTICLE_CHARS) return (fail(source, `the text is over the ${MAX_ARTICLE_CHARS.toLocaleString('en')}-character limit for one article`), { articles, errors });
      articles.push({ id: source, source, title: titleOfText(text), url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format, body: text });
    }
  }
  return { articles, errors };
}

function readStdin(): Uint8Array {
  try {
    return readFileSync(0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EAGAIN') return new Uint8Array();
    throw e;
  }
}

/** The format a path's extension implies (plain text when it names none; stdin is sniffed later). */
export function formatOf(path: string): InputFormat {
  return path === '-' ? 'txt' : (EXTENSIONS[extname(path).toLowerCase()] ?? 'txt');
}

/**
 * A file's (or stdin's) text, or the one-line reason it cannot be read as text: missing, too large for one
 * article, empty, binary, not UTF-8. Never throws for bad input.
 */
export function readSourceText(path: string): { text: string } | { problem: string } {
  const format = formatOf(path);
  let bytes: Uint8Array;
  try {
    if (path !== '-') {
      const size = statSync(path).size;
      const single = format === 'txt' || format === 'md' || format === 'html';
      if (single && size > MAX_DOCUMENT_BYTES) return { problem: `file is ${(size / 1e6).toFixed(1)} MB, over the ${MAX_DOCUMENT_BYTES / 1e6} MB limit for one article` };
    }
    bytes = path === '-' ? readStdin() : readFileSync(path);
  } catch (e) {
    return { problem: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` };
  }
  if (bytes.length === 0) return { problem: path === '-' ? 'standard input is empty' : 'file is empty' };
  const decoded = decodeUtf8(bytes, { html: format === 'html' });
  return 'problem' in decoded ? { problem: `file ${decoded.problem}` } : decoded;
}

/** Reads one file (or stdin) and parses it; never throws for bad input. */
export function readArticles(path: string): Loaded {
  const read = readSourceText(path);
  if ('problem' in read) return { articles: [], errors: [{ source: path, message: read.problem }] };
  return parseArticles(read.text, path, path === '-' ? sniffFormat(read.text) : formatOf(path));
}

/** Everything the user named: files, folders, globs and stdin, in order, with every problem collected. */
export function loadArticles(paths: string[]): Loaded {
  const { files, errors } = expandPaths(paths);
  const articles: Article[] = [];
  for (const f of files) {
    const r = readArticles(f.path);
    articles.push(...r.articles);
    errors.push(...r.errors);
  }
  return { articles: uniqueIds(articles), errors };
}

/** Comparisons and reports refer to articles by id, so a repeated id gets its source appended. */
export function uniqueIds(articles: Article[]): Article[] {
  const seen = new Set<string>();
  for (const a of articles) {
    let id = a.id;
    if (seen.has(id)) id = a.source === a.id ? a.id : `${a.id} (${a.source})`;
    for (let n = 2; seen.has(id); n++) id = `${a.id}#${n}`;
    seen.add(id);
    a.id = id;
  }
  return articles;
}
