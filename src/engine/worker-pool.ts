// A pool of checking threads shared by the CLI, the library's checkStream and the HTTP service.
// Each worker loads the rules once; an article gets a time budget, and a worker that overruns it or
// dies is terminated and replaced, so one bad article costs one error, never the batch.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BatchHints } from '../detectors/detector.js';
import type { Article } from '../types.js';
import type { CheckOutput } from './check-article.js';
import type { CompactOutput, ResultForm } from './compact-output.js';
import type { FromWorker, ToWorker, WorkerSetup } from './check-worker.js';

export interface PoolOptions {
  /** Worker threads (capped at available cores by callers). */
  size: number;
  /** How each worker loads the same config and rules. */
  setup: WorkerSetup;
  /**
   * Default 10_000. The worker stops an article itself at the first check after its budget (between rules);
   * a task still running a little later (a rule that never returns): the worker is terminated and replaced.
   */
  articleTimeoutMs?: number;
  /** Tasks waiting beyond the busy workers; default Infinity. */
  maxQueue?: number;
  /** Heap limits per worker, so one runaway article cannot take the process down. */
  resourceLimits?: { maxOldGenerationSizeMb?: number };
  /**
   * Tasks handed to one worker at a time (default 1). A batch uses 2: the next article already waits in
   * the worker's port when it finishes one, so it never idles while the main thread is busy (a collection,
   * writing output). The time budget still counts for one article at a time: the next one's clock starts
   * when the one before it is answered.
   */
  perWorker?: number;
}

/** The article took longer than its budget; `ruleId`: the rule it was stopped in, when the worker could say. */
export class ArticleTimeoutError extends Error {
  constructor(
    message: string,
    readonly ruleId?: string,
  ) {
    super(message);
  }
}
/** The worker died (out of memory, a crash) while holding the article. */
export class WorkerCrashError extends Error {}
/** maxQueue reached: the caller answers 429 or waits. */
export class QueueFullError extends Error {}
/** The checking code threw for this article (a bug, not a fault of the pool). */
export class ArticleCheckError extends Error {}

export const DEFAULT_ARTICLE_TIMEOUT_MS = 10_000;
/**
 * How long after the budget the hard guard terminates a worker: the worker's own check (between rules)
 * comes first whenever rules return, and stopping there costs no thread start-up.
 */
export const hardGuardMs = (budgetMs: number): number => budgetMs + Math.max(1500, budgetMs / 4);
/** A worker that dies this many times in a row before ever becoming ready will not start: stop retrying. */
const MAX_START_FAILURES = 3;
/** Template-line sets a worker keeps (one per source of the batch, usually a handful). */
const MAX_HINT_SETS = 512;

interface Task {
  seq: number;
  article: Article;
  hints: BatchHints | null;
  timeoutMs: number;
  /** Answer with a CompactOutput (the result serialised on the worker, in this form) instead of a CheckOutput. */
  compact: boolean;
  form?: ResultForm;
  /** Compact answers: whether to build the article's facts (default true). */
  facts?: boolean;
  resolve: (o: never) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  /** Tasks sent to this worker, in the order it runs them: the first is the one running. */
  tasks: Task[];
  timer: NodeJS.Timeout | null;
  /** Ids of the template-line sets this worker already holds. */
  hintIds: Set<number>;
  /** Set when the pool terminates the worker itself (timeout, close): its exit is expected. */
  retired: boolean;
}

/** Cores this process may use: the ceiling for `size`. */
export function availableCores(): number {
  return Math.max(1, availableParallelism());
}

export class CheckPool {
  /** Worker threads (see resize). */
  size: number;
  private readonly setup: WorkerSetup;
  private readonly timeoutMs: number;
  private readonly maxQueue: number;
  private readonly resourceLimits: PoolOptions['resourceLimits'];
  private readonly perWorker: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private seq = 0;
  private running = 0;
  private startFailures = 0;
  private startError: string | null = null;
  private closing = false;
  private idleWaiters: Array<() => void> = [];
  // One id per template-line set (a batch has one set per source), so each set crosses to a worker once.
  private readonly hintIds = new WeakMap<ReadonlySet<string>, number>();
  private nextHintId = 0;

