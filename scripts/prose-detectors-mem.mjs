#!/usr/bin/env node
// Peak memory of the per-article phase in one thread (not part of `npm test`). Usage:
//   node scripts/prose-detectors-mem.mjs BATCH.jsonl [--n N] [--dist DIR]
// Checks the first N articles one after another (results dropped, as a checking thread drops them once sent) and
// samples v8.getHeapStatistics() and the RSS after each: a change that promotes per-article garbage into the old
// generation shows as a higher peak heapTotal (the heap after a full GC, printed last, stays where it was).
import v8 from 'node:v8';
import { fileURLToPath } from 'node:url';
import { hopToWorker, loadBatch } from './lib/one-thread.mjs';


await hopToWorker(fileURLToPath(import.meta.url));
const { articles, check } = await loadBatch();
const MB = (b) => (b / 2 ** 20).toFixed(0);
let peakTotal = 0;
let peakUsed = 0;
let peakRss = 0;
for (const a of articles) {
  check(a);
  const h = v8.getHeapStatistics();
  peakTotal = Math.max(peakTotal, h.total_heap_size);
  peakUsed = Math.max(peakUsed, h.used_heap_size);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}
let after = '';
if (globalThis.gc) { globalThis.gc(); after = `; after full GC used ${MB(v8.getHeapStatistics().used_heap_size)} MB`; }
console.log(`${articles.length} articles: peak RSS ${MB(peakRss)} MB, peak heapTotal ${MB(peakTotal)} MB, peak heapUsed ${MB(peakUsed)} MB${after}`);
