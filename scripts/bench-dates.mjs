#!/usr/bin/env node
// Time the dates analysis per article on the clean bodies (needs `npm run build` and ../shared).
// Usage: node scripts/bench-dates.mjs
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { buildDoc } from '../dist/text/doc.js';
import { checkArticle } from '../dist/engine/check-article.js';
import { loadRules } from '../dist/rules/load-rules.js';
import { defaultConfig } from '../dist/rules/config.js';

const pages = readFileSync(new URL('../../shared/corpus/news-pages/pages.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const config = defaultConfig();
const all = loadRules(config);
const dates = all.filter((r) => r.category === 'dates');
const article = (p) => ({ id: p.id, source: p.id, title: null, url: p.url, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body: p.body });
const time = (rules) => {
  const t0 = performance.now();
  for (const p of pages) checkArticle(article(p), rules, config);
  return (performance.now() - t0) / pages.length;
};
time(dates); // warm up
const docOnly = (() => { const t0 = performance.now(); for (const p of pages) buildDoc(article(p)); return (performance.now() - t0) / pages.length; })();
const withDates = time(dates);
const withAll = time(all);
console.log(`articles ${pages.length}; text model ${docOnly.toFixed(2)} ms/article; dates rules (incl. text model) ${withDates.toFixed(2)} ms/article → dates alone ≈ ${(withDates - docOnly).toFixed(2)} ms; all rules ${withAll.toFixed(2)} ms/article`);
