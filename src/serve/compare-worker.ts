// The comparison of a large batch, off the HTTP thread: facts in, comparisons and corroboration out.
import { parentPort } from 'node:worker_threads';
import { compareBatch, type CompareOptions } from '../compare/compare.js';
import type { ArticleFacts } from '../facts/facts.js';

export interface CompareTask {
  seq: number;
  facts: ArticleFacts[];
  options: CompareOptions;
}

parentPort!.on('message', (task: CompareTask) => {
  try {
    const out = compareBatch(task.facts, task.options);
    parentPort!.postMessage({ seq: task.seq, comparisons: out.comparisons, corroboration: out.corroboration });
  } catch (e) {
    parentPort!.postMessage({ seq: task.seq, error: (e as Error).message });
  }
});
