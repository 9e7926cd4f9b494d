// The service checks articles through this one seam: a pool of worker threads (src/engine/worker-pool.ts)
// in production, or the main thread where threads are not wanted. Both answer the same promise-based check.
import type { BatchHints } from '../detectors/detector.js';
import { checkArticle, type CheckOutput } from '../engine/check-article.js';
import type { LoadedRule } from '../detectors/detector.js';
import type { Config } from '../rules/config.js';
import type { Article } from '../types.js';
import type { WorkerSetup } from '../engine/check-worker.js';
import { availableCores, CheckPool } from '../engine/worker-pool.js';

/** What the service loaded once at start: the configuration and the rules built from it. */
export interface ServiceRules {
  config: Config;
  rules: readonly LoadedRule[];
}

export interface ArticlePool {
  check(article: Article, hints?: BatchHints | null, options?: { timeoutMs?: number }): Promise<CheckOutput>;
  readonly pending: number;
  readonly size: number;
  close(): Promise<void>;
}

export { ArticleTimeoutError, QueueFullError, WorkerCrashError } from '../engine/worker-pool.js';

/** Checks on the calling thread: for tests of the HTTP layer and for `--workers 0`. A slow article blocks. */
export function inProcessPool(setup: ServiceRules): ArticlePool {
  let pending = 0;
  return {
    async check(article, hints = null) {
      pending++;
      try {
        return checkArticle(article, setup.rules, setup.config, hints);
      } finally {
        pending--;
      }
    },
    get pending() {
      return pending;
    },
    size: 1,
    close: async () => undefined,
  };
}

export interface PoolChoice {
  /** Worker threads; 0 checks on the main thread (tests of the HTTP layer only: a slow article blocks). */
  workers: number;
  setup: WorkerSetup;
  articleTimeoutMs: number;
}

/** An article is at most a million characters; a worker needing more than this is a runaway, stopped alone. */
const WORKER_HEAP_MB = 1024;

/** The pool the service runs on. */
export function createPool(loaded: ServiceRules, choice: PoolChoice): ArticlePool {
  if (choice.workers === 0) return inProcessPool(loaded);
  // The service's own queue bound sits in front (server.ts admits requests); the pool's is a backstop.
  return new CheckPool({ size: Math.min(choice.workers, availableCores()), setup: choice.setup, articleTimeoutMs: choice.articleTimeoutMs, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
}