  constructor(options: PoolOptions) {
    if (!Number.isInteger(options.size) || options.size < 1) throw new RangeError(`pool size must be a whole number ≥ 1, got ${options.size}`);
    this.size = options.size;
    this.setup = options.setup;
    this.timeoutMs = options.articleTimeoutMs ?? DEFAULT_ARTICLE_TIMEOUT_MS;
    this.maxQueue = options.maxQueue ?? Infinity;
    this.resourceLimits = options.resourceLimits;
    this.perWorker = Math.max(1, Math.floor(options.perWorker ?? 1));
    for (let i = 0; i < this.size; i++) this.slots.push(this.spawn());
  }

  /**
   * Sets the number of workers. A batch opens its pool early from an estimate (its threads load the rules while the
   * calling thread reads ahead) and resizes it once its articles are counted: new workers start, surplus idle ones
   * are terminated (a busy one is kept, so the pool may stay larger than asked).
   */
  resize(size: number): void {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a whole number ≥ 1, got ${size}`);
    while (this.slots.length < size) this.slots.push(this.spawn());
    // Idle workers that are still starting go first: those that are ready have paid their start-up already.
    for (const ready of [false, true]) {
      for (let i = this.slots.length - 1; i >= 0 && this.slots.length > size; i--) {
        const slot = this.slots[i]!;
        if (slot.ready !== ready || slot.tasks.length > 0) continue;
        slot.retired = true;
        this.slots.splice(i, 1);
        void slot.worker.terminate();
      }
    }
    this.size = this.slots.length;
  }

  /** Queued + running tasks. */
  get pending(): number {
    return this.queue.length + this.running;
  }

  /** Resolves with the article's output; rejects with one of the errors above. Never rejects for other articles' faults. */
  check(article: Article, hints: BatchHints | null = null, options: { timeoutMs?: number } = {}): Promise<CheckOutput> {
    return this.submit<CheckOutput>(article, hints, options.timeoutMs, false);
  }

  /** As check, answered in the compact form a batch keeps (see compact-output.ts). */
  checkCompact(article: Article, hints: BatchHints | null = null, options: { timeoutMs?: number; form?: ResultForm; facts?: boolean } = {}): Promise<CompactOutput> {
    return this.submit<CompactOutput>(article, hints, options.timeoutMs, true, options.form, options.facts);
  }

  private submit<T>(article: Article, hints: BatchHints | null, timeoutMs: number | undefined, compact: boolean, form?: ResultForm, facts?: boolean): Promise<T> {
    if (this.closing) return Promise.reject(new Error('the checking pool is closed'));
    if (this.startError) return Promise.reject(new WorkerCrashError(this.startError));
    // Room for the tasks the workers hold (running or about to) plus maxQueue waiting.
    if (this.pending >= this.size * this.perWorker + this.maxQueue) return Promise.reject(new QueueFullError(`the queue is full (${this.maxQueue} articles waiting)`));
    return new Promise<T>((resolve, reject) => {
      if (this.pending === 0) for (const s of this.slots) s.worker.ref();
      this.queue.push({ seq: this.seq++, article, hints, timeoutMs: timeoutMs ?? this.timeoutMs, compact, form, facts, resolve: resolve as (o: never) => void, reject });
      this.dispatch();
    });
  }

  /** Waits for tasks in flight (and queued), then terminates the workers. */
  async close(): Promise<void> {
    this.closing = true;
    if (this.pending > 0) await new Promise<void>((r) => this.idleWaiters.push(r));
    await Promise.all(
      this.slots.map((s) => {
        s.retired = true;
        return s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    const worker = new Worker(new URL('./check-worker.js', import.meta.url), {
      workerData: this.setup,
      resourceLimits: this.resourceLimits,
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, tasks: [], timer: null, hintIds: new Set(), retired: false };
    worker.on('message', (msg: FromWorker) => this.onMessage(slot, msg));
    worker.on('error', (e: Error) => this.onDeath(slot, e.message));
    worker.on('exit', (code) => this.onDeath(slot, `exit code ${code}`));
    // An idle pool must not keep the process alive; while tasks are pending every worker is referenced.
    if (this.pending === 0) worker.unref();
    return slot;
  }

  private onMessage(slot: Slot, msg: FromWorker): void {
    if (msg.type === 'ready') {
      slot.ready = true;
      this.startFailures = 0;
      this.dispatch();
      return;
    }
    const task = slot.tasks[0];
    if (!task || task.seq !== msg.seq) return;
    this.finish(slot);
    this.armTimer(slot);
    if (msg.type === 'done') task.resolve(msg.output as never);
    else if (msg.type === 'timeout') task.reject(new ArticleTimeoutError(msg.message, msg.ruleId));
    else task.reject(new ArticleCheckError(msg.message));
    this.dispatch();
  }

  private onDeath(slot: Slot, why: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || slot.retired) return;
    slot.retired = true;
    const task = slot.tasks[0];
    // The tasks queued behind the one it was running never started: they go back to the front of the queue.
    this.requeueWaiting(slot);
    if (task) {
      this.finish(slot);
      task.reject(new WorkerCrashError(`the checking thread died while checking this article (${why})`));
    } else if (!slot.ready && ++this.startFailures >= MAX_START_FAILURES) {
      this.startError = `checking threads fail to start (${why})`;
    }
    void slot.worker.terminate();
    if (this.startError) {
      this.slots.splice(i, 1);
      for (const t of this.queue.splice(0)) t.reject(new WorkerCrashError(this.startError));
      this.settleIdle();
      return;
    }
    this.slots[i] = this.spawn();
    this.dispatch();
  }

  private onTimeout(slot: Slot): void {
    const task = slot.tasks[0];
    if (!task) return;
    const i = this.slots.indexOf(slot);
    slot.retired = true;
    this.requeueWaiting(slot);
    this.finish(slot);
    void slot.worker.terminate();
    if (i >= 0) this.slots[i] = this.spawn();
    task.reject(new ArticleTimeoutError(`checking took longer than ${task.timeoutMs / 1000} s; stopped`));
    this.dispatch();
  }

  /** Ends the slot's running task (the first). */
  private finish(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.tasks.shift();
    this.running--;
    this.settleIdle();
  }

  /** Tasks sent to a worker that is being replaced, other than the one it was running, go back to the queue's front. */
  private requeueWaiting(slot: Slot): void {
    const waiting = slot.tasks.splice(1);
    this.running -= waiting.length;
    this.queue.unshift(...waiting);
  }

  /** The time budget of the slot's running task starts when it becomes the first. */
  private armTimer(slot: Slot): void {
    const task = slot.tasks[0];
    if (task && !slot.timer && Number.isFinite(task.timeoutMs)) slot.timer = setTimeout(() => this.onTimeout(slot), hardGuardMs(task.timeoutMs));
  }

  private settleIdle(): void {
    if (this.pending > 0) return;
    for (const s of this.slots) s.worker.unref();
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private dispatch(): void {
    // Fill every worker to one task first, then to perWorker: a short queue spreads over the workers.
    for (let depth = 1; depth <= this.perWorker; depth++) {
      for (const slot of this.slots) {
        if (this.queue.length === 0) return;
        if (!slot.ready || slot.retired || slot.tasks.length >= depth) continue;
        const task = this.queue.shift()!;
        slot.tasks.push(task);
        this.running++;
        const hintId = this.sendHints(slot, task.hints);
        slot.worker.postMessage({ type: 'task', seq: task.seq, article: task.article, hints: hintId, compact: task.compact, form: task.form, timeoutMs: task.timeoutMs, facts: task.facts } satisfies ToWorker);
        this.armTimer(slot);
      }
    }
  }

  /** The id of the task's template-line set on this worker, sending the set first if the worker lacks it. */
  private sendHints(slot: Slot, hints: BatchHints | null): number | null {
    if (!hints || hints.templateLines.size === 0) return null;
    let id = this.hintIds.get(hints.templateLines);
    if (id === undefined) this.hintIds.set(hints.templateLines, (id = this.nextHintId++));
    if (!slot.hintIds.has(id)) {
      // A caller that builds a new set per article must not grow the worker's cache without bound.
      if (slot.hintIds.size >= MAX_HINT_SETS) {
        slot.worker.postMessage({ type: 'forget-hints' } satisfies ToWorker);
        slot.hintIds.clear();
      }
      slot.worker.postMessage({ type: 'hints', id, templateLines: [...hints.templateLines] } satisfies ToWorker);
      slot.hintIds.add(id);
    }
    return id;
  }
}
