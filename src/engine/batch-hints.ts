import type { BatchHints } from '../detectors/detector.js';
import type { Article } from '../types.js';
import { LINE_KEY_MAX, lineKey } from '../text/line-key.js';
import { isSpaceCode } from '../text/space-code.js';

/** Lines seen in at least this many articles, and this share, of one source count as template. */
const MIN_ARTICLES = 3;
const MIN_SHARE = 0.3;
/**
 * Every this many articles of one source, lines that have fallen far below the template share since
 * they were first seen are forgotten: memory stays proportional to a window of the source, not its archive.
 */
const PRUNE_EVERY = 2000;

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
  /** line key → [articles containing it, article number when first seen, article number when last counted] */
  lines: Map<string, [number, number, number]>;
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

  add(a: Article): void {
    this.count++;
    const key = sourceKey(a);
    let s = this.perSource.get(key);
    if (!s) this.perSource.set(key, (s = { articles: 0, lines: new Map() }));
    const n = ++s.articles;
    countLines(s, n, a.body);
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

/**
 * Counts the lines of the `n`th article of source `s`. Apart from `add`, so the loop V8 optimises holds no
 * call that runs only every PRUNE_EVERY articles (its first run threw the optimised loop away).
 */
function countLines(s: SourceCounts, n: number, body: string): void {
  if (body.includes('\r')) {
    for (const line of body.split(/\r\n|\r|\n/)) countLine(s, n, line);
  } else {
    // Most bodies have no carriage return: the lines between newlines, sliced out only when one may be
    // template (an empty line has no key; a paragraph line, most of the rest, is too long to be
    // template, known without trimming or folding it).
    for (let start = 0; start <= body.length; ) {
      let end = body.indexOf('\n', start);
      if (end < 0) end = body.length;
      if (end > start && (end - start <= LINE_KEY_MAX || isSpaceCode(body.charCodeAt(start)) || isSpaceCode(body.charCodeAt(end - 1)))) countLine(s, n, body.slice(start, end));
      start = end + 1;
    }
  }
}

/**
 * Counts one line of the `n`th article of source `s`, once per article: the entry remembers the last
 * article that counted it (one lookup a line, where a set of the article's keys cost two more).
 */
function countLine(s: SourceCounts, n: number, line: string): void {
  const k = lineKey(line);
  if (!k) return;
  const c = s.lines.get(k);
  if (!c) s.lines.set(k, [1, n, n]);
  else if (c[2] !== n) {
    c[0]++;
    c[2] = n;
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
