#!/usr/bin/env node
// Where the per-article time goes (not part of `npm test`). Usage:
//   node scripts/profile-check.mjs BATCH.jsonl [--rules] [--prof OUT.cpuprofile] [--warm OTHER.jsonl] [--dist DIR] [--field page]
// Loads the rules, then times loading the batch, its hints and the checkArticle loop (process CPU time, like
// `bench.mjs --child`). --rules: CPU per rule and per shared analysis (doc.memo), each counted apart from the
// analyses it triggers; --prof: a V8 CPU profile of the timed part only (open it in Chrome DevTools or summarise
// it); --warm: check another batch first in the same process, so the figure excludes first-use costs (JIT,
// regular-expression compilation, chrono's first parse) — pick one that shares no sentences with BATCH, or the
// chrono cache flatters it; --dist: another build (a base to compare with); --field: read that field as the body;
// --top N: how many functions the profile summary lists (15).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { Session } from 'node:inspector/promises';
import { arg, chosenDist, loadBuild } from './lib/dist-build.mjs';
const { loadArticles, checkArticle, collectBatchHints, defaultConfig, loadRules, DETECTORS } = await loadBuild(chosenDist());
const config = defaultConfig();
const rules = loadRules(config);
let file = process.argv[2];
const field = arg('--field', null);
if (field) {
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  file = join(tmpdir(), `credlint-profile-${process.pid}.jsonl`);
  writeFileSync(file, rows.map((r) => JSON.stringify({ id: r.id, body: r[field] })).join('\n') + '\n');
}
const perRule = process.argv.includes('--rules');
const times = new Map();
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const stack = [];
function enter(key) { stack.push({ key, t: cpu(), child: 0 }); }
function leave() { const f = stack.pop(); const el = cpu() - f.t; times.set(f.key, (times.get(f.key) ?? 0) + el - f.child); if (stack.length) stack[stack.length - 1].child += el; }
if (perRule) {
  const seen = new WeakSet();
  for (const [type, d] of DETECTORS) {
    const run = d.run;
    DETECTORS.set(type, { ...d, run(doc, rule, ctx) {
      if (!seen.has(doc)) { seen.add(doc); const m = doc.memo.bind(doc); doc.memo = (k, c) => m(k, (dd) => { enter('memo:' + k); try { return c(dd); } finally { leave(); } }); }
      enter('rule:' + rule.id); try { return run.call(d, doc, rule, ctx); } finally { leave(); }
    } });
  }
}
const warm = arg('--warm', null);
if (warm) {
  const { articles: w } = loadArticles([warm]);
  const h = collectBatchHints(w);
  for (const a of w) checkArticle(a, rules, config, h(a));
  // The per-rule times are divided by BATCH's article count: what the warm-up batch added must not be in them
  // (it was, which put every rule 11x too high with a 10k warm-up for a 1k batch).
  times.clear();
}
const prof = arg('--prof', null);
let session;
if (prof) { session = new Session(); session.connect(); await session.post('Profiler.enable'); await session.post('Profiler.setSamplingInterval', { interval: 200 }); }
const c0 = cpu();
if (prof) await session.post('Profiler.start');
const { articles } = loadArticles([file]);
const hintsFor = collectBatchHints(articles);
const c1 = cpu();
let checkCpu = 0;
for (const a of articles) {
  const t = cpu();
  if (perRule) enter('check (rest)');
  checkArticle(a, rules, config, hintsFor(a));
  if (perRule) leave();
  checkCpu += cpu() - t;
}
const c2 = cpu();
if (prof) {
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(prof, JSON.stringify(profile));
  console.log(`profile: ${prof}; self time of the top functions under checkArticle:`);
  for (const [name, share] of topSelf(profile, 'checkArticle', Number(arg('--top', 15)))) console.log(`${(100 * share).toFixed(1).padStart(6)}%  ${name}`);
}

/** Self time by function among the samples whose stack contains `root`, as shares of those samples. */
function topSelf(profile, root, n) {
  const byId = new Map(profile.nodes.map((x) => [x.id, x]));
  const parent = new Map();
  for (const x of profile.nodes) for (const c of x.children ?? []) parent.set(c, x.id);
  const time = new Map();
  profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const self = new Map();
  let total = 0;
  for (const [id, t] of time) {
    let up = id;
    while (up !== undefined && byId.get(up).callFrame.functionName !== root) up = parent.get(up);
    if (up === undefined) continue;
    const f = byId.get(id).callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url.replace(/.*\/(dist|node_modules)\//, '$1/')}:${f.lineNumber + 1}`.slice(0, 160);
    self.set(name, (self.get(name) ?? 0) + t);
    total += t;
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => [k, v / total]);
}
const n = articles.length;
console.log(`${n} articles: total ${((c2 - c0) / 1000 / n).toFixed(3)} ms/article (load+hints ${((c1 - c0) / 1000 / n).toFixed(3)}, checkArticle ${(checkCpu / 1000 / n).toFixed(3)})`);
if (perRule) {
  let sum = 0; for (const v of times.values()) sum += v;
  for (const [k, v] of [...times].sort((a, b) => b[1] - a[1])) console.log((v / 1000 / n).toFixed(3).padStart(8), k);
  console.log('sum', (sum / 1000 / n).toFixed(3));
}
