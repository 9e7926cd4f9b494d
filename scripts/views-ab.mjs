#!/usr/bin/env node
// viewFacts (the comparison thread's unpacking of each article's facts) for two builds, alternated round by round
// in one process over the same parsed facts; CPU per round includes the collector's work on the garbage it leaves.
// The views are kept for the round, as a session keeps them. Not part of `npm test`.
//   node --expose-gc scripts/views-ab.mjs BASE_DIST NEW_DIST FACTS.jsonl [ROUNDS=6]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const load = (dist) => import(pathToFileURL(`${resolve(dist)}/compare/facts-view.js`).href);
const [A, B] = [await load(process.argv[2]), await load(process.argv[3])];
const facts = readFileSync(process.argv[4], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).filter((r) => r.type === 'facts').map((r) => r.facts);
const rounds = Number(process.argv[5] ?? 6);
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
const run = (M) => {
  globalThis.gc?.();
  const c = cpu();
  const kept = [];
  for (const f of facts) kept.push(M.viewFacts(f));
  globalThis.gc?.();
  return cpu() - c;
};
const ta = [];
const tb = [];
for (let r = 0; r < rounds; r++) {
  ta.push(run(A));
  tb.push(run(B));
}
const med = (t) => [...t].sort((x, y) => x - y)[t.length >> 1].toFixed(0);
console.log(`${facts.length} articles: A ${process.argv[2]} median ${med(ta)} ms (${ta.map((x) => x.toFixed(0)).join(' ')})   B ${process.argv[3]} median ${med(tb)} ms (${tb.map((x) => x.toFixed(0)).join(' ')})`);
