// The library face of credlint: the CLI, the worker threads and the HTTP service all go through
// createChecker, so rules and configuration are loaded once and every caller gets the same results.
import type { CompareOutput } from './compare/compare.js';
import { compareBatch } from './compare/compare.js';
import type { BatchHints, LoadedRule } from './detectors/detector.js';
import { checkArticle, type CheckOutput } from './engine/check-article.js';
import { checkBatch, checkEach, errorsOf, type BatchOptions } from './engine/check-batch.js';
import type { WorkerSetup } from './engine/check-worker.js';
import { availableCores } from './engine/worker-pool.js';
import { factsProblem, type ArticleFacts } from './facts/facts.js';
import { buildReport } from './report/build-report.js';
import { articleFromInput, placeholderArticle } from './input/article-input.js';
import { uniqueIds } from './input/read-articles.js';
import { configFromObject, findConfig, isResolvedConfig, loadConfig, defaultConfig, type Config, type RawConfig } from './rules/config.js';
import { loadRules } from './rules/load-rules.js';
import type { Article, ArticleResult, Comparison, InputError, Report } from './types.js';

export type * from './types.js';
export type { ArticleFacts } from './facts/facts.js';
export type { Config, RawConfig } from './rules/config.js';
export { configFromObject, defaultConfig, findConfig, loadConfig } from './rules/config.js';
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
  /**
   * A configuration (wins over configFile): one already loaded (loadConfig, defaultConfig), or an object as a
   * `.credlintrc.json` holds it (`{ rules: { ... } }`), validated and filled in from the defaults like a file.
   */
  config?: Config | RawConfig;
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
  /**
   * One article (normalised as normalizeArticle does; a TypeError when it cannot be checked): its result and its
   * facts for the comparison. A pure function of (article, rules, config, hints). It runs on the calling thread, so
   * the time budget is checked between rules only: with user patterns (rule packs from outside credlint) prefer
   * checkStream or checkBatch, which run those on a worker thread that can be stopped.
   */
  check(article: ArticleInput, hints?: BatchHints | null): CheckOutput;
  /**
   * Many articles, checked as they arrive (on worker threads when jobs > 1); results come out in input
   * order. Memory is bounded by a window of articles in flight (a few per thread), not by the stream.
   */
  checkStream(articles: AsyncIterable<ArticleInput> | Iterable<ArticleInput>, options?: StreamOptions): AsyncGenerator<StreamResult>;
  /** The cross-document phase over facts (from this process or from other shards); bodies by id, where at hand, quote the reported pairs. */
  compare(facts: readonly ArticleFacts[], bodyOf?: (article: string) => string | undefined): CompareOutput;
  /**
   * A whole batch: check, compare, and the report object every format renders. Inputs that cannot be checked and
   * normalisation warnings go into the report's errors; repeated ids get their source or `#n` appended.
   */
  checkBatch(articles: readonly ArticleInput[], inputErrors?: InputError[], options?: Partial<BatchOptions>): Promise<Report>;
}

/** Article input as a caller may give it: only `body` is required; fields of the wrong type are ignored with a warning. */
export type ArticleInput = Partial<Article> & { body: string };

/**
 * An article as a caller gives it, made into an Article the way the CLI makes a record into one: an unusable id
 * (empty, too long, not a string or number) becomes `article-N` (N = index + 1), a `publishedAt` that is not a
 * date in years 0001-9999 is dropped, a field of the wrong type is ignored; each with a warning. `problem`: why it
 * cannot be checked at all (no string body, empty, over the size limit).
 */
export function normalizeArticle(input: unknown, index = 0): { article: Article; warnings: string[] } | { problem: string; id: string } {
  return articleFromInput(input, index);
}

/** normalizeArticle without the warnings; throws a TypeError naming the problem when the input cannot be checked. */
export function toArticle(input: ArticleInput, index = 0): Article {
  const r = articleFromInput(input, index);
  if ('problem' in r) throw new TypeError(`credlint: article ${r.id} cannot be checked: ${r.problem}`);
  return r.article;
}

/** Articles given to a batch, normalised; what cannot be checked and every warning become report errors. */
function batchArticles(inputs: readonly unknown[]): { articles: Article[]; errors: InputError[] } {
  const articles: Article[] = [];
  const errors: InputError[] = [];
  const warned: { article: Article; warnings: string[] }[] = [];
  inputs.forEach((input, i) => {
    const r = articleFromInput(input, i);
    if ('problem' in r) errors.push({ source: placeholderArticle(input, r.id).source, article: r.id, message: `could not be checked: ${r.problem}` });
    else {
      articles.push(r.article);
      if (r.warnings.length) warned.push(r);
    }
  });
  uniqueIds(articles);
  // After uniqueIds, so each warning names the article by the id the report gives it.
  for (const { article, warnings } of warned) for (const message of warnings) errors.push({ source: article.source, article: article.id, message });
  return { articles, errors };
}

