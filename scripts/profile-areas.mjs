#!/usr/bin/env node
// CPU per article of four shared analyses, each timed alone on fresh documents (not part of `npm test`). Usage:
//   node scripts/profile-areas.mjs DIST [ROUNDS] [WARM.jsonl] [BATCH.jsonl]   (defaults: 3, /tmp/s4-a.jsonl, /tmp/s4-b.jsonl)
// Checks WARM first (JIT, regular expressions, chrono loaded), then BATCH ROUNDS times; prints the least CPU per article
// of each area over the rounds: publication inference, date mentions, chrome classification (default options, no batch
// hints), facts. Date mentions are also given for the first round alone: later rounds find every sentence in chrono's cache.
// Run it for two builds in the same minute (e.g. DIST = /work/main/dist and ./dist): process CPU time is noisy when shared.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
const DIST = resolve(process.argv[2] ?? 'dist');
const D = DIST + '/';
const WARM = process.argv[4] ?? '/tmp/s4-a.jsonl';
const BATCH = process.argv[5] ?? '/tmp/s4-b.jsonl';
const rounds = +(process.argv[3] ?? 3);
const { buildDoc } = await import(D + 'text/doc.js');
const { dateMentions } = await import(D + 'dates/date-mentions.js');
const { inferPublication } = await import(D + 'dates/publication.js');
const { buildFacts } = await import(D + 'facts/facts.js');
const { chromeClassification } = await import(D + 'detectors/chrome.js');
const { compileChromeOptions } = await import(D + 'chrome/options.js');
const rule = JSON.parse(readFileSync(DIST + '/../rules/chrome.json', 'utf8')).rules.find((r) => r.options?.kinds);
const opts = compileChromeOptions(rule.options);
const read = (f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => ({ id: r.id, body: r.body }));
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
function pass(arts) {
  const t = { pub: 0, dates: 0, chrome: 0, facts: 0 };
  for (const a of arts) {
    const doc = buildDoc(a);
    let c = cpu(); const pub = inferPublication(doc).date; t.pub += cpu() - c;
    c = cpu(); dateMentions(doc); t.dates += cpu() - c;
    c = cpu(); chromeClassification(doc, opts, null); t.chrome += cpu() - c;
    c = cpu(); buildFacts(doc, [], pub); t.facts += cpu() - c;
  }
  for (const k in t) t[k] = t[k] / 1000 / arts.length;
  return t;
}
pass(read(WARM));
const b = read(BATCH);
const best = {};
let first;
for (let r = 0; r < rounds; r++) { const t = pass(b); first ??= t.dates; for (const k in t) best[k] = Math.min(best[k] ?? Infinity, t[k]); }
console.log(DIST, `dates(first round) ${first.toFixed(3)}`, Object.entries(best).map(([k, v]) => `${k} ${v.toFixed(3)}`).join('  '));
