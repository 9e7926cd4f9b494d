import type { BatchHints } from '../detectors/detector.js';
import type { Article } from '../types.js';
import { LINE_KEY_MAX, lineKey } from '../text/line-key.js';

/** Lines seen in at least this many articles, and this share, of one source count as template. */
const MIN_ARTICLES = 3;
const MIN_SHARE = 0.3;
/**
 * Every this many articles of one source, lines that have fallen far below the template share since
 * they were first seen are forgotten: memory stays proportional to a window of the source, not its archive.
 */
const PRUNE_EVERY = 2000;
/** What String.prototype.trim removes (white space and line terminators). */
const SPACE = /\s/;

/** The source an article belongs to for template detection: publisher, else the URL's host. */
export function sourceKey(article: Article): string {
  if (article.publisher) return article.publisher.toLowerCase();
  if (article.url) {
    try {
      return new URL(article.url).hostname.replace(/^www\./, '');
    } catch {
      /* not a URL: fall through */
    }
  }
  return '';
}

interface SourceCounts {
  articles: number;
  /** line key → [articles containing it, article number when first seen] */
  lines: Map<string, [number, number]>;
}

/**
 * Counts, per source, in how many articles each short line occurs, and keeps the lines that recur
 * often enough to be template. Articles are added one at a time (a first pass over files, or the
 * leading window of a stream); `finish` freezes the template sets.
 */
export class HintCollector {
  private readonly perSource = new Map<string, SourceCounts>();
  /** Articles seen. */
  count = 0;
  /** Line keys of the article being added (one set reused: thousands of articles). */
  private readonly seen = new Set<string>();

  add(a: Article): void {
    this.count++;
    const key = sourceKey(a);
    let s = this.perSource.get(key);
    if (!s) this.perSource.set(key, (s = { articles: 0, lines: new Map() }));
    const n = ++s.articles;
    const seen = this.seen;
    seen.clear();
    // Most bodies have no carriage return: a literal split is then the same lines, without the pattern.
    for (const line of a.body.includes('\r') ? a.body.split(/\r\n|\r|\n/) : a.body.split('\n')) {
      // A paragraph line (most lines) is too long to be template: known without trimming or folding it.
      if (line.length > LINE_KEY_MAX && !SPACE.test(line[0]!) && !SPACE.test(line[line.length - 1]!)) continue;
      const k = lineKey(line);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      const c = s.lines.get(k);
      if (c) c[0]++;
      else s.lines.set(k, [1, n]);
    }
    if (n % PRUNE_EVERY === 0) prune(s);
  }

  finish(): (article: Article) => BatchHints {
    const templates = new Map<string, Set<string>>();
    for (const [key, s] of this.perSource) {
      const min = Math.max(MIN_ARTICLES, Math.ceil(MIN_SHARE * s.articles));
      const set = new Set<string>();
      for (const [line, [n]] of s.lines) if (n >= min) set.add(line);
      templates.set(key, set);
    }
    const empty: ReadonlySet<string> = new Set();
    return (article) => ({ templateLines: templates.get(sourceKey(article)) ?? empty });
  }
}

/** Drops lines at under half the template share over the articles since they appeared (a line that is template stays far above). */
function prune(s: SourceCounts): void {
  for (const [k, [n, first]] of s.lines) {
    const since = s.articles - first + 1;
    if (since >= PRUNE_EVERY / 2 && n < (MIN_SHARE / 2) * since) s.lines.delete(k);
  }
}

/** Template lines of a whole batch held in memory. */
export function collectBatchHints(articles: Iterable<Article>): (article: Article) => BatchHints {
  const c = new HintCollector();
  for (const a of articles) c.add(a);
  return c.finish();
}
