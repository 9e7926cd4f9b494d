#!/usr/bin/env node
// Recall of the tortured-phrase rules for ONE fingerprint per article, from the defect definition: a random
// Problematic Paper Screener fingerprint (with its AND context, if any, added in a sentence of its own) put in
// place of a word in a clean news body; and one held-out spun term per article (a swap no list holds).
// With --unlisted (or by default, after the above): spins that NO list holds, made by scripts/lib/unlisted-spins.mjs
// in place of an established term found in a clean body (one per article per split, terms split dev/test by hash),
// with synonyms of the word's role in the compound (noun/adjective) and, separately, of any part of speech.
// Usage: npm run build && node scripts/measure-tortured.mjs [--seed N] [--unlisted]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkArticle } from '../dist/engine/check-article.js';
import { defaultConfig } from '../dist/rules/config.js';
import { loadRules } from '../dist/rules/load-rules.js';
import { cleanBodies, SHARED } from './lib/clean-corpus.mjs';
import { HELD_OUT_SWAPS } from './lib/inject-defects.mjs';
import { mulberry32 } from './lib/random.mjs';
import { spell, spinMaterial, splitOf, termsIn } from './lib/unlisted-spins.mjs';

const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const seed = Number(arg('--seed', 1));
const rand = mulberry32(seed);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const config = defaultConfig();
const rules = loadRules(config).filter((r) => r.category === 'tortured-phrase');
const run = (body) => checkArticle({ id: 't', source: 't', title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body }, rules, config).result;
/** `"a" AND "b" NOT "c"` → { phrase: a, requires: [b], unless: [c] } (as the screener writes its queries). */
function parseFingerprint(fp) {
  const parts = fp.split(/\s+(AND|NOT)\s+/);
  const clean = (x) => x.trim().replace(/^"+|"+$/g, '').trim();
  const out = { phrase: clean(parts[0]).toLowerCase(), requires: [], unless: [] };
  for (let i = 1; i + 1 < parts.length; i += 2) (parts[i] === 'AND' ? out.requires : out.unless).push(clean(parts[i + 1]));
  return out;
}
const csv = readFileSync(join(SHARED, 'corpus', 'tortured-phrases', 'pps-fingerprints.csv'), 'utf8').split('\n').slice(1);
const fps = csv.map((l) => /^"((?:[^"]|"")*)"/.exec(l)?.[1]?.replace(/""/g, '"')).filter(Boolean).map(parseFingerprint).filter((f) => f.phrase.split(/\s+/).length >= 2 && !f.unless.length && /^[\p{L}' -]+$/u.test(f.phrase));
const onlyUnlisted = process.argv.includes('--unlisted');
const bodies = cleanBodies();
const stat = { fingerprint: { n: 0, found: 0 }, 'held-out swap': { n: 0, found: 0 } };
for (const body of onlyUnlisted ? [] : bodies) {
  const sents = [...body.matchAll(/(?<=^|\n)[A-Z][^\n]{60,}[.!?](?=\n|$)/g)];
  if (sents.length < 2) continue;
  for (const kind of Object.keys(stat)) {
    const s = pick(sents);
    const f = kind === 'fingerprint' ? pick(fps) : { phrase: pick(HELD_OUT_SWAPS)[0], requires: [] };
    const at = s.index + s[0].length;
    const add = ` Officials also discussed the ${f.phrase} on Tuesday.${f.requires.length ? ` They cited the ${f.requires.join(' and the ')}.` : ''}`;
    const b = body.slice(0, at) + add + body.slice(at);
    const start = at + ' Officials also discussed the '.length;
    const res = run(b);
    if (res.language !== 'eng') continue;
    stat[kind].n++;
    if (res.flags.some((x) => x.start < start + f.phrase.length && x.end > start)) stat[kind].found++;
  }
}
if (!onlyUnlisted) for (const [k, v] of Object.entries(stat)) console.log(`seed ${seed}: one ${k} per article found ${((v.found / v.n) * 100).toFixed(1)}% (${v.found}/${v.n})`);

// ---- spins no list holds ----
const hits = (res, start, end) => res.flags.some((x) => x.category === 'tortured-phrase' && x.start < end && x.end > start);
for (const pos of ['role', 'any']) {
  const material = spinMaterial(pos);
  const r2 = mulberry32(seed * 7919 + (pos === 'any' ? 1 : 0));
  const pick2 = (xs) => xs[Math.floor(r2() * xs.length)];
  const tally = {};
  const examples = { found: [], missed: [] };
  for (const body of bodies) {
    const occ = termsIn(body, material);
    for (const split of ['dev', 'test']) {
      const mine = occ.filter((o) => splitOf(o.term) === split);
      if (!mine.length) continue;
      const o = pick2(mine);
      const v = pick2(material.get(o.term));
      const text = spell(v.variant, o);
      const b = body.slice(0, o.start) + text + body.slice(o.end);
      const res = run(b);
      if (res.language !== 'eng') continue;
      const found = hits(res, o.start, o.start + text.length);
      for (const key of [split, `${split} ${v.head ? 'head' : 'modifier'} swap`]) {
        tally[key] ??= { n: 0, found: 0 };
        tally[key].n++;
        if (found) tally[key].found++;
      }
      if (split === 'dev') (found ? examples.found : examples.missed).push(`${text} (${o.text})`);
    }
  }
  for (const [k, v] of Object.entries(tally).sort()) console.log(`seed ${seed}: unlisted spin, ${pos === 'role' ? 'noun/adjective synonyms' : 'synonyms of any part of speech'}, ${k}: found ${((v.found / v.n) * 100).toFixed(1)}% (${v.found}/${v.n})`);
  if (process.argv.includes('--examples')) console.log(`  dev found: ${examples.found.slice(0, 25).join('; ')}\n  dev missed: ${examples.missed.slice(0, 40).join('; ')}`);
}
