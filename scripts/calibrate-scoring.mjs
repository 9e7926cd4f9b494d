#!/usr/bin/env node
// Scoring calibration: checks the shared clean bodies (news, blog) and the founding articles once, then
// re-scores their flags under several length normalisations and thresholds, so the shipped defaults can be
// read against the alternatives. Also shows, for a few densities of warnings, the verdict at 300, 1,000 and
// 5,000 words (length normalisation: the same density must get the same verdict at every length).
// Needs `npm run build` and ../shared. Usage: node scripts/calibrate-scoring.mjs
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkBatch } from '../dist/engine/check-batch.js';
import { defaultConfig, loadConfig } from '../dist/rules/config.js';
import { loadRules } from '../dist/rules/load-rules.js';
import { scoreFlags } from '../dist/score/score.js';
import { ROOT, SHARED } from './lib/clean-corpus.mjs';

if (!existsSync(SHARED)) {
  console.error(`${SHARED} not found: calibration needs the shared corpora`);
  process.exit(2);
}
const config = defaultConfig();
const rules = loadRules(config);
const article = (id, body, extra = {}) => ({ id, source: id, title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'jsonl', body, ...extra });
const jsonl = (f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));

async function results(articles) {
  const report = await checkBatch(articles, [], rules, config, { compare: false, jobs: 1 });
  return report.articles.map((a) => ({ id: a.id, flags: a.flags, words: a.stats.words }));
}
const sets = {
  news: await results(jsonl(join(SHARED, 'corpus/news-pages/pages.jsonl')).map((p) => article(p.id, p.body, { url: p.url ?? null }))),
  blog: await results(jsonl(join(SHARED, 'corpus/blog-pages/pages.jsonl')).map((p) => article(p.id, p.body, { url: p.url ?? null }))),
};
const seedDir = join(SHARED, 'corpus/seeds');
const expected = JSON.parse(readFileSync(join(seedDir, 'expected.json'), 'utf8')).articles;
const seedFiles = Object.keys(expected);
const seedReport = await checkBatch(seedFiles.map((f) => ({ ...article(f, readFileSync(join(seedDir, f), 'utf8')), format: 'txt' })), [], rules, config, { compare: false, jobs: 1 });

const variant = (label, change) => ({ label, scoring: { ...structuredClone(config.scoring), ...change(structuredClone(config.scoring)) } });
const variants = [
  variant('shipped', () => ({})),
  variant('no length normalisation (raw counts, 1.0.0 formula)', () => ({ length: { referenceWords: 0, minWords: 1 }, categoryWeights: {} })),
  variant('referenceWords 300, minWords 300', (s) => ({ length: { ...s.length, referenceWords: 300, minWords: 300 } })),
  variant('referenceWords 500, minWords 250', (s) => ({ length: { ...s.length, referenceWords: 500, minWords: 250 } })),
  variant('referenceWords 500, minWords 100', (s) => ({ length: { ...s.length, referenceWords: 500, minWords: 100 } })),
  variant('referenceWords 1000, minWords 300', (s) => ({ length: { ...s.length, referenceWords: 1000, minWords: 300 } })),
  variant('credlint:strict', () => loadConfig(join(ROOT, 'presets', 'strict.json')).scoring),
  variant('errorsMeanReview off', () => ({ errorsMeanReview: false })),
];
const pct = (n, d) => `${((100 * n) / d).toFixed(1)}%`;
console.log('variant | news pass | blog pass | seeds (score verdict; expected)');
for (const v of variants) {
  const pass = (set) => set.filter((r) => scoreFlags(r.flags, v.scoring, r.words).verdict === 'pass').length;
  const seeds = seedReport.articles.map((a) => {
    const s = scoreFlags(a.flags, v.scoring, a.stats.words);
    return `${a.id.split('-')[0]} ${s.score} ${s.verdict}${expected[a.id].verdict.includes(s.verdict) ? '' : ' (MISS)'}`;
  });
  console.log(`${v.label} | ${pct(pass(sets.news), sets.news.length)} | ${pct(pass(sets.blog), sets.blog.length)} | ${seeds.join(', ')}`);
}

// The same density of warnings (spread over two categories, no errors) at three lengths, under the shipped scoring.
console.log('one warning per N words | verdict (score) at 300 / 1,500 / 6,000 words');
for (const every of [300, 150, 100, 60, 30]) {
  const cells = [300, 1500, 6000].map((words) => {
    const flags = Array.from({ length: words / every }, (_, i) => ({ ruleId: 'x/x', category: i % 2 ? 'repetition' : 'spacing', severity: 'warning' }));
    const s = scoreFlags(flags, config.scoring, words);
    return `${s.verdict} (${s.score})`;
  });
  console.log(`${every} | ${cells.join(' / ')}`);
}
