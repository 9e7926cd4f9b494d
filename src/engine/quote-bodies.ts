// The comparison works from facts alone, so a streamed run or a join over shards holds no bodies. To
// quote the sentences of the pairs it reports, the articles involved are read again from their files
// (a second pass, only for those ids), or each is read from where it was found (BodyStore): stdin cannot
// be read twice, so its pairs point at line and column unless its bodies were kept.
import { closeSync, openSync, readSync } from 'node:fs';
import { bodyAt, bodyOfLine, type Origin } from '../input/stream-articles.js';
import type { Article, Comparison } from '../types.js';
import { planInputs } from './plan-inputs.js';

/** The ids on either side of the reported comparisons. */
export function articlesIn(comparisons: readonly Comparison[]): Set<string> {
  const ids = new Set<string>();
  for (const c of comparisons) {
    ids.add(c.a.article);
    ids.add(c.b.article);
  }
  return ids;
}

/** Bodies of the given articles, read again from the input paths (standard input skipped). */
export async function bodiesFromInputs(paths: readonly string[], ids: ReadonlySet<string>): Promise<Map<string, string>> {
  const bodies = new Map<string, string>();
  const files = paths.filter((p) => p !== '-');
  if (ids.size === 0 || files.length === 0) return bodies;
  const plan = await planInputs(files, { firstPass: false });
  for await (const item of plan.items) {
    if ('article' in item && ids.has(item.article.id)) {
      bodies.set(item.article.id, item.article.body);
      if (bodies.size === ids.size) break;
    }
  }
  return bodies;
}

/**
 * Bodies read again, at most this many kept (a few MB): the quoter asks for the sides of each reported pair,
 * and an article in many pairs (a story with many copies) is asked for again and again.
 */
const RECENT_BODIES = 1024;

/**
 * The bodies a batch's comparison may quote, without holding them: where an article came from a file,
 * only its origin (and length, to tell a file changed since) is kept and the body is read again when a
 * reported pair quotes it; an article from standard input is kept whole when `keepUnread`, else it is
 * quoted by line and column.
 */
export class BodyStore {
  private readonly where = new Map<string, { origin: Origin; length: number } | string>();
  private readonly recent = new Map<string, string>();
  private readonly reader = new BodyReader();

  constructor(private readonly keepUnread: boolean) {}

  add(article: Article, origin: Origin | undefined): void {
    if (origin) this.addAt(article.id, origin, article.body.length);
    else if (this.keepUnread) this.where.set(article.id, article.body);
  }

  /** An article read from `origin`, its body `length` characters long (all the store keeps of it). */
  addAt(id: string, origin: Origin, length: number): void {
    this.where.set(id, { origin, length });
  }

  readonly bodyOf = (id: string): string | undefined => {
    const w = this.where.get(id);
    if (w === undefined || typeof w === 'string') return w;
    let body = this.recent.get(id);
    if (body !== undefined) {
      // Most recently used last: the oldest is the one dropped.
      this.recent.delete(id);
      this.recent.set(id, body);
    } else {
      body = this.reader.read(w.origin);
      if (body === undefined || body.length !== w.length) return undefined;
      if (this.recent.size >= RECENT_BODIES) this.recent.delete(this.recent.keys().next().value!);
      this.recent.set(id, body);
    }
    return body;
  };

  /** Releases the files kept open for reading bodies again (the store still answers: they are opened again). */
  close(): void {
    this.reader.close();
  }
}

/**
 * bodyAt (src/input/stream-articles.ts) for the many bodies one comparison quotes: each input file is opened
 * once and kept open until close() (a 10k batch reads bodies 23,000 times; an open and a close per read cost
 * more than the read), and the bytes go into one reused buffer. The body is what bodyAt gives: the line's
 * record decoded, parsed and read as an article the same way (test/compare-unpack.test.ts holds them equal).
 */
export class BodyReader {
  private readonly fds = new Map<string, number>();
  private buf = Buffer.allocUnsafe(1 << 16);

  read(origin: Origin): string | undefined {
    if ('index' in origin) return bodyAt(origin);
    try {
      let fd = this.fds.get(origin.path);
      if (fd === undefined) {
        // A long comparison over many shards: at most a few dozen files kept open at once.
        if (this.fds.size >= 64) this.close();
        fd = openSync(origin.path, 'r');
        this.fds.set(origin.path, fd);
      }
      if (this.buf.length < origin.bytes) this.buf = Buffer.allocUnsafe(Math.max(origin.bytes, this.buf.length * 2));
      const bytes = this.buf.subarray(0, origin.bytes);
      if (readSync(fd, bytes, 0, origin.bytes, origin.offset) !== origin.bytes) return undefined;
      return bodyOfLine(bytes, origin);
    } catch {
      return undefined;
    }
  }

  /** Closes the files kept open (they are opened again if asked for). */
  close(): void {
    for (const fd of this.fds.values()) {
      try {
        closeSync(fd);
      } catch {
        // already closed: nothing to release
      }
    }
    this.fds.clear();
  }
}
