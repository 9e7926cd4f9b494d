// An article's outcome in the form a batch keeps: the result serialised once (on the worker that checked
// it) plus the few fields the batch reads as it goes. A string crosses between threads as one copy and
// costs the collector nothing to keep, where the result's object graph (every flag an object) is rebuilt
// on the receiving thread and traced at every major collection while 10,000 of them are held.
import type { ArticleFacts } from '../facts/facts.js';
import type { ArticleResult, Category, Verdict } from '../types.js';
import type { CheckOutput, RuleFailure } from './check-article.js';

export interface CompactOutput {
  id: string;
  /** JSON.stringify(result). */
  resultJson: string;
  verdict: Verdict;
  /** Warnings that count against --max-warnings (not suppressed). */
  warnings: number;
  /** Flags per category, keys in the order the article's flags first name them (the summary keeps that order). */
  categories: Partial<Record<Category, number>>;
  /** The same for flags not suppressed (what the report's summary counts), and how many were suppressed. */
  reported: Partial<Record<Category, number>>;
  suppressed: number;
  facts: ArticleFacts;
  ruleErrors?: RuleFailure[];
}

export function compactOutput(o: CheckOutput): CompactOutput {
  const r = o.result;
  let warnings = 0;
  let suppressed = 0;
  const categories: CompactOutput['categories'] = {};
  const reported: CompactOutput['reported'] = {};
  for (const f of r.flags) {
    if (f.severity === 'warning' && !f.suppressed) warnings++;
    categories[f.category] = (categories[f.category] ?? 0) + 1;
    if (f.suppressed) suppressed++;
    else reported[f.category] = (reported[f.category] ?? 0) + 1;
  }
  const out: CompactOutput = { id: r.id, resultJson: JSON.stringify(r), verdict: r.verdict, warnings, categories, reported, suppressed, facts: o.facts };
  if (o.ruleErrors) out.ruleErrors = o.ruleErrors;
  return out;
}

export const resultOf = (c: CompactOutput): ArticleResult => JSON.parse(c.resultJson) as ArticleResult;
