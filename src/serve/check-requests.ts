// One request's articles on the pool: at most `pool.size` of them in flight at a time (so one big batch cannot
// fill the queue ahead of everyone else), all within the request's time budget; then the comparison and the
// report, exactly as `credlint check` builds them.
import type { CompareOutput } from '../compare/compare.js';
import { collectBatchHints } from '../engine/batch-hints.js';
import type { CheckOutput } from '../engine/check-article.js';
import type { ArticleFacts } from '../facts/facts.js';
import { buildReport } from '../report/build-report.js';
import type { Article, ArticleResult, Gate, InputError, Report, Verdict } from '../types.js';
import { HttpError } from './http-error.js';
import { ArticleTimeoutError, QueueFullError, type ArticlePool } from './pool.js';

export interface CheckRequest {
  articles: Article[];
  errors: InputError[];
  compare: boolean;
  /** Milliseconds from now the whole request may take. */
  budgetMs: number;
}

/** Checks the articles and builds the report; time-outs and a full queue become 503 and 429. */
/** The comparison phase of a request, given the time left (it may run on another thread). */
export type Comparer = (facts: ArticleFacts[], timeoutMs: number) => Promise<Pick<CompareOutput, 'comparisons' | 'corroboration'>>;

export async function checkArticles(pool: ArticlePool, compare: Comparer, req: CheckRequest): Promise<Report> {
  const started = performance.now();
  const deadline = started + req.budgetMs;
  const hintsFor = collectBatchHints(req.articles);
  const outputs: Array<CheckOutput | { error: string }> = new Array(req.articles.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < req.articles.length) {
      const i = next++;
      const article = req.articles[i]!;
      const left = deadline - performance.now();
      if (left <= 0) throw timeUp(req.budgetMs, article);
      try {
        outputs[i] = await withDeadline(pool.check(article, hintsFor(article), { timeoutMs: Math.ceil(left) }), left, () => timeUp(req.budgetMs, article));
      } catch (e) {
        if (e instanceof HttpError) throw e;
        if (e instanceof ArticleTimeoutError) throw timeUp(req.budgetMs, article);
        if (e instanceof QueueFullError) throw new HttpError(429, 'the server is busy checking other articles; retry shortly', { 'retry-after': '1' });
        outputs[i] = { error: (e as Error).message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(pool.size, req.articles.length) }, lane));

  const results: ArticleResult[] = [];
  const facts: ArticleFacts[] = [];
  const errors = [...req.errors];
  outputs.forEach((o, i) => {
    if ('result' in o) {
      results.push(o.result);
      facts.push(o.facts);
    } else errors.push({ source: req.articles[i]!.source, message: `could not be checked: ${o.error}` });
  });
  let comparisons: Report['comparisons'] = [];
  if (req.compare && facts.length > 1) {
    const left = deadline - performance.now();
    if (left <= 0) throw timeUpCompare(req.budgetMs);
    let out: Awaited<ReturnType<Comparer>>;
    try {
      out = await withDeadline(compare(facts, Math.ceil(left)), left, () => timeUpCompare(req.budgetMs));
    } catch (e) {
      if (e instanceof ArticleTimeoutError) throw timeUpCompare(req.budgetMs);
      throw e;
    }
    comparisons = out.comparisons;
    for (const r of results) {
      const c = out.corroboration.get(r.id);
      if (c) Object.assign(r.stats, c);
    }
  }
  return buildReport(results, comparisons, errors, performance.now() - started);
}

/**
 * The pool times an article from the moment a worker takes it; the request's budget also counts the wait in
 * the queue, so the request gives up at its deadline even if the article is still waiting (the pool then
 * stops it at its own limit).
 */
function withDeadline<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

function timeUpCompare(budgetMs: number): HttpError {
  return new HttpError(503, `comparing the articles did not finish within this server's ${budgetMs} ms limit per request; send fewer articles, compare=false, or ask the operator to raise --timeout`, { 'retry-after': '5' });
}

function timeUp(budgetMs: number, article: Article): HttpError {
  return new HttpError(503, `checking "${article.id}" did not finish within this server's ${budgetMs} ms limit per request; send a shorter article or ask the operator to raise --timeout`, { 'retry-after': '5' });
}

const RANK: Record<Verdict, number> = { pass: 0, review: 1, fail: 2 };

/** `--fail-on` over HTTP: the same rule as the CLI's exit code 1 (and 2 for input errors). */
export function gateOf(report: Report, failOn: Gate['failOn']): Gate {
  const failing = report.articles.filter((a) => RANK[a.verdict] >= RANK[failOn]).map((a) => a.id);
  const unchecked = report.errors.map((e) => e.source);
  return { failOn, passed: failing.length === 0 && unchecked.length === 0, failing, unchecked };
}
