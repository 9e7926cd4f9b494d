import { compareBatch, type Corroboration } from '../compare/compare.js';
import type { BodyOf } from '../compare/quote-sides.js';
import type { BatchHints, LoadedRule } from '../detectors/detector.js';
import type { ArticleFacts } from '../facts/facts.js';
import { buildReport } from '../report/build-report.js';
import type { Config } from '../rules/config.js';
import type { Article, ArticleResult, Comparison, InputError, Report } from '../types.js';
import { collectBatchHints } from './batch-hints.js';
import { ArticleOverBudget, checkArticle, checkArticleWith, type CheckOutput } from './check-article.js';
import { checkOrdered, type Checked } from './check-parallel.js';
import type { WorkerSetup } from './check-worker.js';
import { compactOutput, type CompactOutput, type ResultForm } from './compact-output.js';
import { comparisonFailure } from './gathered-comparison.js';
import { availableCores, CheckPool, DEFAULT_ARTICLE_TIMEOUT_MS } from './worker-pool.js';

/**
 * Articles below which a batch is checked on the calling thread: starting a thread costs more than it saves. The
 * library's figure, kept small because its caller's event loop waits while articles are checked on its thread;
 * the CLI, which has nothing else to do meanwhile, passes its own (check-command.ts).
 */
const PER_WORKER_MIN = 16;
/**
 * Articles each checking thread beyond the first must have to pay for itself. A thread is a new V8 isolate: it
 * compiles the hot code again with TurboFan (about 3 s of V8's helper-thread CPU before it runs at full speed) and
 * starts with cold caches, and on two cores the first thread already shares the second core with the main thread,
 * the comparison and those helpers. Measured with the comparison on two cores (interleaved, `-j 1` against `-j 2`):
 * 1,000 articles 0.94x (2.2 s more CPU), 2,000 about 1.0x, 3,000 about 1.0-1.1x, 5,000 1.2-1.5x.
 * `CREDLINT_ARTICLES_PER_THREAD` sets another figure (tests use 16 to run two threads on a small batch).
 */
const ARTICLES_PER_THREAD = 2_000;

/** ARTICLES_PER_THREAD, or a whole number of at least 1 from the environment. */
export function articlesPerThread(env: Readonly<Record<string, string | undefined>> = process.env): number {
  const given = Number(env.CREDLINT_ARTICLES_PER_THREAD);
  return Number.isInteger(given) && given >= 1 ? given : ARTICLES_PER_THREAD;
}
/** Heap per checking thread: far above what the largest accepted article needs. */
const WORKER_HEAP_MB = 2048;

export interface BatchOptions {
  compare: boolean;
  /** Worker threads to use at most (a batch gets what its size is worth, see threadsFor). Default: the machine's cores. */
  jobs?: number;
  /** How workers rebuild the same rule set; without it every article is checked on the calling thread. */
  workerSetup?: WorkerSetup;
  /** Called after each article, for progress display. */
  onProgress?: (done: number, total: number) => void;
  /** Time budget per article (default 10 s): checked between rules on any thread, and a hard guard on worker threads. */
  articleTimeoutMs?: number;
  /** Check on worker threads even for a small batch (so the time budget holds for one article too). */
  forceWorkers?: boolean;
}

export function defaultJobs(): number {
  return availableCores();
}

/**
 * How many threads a batch of `count` articles (undefined: a stream of unknown length) is worth, `jobs` at most:
 * none under `mainBelow` articles, or under `perThread` when that is lower (one with `force`), then one, and one
 * more for every further `perThread` articles (2,000: two threads from 4,000 articles).
 */
export function threadsFor(count: number | undefined, jobs: number, force = false, perThread = articlesPerThread(), mainBelow = PER_WORKER_MIN): number {
  if (count === undefined) return jobs;
  if (count < Math.min(mainBelow, perThread)) return force ? 1 : 0;
  return Math.min(jobs, Math.max(1, Math.floor(count / perThread)));
}

/** The report's errors for one article's outcome: a failed article, or the rules that failed on it. */
export function errorsOf(article: Article, checked: Checked<{ ruleErrors?: CheckOutput['ruleErrors'] }>): InputError[] {
  if ('error' in checked) {
    const e: InputError = { source: article.source, article: article.id, message: `could not be checked: ${checked.error}` };
    if (checked.ruleId) e.ruleId = checked.ruleId;
    return [e];
  }
  return (checked.output.ruleErrors ?? []).map((r) => ({ source: article.source, article: article.id, ruleId: r.ruleId, message: `rule ${r.ruleId} failed on this article: ${r.message}` }));
}

/** Checks one article on the calling thread within its time budget, turning an exception into an outcome. */
export function checkHere(article: Article, rules: readonly LoadedRule[], config: Config, hints: BatchHints | null, budgetMs = DEFAULT_ARTICLE_TIMEOUT_MS): Checked {
  return contained(() => checkArticle(article, rules, config, hints, { ms: budgetMs }));
}

/** An exception (a bug, or the time budget) as the article's outcome. */
function contained<T>(check: () => T): Checked<T> {
  try {
    return { output: check() };
  } catch (e) {
    if (e instanceof ArticleOverBudget && e.ruleId) return { error: e.message, ruleId: e.ruleId };
    return { error: (e as Error)?.message ?? String(e) };
  }
}

export interface Engine {
  rules: readonly LoadedRule[];
  config: Config;
}

/**
 * Every article's outcome in input order: on a pool of `threads` workers, or on this thread when 0.
 * The pool is closed when the input ends (or the consumer stops).
 */
