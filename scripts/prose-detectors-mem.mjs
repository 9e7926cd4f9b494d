#!/usr/bin/env node
// Peak memory of the per-article phase in one thread (not part of `npm test`). Usage:
//   node scripts/prose-detectors-mem.mjs BATCH.jsonl [--n N] [--dist DIR]
// Checks the first N articles one after another (results dropped, as a checking thread drops them once sent) and
// samples v8.getHeapStatistics() and the RSS after each: a change that promotes per-article garbage into the old
// generation shows as a higher peak heapTotal (the heap after a full GC, printed last, stays where it was).
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Worker, isMainThread } from 'node:worker_threads';
import { arg, chosenDist, loadBuild } from './lib/dist-build.mjs';
// --worker: run in a worker thread with the checking threads' old-generation limit (V8 sizes its heap differently).
if (isMainThread && process.argv.includes('--worker')) {
  const w = new Worker(fileURLToPath(import.meta.url), { argv: process.argv.slice(2), resourceLimits: { maxOldGenerationSizeMb: 2048 } });
  await new Promise((r) => w.on('exit', r));
  process.exit(0);
}
const { loadArticles, checkArticle, collectBatchHints, defaultConfig, loadRules } = await loadBuild(chosenDist());
const config = defaultConfig();
const rules = loadRules(config);
const { articles: all } = loadArticles([process.argv[2]]);
const articles = all.slice(0, Number(arg('--n', all.length)));
const hintsFor = collectBatchHints(articles);
const MB = (b) => (b / 2 ** 20).toFixed(0);
let peakTotal = 0;
let peakUsed = 0;
let peakRss = 0;
for (const a of articles) {
  checkArticle(a, rules, config, hintsFor(a));
  const h = v8.getHeapStatistics();
  peakTotal = Math.max(peakTotal, h.total_heap_size);
  peakUsed = Math.max(peakUsed, h.used_heap_size);
  peakRss = Math.max(peakRss, process.memoryUsage.rss());
}
let after = '';
if (globalThis.gc) { globalThis.gc(); after = `; after full GC used ${MB(v8.getHeapStatistics().used_heap_size)} MB`; }
console.log(`${articles.length} articles: peak RSS ${MB(peakRss)} MB, peak heapTotal ${MB(peakTotal)} MB, peak heapUsed ${MB(peakUsed)} MB${after}`);
