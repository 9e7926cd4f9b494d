// The library face of credlint: the CLI, the worker threads and the HTTP service all go through
// createChecker, so rules and configuration are loaded once and every caller gets the same results.
import type { CompareOutput } from './compare/compare.js';
import { compareBatch } from './compare/compare.js';
import type { BatchHints, LoadedRule } from './detectors/detector.js';
import { checkArticle, type CheckOutput } from './engine/check-article.js';
import { checkBatch, checkEach, errorsOf, type BatchOptions } from './engine/check-batch.js';
import type { WorkerSetup } from './engine/check-worker.js';
import { availableCores } from './engine/worker-pool.js';
import type { ArticleFacts } from './facts/facts.js';
import { buildReport } from './report/build-report.js';
import { findConfig, loadConfig, defaultConfig, type Config } from './rules/config.js';
import { loadRules } from './rules/load-rules.js';
import type { Article, ArticleResult, Comparison, InputError, Report } from './types.js';

export type * from './types.js';
export type { ArticleFacts } from './facts/facts.js';
export type { Config } from './rules/config.js';
export type { BatchHints, LoadedRule } from './detectors/detector.js';
export type { CheckOutput, RuleFailure } from './engine/check-article.js';
export type { WorkerSetup } from './engine/check-worker.js';
export { buildReport } from './report/build-report.js';
export { SCHEMA_VERSION, TOOL_VERSION } from './report/version.js';
export { ConfigError } from './rules/config.js';
export { RuleLoadError } from './rules/load-rules.js';
export { ArticleCheckError, ArticleTimeoutError, availableCores, CheckPool, QueueFullError, WorkerCrashError, type PoolOptions } from './engine/worker-pool.js';
export { collectBatchHints, HintCollector } from './engine/batch-hints.js';
export { reportFromJsonl } from './report/formats/jsonl.js';
export { fixArticle, isSafeFix, type FixResult, type FixOptions } from './fix/apply-fixes.js';
export { applyBaseline, buildBaseline, readBaseline, type Baseline } from './gate/baseline.js';
export { scoreFlags } from './score/score.js';

export interface CheckerOptions {
  /** A configuration object already loaded (wins over configFile). */
  config?: Config;
  /** A `.credlintrc.json` to load; `null` for the defaults; omitted: the nearest one from `cwd` upwards. */
  configFile?: string | null;
  /** Extra folders of rule packs, on top of the built-in ones and the configuration's `rulesDirs`. */
  rulesDirs?: string[];
  /** Where to look for `.credlintrc.json` when configFile is omitted (default: process.cwd()). */
  cwd?: string;
  /**
   * Worker threads for checkStream and checkBatch (default 1: the calling thread; capped at the cores available).
   * checkBatch takes it as a maximum: one thread per 2,000 articles, at least one (see threadsFor).
   */
  jobs?: number;
  /** Time budget per article on worker threads, in ms (default 10 000). */
  articleTimeoutMs?: number;
}

/** One article of a stream: its output, or why it could not be checked. `errors` are its report errors (failed rules included). */
export type StreamResult = { article: Article; output: CheckOutput; errors: InputError[] } | { article: Article; error: string; errors: InputError[] };

export interface StreamOptions {
  /** Template lines per source (e.g. from collectBatchHints over a first pass); none by default. */
  hintsFor?: (article: Article) => BatchHints | null;
  /** Overrides the checker's jobs for this stream. */
  jobs?: number;
}

export interface Checker {
  readonly config: Config;
  readonly rules: readonly LoadedRule[];
  /** One article: its result and its facts for the comparison. A pure function of (article, rules, config, hints). */
  check(article: Article, hints?: BatchHints | null): CheckOutput;
  /**
   * Many articles, checked as they arrive (on worker threads when jobs > 1); results come out in input
   * order. Memory is bounded by a window of articles in flight (a few per thread), not by the stream.
   */
  checkStream(articles: AsyncIterable<Article> | Iterable<Article>, options?: StreamOptions): AsyncGenerator<StreamResult>;
  /** The cross-document phase over facts (from this process or from other shards); bodies by id, where at hand, quote the reported pairs. */
  compare(facts: readonly ArticleFacts[], bodyOf?: (article: string) => string | undefined): CompareOutput;
  /** A whole batch: check, compare, and the report object every format renders. */
  checkBatch(articles: Article[], inputErrors?: InputError[], options?: Partial<BatchOptions>): Promise<Report>;
}

/** Article input as a caller may give it: only `body` is required. */
export function toArticle(input: Partial<Article> & { body: string }, index = 0): Article {
  return {
    id: input.id ?? `article-${index + 1}`,
    source: input.source ?? input.id ?? `article-${index + 1}`,
    title: input.title ?? null,
    url: input.url ?? null,
    publishedAt: input.publishedAt ?? null,
    publishedAtOrigin: input.publishedAt ? (input.publishedAtOrigin ?? 'record') : null,
    publisher: input.publisher ?? null,
    format: input.format ?? 'txt',
    body: input.body,
  };
}

export function createChecker(options: CheckerOptions = {}): Checker {
  const config = options.config ?? (options.configFile !== undefined ? (options.configFile === null ? defaultConfig() : loadConfig(options.configFile)) : loadConfig(findConfig(options.cwd ?? process.cwd())));
  const rulesDirs = options.rulesDirs ?? [];
  const rules = loadRules(config, rulesDirs);
  const compareOptions = { ...config.compare, enabled: true };
  const workerSetup: WorkerSetup = { configFile: config.file, config, extraRuleDirs: rulesDirs };
  const jobsOf = (j: number | undefined): number => Math.max(1, Math.min(j ?? options.jobs ?? 1, availableCores()));
  return {
    config,
    rules,
    check: (article, hints = null) => checkArticle(article, rules, config, hints),
    async *checkStream(articles, streamOptions = {}) {
      const jobs = jobsOf(streamOptions.jobs);
      const hintsFor = streamOptions.hintsFor ?? (() => null);
      // One thread: check here, without a worker's start-up; more: the pool, with its time budget.
      for await (const { article, checked } of checkEach(articles, hintsFor, { rules, config }, jobs > 1 ? jobs : 0, { workerSetup, articleTimeoutMs: options.articleTimeoutMs })) {
        const errors = errorsOf(article, checked);
        yield 'output' in checked ? { article, output: checked.output, errors } : { article, error: checked.error, errors };
      }
    },
    compare: (facts, bodyOf) => compareBatch(facts, compareOptions, bodyOf),
    checkBatch: (articles, inputErrors = [], batchOptions = {}) => {
      const jobs = jobsOf(batchOptions.jobs);
      return checkBatch(articles, inputErrors, rules, config, {
        compare: batchOptions.compare ?? true,
        jobs,
        workerSetup: jobs > 1 ? (batchOptions.workerSetup ?? workerSetup) : undefined,
        onProgress: batchOptions.onProgress,
        articleTimeoutMs: batchOptions.articleTimeoutMs ?? options.articleTimeoutMs,
      });
    },
  };
}

/** A report for results checked elsewhere (a stream, shards): the same object `checkBatch` builds. */
export function reportOf(results: ArticleResult[], comparisons: Comparison[], errors: InputError[], durationMs = 0): Report {
  return buildReport(results, comparisons, errors, durationMs);
}
