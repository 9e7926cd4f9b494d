// The comparison alone, in process, as the comparison thread of `check` runs it: facts fed 64 at a time
// (parsed before the clock starts, as structured cloning hands them over), then the joins with bodies read
// again from the input file, the comparisons handed on as the thread does. Prints CPU of the adds, of the
// finish and in all, best of --runs; --out FILE writes the comparisons as JSONL (to check against another build).
//   node scripts/profile-compare.mjs --facts F --articles A [--dist DIR] [--runs 3] [--out FILE] [--trace]
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const dist = resolve(opt('dist', new URL('../dist', import.meta.url).pathname));
const factsPath = opt('facts', '/tmp/s5/facts10k.jsonl');
const articlesPath = opt('articles', '/tmp/s4-b10k.jsonl');
const runs = Number(opt('runs', '3'));
const out = opt('out', null);
const load = (p) => import(pathToFileURL(`${dist}/${p}`).href);

const { GatheredComparison } = await load('engine/gathered-comparison.js');
const { planInputs } = await load('engine/plan-inputs.js');

const facts = [];
for (const line of readFileSync(factsPath, 'utf8').split('\n')) {
  if (!line) continue;
  const rec = JSON.parse(line);
  if (rec.type === 'facts') facts.push(rec.facts);
}
const origins = new Map();
const plan = await planInputs([articlesPath], { firstPass: false });
for await (const item of plan.items) if ('article' in item && item.origin) origins.set(item.article.id, { origin: item.origin, length: item.article.body.length });

const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
let best = null;
for (let r = 0; r < runs; r++) {
  globalThis.gc?.();
  const g = new GatheredComparison({ enabled: true });
  const t0 = cpu();
  for (let i = 0; i < facts.length; i += 64) {
    g.addMany(facts.slice(i, i + 64).map((f) => ({ facts: f, ...origins.get(f.article) })));
  }
  const t1 = cpu();
  const lines = [];
  const result = g.finish((done) => {
    for (const c of done) lines.push(JSON.stringify({ type: 'comparison', comparison: c }));
  });
  const t2 = cpu();
  const figures = { add: Math.round(t1 - t0), finish: Math.round(t2 - t1), total: Math.round(t2 - t0), comparisons: lines.length, phases: result.stats.phaseCpuMs };
  console.log(JSON.stringify(figures));
  if (!best || figures.total < best.total) best = figures;
  if (out && r === 0) {
    for (const c of result.clusters) lines.push(JSON.stringify({ type: 'cluster', cluster: c }));
    for (const [id, s] of result.corroboration) lines.push(JSON.stringify({ type: 'corroboration', article: id, stats: s }));
    writeFileSync(out, `${lines.join('\n')}\n`);
  }
}
console.log('best', JSON.stringify(best));
