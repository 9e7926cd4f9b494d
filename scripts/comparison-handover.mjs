// What handing a batch's comparisons from the comparison thread to the main thread costs each side, in
// process: `objects` (the chunk of objects structured-cloned, each one stringified on the main thread) against
// `lines` (the chunk's JSONL text made on the comparison thread, the one string cloned). v8.serialize and
// v8.deserialize are the structured clone postMessage does. Comparisons are read from a `check --format jsonl`
// output; prints CPU ms per side for each form, best of --runs, and whether both give the same bytes.
//   node scripts/comparison-handover.mjs --from OUT.jsonl [--dist DIR] [--runs 5]   (a build with comparison-chunks.js)
import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chosenDist } from './lib/dist-build.mjs';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const from = opt('from', '/tmp/s7/REF10k.jsonl');
const runs = Number(opt('runs', '5'));
const dist = resolve(chosenDist());
const load = (p) => import(pathToFileURL(join(dist, p)).href);
const { comparisonChunk } = await load('engine/comparison-chunks.js');
const { renderComparisonLine } = await load('report/formats/jsonl.js');

const comparisons = [];
for (const line of readFileSync(from, 'utf8').split('\n')) if (line.startsWith('{"type":"comparison"')) comparisons.push(JSON.parse(line).comparison);
const CHUNK = 2000;
const cpu = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

/** One form of the handover over every chunk: `send` on the comparison thread, `receive` (its text) on the main one. */
function handover(send, receive) {
  let worker = 0;
  let main = 0;
  let out = '';
  for (let i = 0; i < comparisons.length; i += CHUNK) {
    const t0 = cpu();
    const bytes = serialize(send(i, Math.min(comparisons.length, i + CHUNK)));
    const t1 = cpu();
    out += receive(deserialize(bytes));
    const t2 = cpu();
    worker += t1 - t0;
    main += t2 - t1;
  }
  return { worker, main, out };
}

const objects = () =>
  handover(
    (from, to) => comparisons.slice(from, to),
    (chunk) => chunk.map(renderComparisonLine).join(''),
  );
const lines = () =>
  handover(
    (from, to) => comparisonChunk(comparisons, from, to),
    (chunk) => chunk.lines,
  );

const best = { objects: null, lines: null };
let same = true;
for (let r = 0; r < runs; r++) {
  const got = {};
  for (const [name, f] of [['objects', objects], ['lines', lines]]) {
    globalThis.gc?.();
    got[name] = f();
    const b = best[name];
    if (!b || got[name].worker + got[name].main < b.worker + b.main) best[name] = { worker: Math.round(got[name].worker), main: Math.round(got[name].main) };
  }
  same &&= got.objects.out === got.lines.out;
}
console.log(JSON.stringify({ comparisons: comparisons.length, ...best, sameBytes: same }));
