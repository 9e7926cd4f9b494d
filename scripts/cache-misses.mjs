#!/usr/bin/env node
// What the per-thread caches lose when a batch is split over two checking threads (not part of `npm test`).
// Usage: node scripts/cache-misses.mjs BATCH.jsonl [--dist DIR]
// Copies the build to a temporary folder, counts calls and misses (and the time spent computing the misses)
// of chrono's readings (dates/date-mentions.js), the whole-line chrome kinds (chrome/options.js) and the
// template roles (detectors/boilerplate-sentence.js) there, and checks the batch in one thread three times
// over: every article, then the even and the odd ones alone (what each of two threads sees; the pool hands
// articles out alternately). Extra misses = even + odd - all, the exact count a cache shared by the two threads
// would save. The copy is patched by text: when a cache line changes, the script says which one it cannot find.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (n, d) => (process.argv.includes(n) ? process.argv[process.argv.indexOf(n) + 1] : d);

const COUNTERS =
  "globalThis.__cc ??= {}; const __cell = (k) => (globalThis.__cc[k] ??= { calls: 0, misses: 0, ms: 0 }); " +
  'const __call = (k) => { __cell(k).calls++; }; ' +
  'const __miss = (k, f) => { const s = performance.now(); const r = f(); const c = __cell(k); c.misses++; c.ms += performance.now() - s; return r; };\n';
const PATCHES = [
  ['dates/date-mentions.js', [
    ['let results = PARSED.get(key);', "__call('chrono'); let results = PARSED.get(key);"],
    ['results = chronoEn().GB.parse(piece, { instant: ref, timezone: 0 }).map(reading);', "results = __miss('chrono', () => chronoEn().GB.parse(piece, { instant: ref, timezone: 0 }).map(reading));"],
  ]],
  ['chrome/options.js', [
    ['const known = cache.get(line);', "__call('wholeLine'); const known = cache.get(line);"],
    ['const kind = groupKind(re.exec(line), o.kinds);\n    if (cache.size >= WHOLE_LINE_MAX)', "const kind = __miss('wholeLine', () => groupKind(re.exec(line), o.kinds));\n    if (cache.size >= WHOLE_LINE_MAX)"],
  ]],
  ['detectors/boilerplate-sentence.js', [
    ['role = cache.get(norm);\n            if (role === undefined)\n                cache.set(norm, (role = roleOf(signals, norm)));', "__call('role'); role = cache.get(norm);\n            if (role === undefined)\n                cache.set(norm, (role = __miss('role', () => roleOf(signals, norm))));"],
  ]],
];

const CHILD = `
const [file, mode, dist] = process.argv.slice(1);
const { readFileSync } = await import('node:fs');
const { checkArticle } = await import(dist + '/engine/check-article.js');
const { collectBatchHints } = await import(dist + '/engine/batch-hints.js');
const { defaultConfig } = await import(dist + '/rules/config.js');
const { loadRules } = await import(dist + '/rules/load-rules.js');
const { recordToArticle } = await import(dist + '/input/record.js');
const config = defaultConfig();
const rules = loadRules(config);
const articles = readFileSync(file, 'utf8').split('\\n').filter(Boolean).map((l, i) => recordToArticle(JSON.parse(l), { source: file + ':' + (i + 1), fallbackId: file + ':' + (i + 1), format: 'jsonl' }).article).filter(Boolean);
const hintsFor = collectBatchHints(articles);
const c0 = process.cpuUsage();
articles.forEach((a, i) => { if ((mode === 'even' && i % 2) || (mode === 'odd' && !(i % 2))) return; checkArticle(a, rules, config, hintsFor(a)); });
const c = process.cpuUsage(c0);
console.log(JSON.stringify({ cpuMs: Math.round((c.user + c.system) / 1000), caches: globalThis.__cc ?? {} }));
`;

function main() {
  const file = process.argv[2];
  if (!file) throw new Error('usage: node scripts/cache-misses.mjs BATCH.jsonl [--dist DIR]');
  const dist = arg('--dist', join(ROOT, 'dist'));
  const tmp = mkdtempSync(join(tmpdir(), 'credlint-cache-misses-'));
  try {
    cpSync(dist, join(tmp, 'dist'), { recursive: true });
    // The build finds its packs, presets and dependencies beside it.
    for (const d of ['rules', 'presets', 'schemas', 'node_modules', 'package.json']) symlinkSync(join(ROOT, d), join(tmp, d));
    for (const [rel, edits] of PATCHES) {
      const path = join(tmp, 'dist', rel);
      let s = readFileSync(path, 'utf8');
      for (const [from, to] of edits) {
        if (!s.includes(from)) throw new Error(`${rel}: cannot find the cache line ${JSON.stringify(from.slice(0, 60))}; update scripts/cache-misses.mjs`);
        s = s.replace(from, to);
      }
      writeFileSync(path, COUNTERS + s);
    }
    const runs = {};
    for (const mode of ['all', 'even', 'odd']) {
      const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, file, mode, join(tmp, 'dist')], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (r.status !== 0) throw new Error(`${mode}: ${r.stderr.slice(0, 2000)}`);
      runs[mode] = JSON.parse(r.stdout.trim().split('\n').at(-1));
    }
    console.log(`${file}: CPU in one thread ${runs.all.cpuMs} ms; even half ${runs.even.cpuMs} ms + odd half ${runs.odd.cpuMs} ms (one process each, so each pays its own warm-up)`);
    for (const k of Object.keys(runs.all.caches)) {
      const [a, e, o] = [runs.all, runs.even, runs.odd].map((r) => r.caches[k] ?? { calls: 0, misses: 0, ms: 0 });
      const extra = e.misses + o.misses - a.misses;
      const perMiss = a.misses ? a.ms / a.misses : 0;
      console.log(
        `  ${k.padEnd(9)} calls ${a.calls}, misses ${a.misses} (${a.ms.toFixed(0)} ms) in one thread; ${e.misses} + ${o.misses} split: ` +
          `${extra} extra misses, about ${(extra * perMiss).toFixed(0)} ms at ${perMiss.toFixed(2)} ms a miss`,
      );
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
main();
