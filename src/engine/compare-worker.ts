// The cross-document comparison of a `check` batch, on its own thread with its own capped heap: facts
// arrive in small batches while the articles are still being checked, are unpacked and kept as they come,
// and the joins run when the last one is in. Quotes of reported pairs are read here, from where each
// article was read, or from the bodies the main thread sent (standard input, HTML reports).
import { parentPort, receiveMessageOnPort, workerData, type MessagePort } from 'node:worker_threads';
import type { CompareOptions, CompareOutput } from '../compare/compare.js';
import type { Comparison } from '../types.js';
import { comparisonChunk, type ComparisonChunk } from './comparison-chunks.js';
import type { RoutedFacts } from './check-worker.js';
import { FactsJoin } from './facts-join.js';
import { GatheredComparison, type CompareItem } from './gathered-comparison.js';

export interface CompareWorkerSetup {
  options: CompareOptions;
  /** Test-only faults: throw in the joins, allocate until the heap cap stops the thread, or never answer. */
  fault?: 'throw' | 'oom' | 'silent';
  /** `line`: comparisons leave as rendered JSONL lines (the stream writes them as they are), not as objects. */
  form?: 'line';
}

/** `port`: a checking thread's facts port (routed facts arrive there, RoutedFacts). */
export type ToCompareWorker = { add: CompareItem[] } | { finish: true } | { port: MessagePort };
export type FromCompareWorker = { comparisons: Comparison[] } | { chunk: ComparisonChunk } | { done: Pick<CompareOutput, 'clusters' | 'corroboration'> };

const CHUNK = 2000;

const setup = workerData as CompareWorkerSetup;
const gathered = new GatheredComparison(setup.options);
const join = new FactsJoin();
/** The checking threads' facts ports, read synchronously (receiveMessageOnPort): no event per article. */
const ports: MessagePort[] = [];
let finishing = false;

/**
 * Adds what the join can hand on, reading the facts ports for what is missing; once finish was asked and nothing
 * waits, finishes. A checking thread posts an article's facts before it answers for it, so they are in their port
 * by the time the main thread's item arrives; reading the ports when an item lacks its facts always finds them.
 * (Listening on each port instead cost this thread an event per article: +0.37 s CPU in a 10,000-article batch.)
 */
function advance(): void {
  let ready = join.ready();
  if (!join.settled) {
    for (const port of ports) {
      for (let m = receiveMessageOnPort(port); m !== undefined; m = receiveMessageOnPort(port)) {
        const routed = m.message as RoutedFacts;
        join.facts(routed.seq, routed.facts);
      }
    }
    ready = ready.concat(join.ready());
  }
  if (ready.length) gathered.addMany(ready);
  // (Not reached while the checking threads post before they answer; a later look rather than a lost article.)
  if (!join.settled) setTimeout(advance, 1);
  else if (finishing) {
    finishing = false;
    finish();
  }
}

parentPort!.on('message', (msg: ToCompareWorker) => {
  if ('port' in msg) {
    ports.push(msg.port);
    return;
  }
  if ('add' in msg) {
    join.items(msg.add);
    advance();
    return;
  }
  finishing = true;
  advance();
});

function finish(): void {
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
}
