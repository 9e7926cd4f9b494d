// Inputs read as a stream of articles: JSONL files and standard input line by line (never whole),
// other files one at a time (engine/plan-inputs.ts orders them and looks ahead for batch hints).
import { isUtf8 } from 'node:buffer';
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import type { Article, InputError } from '../types.js';
import { decodeUtf8 } from './decode.js';
import { MAX_ARTICLE_CHARS, MAX_DOCUMENT_BYTES } from './limits.js';
import { readLines, type RawLine } from './read-lines.js';
import { formatOf, parseArticles, readArticles, sniffFormat } from './read-articles.js';
import { recordToArticle } from './record.js';

/**
 * Where an article was read from a file, so its body can be read again instead of kept: a JSONL line
 * (its byte offset and length), or the index among the articles of a whole-file document.
 */
export type Origin = { path: string; offset: number; bytes: number; lineNo: number } | { path: string; index: number };

export type InputItem = { article: Article; origin?: Origin } | { error: InputError };

/** Largest JSONL line read (bytes): a body at the character limit, in UTF-8 with JSON escapes, fits. */
export const MAX_RECORD_BYTES = 8 * MAX_ARTICLE_CHARS;
/** Largest JSON document (not JSONL) read from standard input: it has to be held whole to be parsed. */
export const MAX_STDIN_JSON_BYTES = 256_000_000;
/** Articles of standard input read ahead to find its template lines (it cannot be read twice). */
export const STDIN_HINT_WINDOW = 1000;

/**
 * A line's bytes as text, or null when they are not UTF-8 (the BOM kept: the caller drops it on line 1).
 * Validating first and then decoding leniently is a third cheaper than a fatal TextDecoder, same answer.
 */
const utf8 = (bytes: Buffer): string | null => (isUtf8(bytes) ? bytes.toString('utf8') : null);
const mb = (n: number): string => `${Math.round(n / 1e6)} MB`;

/** The records of a JSONL byte stream as articles or one-line errors naming `source:line`. */
async function* jsonlItems(lines: AsyncIterable<RawLine>, source: string, stdin: boolean): AsyncGenerator<InputItem> {
  // Standard input cannot be read again: its articles carry no origin.
  const path = stdin ? null : source;
  let seenLine = false;
  let articles = 0;
  let errors = 0;
  // Standard input holding exactly one JSON object reads as one document ("-"), as it always has.
  let held: { record: unknown; item: InputItem[] } | null = null;
  const flush = function* (): Generator<InputItem> {
    if (held) yield* held.item;
    held = null;
  };
  for await (const line of lines) {
    const where = `${source}:${line.lineNo}`;
    if ('tooLong' in line) {
      errors++;
      yield* flush();
      const what = line.binary ? 'holds NUL bytes (binary data, not JSON lines)' : `is over the ${mb(MAX_RECORD_BYTES)} limit for one article record`;
      yield { error: { source: where, message: `line ${what}${stdin ? '; stopped reading standard input' : ''}` } };
      continue;
    }
    let text = utf8(line.bytes);
    if (text === null) {
      errors++;
      yield* flush();
      yield { error: { source: where, message: 'line is not valid UTF-8; convert the file to UTF-8 first' } };
      continue;
    }
    if (line.lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.endsWith('\r')) text = text.slice(0, -1);
    if (text.trim() === '') continue;
    seenLine = true;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      errors++;
      yield* flush();
      yield { error: { source: where, message: `invalid JSON line (${(e as Error).message})` } };
      continue;
    }
    const r = recordToArticle(record, { source: where, fallbackId: where, format: 'jsonl' });
    const found: InputItem = 'problem' in r ? { error: { source: where, message: r.problem } } : path === null ? { article: r.article } : { article: r.article, origin: { path, offset: line.offset, bytes: line.bytes.length, lineNo: line.lineNo } };
    const items: InputItem[] = 'problem' in r ? [found] : [found, ...r.warnings.map((w) => ({ error: { source: where, message: w } }))];
    if ('problem' in r) errors++;
    else articles++;
    if (stdin && articles + errors === 1 && !held) {
      held = { record, item: items };
      continue;
    }
    yield* flush();
    yield* items;
  }
  if (held) {
    const only = held as { record: unknown; item: InputItem[] };
    held = null;
    const parsed = parseArticles(JSON.stringify(only.record), '-', 'json');
    for (const article of parsed.articles) yield { article };
    for (const error of parsed.errors) yield { error };
    return;
  }
  if (!seenLine && errors === 0) yield { error: { source, message: stdin ? 'standard input is empty' : 'file is empty' } };
  else if (articles === 0 && errors === 0) yield { error: { source, message: 'file has no articles' } };
}

