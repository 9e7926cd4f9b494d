#!/usr/bin/env node
// Recall and precision of the repetition and tortured-phrase rules on clean news bodies with injected
// defects (scripts/lib/inject-defects.mjs). Needs `npm run build` and ../shared.
// Usage: node scripts/measure-injected.mjs [--seed N]
import { readFileSync } from 'node:fs';
import { checkArticle } from '../dist/engine/check-article.js';
import { defaultConfig } from '../dist/rules/config.js';
import { loadRules } from '../dist/rules/load-rules.js';
import { PAGES } from './lib/clean-corpus.mjs';
import { injectDefect, rng, score } from './lib/inject-defects.mjs';

const seed = process.argv.includes('--seed') ? Number(process.argv[process.argv.indexOf('--seed') + 1]) : 7;
const config = defaultConfig();
const rules = loadRules(config).filter((r) => r.category === 'repetition' || r.category === 'tortured-phrase');
const known = JSON.parse(readFileSync(new URL('../rules/synonym-swaps.json', import.meta.url), 'utf8')).rules[0].options.phrases.map((p) => [p.phrase, p.suggestion]);
const bodies = readFileSync(PAGES, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const r = rng(seed);
const KINDS = ['reduplication', 'restatement', 'filler', 'tortured', 'tortured-known', 'grammar'];
const cases = [];
for (const p of bodies) {
  for (const kind of KINDS) {
    const inj = injectDefect(p.body, kind, r, known);
    if (!inj) continue;
    const a = { id: p.id, source: p.id, title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body: inj.body };
    const res = checkArticle(a, rules, config).result;
    if (res.language !== 'eng') continue;
    cases.push({ spans: inj.spans, flags: res.flags });
  }
}
const s = score(cases, ['repetition', 'tortured-phrase']);
for (const [k, v] of Object.entries(s.byKind)) console.log(`${k.padEnd(15)} recall ${(v.found / v.injected * 100).toFixed(1)}% (${v.found}/${v.injected})`);
console.log(`precision ${(s.precision * 100).toFixed(1)}% (${s.onSpan}/${s.flags} flags at injected spans) over ${cases.length} injected English articles`);
