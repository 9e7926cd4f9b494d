// Inputs read as a stream of articles: JSONL files and standard input line by line (never whole),
// other files one at a time (engine/plan-inputs.ts orders them and looks ahead for batch hints).
import { closeSync, createReadStream, openSync, readSync, statSync } from 'node:fs';
import type { Article, InputError } from '../types.js';
import { decodeUtf8 } from './decode.js';
import { JsonlRecords } from './jsonl-records.js';
import { MAX_DOCUMENT_BYTES, MAX_RECORD_BYTES, mb } from './limits.js';
import { readLines, type RawLine } from './read-lines.js';
import { formatOf, parseArticles, readArticles, sniffFormat } from './read-articles.js';
import { recordToArticle } from './record.js';
import { jsonlLineText } from './utf8-line.js';

/**
 * Where an article was read from a file, so its body can be read again instead of kept: a JSONL line
 * (its byte offset and length), or the index among the articles of a whole-file document.
 */
export type Origin = { path: string; offset: number; bytes: number; lineNo: number } | { path: string; index: number };

export type InputItem = { article: Article; origin?: Origin } | { error: InputError };

/** Largest JSON document (not JSONL) read from standard input: it has to be held whole to be parsed. */
export const MAX_STDIN_JSON_BYTES = 256_000_000;
/** Articles of standard input read ahead to find its template lines (it cannot be read twice). */
export const STDIN_HINT_WINDOW = 1000;

/** The records of a JSONL byte stream as articles or one-line errors naming `source:line`. */
async function* jsonlItems(lines: AsyncIterable<RawLine>, source: string, stdin: boolean): AsyncGenerator<InputItem> {
  const records = new JsonlRecords(source, stdin);
  const out: InputItem[] = [];
  for await (const line of lines) {
    records.line(line, out);
    for (let i = 0; i < out.length; i++) yield out[i]!;
    out.length = 0;
  }
  records.end(out);
  for (let i = 0; i < out.length; i++) yield out[i]!;
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
  const text = jsonlLineText(bytes, origin.lineNo);
  if (text === null) return undefined;
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
  // The head of the stream, up to 64 KB (or the end); with `oneLine`, only until it holds the first line break.
  const readHead = async (oneLine: boolean): Promise<Buffer> => {
    while (!ended && size < 65536) {
      const next = await it.next();
      if (next.done) {
        ended = true;
        break;
      }
      prefix.push(next.value);
      size += next.value.length;
      if (oneLine && next.value.includes(0x0a)) break;
    }
    return Buffer.concat(prefix);
  };
  // Enough of the stream to tell JSONL from one document: the first line (a record starts streaming at once).
  let head = await readHead(true);
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
  // JSON lines whose first line is broken (a record cut short) are JSON lines still: sniffed from the lines of a
  // longer head, they are streamed too, not read whole under the limit of one document.
  head = await readHead(false);
  if (sniffFormat(headLines(head, ended).toString('utf8')) === 'jsonl') {
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

/** The whole lines of a head read from a stream (all of it once the stream has ended). */
function headLines(head: Buffer, ended: boolean): Buffer {
  return ended ? head : head.subarray(0, head.lastIndexOf(0x0a) + 1);
}

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}
