#!/usr/bin/env node
// Recall of repetition/restated-sentence, from the defect definition (issue 14: "restatements with reordered clauses
// or changed function words"): a passage of a clean news body said again later in the same body, with its clauses
// reordered, its function words changed and a discourse opener in front. Written from English grammar, not from the
// detector's word lists: the swaps below include words the detector's stopword list did not hold when this was written.
//
// Kinds (each reported on its own; every article gives one case of each kind it has material for):
//   sentence   one sentence on a line of its own, restated as one sentence
//   line       a whole line of the body (one OR two sentences, as they come), restated as one passage: when the
//              original held two sentences, the restatement re-splits them elsewhere (the first version of this
//              script measured only this shape and scored 78-81%)
//   merged     two adjacent sentences of one paragraph restated as ONE sentence (joined with a connective)
//   possessive one sentence with "X's Y" turned into "the Y of X" besides the other changes
//   short      a short hand-written sentence (scripts/data/restatement-pairs.json: 5-9 content words, voice turned,
//              clauses fronted) put into the body, and its restatement later
// The restatement is appended at the end of the body or inserted after a later paragraph (position at random).
// False alarms: the flags this rule raises on the unaltered bodies, and on the altered bodies outside the restatement.
//
// Usage: npm run build && node scripts/measure-restatements.mjs [--seed N] [--set news|blog] [--verbose]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkArticle } from '../dist/engine/check-article.js';
import { defaultConfig } from '../dist/rules/config.js';
import { loadRules } from '../dist/rules/load-rules.js';
import { SHARED } from './lib/clean-corpus.mjs';
import { mulberry32 } from './lib/random.mjs';
import { restater } from './lib/restatements.mjs';

const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const seed = Number(arg('--seed', 1));
const set = arg('--set', 'news');
const verbose = process.argv.includes('--verbose');
const PAGES = join(SHARED, 'corpus', { news: 'news-pages', blog: 'blog-pages' }[set], 'pages.jsonl');
const rand = mulberry32(seed);
const { cases: casesOf, insert } = restater(rand);
const config = defaultConfig();
const rules = loadRules(config).filter((r) => r.id === 'repetition/restated-sentence');
const run = (body) => checkArticle({ id: 'r', source: 'r', title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body }, rules, config).result;

const kinds = ['sentence', 'line', 'merged', 'possessive', 'short'];
const PAIRS = JSON.parse(readFileSync(new URL('./data/restatement-pairs.json', import.meta.url), 'utf8')).pairs;
const found = Object.fromEntries(kinds.map((k) => [k, 0]));
const total = Object.fromEntries(kinds.map((k) => [k, 0]));
let falseOnClean = 0;
let falseOnAltered = 0;
let words = 0;
let articles = 0;
for (const l of readFileSync(PAGES, 'utf8').split('\n').filter(Boolean)) {
  const body = JSON.parse(l).body;
  const clean = run(body);
  if (clean.language !== 'eng') continue;
  articles++;
  words += body.split(/\s+/).filter(Boolean).length;
  falseOnClean += clean.flags.filter((f) => f.ruleId === 'repetition/restated-sentence').length;
  const cases = casesOf(body).map(([kind, added]) => [kind, added, body]);
  {
    // A short hand-written sentence placed after a line of the first half, its restatement later.
    const [orig, re] = PAIRS[Math.floor(rand() * PAIRS.length)];
    const ends = [...body.matchAll(/[^\n]+/g)].map((m) => m.index + m[0].length);
    const at = ends[Math.floor(rand() * Math.ceil(ends.length / 2))] ?? 0;
    cases.push(['short', re, `${body.slice(0, at)}\n${orig}${body.slice(at)}`]);
  }
  for (const [kind, added, base] of cases) {
    const { text: altered, from, to } = insert(base, added);
    const res = run(altered);
    total[kind]++;
    const flags = res.flags.filter((f) => f.ruleId === 'repetition/restated-sentence');
    const hit = flags.some((f) => f.start < to && f.end > from);
    if (hit) found[kind]++;
    else if (verbose) console.log(`MISSED ${kind}: ${added}`);
    // Flags elsewhere than on the restatement and than the clean body's own flags count as false alarms.
    falseOnAltered += Math.max(0, flags.filter((f) => !(f.start < to && f.end > from)).length - clean.flags.filter((f) => f.ruleId === 'repetition/restated-sentence').length);
  }
}
const pct = (a, b) => `${((a / (b || 1)) * 100).toFixed(1)}% (${a}/${b})`;
const all = kinds.reduce((n, k) => n + found[k], 0);
const n = kinds.reduce((s, k) => s + total[k], 0);
console.log(`seed ${seed}, ${set}: restatements found ${pct(all, n)}; ${kinds.map((k) => `${k} ${pct(found[k], total[k])}`).join(', ')}`);
console.log(`false alarms: ${falseOnClean} flags on ${articles} unaltered bodies (${((1000 * falseOnClean) / words).toFixed(3)} per 1,000 words), ${falseOnAltered} more elsewhere in the altered ones`);
