#!/usr/bin/env node
// Recall of repetition/restated-sentence, from the defect definition: a sentence of a clean news body
// restated later in the same body with its clauses reordered and its function words changed.
// Usage: npm run build && node scripts/measure-restatements.mjs [--seed N]
import { readFileSync } from 'node:fs';
import { checkArticle } from '../dist/engine/check-article.js';
import { defaultConfig } from '../dist/rules/config.js';
import { loadRules } from '../dist/rules/load-rules.js';
import { PAGES } from './lib/clean-corpus.mjs';
import { mulberry32 } from './lib/random.mjs';

const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const seed = Number(arg('--seed', 1));
const rand = mulberry32(seed);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const config = defaultConfig();
const rules = loadRules(config).filter((r) => r.id === 'repetition/restated-sentence');
const run = (body) => checkArticle({ id: 'r', source: 'r', title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body }, rules, config).result;
const SWAP = { the: 'a', a: 'the', of: 'for', in: 'at', at: 'in', on: 'upon', to: 'towards', for: 'of', with: 'alongside', and: 'as well as', is: 'was', was: 'is', has: 'had', had: 'has' };
const OPENERS = ['In short,', 'Put simply,', 'To put it another way,', 'Again,', 'As noted,'];
/** Clauses reordered (around a comma, or the last third moved first) and function words swapped. */
function restate(sentence) {
  const text = sentence.replace(/[.!?]$/, '');
  const comma = text.indexOf(', ');
  let re;
  if (comma > 15 && comma < text.length - 15) re = `${text.slice(comma + 2)}, ${text.slice(0, comma)}`;
  else {
    const w = text.split(' ');
    const k = Math.floor(w.length * (0.4 + rand() * 0.3));
    re = `${w.slice(k).join(' ')}, ${w.slice(0, k).join(' ')}`;
  }
  re = re.split(' ').map((w) => (SWAP[w.toLowerCase()] && rand() < 0.6 ? SWAP[w.toLowerCase()] : w)).join(' ');
  return `${pick(OPENERS)} ${re.charAt(0).toLowerCase()}${re.slice(1)}.`;
}
let n = 0;
let found = 0;
for (const l of readFileSync(PAGES, 'utf8').split('\n').filter(Boolean)) {
  const body = JSON.parse(l).body;
  // One sentence on a line of its own (no full stop inside it followed by a capital: that would be two).
  const sents = [...body.matchAll(/(?<=^|\n)[A-Z][^\n"“”]{70,300}[.!?](?=\n)/g)].filter((m) => !/[.!?:]\s+\S/.test(m[0].slice(0, -1)));
  if (sents.length < 4) continue;
  const s = pick(sents.slice(0, Math.ceil(sents.length / 2)));
  const added = `\n${restate(s[0])}`;
  const at = body.length;
  const res = run(body + added);
  if (res.language !== 'eng') continue;
  n++;
  if (res.flags.some((f) => f.start < at + added.length && f.end > at + 1)) found++;
}
console.log(`seed ${seed}: restatements with reordered clauses and changed function words found ${((found / n) * 100).toFixed(1)}% (${found}/${n})`);