export async function* checkEach(
  articles: AsyncIterable<Article> | Iterable<Article>,
  hintsFor: (a: Article) => BatchHints | null,
  engine: Engine,
  threads: number,
  options: Pick<BatchOptions, 'workerSetup' | 'articleTimeoutMs'>,
): AsyncGenerator<{ article: Article; checked: Checked }> {
  if (threads === 0 || !options.workerSetup) {
    for await (const article of articles) yield { article, checked: checkHere(article, engine.rules, engine.config, hintsFor(article), options.articleTimeoutMs) };
    return;
  }
  // An explicit heap limit makes a worker that runs out of memory end alone (its article an error), not the process.
  const pool = new CheckPool({ size: threads, setup: options.workerSetup, articleTimeoutMs: options.articleTimeoutMs ?? DEFAULT_ARTICLE_TIMEOUT_MS, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
  try {
    yield* checkOrdered(articles, hintsFor, pool, (a, h) => pool.check(a, h));
  } finally {
    await pool.close();
  }
}

/**
 * The pool a batch checks on: each worker holds two articles (the next waits in its port), and an explicit
 * heap limit makes a worker that runs out of memory end alone. Opened early, its threads start (import
 * the code, load the rules) while the calling thread loads its own and reads ahead for batch hints.
 */
export function openBatchPool(size: number, setup: WorkerSetup, articleTimeoutMs = DEFAULT_ARTICLE_TIMEOUT_MS): CheckPool {
  return new CheckPool({ size, setup, articleTimeoutMs, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB }, perWorker: 2 });
}

/**
 * checkEach for a batch that keeps what it is given: each outcome in compact form (the result serialised
 * once, on the thread that checked it). Each worker holds two articles, so none waits on this thread.
 */
export async function* checkEachCompact(
  articles: AsyncIterable<Article> | Iterable<Article>,
  hintsFor: (a: Article) => BatchHints | null,
  engine: Engine,
  threads: number,
  options: Pick<BatchOptions, 'workerSetup' | 'articleTimeoutMs'> & { pool?: CheckPool; form?: ResultForm; facts?: boolean },
): AsyncGenerator<{ article: Article; checked: Checked<CompactOutput> }> {
  if (threads === 0 || (!options.workerSetup && !options.pool)) {
    for await (const article of articles) {
      const budget = { ms: options.articleTimeoutMs ?? DEFAULT_ARTICLE_TIMEOUT_MS };
      const checked = contained(() => checkArticleWith(article, engine.rules, engine.config, hintsFor(article), { budget, facts: options.facts ?? true }));
      yield { article, checked: 'output' in checked ? { output: compactOutput(checked.output, options.form) } : checked };
    }
    return;
  }
  const pool = options.pool ?? openBatchPool(threads, options.workerSetup!, options.articleTimeoutMs);
  try {
    yield* checkOrdered(articles, hintsFor, pool, (a, h) => pool.checkCompact(a, h, { form: options.form, facts: options.facts }));
  } finally {
    await pool.close();
  }
}

/** The comparison over gathered facts, its failure contained: the per-article results still stand. */
/**
 * The comparison over gathered facts; a failure there is one error, never the loss of the per-article
 * results. `bodyOf` (where the caller still holds the bodies) quotes the sentences of reported pairs.
 */
export function compareGathered(
  facts: readonly ArticleFacts[],
  config: Config,
  errors: InputError[],
  bodyOf?: BodyOf,
): { comparisons: Comparison[]; corroboration: Map<string, Corroboration>; clusters?: Report['clusters'] } {
  try {
    const out = compareBatch(facts, { ...config.compare, enabled: true }, bodyOf);
    return { comparisons: out.comparisons, corroboration: out.corroboration, clusters: out.clusters };
  } catch (e) {
    errors.push(comparisonFailure((e as Error)?.message ?? String(e)));
    return { comparisons: [], corroboration: new Map() };
  }
}

/** Only the batch knows how many other articles confirm or contradict an article's statements. */
export function corroborationStats(c: Corroboration): Record<string, number> {
  return { corroboratedClaims: c.corroboratedClaims, corroboratingArticles: c.corroboratingArticles, contradictedClaims: c.contradictedClaims };
}

export function applyCorroboration(results: ArticleResult[], corroboration: Map<string, Corroboration>): void {
  for (const r of results) {
    const c = corroboration.get(r.id);
    if (c) Object.assign(r.stats, corroborationStats(c));
  }
}

/** Checks every article (in parallel for large batches), compares them through their facts, builds the report. */
export async function checkBatch(articles: Article[], inputErrors: InputError[], rules: readonly LoadedRule[], config: Config, options: BatchOptions): Promise<Report> {
  const started = performance.now();
  const hintsFor = collectBatchHints(articles);
  const threads = options.workerSetup ? threadsFor(articles.length, options.jobs ?? defaultJobs(), options.forceWorkers) : 0;
  const results: ArticleResult[] = [];
  const facts: ArticleFacts[] = [];
  const errors = [...inputErrors];
  let done = 0;
  for await (const { article, checked } of checkEach(articles, hintsFor, { rules, config }, threads, options)) {
    errors.push(...errorsOf(article, checked));
    if ('output' in checked) {
      results.push(checked.output.result);
      facts.push(checked.output.facts);
    }
    options.onProgress?.(++done, articles.length);
  }
  let comparisons: Comparison[] = [];
  let clusters: Report['clusters'];
  if (options.compare && config.compare.enabled) {
    const bodies = new Map(articles.map((a) => [a.id, a.body]));
    const out = compareGathered(facts, config, errors, (id) => bodies.get(id));
    applyCorroboration(results, out.corroboration);
    comparisons = out.comparisons;
    clusters = out.clusters;
  }
  return buildReport(results, comparisons, errors, performance.now() - started, clusters);
}

export type { CheckOutput };
