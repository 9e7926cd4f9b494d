#!/usr/bin/env node
// Peak memory of the per-article phase in one thread (not part of `npm test`). Usage:
//   node scripts/prose-detectors-mem.mjs BATCH.jsonl [--n N] [--dist DIR]
// Checks the first N articles one after another (results dropped, as a checking thread drops them once sent) and
// samples v8.getHeapStatistics() and the RSS after each: a change that promotes per-article garbage into the old
// generation shows as a higher peak heapTotal (the heap after a full GC, printed last, stays where it was).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import { Worker, isMainThread } from 'node:worker_threads';
// --worker: run in a worker thread with the checking threads' old-generation limit (V8 sizes its heap differently).
if (isMainThread && process.argv.includes('--worker')) {
  const w = new Worker(fileURLToPath(import.meta.url), { argv: process.argv.slice(2), resourceLimits: { maxOldGenerationSizeMb: 2048 } });
  await new Promise((r) => w.on('exit', r));
  process.exit(0);
}
const arg = (n, d) => (process.argv.includes(n) ? process.argv[process.argv.indexOf(n) + 1] : d);
const DIST = arg('--dist', join(dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
const dist = (p) => import(join(DIST, p));
const { loadArticles } = await dist('input/read-articles.js');
const { checkArticle } = await dist('engine/check-article.js');
const { collectBatchHints } = await dist('engine/batch-hints.js');
const { defaultConfig } = await dist('rules/config.js');
const { loadRules } = await dist('rules/load-rules.js');
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
