// What V8's optimising compiler spends its helper threads on in a CLI run, from V8's own trace:
//   node --trace-opt --trace-deopt-verbose dist/cli/main.js check BATCH --format jsonl -j 2 --quiet > TRACE 2>&1
//   node scripts/jit-trace.mjs TRACE [--top N]
// Prints TurboFan compiles (first ones and re-compiles of a function already compiled in the same isolate: a
// SharedFunctionInfo address is one function in one isolate), their background compile time, the functions
// re-compiled most, and where the deoptimisations that cause re-compiles are, by source position and reason.
// Times are the trace's wall milliseconds of each compile job: on a loaded machine they overstate CPU, but
// their shares hold. (Round 6: at 10k `-j 2`, 82% of the helper threads' perf samples are TurboFan, 15% GC;
// re-compiles are 37% of the compiles and 61% of the compile time.)
import { readFileSync } from 'node:fs';

const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/jit-trace.mjs TRACE [--top N]');
  process.exit(2);
}
const top = rest[0] === '--top' ? Number(rest[1]) : 20;
const COMPILED = /^\[completed compiling \S+ <JSFunction ?(\S*) ?\(sfi = (0x[0-9a-f]+)\)>.*took ([0-9.]+), ([0-9.]+), ([0-9.]+) ms/;
const BAILOUT = /^\[bailout \(kind: ([^,]+), reason: (.*?)\): begin\. deoptimizing \S+ <JSFunction ?(\S*) /;
const AT = /;;; deoptimize at <(.*)>/;

const compiledBefore = new Set();
const byName = new Map(); // name → { compiles, recompiles, ms, recompileMs }
const deoptAt = new Map(); // "position | reason" → count
const reasons = new Map();
let compiles = 0;
let recompiles = 0;
let ms = 0;
let recompileMs = 0;
let lastBailout = null;
for (const line of readFileSync(file, 'utf8').split('\n')) {
  const c = COMPILED.exec(line);
  if (c) {
    const [, name, sfi] = c;
    const t = Number(c[4]);
    const again = compiledBefore.has(sfi);
    compiledBefore.add(sfi);
    const e = byName.get(name || '(anonymous)') ?? { compiles: 0, recompiles: 0, ms: 0, recompileMs: 0 };
    byName.set(name || '(anonymous)', e);
    e.compiles++;
    e.ms += t;
    compiles++;
    ms += t;
    if (again) {
      e.recompiles++;
      e.recompileMs += t;
      recompiles++;
      recompileMs += t;
    }
    continue;
  }
  const b = BAILOUT.exec(line);
  if (b) {
    lastBailout = b[2];
    reasons.set(b[2], (reasons.get(b[2]) ?? 0) + 1);
    continue;
  }
  const at = lastBailout !== null ? AT.exec(line) : null;
  if (at) {
    const key = `${at[1].replace(/^file:\/\//, '')} | ${lastBailout}`;
    deoptAt.set(key, (deoptAt.get(key) ?? 0) + 1);
    lastBailout = null;
  }
}
const sorted = (m, by) => [...m].sort((a, b) => by(b[1]) - by(a[1])).slice(0, top);
console.log(`TurboFan compiles ${compiles} (${ms.toFixed(0)} ms), of which re-compiles ${recompiles} (${recompileMs.toFixed(0)} ms, ${((100 * recompileMs) / Math.max(ms, 1)).toFixed(0)}%)`);
console.log('\nre-compiled most (by re-compile ms): ms  re-compiles/compiles  function');
for (const [name, e] of sorted(byName, (e) => e.recompileMs)) console.log(`${e.recompileMs.toFixed(0).padStart(8)}  ${e.recompiles}/${e.compiles}  ${name}`);
console.log('\ndeoptimisation reasons:');
for (const [r, n] of sorted(reasons, (n) => n)) console.log(`${String(n).padStart(6)}  ${r}`);
if (deoptAt.size) {
  console.log('\ndeoptimised at (needs --trace-deopt-verbose):');
  for (const [k, n] of sorted(deoptAt, (n) => n)) console.log(`${String(n).padStart(6)}  ${k}`);
}
