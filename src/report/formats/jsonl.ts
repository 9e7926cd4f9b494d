// The streaming form of the report: one JSON object per line, written as soon as it is known.
// Lines in order: article results and errors (input order), facts (when asked for), comparisons,
// then one summary line. `reportFromJsonl` puts the lines back into the one report object.
import type { ArticleFacts } from '../../facts/facts.js';
import type { ArticleResult, Comparison, InputError, Report, StoryCluster, Summary } from '../../types.js';
import { buildReport } from '../build-report.js';
import { SCHEMA_VERSION, TOOL_VERSION } from '../version.js';
import type { Format } from './options.js';

export type JsonlLine =
  | { type: 'article'; article: ArticleResult }
  | { type: 'error'; error: InputError }
  | { type: 'facts'; facts: ArticleFacts }
  | { type: 'comparison'; comparison: Comparison }
  | { type: 'cluster'; cluster: StoryCluster }
  | { type: 'corroboration'; article: string; stats: Record<string, number> }
  | { type: 'summary'; schemaVersion: string; tool: Report['tool']; summary: Summary };

const line = (value: JsonlLine): string => `${JSON.stringify(value)}\n`;

// Every type a line can have (the Record makes the compiler ask for a new one), for readers that take some
// lines and pass over the others: `compare --facts` reads the facts lines of a whole stream.
const LINE_TYPES: Record<JsonlLine['type'], true> = { article: true, error: true, facts: true, comparison: true, cluster: true, corroboration: true, summary: true };
export const isJsonlLineType = (type: string): type is JsonlLine['type'] => Object.hasOwn(LINE_TYPES, type);

export const renderArticleLine = (article: ArticleResult): string => line({ type: 'article', article });
export const renderErrorLine = (error: InputError): string => line({ type: 'error', error });
export const renderFactsLine = (facts: ArticleFacts): string => line({ type: 'facts', facts });
export const renderComparisonLine = (comparison: Comparison): string => line({ type: 'comparison', comparison });
export const renderClusterLine = (cluster: StoryCluster): string => line({ type: 'cluster', cluster });
/** Corroboration counts are only known after the comparison, when the article's line is already written. */
export const renderCorroborationLine = (article: string, stats: Record<string, number>): string => line({ type: 'corroboration', article, stats });
export const renderSummaryLine = (summary: Summary): string => line({ type: 'summary', schemaVersion: SCHEMA_VERSION, tool: { name: 'credlint', version: TOOL_VERSION }, summary });

/** The summary of a stream, counted as lines go out instead of from arrays held in memory. */
export class SummaryCounter {
  private readonly summary: Summary = { articles: 0, errors: 0, verdicts: { pass: 0, review: 0, fail: 0 }, categories: {}, comparisons: {}, durationMs: 0 };

  article(a: ArticleResult): void {
    this.summary.articles++;
    this.summary.verdicts[a.verdict]++;
    for (const f of a.flags) this.summary.categories[f.category] = (this.summary.categories[f.category] ?? 0) + 1;
  }

  /** The same count from an article's verdict and flags per category (what a batch keeps of a result). */
  counted(verdict: ArticleResult["verdict"], categories: Summary["categories"]): void {
    this.summary.articles++;
    this.summary.verdicts[verdict]++;
    for (const [c, n] of Object.entries(categories) as Array<[keyof Summary["categories"], number]>) this.summary.categories[c] = (this.summary.categories[c] ?? 0) + n;
  }

  error(): void {
    this.summary.errors++;
  }

  comparison(c: Comparison): void {
    this.summary.comparisons[c.type] = (this.summary.comparisons[c.type] ?? 0) + 1;
  }

  /** Comparisons counted where their lines were rendered (keys in the order those lines first named them). */
  comparisonsCounted(counts: Summary['comparisons']): void {
    for (const [t, n] of Object.entries(counts) as Array<[keyof Summary['comparisons'], number]>) this.summary.comparisons[t] = (this.summary.comparisons[t] ?? 0) + n;
  }

  finish(durationMs: number): Summary {
    return { ...this.summary, durationMs: Math.round(durationMs) };
  }
}

/** A `--format jsonl` output read back into the report object (facts lines are skipped). */
export function reportFromJsonl(text: string): Report {
  const articles: ArticleResult[] = [];
  const comparisons: Comparison[] = [];
  const clusters: StoryCluster[] = [];
  const errors: InputError[] = [];
  const corroboration = new Map<string, Record<string, number>>();
  let durationMs = 0;
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    if (raw.trim() === '') continue;
    let l: JsonlLine;
    try {
      l = JSON.parse(raw) as JsonlLine;
    } catch (e) {
      // Which line of a stream saved by someone else is broken, not only that one is.
      throw new SyntaxError(`line ${i + 1} is not a JSON line of \`--format jsonl\` (${(e as Error).message})`);
    }
    if (l.type === 'article') articles.push(l.article);
    else if (l.type === 'error') errors.push(l.error);
    else if (l.type === 'comparison') comparisons.push(l.comparison);
    else if (l.type === 'cluster') clusters.push(l.cluster);
    else if (l.type === 'corroboration') corroboration.set(l.article, l.stats);
    else if (l.type === 'summary') durationMs = l.summary.durationMs;
  }
  for (const a of articles) Object.assign(a.stats, corroboration.get(a.id));
  return buildReport(articles, comparisons, errors, durationMs, clusters.length ? clusters : undefined);
}

/**
 * The same lines for a report already built (the service, tests). The CLI does not call this: with
 * `--format jsonl` it writes each line as soon as it is known instead of building the report first.
 */
export function renderJsonl(report: Report): string {
  const out: string[] = [];
  for (const a of report.articles) out.push(renderArticleLine(a));
  for (const e of report.errors) out.push(renderErrorLine(e));
  for (const c of report.comparisons) out.push(renderComparisonLine(c));
  for (const c of report.clusters ?? []) out.push(renderClusterLine(c));
  out.push(renderSummaryLine(report.summary));
  return out.join('');
}

export const jsonlFormat: Format = {
  name: 'jsonl',
  description: 'one line per article as it is checked (streamed), then comparisons, then the summary',
  extension: 'jsonl',
  render: renderJsonl,
};