/** The configuration the options name: given (loaded, or as a file holds it), a file, the defaults, or the nearest file. */
function configOf(options: CheckerOptions): Config {
  const given = options.config;
  if (given !== undefined) return isResolvedConfig(given) ? given : configFromObject(given, options.cwd);
  if (options.configFile === null) return defaultConfig();
  return loadConfig(options.configFile ?? findConfig(options.cwd ?? process.cwd()));
}

export function createChecker(options: CheckerOptions = {}): Checker {
  const config = configOf(options);
  const rulesDirs = options.rulesDirs ?? [];
  // A string here would be read character by character as folders ("/" among them).
  if (!Array.isArray(rulesDirs) || !rulesDirs.every((d) => typeof d === 'string')) throw new TypeError('credlint: createChecker: rulesDirs must be an array of folder paths');
  const rules = loadRules(config, rulesDirs);
  const compareOptions = { ...config.compare, enabled: true };
  const workerSetup: WorkerSetup = { configFile: config.file, config, extraRuleDirs: rulesDirs };
  const jobsOf = (j: number | undefined): number => Math.max(1, Math.min(j ?? options.jobs ?? 1, availableCores()));
  // A user pattern may be slow in ways the load-time check cannot prove (polynomial, not exponential): only a
  // worker thread can be stopped in the middle of one, so such rules run on one even when jobs is 1.
  const guarded = rules.some((r) => r.enabled && r.userPatterns);
  return {
    config,
    rules,
    check: (article, hints = null) => checkArticle(toArticle(article), rules, config, hints),
    async *checkStream(inputs, streamOptions = {}) {
      const jobs = jobsOf(streamOptions.jobs);
      const hintsFor = streamOptions.hintsFor ?? (() => null);
      // Inputs that cannot be checked never reach the checker; each is given out in its place in the input order,
      // before the checked article that came after it. Warnings wait beside their article until its result.
      const failedBefore = new Map<number, StreamResult[]>();
      const pendingWarnings = new Map<Article, string[]>();
      let checkable = 0;
      let index = 0;
      async function* articles(): AsyncGenerator<Article> {
        for await (const input of inputs) {
          const r = articleFromInput(input, index++);
          if ('problem' in r) {
            const article = placeholderArticle(input, r.id);
            const failed: StreamResult = { article, error: r.problem, errors: [{ source: article.source, article: r.id, message: `could not be checked: ${r.problem}` }] };
            const list = failedBefore.get(checkable);
            if (list) list.push(failed);
            else failedBefore.set(checkable, [failed]);
          } else {
            pendingWarnings.set(r.article, r.warnings);
            checkable++;
            yield r.article;
          }
        }
      }
      const warningsOf = (a: Article): InputError[] => (pendingWarnings.get(a) ?? []).map((message) => ({ source: a.source, article: a.id, message }));
      const threads = jobs > 1 ? jobs : guarded ? 1 : 0;
      let position = 0;
      // One thread and no user patterns: check here, without a worker's start-up; else the pool, with its time budget.
      for await (const { article, checked } of checkEach(articles(), hintsFor, { rules, config }, threads, { workerSetup, articleTimeoutMs: options.articleTimeoutMs })) {
        yield* failedBefore.get(position) ?? [];
        failedBefore.delete(position++);
        const errors = [...warningsOf(article), ...errorsOf(article, checked)];
        pendingWarnings.delete(article);
        yield 'output' in checked ? { article, output: checked.output, errors } : { article, error: checked.error, errors };
      }
      yield* failedBefore.get(position) ?? [];
    },
    compare: (facts, bodyOf) => {
      // Facts may come from other shards or processes: a malformed one is named here, not met deep in the joins.
      if (!Array.isArray(facts)) throw new TypeError('credlint: compare: expected an array of facts (CheckOutput.facts)');
      facts.forEach((f, i) => {
        const problem = factsProblem(f);
        if (problem) throw new TypeError(`credlint: compare: facts[${i}]${typeof (f as ArticleFacts)?.article === 'string' ? ` (${(f as ArticleFacts).article})` : ''}: ${problem.replace(/"facts\./g, '"')}`);
      });
      return compareBatch(facts, compareOptions, bodyOf);
    },
    // async: a bad argument is a rejected promise, as every other failure of a batch is.
    checkBatch: async (inputs, inputErrors = [], batchOptions = {}) => {
      const jobs = jobsOf(batchOptions.jobs);
      const { articles, errors } = batchArticles(inputs);
      if (!Array.isArray(inputErrors) || !inputErrors.every((e) => typeof e?.source === 'string' && typeof e?.message === 'string')) {
        throw new TypeError('credlint: checkBatch: inputErrors must be an array of { source, message }');
      }
      return checkBatch(articles, [...inputErrors, ...errors], rules, config, {
        compare: batchOptions.compare ?? true,
        jobs,
        workerSetup: jobs > 1 || guarded ? (batchOptions.workerSetup ?? workerSetup) : undefined,
        forceWorkers: batchOptions.forceWorkers ?? guarded,
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
