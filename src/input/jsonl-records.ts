// The records of a JSONL stream, one line at a time, as articles or one-line errors naming `source:line`.
// Kept apart from the async generator that feeds it (stream-articles.ts): a line's work is plain
// synchronous code, so the generator's loop stays small enough for V8 to optimise once, where the loop
// with all of this inside was optimised, thrown away and optimised again at ~100 ms of compiling each time.
import { MAX_RECORD_BYTES, mb } from './limits.js';
import { parseArticles } from './read-articles.js';
import type { RawLine } from './read-lines.js';
import { recordToArticle } from './record.js';
import { jsonlLineText } from './utf8-line.js';
import type { InputItem } from './stream-articles.js';

/** Reads one JSONL stream's lines in order, counting what it saw for the end-of-stream errors. */
export class JsonlRecords {
  // Standard input cannot be read again: its articles carry no origin.
  private readonly path: string | null;
  private seenLine = false;
  private articles = 0;
  private errors = 0;
  // Standard input holding exactly one JSON object reads as one document ("-"), as it always has.
  private held: { record: unknown; items: InputItem[] } | null = null;

  constructor(
    private readonly source: string,
    private readonly stdin: boolean,
  ) {
    this.path = stdin ? null : source;
  }

  /** Appends to `out` what one line gives (nothing for a blank line or a held record). */
  line(line: RawLine, out: InputItem[]): void {
    const where = `${this.source}:${line.lineNo}`;
    if ('tooLong' in line) {
      const what = line.binary ? 'holds NUL bytes (binary data, not JSON lines)' : `is over the ${mb(MAX_RECORD_BYTES)} limit for one article record`;
      return this.error(out, where, `line ${what}${this.stdin ? '; stopped reading standard input' : ''}`);
    }
    const text = jsonlLineText(line.bytes, line.lineNo);
    if (text === null) return this.error(out, where, 'line is not valid UTF-8; convert the file to UTF-8 first');
    if (text.trim() === '') return;
    this.seenLine = true;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (e) {
      return this.error(out, where, `invalid JSON line (${(e as Error).message})`);
    }
    const r = recordToArticle(record, { source: where, fallbackId: where, format: 'jsonl' });
    const found: InputItem = 'problem' in r ? { error: { source: where, message: r.problem } } : this.path === null ? { article: r.article } : { article: r.article, origin: { path: this.path, offset: line.offset, bytes: line.bytes.length, lineNo: line.lineNo } };
    if ('problem' in r) this.errors++;
    else this.articles++;
    const warnings = 'problem' in r ? [] : r.warnings;
    if (this.stdin && this.articles + this.errors === 1 && !this.held) {
      this.held = { record, items: [found, ...warnings.map((w) => ({ error: { source: where, message: w } }))] };
      return;
    }
    this.flush(out);
    out.push(found);
    for (const w of warnings) out.push({ error: { source: where, message: w } });
  }

  /** Appends to `out` what the end of the stream gives: a held record as one document, or why there was nothing. */
  end(out: InputItem[]): void {
    if (this.held) {
      const only = this.held;
      this.held = null;
      const parsed = parseArticles(JSON.stringify(only.record), '-', 'json');
      for (const article of parsed.articles) out.push({ article });
      for (const error of parsed.errors) out.push({ error });
      return;
    }
    if (!this.seenLine && this.errors === 0) out.push({ error: { source: this.source, message: this.stdin ? 'standard input is empty' : 'file is empty' } });
    else if (this.articles === 0 && this.errors === 0) out.push({ error: { source: this.source, message: 'file has no articles' } });
  }

  private error(out: InputItem[], source: string, message: string): void {
    this.errors++;
    this.flush(out);
    out.push({ error: { source, message } });
  }

  private flush(out: InputItem[]): void {
    if (!this.held) return;
    for (const item of this.held.items) out.push(item);
    this.held = null;
  }
}
