// The library face of credlint: the CLI, the worker threads and the HTTP service all go through
// createChecker, so rules and configuration are loaded once and every caller gets the same results.
import { compareBatch, type CompareOutput } from './compare/compare.js';
import type { BatchHints, LoadedRule } from './detectors/detector.js';
import { checkArticle, type CheckOutput } from './engine/check-article.js';
import { checkBatch, type BatchOptions } from './engine/check-batch.js';
import type { ArticleFacts } from './facts/facts.js';
import { buildReport } from './report/build-report.js';
import { findConfig, loadConfig, defaultConfig, type Config } from './rules/config.js';
import { loadRules } from './rules/load-rules.js';
import type { Article, ArticleResult, Comparison, InputError, Report } from './types.js';

export type * from './types.js';
export type { ArticleFacts } from './facts/facts.js';
export type { Config } from './rules/config.js';
export type { LoadedRule } from './detectors/detector.js';
export type { CheckOutput } from './engine/check-article.js';
export { buildReport } from './report/build-report.js';
export { SCHEMA_VERSION, TOOL_VERSION } from './report/version.js';
export { ConfigError } from './rules/config.js';
export { RuleLoadError } from './rules/load-rules.js';

export interface CheckerOptions {
  /** A configuration object already loaded (wins over configFile). */
  config?: Config;
  /** A `.credlintrc.json` to load; `null` for the defaults; omitted: the nearest one from `cwd` upwards. */
  configFile?: string | null;
  /** Extra folders of rule packs, on top of the built-in ones and the configuration's `rulesDirs`. */
  rulesDirs?: string[];
  /** Where to look for `.credlintrc.json` when configFile is omitted (default: process.cwd()). */
  cwd?: string;
}

export interface Checker {
  readonly config: Config;
  readonly rules: readonly LoadedRule[];
  /** One article: its result and its facts for the comparison. A pure function of (article, rules, config, hints). */
  check(article: Article, hints?: BatchHints | null): CheckOutput;
  /** Many articles, checked as they arrive; results come out in input order. */
  checkStream(articles: AsyncIterable<Article> | Iterable<Article>): AsyncGenerator<CheckOutput | { article: Article; error: string }>;
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
  return {
    config,
    rules,
    check: (article, hints = null) => checkArticle(article, rules, config, hints),
    async *checkStream(articles) {
      for await (const article of articles) {
        try {
          yield checkArticle(article, rules, config, null);
        } catch (e) {
          yield { article, error: (e as Error).message };
        }
      }
    },
    compare: (facts, bodyOf) => compareBatch(facts, compareOptions, bodyOf),
    checkBatch: (articles, inputErrors = [], batchOptions = {}) =>
      checkBatch(articles, inputErrors, rules, config, {
        compare: batchOptions.compare ?? true,
        jobs: batchOptions.jobs ?? 1,
        workerSetup: batchOptions.workerSetup ?? { configFile: config.file, extraRuleDirs: rulesDirs },
        onProgress: batchOptions.onProgress,
      }),
  };
}

/** A report for results checked elsewhere (a stream, shards): the same object `checkBatch` builds. */
export function reportOf(results: ArticleResult[], comparisons: Comparison[], errors: InputError[], durationMs = 0): Report {
  return buildReport(results, comparisons, errors, durationMs);
}
