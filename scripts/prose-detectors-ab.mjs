#!/usr/bin/env node
// The prose rules of two builds in one process, article by article (not part of `npm test`). Usage:
//   node scripts/prose-detectors-ab.mjs BATCH.jsonl --base DIR [--dist DIR] [--reps N]
// Each build checks its own text models (each has its own vocabulary); for every article the two builds' prose
// rules run back to back, in alternating order, so a machine whose speed drifts (other jobs, a shared core) slows
// both alike. Prints CPU per article per rule for the base and this build, and the change.
import { arg, OWN_DIST as HERE, loadBuild } from './lib/dist-build.mjs';
const PROSE_TYPES = new Set(['phrase', 'boilerplate-sentence', 'redundancy', 'restatement', 'spun-collocation', 'attribution', 'broken-infinitive', 'reduplication']);
const OWN = new Set(['lower-text', 'density', 'redundancy-word-ids', 'attribution-mid-capitals', 'content-stems']);
const ctx = { hints: null, stat() {} };

async function build(dir) {
  const { loadArticles, defaultConfig, loadRules, DETECTORS, buildDoc } = await loadBuild(dir);
  const rules = loadRules(defaultConfig()).filter((r) => r.enabled);
  const prose = rules.filter((r) => PROSE_TYPES.has(r.type));
  const { articles } = loadArticles([process.argv[2]]);
  const docs = articles.map((a) => {
    const doc = buildDoc(a);
    for (const r of rules) {
      try {
        DETECTORS.get(r.type).run(doc, r, ctx);
      } catch {}
    }
    return doc;
  });
  return { DETECTORS, prose, docs };
}

const base = await build(arg('--base'));
const mine = await build(arg('--dist', HERE));
const cpu = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};
function runOne(b, i, times) {
  const doc = b.docs[i];
  const own = new Map();
  const view = Object.create(doc);
  view.memo = (k, c) => {
    if (!OWN.has(k)) return doc.memo(k, c);
    if (!own.has(k)) own.set(k, c(view));
    return own.get(k);
  };
  for (const r of b.prose) {
    const t = cpu();
    b.DETECTORS.get(r.type).run(view, r, ctx);
    times.set(r.id, (times.get(r.id) ?? 0) + cpu() - t);
  }
}
const reps = Number(arg('--reps', 3));
const tb = new Map();
const tm = new Map();
for (let rep = 0; rep < reps; rep++) {
  for (let i = 0; i < base.docs.length; i++) {
    if ((i + rep) % 2) (runOne(base, i, tb), runOne(mine, i, tm));
    else (runOne(mine, i, tm), runOne(base, i, tb));
  }
}
const n = base.docs.length * reps;
let sb = 0;
let sm = 0;
for (const [k, v] of [...tb].sort((a, b) => b[1] - a[1])) {
  const m = tm.get(k) ?? 0;
  sb += v;
  sm += m;
  console.log(`${(v / n).toFixed(1).padStart(8)} ${(m / n).toFixed(1).padStart(8)} us ${((100 * (m - v)) / v).toFixed(0).padStart(5)}%  ${k}`);
}
console.log(`${(sb / n).toFixed(1).padStart(8)} ${(sm / n).toFixed(1).padStart(8)} us ${((100 * (sm - sb)) / sb).toFixed(0).padStart(5)}%  all prose rules (base, this build), ${base.docs.length} articles x ${reps}`);
