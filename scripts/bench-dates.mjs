#!/usr/bin/env node
// Time the dates analysis per article (needs `npm run build` and ../shared): the text model is built first
// and timed apart, so the figure is what the dates rules add. Best of three passes.
// Usage: node scripts/bench-dates.mjs [--pages]   (--pages: the whole scraped pages instead of the clean bodies)
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DETECTORS } from '../dist/detectors/index.js';
import { loadRules } from '../dist/rules/load-rules.js';
import { defaultConfig } from '../dist/rules/config.js';
import { buildDoc } from '../dist/text/doc.js';

const pages = readFileSync(new URL('../../shared/corpus/news-pages/pages.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const usePages = process.argv.includes('--pages');
const rules = loadRules(defaultConfig()).filter((r) => r.category === 'dates');
const ctx = { hints: null, stat() {} };
const article = (p) => ({ id: p.id, source: p.id, title: null, url: p.url, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body: usePages ? p.page : p.body });

let best = Infinity;
let worst = 0;
for (let pass = 0; pass < 3; pass++) {
  let total = 0;
  for (const p of pages) {
    const doc = buildDoc(article(p));
    const t0 = performance.now();
    for (const r of rules) DETECTORS.get(r.type).run(doc, r, ctx);
    const dt = performance.now() - t0;
    total += dt;
    if (pass === 2) worst = Math.max(worst, dt);
  }
  best = Math.min(best, total / pages.length);
}
console.log(`${pages.length} ${usePages ? 'whole pages' : 'clean bodies'}: dates rules ${best.toFixed(2)} ms/article on average (best of 3), slowest article ${worst.toFixed(1)} ms`);
