#!/usr/bin/env node
// What the comparison thread allocates, by function (not part of `npm test`): the comparison run in process as
// the thread runs it (facts fed 64 at a time, then finish with the bodies read again), under V8's sampling heap
// profiler keeping the samples every collection freed, so the sum is all that was allocated, garbage included.
// Prints the top functions of the adds and of the finish apart.
//   node scripts/compare-alloc.mjs --facts F --articles A [--dist DIR] [--top 25]
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const dist = resolve(opt('dist', new URL('../dist', import.meta.url).pathname));
const top = Number(opt('top', '25'));
const load = (p) => import(pathToFileURL(`${dist}/${p}`).href);
const { GatheredComparison } = await load('engine/gathered-comparison.js');
const { planInputs } = await load('engine/plan-inputs.js');
const facts = [];
for (const line of readFileSync(opt('facts'), 'utf8').split('\n')) {
  if (!line) continue;
  const rec = JSON.parse(line);
  if (rec.type === 'facts') facts.push(rec.facts);
}
const origins = new Map();
const plan = await planInputs([opt('articles')], { firstPass: false });
for await (const item of plan.items) if ('article' in item && item.origin) origins.set(item.article.id, { origin: item.origin, length: item.article.body.length });

const session = new Session();
session.connect();
await session.post('HeapProfiler.enable');
const sample = () => session.post('HeapProfiler.startSampling', { samplingInterval: 8192, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
const report = async (label) => {
  const { profile } = await session.post('HeapProfiler.stopSampling');
  const bytes = new Map();
  let total = 0;
  const visit = (node) => {
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.replace(/^.*\/dist\//, '')}:${f.lineNumber + 1}`;
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    total += node.selfSize;
    for (const c of node.children) visit(c);
  };
  visit(profile.head);
  console.log(`${label}: ${(total / 1e6).toFixed(0)} MB allocated on the heap`);
  for (const [k, v] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`  ${(v / 1e6).toFixed(1).padStart(7)} MB  ${k}`);
};
const g = new GatheredComparison({ enabled: true });
await sample();
for (let i = 0; i < facts.length; i += 64) g.addMany(facts.slice(i, i + 64).map((f) => ({ facts: f, ...origins.get(f.article) })));
await report('adds');
await sample();
g.finish((done) => void done);
await report('finish');
