import type { ArticleResult, Comparison, InputError, Report, StoryCluster, Summary } from '../types.js';
import { SCHEMA_VERSION, TOOL_VERSION } from './version.js';

/** The one report object every output format renders. */
export function buildReport(articles: ArticleResult[], comparisons: Comparison[], errors: InputError[], durationMs: number, clusters?: StoryCluster[]): Report {
  const summary: Summary = {
    articles: articles.length,
    errors: errors.length,
    verdicts: { pass: 0, review: 0, fail: 0 },
    categories: {},
    comparisons: {},
    durationMs: Math.round(durationMs),
  };
  for (const a of articles) {
    summary.verdicts[a.verdict]++;
    for (const f of a.flags) {
      // Suppressed flags stay in the article's list but are not counted here.
      if (f.suppressed) summary.suppressed = (summary.suppressed ?? 0) + 1;
      else summary.categories[f.category] = (summary.categories[f.category] ?? 0) + 1;
    }
  }
  for (const c of comparisons) summary.comparisons[c.type] = (summary.comparisons[c.type] ?? 0) + 1;
  return { schemaVersion: SCHEMA_VERSION, tool: { name: 'credlint', version: TOOL_VERSION }, articles, comparisons, ...(clusters ? { clusters } : {}), errors, summary };
}
