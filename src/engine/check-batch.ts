import { availableParallelism } from 'node:os';
import { compareBatch } from '../compare/compare.js';
import type { LoadedRule } from '../detectors/detector.js';
import type { ArticleFacts } from '../facts/facts.js';
import { buildReport } from '../report/build-report.js';
import type { Config } from '../rules/config.js';
import type { Article, ArticleResult, InputError, Report } from '../types.js';
import { collectBatchHints } from './batch-hints.js';
import { checkArticle } from './check-article.js';
import { checkInWorkers, type Checked } from './check-parallel.js';
import type { WorkerSetup } from './check-worker.js';

/** Below this many articles, starting threads costs more than it saves. */
const PARALLEL_MIN = 64;

export interface BatchOptions {
  compare: boolean;
  /** Worker threads to use; 1 checks on the main thread. Default: the machine's cores. */
  jobs?: number;
  /** How workers rebuild the same rule set (required for jobs > 1). */
  workerSetup?: WorkerSetup;
  /** Called after each article, for progress display. */
  onProgress?: (done: number, total: number) => void;
}

export function defaultJobs(): number {
  return Math.max(1, availableParallelism());
}

/** Checks every article (in parallel for large batches), compares them through their facts, builds the report. */
export async function checkBatch(articles: Article[], inputErrors: InputError[], rules: readonly LoadedRule[], config: Config, options: BatchOptions): Promise<Report> {
  const started = performance.now();
  const hintsFor = collectBatchHints(articles);
  const jobs = options.jobs ?? defaultJobs();
  let checked: Checked[];
  if (jobs > 1 && options.workerSetup && articles.length >= PARALLEL_MIN) {
    checked = await checkInWorkers(articles, hintsFor, options.workerSetup, jobs, options.onProgress);
  } else {
    checked = articles.map((article, i) => {
      try {
        return { output: checkArticle(article, rules, config, hintsFor(article)) };
      } catch (e) {
        return { error: (e as Error).message };
      } finally {
        options.onProgress?.(i + 1, articles.length);
      }
    });
  }
  const results: ArticleResult[] = [];
  const facts: ArticleFacts[] = [];
  const errors = [...inputErrors];
  checked.forEach((c, i) => {
    if ('output' in c) {
      results.push(c.output.result);
      facts.push(c.output.facts);
    } else {
      // A detector bug must not take the batch down: the article is reported as not checked.
      errors.push({ source: articles[i]!.source, message: `could not be checked: ${c.error}` });
    }
  });
  let comparisons: Report['comparisons'] = [];
  let clusters: Report['clusters'];
  if (options.compare && config.compare.enabled) {
    const bodies = new Map(articles.map((a) => [a.id, a.body]));
    const out = compareBatch(facts, { ...config.compare, enabled: true }, (id) => bodies.get(id));
    comparisons = out.comparisons;
    clusters = out.clusters;
    // Only the batch knows how many other articles confirm or contradict an article's statements.
    for (const r of results) {
      const c = out.corroboration.get(r.id);
      if (!c) continue;
      r.stats.corroboratedClaims = c.corroboratedClaims;
      r.stats.corroboratingArticles = c.corroboratingArticles;
      r.stats.contradictedClaims = c.contradictedClaims;
    }
  }
  return buildReport(results, comparisons, errors, performance.now() - started, clusters);
}
