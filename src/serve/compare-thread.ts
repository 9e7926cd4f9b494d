// One thread for the comparison phase of large batches, so a request of a thousand articles does not stall
// /healthz and every other request while their facts are compared. Tasks run one at a time in arrival order;
// one over its time budget stops the thread, which is started again for the next.
import { Worker } from 'node:worker_threads';
import type { CompareOptions, CompareOutput } from '../compare/compare.js';
import type { ArticleFacts } from '../facts/facts.js';
import { ArticleTimeoutError } from './pool.js';

type Result = Pick<CompareOutput, 'comparisons' | 'corroboration'>;
interface Pending {
  seq: number;
  facts: ArticleFacts[];
  timeoutMs: number;
  resolve: (r: Result) => void;
  reject: (e: Error) => void;
}

export class CompareThread {
  private worker: Worker | null = null;
  private readonly queue: Pending[] = [];
  private current: Pending | null = null;
  private timer: NodeJS.Timeout | null = null;
  private seq = 0;

  constructor(private readonly options: CompareOptions) {}

  compare(facts: ArticleFacts[], timeoutMs: number): Promise<Result> {
    return new Promise((resolve, reject) => {
      this.queue.push({ seq: this.seq++, facts, timeoutMs, resolve, reject });
      this.next();
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = null;
    if (w) await w.terminate();
  }

  private start(): Worker {
    const w = new Worker(new URL('./compare-worker.js', import.meta.url));
    w.on('message', (msg: { seq: number; error?: string } & Partial<Result>) => {
      const task = this.current;
      if (!task || task.seq !== msg.seq) return;
      this.done();
      if (msg.error !== undefined) task.reject(new Error(msg.error));
      else task.resolve({ comparisons: msg.comparisons!, corroboration: msg.corroboration! });
      this.next();
    });
    const fail = (why: string): void => {
      if (this.worker !== w) return;
      this.worker = null;
      const task = this.current;
      if (task) {
        this.done();
        task.reject(new Error(`the comparison thread stopped (${why})`));
      }
      this.next();
    };
    w.on('error', (e) => fail(e.message));
    w.on('exit', (code) => fail(`exit code ${code}`));
    w.unref();
    return w;
  }

  private done(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.current = null;
    if (this.queue.length === 0) this.worker?.unref();
  }

  private next(): void {
    if (this.current || this.queue.length === 0) return;
    const task = this.queue.shift()!;
    this.current = task;
    this.worker ??= this.start();
    this.worker.ref();
    this.worker.postMessage({ seq: task.seq, facts: task.facts, options: this.options });
    this.timer = setTimeout(() => {
      const w = this.worker;
      this.worker = null;
      this.done();
      task.reject(new ArticleTimeoutError(`comparing took longer than ${task.timeoutMs} ms; stopped`));
      void w?.terminate();
      this.next();
    }, Math.max(1, task.timeoutMs));
  }
}
