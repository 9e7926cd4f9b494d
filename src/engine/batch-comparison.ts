// The comparison of a `check` batch, fed as results arrive and run on its own thread: the joins overlap
// the checking (facts are unpacked and indexed while the next articles are checked), the batch's facts
// never sit on the main thread, and whatever happens to the comparison (out of memory, a crash, an
// exception) costs one error entry, never the per-article report.
import { Worker } from 'node:worker_threads';
import type { CompareOptions, Corroboration } from '../compare/compare.js';
import type { Comparison, Report } from '../types.js';
import type { CompareWorkerSetup, ToCompareWorker } from './compare-worker.js';
import { GatheredComparison, type CompareItem } from './gathered-comparison.js';

export type { CompareItem } from './gathered-comparison.js';

/**
 * Default heap cap of the comparison thread (old generation, MB). At 100k bench articles its heap peaks
 * well under this (see README, "What bounds the memory"); the cap is what turns a runaway into one error.
 */
export const DEFAULT_COMPARE_HEAP_MB = 1536;

/** Articles posted to the comparison thread at once: one message per article would cost more than the work. */
const POST_EVERY = 64;

export interface ComparisonOutcome {
  comparisons: Comparison[];
  corroboration: Map<string, Corroboration>;
  clusters?: Report['clusters'];
  /** Why the comparison gave nothing, when it failed: one line for the report's errors. */
  error?: string;
}

export interface BatchComparisonOptions {
  options: CompareOptions;
  heapMb?: number;
  fault?: CompareWorkerSetup['fault'];
}

export class BatchComparison {
  private worker: Worker | null = null;
  private queued: CompareItem[] = [];
  private count = 0;
  private failure: string | null = null;
  private settle: ((o: ComparisonOutcome) => void) | null = null;
  private readonly heapMb: number;

  constructor(private readonly opts: BatchComparisonOptions) {
    this.heapMb = opts.heapMb ?? DEFAULT_COMPARE_HEAP_MB;
  }

  /** One checked article. The thread starts with the second (a single article compares in no time, here). */
  add(item: CompareItem): void {
    if (this.failure) return;
    this.count++;
    this.queued.push(item);
    if (this.count < 2) return;
    this.worker ??= this.start();
    if (this.queued.length >= POST_EVERY) this.post();
  }

  /** The comparison of every article added; never rejects (a failure is the outcome's `error`). */
  finish(): Promise<ComparisonOutcome> {
    if (!this.worker) return Promise.resolve(this.inline());
    if (this.failure) return Promise.resolve(this.failed(this.failure));
    return new Promise((resolve) => {
      this.settle = resolve;
      this.post();
      this.worker!.postMessage({ finish: true } satisfies ToCompareWorker);
      this.worker!.ref();
    });
  }

  /** Stops the thread (after finish, or when the run is abandoned). */
  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private post(): void {
    if (!this.queued.length || !this.worker || this.failure) return;
    this.worker.postMessage({ add: this.queued } satisfies ToCompareWorker);
    this.queued = [];
  }

  private start(): Worker {
    const setup: CompareWorkerSetup = { options: this.opts.options, fault: this.opts.fault };
    const w = new Worker(new URL('./compare-worker.js', import.meta.url), { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    w.on('message', (msg: Omit<ComparisonOutcome, 'error'>) => {
      const settle = this.settle;
      this.settle = null;
      settle?.({ comparisons: msg.comparisons, corroboration: msg.corroboration, clusters: msg.clusters });
    });
    w.on('error', (e: Error & { code?: string }) => this.fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.outOfMemory() : `it threw: ${e.message}`));
    w.on('exit', (code) => this.fail(`its thread stopped (exit code ${code})`));
    // Checking goes on whatever the comparison does; only finish() waits for it.
    w.unref();
    return w;
  }

  private outOfMemory(): string {
    return `it ran out of memory (the comparison thread's heap is capped at ${this.heapMb} MB; raise it with --compare-memory MB)`;
  }

  private fail(why: string): void {
    if (this.failure) return;
    this.failure = why;
    this.queued = [];
    const settle = this.settle;
    this.settle = null;
    settle?.(this.failed(why));
  }

  private failed(why: string): ComparisonOutcome {
    return { comparisons: [], corroboration: new Map(), error: `the cross-document comparison failed; per-article results are complete: ${why}` };
  }

  /** Fewer than two articles: compared on this thread, as the serial path does. */
  private inline(): ComparisonOutcome {
    try {
      const g = new GatheredComparison(this.opts.options);
      for (const item of this.queued) g.add(item);
      this.queued = [];
      const out = g.finish();
      return { comparisons: out.comparisons, corroboration: out.corroboration, clusters: out.clusters };
    } catch (e) {
      return this.failed(`it threw: ${(e as Error)?.message ?? String(e)}`);
    }
  }
}
