// The cross-document comparison of a `check` batch, on its own thread with its own capped heap: facts
// arrive in small batches while the articles are still being checked, are unpacked and kept as they come,
// and the joins run when the last one is in. Quotes of reported pairs are read here, from where each
// article was read, or from the bodies the main thread sent (standard input, HTML reports).
import { parentPort, workerData } from 'node:worker_threads';
import type { CompareOptions, CompareOutput } from '../compare/compare.js';
import type { Comparison } from '../types.js';
import { comparisonChunk, type ComparisonChunk } from './comparison-chunks.js';
import { GatheredComparison, type CompareItem } from './gathered-comparison.js';

export interface CompareWorkerSetup {
  options: CompareOptions;
  /** Test-only faults: throw in the joins, allocate until the heap cap stops the thread, or never answer. */
  fault?: 'throw' | 'oom' | 'silent';
  /** `line`: comparisons leave as rendered JSONL lines (the stream writes them as they are), not as objects. */
  form?: 'line';
}

export type ToCompareWorker = { add: CompareItem[] } | { finish: true };
export type FromCompareWorker = { comparisons: Comparison[] } | { chunk: ComparisonChunk } | { done: Pick<CompareOutput, 'clusters' | 'corroboration'> };

const CHUNK = 2000;

const setup = workerData as CompareWorkerSetup;
const gathered = new GatheredComparison(setup.options);

parentPort!.on('message', (msg: ToCompareWorker) => {
  if ('add' in msg) {
    gathered.addMany(msg.add);
    return;
  }
  if (setup.fault === 'throw') throw new Error('test fault: the comparison threw');
  if (setup.fault === 'silent') {
    setInterval(() => {}, 1000);
    return;
  }
  if (setup.fault === 'oom') {
    const hold: number[][] = [];
    for (;;) hold.push(new Array(1 << 16).fill(hold.length));
  }
  // Comparisons leave as they are found, a few thousand at a time: this thread does not keep them all.
  const out = gathered.finish((done) => {
    for (let i = 0; i < done.length; i += CHUNK) {
      const end = Math.min(done.length, i + CHUNK);
      parentPort!.postMessage((setup.form === 'line' ? { chunk: comparisonChunk(done, i, end) } : { comparisons: done.slice(i, end) }) satisfies FromCompareWorker);
    }
  });
  parentPort!.postMessage({ done: { clusters: out.clusters, corroboration: out.corroboration } } satisfies FromCompareWorker);
});
