#!/usr/bin/env node
// Checks that a speed change leaves every report byte-identical (not part of `npm test`).
// Usage: node scripts/report-identity.mjs --save DIR     (reference reports, before the change)
//        node scripts/report-identity.mjs --compare DIR  (after: regenerates and compares with DIR)
// Sets: the 181 news bodies and pages, the 99 blog bodies and pages (../shared), samples/, and a 1,000-article
// bench batch (scripts/bench.mjs, seed 1). Each set runs through the built CLI with -j 1 and --format json;
// the report's durationMs (wall time) is the only field blanked before comparing; the facts (--emit-facts) are
// compared too.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const SHARED = join(ROOT, '..', 'shared', 'corpus');
const mode = process.argv.includes('--save') ? 'save' : process.argv.includes('--compare') ? 'compare' : null;
const dir = process.argv[process.argv.indexOf(`--${mode}`) + 1];
if (!mode || !dir) {
  console.error('usage: node scripts/report-identity.mjs --save DIR | --compare DIR');
  process.exit(2);
}
if (!existsSync(SHARED)) {
  console.error(`report-identity: ${SHARED} is missing (the shared corpus is needed)`);
  process.exit(2);
}
const inputs = join(dir, 'inputs');
mkdirSync(inputs, { recursive: true });

const readJsonl = (file) => readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const writeJsonl = (file, rows) => writeFileSync(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n');

const sets = {};
for (const [name, file] of [['news', join(SHARED, 'news-pages', 'pages.jsonl')], ['blog', join(SHARED, 'blog-pages', 'pages.jsonl')]]) {
  const rows = readJsonl(file);
  for (const field of ['body', 'page']) {
    const f = join(inputs, `${name}-${field === "body" ? "bodies" : "pages"}.jsonl`);
    if (!existsSync(f)) writeJsonl(f, rows.map((r) => ({ id: r.id, body: r[field] })));
    sets[`${name}-${field === "body" ? "bodies" : "pages"}`] = f;
  }
}
const bench = join(inputs, 'bench-1k.jsonl');
if (!existsSync(bench)) {
  const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.mjs'), '--write', bench, '--sizes', '1000'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(r.stderr);
}
sets['bench-1k'] = bench;
// What a comparison writes (its reports, facts and copy of samples/) goes to a folder of its own: several
// worktrees compare against one reference at once, and a shared scratch file made one run read another's.
const work = mode === 'save' ? inputs : mkdtempSync(join(tmpdir(), 'credlint-identity-'));
// A copy of samples/, read by a relative path: article ids are paths, and must not depend on the worktree.
cpSync(join(ROOT, 'samples'), join(work, 'samples'), { recursive: true });
sets.samples = 'samples';

let differ = 0;
for (const [name, input] of Object.entries(sets)) {
  const factsFile = mode === 'save' ? join(dir, `${name}.facts.jsonl`) : join(work, `${name}.facts.jsonl`);
  const r = spawnSync(process.execPath, [CLI, 'check', input, '-j', '1', '--format', 'json', '--quiet', '--emit-facts', factsFile], { cwd: work, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) throw new Error(`${name}: exit ${r.status}: ${r.stderr.slice(0, 500)}`);
  const report = r.stdout.replace(/"durationMs": ?\d+/g, '"durationMs":0');
  const file = join(dir, `${name}.json`);
  if (mode === 'save') {
    writeFileSync(file, report);
    console.log(`${name}: saved (${report.length} bytes)`);
  } else {
    const ref = readFileSync(file, 'utf8');
    const sameFacts = readFileSync(join(dir, `${name}.facts.jsonl`), 'utf8') === readFileSync(factsFile, 'utf8');
    if (ref === report && sameFacts) console.log(`${name}: identical (report and facts)`);
    else {
      differ++;
      const mine = join(work, `${name}.json`);
      writeFileSync(mine, report);
      console.log(`${name}: DIFFERENT ${ref === report ? '' : `report (see ${mine})`} ${sameFacts ? '' : `facts (see ${factsFile})`}`);
    }
  }
}
process.exit(differ ? 1 : 0);
