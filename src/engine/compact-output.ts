// An article's outcome in the form a batch keeps: the result serialised once (on the worker that checked
// it) plus the few fields the batch reads as it goes. A string crosses between threads as one copy and
// costs the collector nothing to keep, where the result's object graph (every flag an object) is rebuilt
// on the receiving thread and traced at every major collection while 10,000 of them are held.
import type { ArticleFacts } from '../facts/facts.js';
import type { ArticleResult, Category, Verdict } from '../types.js';
import type { CheckedResult, RuleFailure } from './check-article.js';

/**
 * How the result is serialised: `line`, JSON.stringify(result) (a JSONL line, or parsed back); `report`, as an
 * element of the JSON report's `articles` array (JSON.stringify(report, null, 2) indents it by four spaces), so
 * the thread writing the report copies it as it is.
 */
export type ResultForm = 'line' | 'report';

export interface CompactOutput {
  id: string;
  /** The result as JSON, in the form asked for (see ResultForm). */
  resultJson: string;
  /**
   * `report` form: where the batch-only stats (corroboration) go in resultJson, just before the stats
   * object's closing brace; absent when they cannot be spliced in (stats empty, or already naming one).
   */
  statsEnd?: number;
  verdict: Verdict;
  /** Warnings that count against --max-warnings (not suppressed). */
  warnings: number;
  /** Flags per category, keys in the order the article's flags first name them (the summary keeps that order). */
  categories: Partial<Record<Category, number>>;
  /** The same for flags not suppressed (what the report's summary counts), and how many were suppressed. */
  reported: Partial<Record<Category, number>>;
  suppressed: number;
  /** Absent when the batch did not ask for them (no comparison, no --emit-facts). */
  facts?: ArticleFacts;
  ruleErrors?: RuleFailure[];
}

/** The stats only the batch knows, added at the end of an article's stats (engine/check-batch.ts). */
const BATCH_STATS = ['corroboratedClaims', 'corroboratingArticles', 'contradictedClaims'];
/** Indentation of an article's own keys, and of its stats' keys, inside the report (see ResultForm). */
const ARTICLE_KEY_INDENT = '\n      ';

const ELEMENT_OPEN = '[\n  [\n    ';
const ELEMENT_CLOSE = '\n  ]\n]';

/**
 * The result as an element of the report's `articles` array: indented by four spaces, as JSON.stringify(report,
 * null, 2) lays it out. Stringified inside two arrays, the result already sits at that depth; cutting the arrays'
 * brackets off ("[\n  [\n    " and "\n  ]\n]") copies the text once, where re-indenting it line by line copied
 * it twice and built the intermediate string of a large result (100,000 flags) as well.
 */
export function reportElement(r: ArticleResult): string {
  const nested = JSON.stringify([[r]], null, 2);
  return nested.slice(ELEMENT_OPEN.length, nested.length - ELEMENT_CLOSE.length);
}
export function compactOutput(o: CheckedResult, form: ResultForm = 'line'): CompactOutput {
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
  const out: CompactOutput = { id: r.id, resultJson: '', verdict: r.verdict, warnings, categories, reported, suppressed };
  if (o.facts) out.facts = o.facts;
  if (form === 'line') out.resultJson = JSON.stringify(r);
  else {
    // A newline inside a string is escaped, so every newline of the text is a line break of the layout.
    const json = reportElement(r);
    out.resultJson = json;
    const keys = Object.keys(r.stats);
    if (keys.length > 0 && !keys.some((k) => BATCH_STATS.includes(k))) {
      // The stats' closing brace is the first line after `"stats": {` back at the article's key indent.
      const open = json.indexOf(`${ARTICLE_KEY_INDENT}"stats": {`);
      const close = open < 0 ? -1 : json.indexOf(`${ARTICLE_KEY_INDENT}}`, open);
      if (close >= 0) out.statsEnd = close;
    }
  }
  if (o.ruleErrors) out.ruleErrors = o.ruleErrors;
  return out;
}

export const resultOf = (c: CompactOutput): ArticleResult => JSON.parse(c.resultJson) as ArticleResult;
