#!/usr/bin/env node
// Which functions allocate what lands in the old generation only to die there (not part of `npm test`). Usage:
//   node scripts/pretenure-sites.mjs BATCH.jsonl [--n N] [--dist DIR] [--worker] [--top N]
// Checks the first N articles under V8's sampling heap profiler, keeping samples a scavenge did not free (promoted,
// or pretenured by an allocation site) and counting those a mark-compact did: per article that should be almost
// nothing. A function that stands out there is where a pretenured allocation site is (the profiler names the
// function, not the line; builtins are shown with the function that called them). Compare two builds with --dist.
// --worker: in a worker thread with the checking threads' old-generation limit (scavenges fall elsewhere there).
import { Session } from 'node:inspector/promises';
import { fileURLToPath } from 'node:url';
import { arg } from './lib/dist-build.mjs';
import { hopToWorker, loadBatch } from './lib/one-thread.mjs';

await hopToWorker(fileURLToPath(import.meta.url));
const { articles, check } = await loadBatch();
const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
await session.post('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: false });
for (const a of articles) check(a);
const { profile } = await session.post('HeapProfiler.stopSampling');
const bytes = new Map();
const visit = (node, caller) => {
  const f = node.callFrame;
  const here = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/dist\//, '')}:${f.lineNumber + 1}`;
  const key = f.url || !caller ? here : `${here} < ${caller}`;
  bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
  for (const c of node.children) visit(c, f.url ? here : caller);
};
visit(profile.head, null);
const MB = (b) => (b / 2 ** 20).toFixed(2);
console.log(`${articles.length} articles: ${MB([...bytes.values()].reduce((a, b) => a + b, 0))} MB sampled that outlived scavenges and died in a mark-compact`);
for (const [k, v] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, Number(arg('--top', 15)))) console.log(`${MB(v).padStart(8)} MB  ${k}`);
