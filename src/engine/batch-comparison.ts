// The comparison of a `check` batch, fed as results arrive and run on its own thread: the joins overlap
// the checking (facts are unpacked and indexed while the next articles are checked), the batch's facts
// never sit on the main thread, and whatever happens to the comparison (out of memory, a crash, an
// exception) costs one error entry, never the per-article report.
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { CompareOptions, Corroboration } from '../compare/compare.js';
import type { Comparison, Report } from '../types.js';
import type { ComparisonChunk } from './comparison-chunks.js';
import type { CompareWorkerSetup, FromCompareWorker, ToCompareWorker } from './compare-worker.js';
import { comparisonFailure, GatheredComparison, type CompareItem } from './gathered-comparison.js';

export type { CompareItem } from './gathered-comparison.js';

/**
 * Default heap cap of the comparison thread (old generation, MB), under the 2 GB a batch may take with the
 * main and checking threads. The cap is what turns a runaway into one error: the 100k bench batch, whose
 * 550 copies per story give 350,000 comparisons, reaches it (README, "What bounds the comparison's memory").
 */
export const DEFAULT_COMPARE_HEAP_MB = 1536;

/** The thread's module; run from the TypeScript sources (the test suite's in-process runs) there is none. */
const WORKER_URL = new URL('./compare-worker.js', import.meta.url);
let workerBuilt: boolean | undefined;

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
  /** `line`: finish()'s chunks are rendered JSONL lines (comparison-chunks.ts), made on the comparison thread. */
  form?: CompareWorkerSetup['form'];
  /**
   * Compare on the calling thread, never starting one: for a batch small enough that the thread's start-up
   * would cost more than the comparison (then its outcome's list holds the comparisons, as for one article).
   */
  onThisThread?: boolean;
  /**
   * Called just before the comparison thread is created; what it returns is called once the thread is running.
   * The CLI sets a V8 heap setting for that one thread this way (cli/batch-v8-flags.ts).
   */
  aroundThreadStart?: () => () => void;
}

/** What finish() hands over as the thread finds comparisons: objects, or in `line` form their lines. */
export type OnComparisons = (done: Comparison[] | ComparisonChunk) => void | Promise<void>;

export class BatchComparison {
  private worker: Worker | null = null;
  private queued: CompareItem[] = [];
  private count = 0;
  private failure: string | null = null;
  private settle: ((o: ComparisonOutcome) => void) | null = null;
  private reject: ((e: unknown) => void) | null = null;
  /** The caller's handling of the comparisons received so far, one chunk after another. */
  private chain: Promise<void> = Promise.resolve();
  private onChunk: OnComparisons = () => {};
  private readonly heapMb: number;

  constructor(private readonly opts: BatchComparisonOptions) {
    this.heapMb = opts.heapMb ?? DEFAULT_COMPARE_HEAP_MB;
  }

  /** One checked article. The thread starts with the second (a single article compares in no time, here). */
  add(item: CompareItem): void {
    if (this.failure) return;
    this.count++;
    this.queued.push(item);
    if (this.count < 2 || this.opts.onThisThread || !(workerBuilt ??= existsSync(WORKER_URL))) return;
    this.worker ??= this.start();
    if (this.queued.length >= POST_EVERY) this.post();
  }

