import type { BatchHints } from '../detectors/detector.js';
import type { Article } from '../types.js';
import { lineKey } from './line-key.js';

/** Lines seen in at least this many articles, and this share, of one source count as template. */
const MIN_ARTICLES = 3;
const MIN_SHARE = 0.3;

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

/**
 * Counts, per source, in how many articles each short line occurs, and keeps the lines that recur
 * often enough to be template. One pass, memory proportional to distinct short lines.
 */
export function collectBatchHints(articles: Iterable<Article>): (article: Article) => BatchHints {
  const perSource = new Map<string, { articles: number; lines: Map<string, number> }>();
  for (const a of articles) {
    const key = sourceKey(a);
    let s = perSource.get(key);
    if (!s) perSource.set(key, (s = { articles: 0, lines: new Map() }));
    s.articles++;
    const seen = new Set<string>();
    for (const line of a.body.split(/\r\n|\r|\n/)) {
      const k = lineKey(line);
      if (k && !seen.has(k)) {
        seen.add(k);
        s.lines.set(k, (s.lines.get(k) ?? 0) + 1);
      }
    }
  }
  const templates = new Map<string, Set<string>>();
  for (const [key, s] of perSource) {
    const min = Math.max(MIN_ARTICLES, Math.ceil(MIN_SHARE * s.articles));
    const set = new Set<string>();
    for (const [line, n] of s.lines) if (n >= min) set.add(line);
    templates.set(key, set);
  }
  const empty: ReadonlySet<string> = new Set();
  return (article) => ({ templateLines: templates.get(sourceKey(article)) ?? empty });
}