/** One file's articles: JSONL streamed line by line, other formats read whole (they hold one article or one JSON document). */
export async function* fileItems(path: string): AsyncGenerator<InputItem> {
  if (formatOf(path) !== 'jsonl') {
    const r = readArticles(path);
    for (const [index, article] of r.articles.entries()) yield { article, origin: { path, index } };
    for (const error of r.errors) yield { error };
    return;
  }
  try {
    if (statSync(path).size === 0) return void (yield { error: { source: path, message: 'file is empty' } });
  } catch (e) {
    return void (yield { error: { source: path, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` } });
  }
  try {
    // Large reads: each one is a wake-up of this thread (a batch is read twice, on the thread that also feeds the workers).
    yield* jsonlItems(readLines(createReadStream(path, { highWaterMark: 1 << 20 }), MAX_RECORD_BYTES), path, false);
  } catch (e) {
    // A read that fails part-way (permissions, a vanished mount) ends this file, not the batch.
    yield { error: { source: path, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` } };
  }
}

/** The body in one JSONL line's bytes, read as an article exactly as the batch read it; undefined when it is not. */
export function bodyOfLine(bytes: Buffer, origin: { path: string; lineNo: number }): string | undefined {
  let text = utf8(bytes);
  if (text === null) return undefined;
  if (origin.lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  const where = `${origin.path}:${origin.lineNo}`;
  const r = recordToArticle(JSON.parse(text), { source: where, fallbackId: where, format: 'jsonl' });
  return 'article' in r ? r.article.body : undefined;
}

/** The body of an article read again from its origin; undefined when it cannot be read as it was. */
export function bodyAt(origin: Origin): string | undefined {
  try {
    if ('index' in origin) return readArticles(origin.path).articles[origin.index]?.body;
    const fd = openSync(origin.path, 'r');
    const buf = Buffer.alloc(origin.bytes);
    try {
      if (readSync(fd, buf, 0, origin.bytes, origin.offset) !== origin.bytes) return undefined;
    } finally {
      closeSync(fd);
    }
    return bodyOfLine(buf, origin);
  } catch {
    return undefined;
  }
}

/** Standard input: JSONL streamed (ending at the first line over the limit), anything else read up to its limit. */
export async function* stdinItems(input: AsyncIterable<Buffer> = process.stdin): AsyncGenerator<InputItem> {
  const it = input[Symbol.asyncIterator]();
  const prefix: Buffer[] = [];
  let size = 0;
  let ended = false;
  // Enough of the stream to tell JSONL from one document: the first line, or 64 KB.
  while (size < 65536) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    prefix.push(next.value);
    size += next.value.length;
    if (next.value.includes(0x0a)) break;
  }
  const head = Buffer.concat(prefix);
  const rest = async function* (): AsyncGenerator<Buffer> {
    yield* prefix;
    if (ended) return;
    for (;;) {
      const next = await it.next();
      if (next.done) return;
      yield next.value;
    }
  };
  if (size === 0) return void (yield { error: { source: '-', message: 'standard input is empty' } });
  const firstLine = head.subarray(0, head.indexOf(0x0a) < 0 ? head.length : head.indexOf(0x0a)).toString('utf8').trim();
  if (firstLine.startsWith('{') && isJson(firstLine)) {
    yield* jsonlItems(readLines(rest(), MAX_RECORD_BYTES, true), '-', true);
    return;
  }
  const lead = head.toString('utf8').trimStart();
  const limit = lead.startsWith('[') || lead.startsWith('{') ? MAX_STDIN_JSON_BYTES : MAX_DOCUMENT_BYTES;
  const parts: Buffer[] = [];
  let total = 0;
  for await (const chunk of rest()) {
    if (chunk.includes(0)) return void (yield { error: { source: '-', message: 'standard input holds NUL bytes: binary data, not text; stopped reading' } });
    total += chunk.length;
    if (total > limit) {
      const what = limit === MAX_DOCUMENT_BYTES ? `the ${mb(limit)} limit for one article` : `the ${mb(limit)} limit for one JSON document (send JSONL, one article per line, for larger batches)`;
      return void (yield { error: { source: '-', message: `standard input is over ${what}; stopped reading` } });
    }
    parts.push(chunk);
  }
  const decoded = decodeUtf8(Buffer.concat(parts, total));
  if ('problem' in decoded) return void (yield { error: { source: '-', message: `standard input ${decoded.problem}` } });
  const parsed = parseArticles(decoded.text, '-', sniffFormat(decoded.text));
  for (const article of parsed.articles) yield { article };
  for (const error of parsed.errors) yield { error };
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
