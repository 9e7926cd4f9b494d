import { compareBatch } from '../compare/compare.js';
import type { LoadedRule } from '../detectors/detector.js';
import type { ArticleFacts } from '../facts/facts.js';
import { buildReport } from '../report/build-report.js';
import type { Config } from '../rules/config.js';
import type { Article, ArticleResult, InputError, Report } from '../types.js';
import { collectBatchHints } from './batch-hints.js';
import { checkArticle } from './check-article.js';

export interface BatchOptions {
  compare: boolean;
  /** Called after each article, for progress display. */
  onProgress?: (done: number, total: number) => void;
}

/** Checks every article, then compares them through their facts, and builds the report. */
export function checkBatch(articles: Article[], inputErrors: InputError[], rules: readonly LoadedRule[], config: Config, options: BatchOptions): Report {
  const started = performance.now();
  const hintsFor = collectBatchHints(articles);
  const results: ArticleResult[] = [];
  const facts: ArticleFacts[] = [];
  const errors = [...inputErrors];
  articles.forEach((article, i) => {
    try {
      const out = checkArticle(article, rules, config, hintsFor(article));
      results.push(out.result);
      facts.push(out.facts);
    } catch (e) {
      // A detector bug must not take the batch down: the article is reported as not checked.
      errors.push({ source: article.source, message: `could not be checked: ${(e as Error).message}` });
    }
    options.onProgress?.(i + 1, articles.length);
  });
  let comparisons: Report['comparisons'] = [];
  if (options.compare && config.compare.enabled) {
    const out = compareBatch(facts, { ...config.compare, enabled: true });
    comparisons = out.comparisons;
    // Only the batch knows how many other articles confirm or contradict an article's statements.
    for (const r of results) {
      const c = out.corroboration.get(r.id);
      if (!c) continue;
      r.stats.corroboratedClaims = c.corroboratedClaims;
      r.stats.corroboratingArticles = c.corroboratingArticles;
      r.stats.contradictedClaims = c.contradictedClaims;
    }
  }
  return buildReport(results, comparisons, errors, performance.now() - started);
}
