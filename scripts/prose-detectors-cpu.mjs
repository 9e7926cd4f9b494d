#!/usr/bin/env node
// CPU of the prose detectors alone, per rule (not part of `npm test`). Usage:
//   node scripts/prose-detectors-cpu.mjs BATCH.jsonl [--dist DIR] [--reps N] [--rules id,id]
// Builds each article's text model once and fills the shared analyses other rules own (quoted spans, content
// words, ...) by running every rule once; then times only the prose rules, --reps times (best rep reported), each
// rep on fresh memos for the analyses the prose detectors own (lower-text, density, redundancy-word-ids,
// attribution-mid-capitals, content-stems), so their cost is counted where a real check pays it.
import { arg, chosenDist, loadBuild } from './lib/dist-build.mjs';
const { loadArticles, defaultConfig, loadRules, DETECTORS, buildDoc } = await loadBuild(chosenDist());
const PROSE_TYPES = new Set(['phrase', 'boilerplate-sentence', 'redundancy', 'restatement', 'spun-collocation', 'attribution', 'broken-infinitive', 'reduplication']);
const OWN = new Set(['lower-text', 'density', 'redundancy-word-ids', 'attribution-mid-capitals', 'content-stems']);
const rules = loadRules(defaultConfig()).filter((r) => r.enabled);
const only = arg('--rules', null)?.split(',');
const prose = rules.filter((r) => PROSE_TYPES.has(r.type) && (!only || only.includes(r.id)));
const { articles } = loadArticles([process.argv[2]]);
const reps = Number(arg('--reps', 3));
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const ctx = { hints: null, stat() {} };
// Shared analyses of other owners, filled once.
const docs = articles.map((a) => {
  const doc = buildDoc(a);
  for (const r of rules) { try { DETECTORS.get(r.type).run(doc, r, ctx); } catch {} }
  return doc;
});
const best = new Map();
let out = 0;
for (let rep = 0; rep < reps; rep++) {
  const times = new Map();
  for (const doc of docs) {
    const own = new Map();
    const view = Object.create(doc);
    view.memo = (k, c) => {
      if (!OWN.has(k)) return doc.memo(k, c);
      if (!own.has(k)) own.set(k, c(view));
      return own.get(k);
    };
    for (const r of prose) {
      const t = cpu();
      out += DETECTORS.get(r.type).run(view, r, ctx).length;
      times.set(r.id, (times.get(r.id) ?? 0) + cpu() - t);
    }
  }
  for (const [k, v] of times) best.set(k, Math.min(best.get(k) ?? Infinity, v));
}
let sum = 0;
for (const [k, v] of [...best].sort((a, b) => b[1] - a[1])) { sum += v; console.log(((v / 1000 / docs.length) * 1000).toFixed(1).padStart(8), 'us', k); }
console.log(((sum / 1000 / docs.length) * 1000).toFixed(1).padStart(8), 'us per article, all prose rules;', docs.length, 'articles; findings', out / reps);