  /**
   * The comparison of every article added. With `onChunk`, its comparisons are handed over as the thread
   * finds them, group by group, each chunk after the previous one was handled (and the outcome's list is
   * empty). A failure of the comparison is the outcome's `error` (chunks handed over before it stand); only
   * an exception thrown by `onChunk` rejects. Compared on this thread (fewer than two articles, or
   * `onThisThread`), the comparisons are the outcome's list whatever the form.
   */
  finish(onChunk?: OnComparisons): Promise<ComparisonOutcome> {
    if (!this.worker) return Promise.resolve(this.inline());
    if (this.failure) return Promise.resolve(this.failed(this.failure));
    if (this.opts.form && !onChunk) throw new Error('a comparison in line form hands its lines over: finish() needs onChunk');
    const kept: Comparison[] = [];
    this.onChunk = onChunk ?? ((done) => void kept.push(...(done as Comparison[])));
    // A thread that V8 stops on a hard allocation failure can vanish without an 'error' or 'exit' event: then
    // nothing is left to wait for and the process would end with the report half written. The loop running
    // empty while the comparison is still awaited means exactly that.
    const vanished = (): void => this.fail(`its thread stopped without a word, most likely out of memory (the comparison thread's heap is capped at ${this.heapMb} MB; raise it with --compare-memory MB)`);
    process.once('beforeExit', vanished);
    return new Promise<ComparisonOutcome>((resolve, reject) => {
      this.settle = (o) => {
        process.off('beforeExit', vanished);
        resolve(onChunk || o.error ? o : { ...o, comparisons: kept });
      };
      this.reject = (e) => {
        process.off('beforeExit', vanished);
        reject(e);
      };
      this.post();
      this.worker!.postMessage({ finish: true } satisfies ToCompareWorker);
      // (The 'silent' test fault plays a thread that is gone without a word: nothing keeps the loop alive.)
      if (this.opts.fault !== 'silent') this.worker!.ref();
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
    const setup: CompareWorkerSetup = { options: this.opts.options, fault: this.opts.fault, form: this.opts.form };
    const w = this.newWorker(setup);
    w.on('message', (msg: FromCompareWorker) => {
      if ('comparisons' in msg || 'chunk' in msg) {
        const chunk = 'chunk' in msg ? msg.chunk : msg.comparisons;
        this.then(() => this.onChunk(chunk));
      } else {
        const { clusters, corroboration } = msg.done;
        this.then(() => this.settled({ comparisons: [], corroboration, clusters }));
      }
    });
    w.on('error', (e: Error & { code?: string }) => this.fail(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? this.outOfMemory() : `it threw: ${e.message}`));
    w.on('exit', (code) => this.fail(`its thread stopped (exit code ${code})`));
    // Checking goes on whatever the comparison does; only finish() waits for it.
    w.unref();
    return w;
  }

  /** The thread, inside the caller's aroundThreadStart: its heap exists once it runs (or has failed to start). */
  private newWorker(setup: CompareWorkerSetup): Worker {
    const started = this.opts.aroundThreadStart?.();
    let w: Worker;
    try {
      w = new Worker(WORKER_URL, { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: this.heapMb } });
    } catch (e) {
      started?.();
      throw e;
    }
    if (started) {
      let ended = false;
      const end = (): void => {
        if (!ended) (ended = true), started();
      };
      for (const event of ['online', 'error', 'exit']) w.once(event, end);
    }
    return w;
  }

  private outOfMemory(): string {
    return `it ran out of memory (the comparison thread's heap is capped at ${this.heapMb} MB; raise it with --compare-memory MB)`;
  }

  /** Runs `step` after the chunks before it were handled; an exception there rejects finish(). */
  private then(step: () => void | Promise<void>): void {
    this.chain = this.chain.then(step).catch((e: unknown) => {
      const reject = this.reject;
      this.settle = this.reject = null;
      reject?.(e);
    });
  }

  private settled(o: ComparisonOutcome): void {
    const settle = this.settle;
    this.settle = this.reject = null;
    settle?.(o);
  }

  private fail(why: string): void {
    if (this.failure) return;
    this.failure = why;
    this.queued = [];
    this.then(() => this.settled(this.failed(why)));
  }

  private failed(why: string): ComparisonOutcome {
    return { comparisons: [], corroboration: new Map(), error: comparisonFailure(why).message };
  }

  /** Fewer than two articles, `onThisThread` or no built thread module: compared on this thread, as the serial path does. */
  private inline(): ComparisonOutcome {
    try {
      const g = new GatheredComparison(this.opts.options);
      g.addMany(this.queued);
      this.queued = [];
      const out = g.finish();
      return { comparisons: out.comparisons, corroboration: out.corroboration, clusters: out.clusters };
    } catch (e) {
      return this.failed(`it threw: ${(e as Error)?.message ?? String(e)}`);
    }
  }
}
