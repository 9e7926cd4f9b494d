#!/usr/bin/env node
// Throughput and scaling of `credlint check` on generated batches (not part of `npm test`).
// Usage: npm run bench [-- --sizes 1000,2500,10000 --seed 1 --no-textlint --big [--big-size 100000] | --single | --shapes]
// `npm run bench -- --single`: only the start-up figures: the single-article CLI time (target: under 300 ms wall on an
// idle machine) and a folder of 20 articles (a CI gate's batch).
// `npm run bench -- --shapes [--shape-size 1000000]`: only the pathological shapes of test/fixtures/linear-shapes (one
// article each, with a short companion so the comparison facts are built too) through the CLI (target: under 2 s each).
// Each batch is made from the 181 clean news bodies in ../shared: every article keeps a random 60-100% of a
// body's sentences, with words swapped and figures changed in about half of them, and one in ten articles is
// a near-copy of an earlier one. For each size it prints the per-article phase in-process (CPU per article),
// then the CLI as a user runs it with -j 1 and -j 2 (wall, CPU = user + system, peak RSS, articles/s, MB/s);
// then the growth 2.5k → 10k, the single-article and 20-article CLI times, and the per-article ratio to textlint with four
// prose rules on the same 1,000 articles as Markdown files (textlint is installed with npm into a temporary
// folder, not as a dependency; --no-textlint skips it). --big adds the 100k-article `--format jsonl` memory runs
// when the CLI offers that format. CPU time is the figure to compare on a shared machine: wall time is not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, splitSentences } from './altered-copies.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(ROOT, 'dist', 'cli', 'main.js');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const TEXTLINT_RULES = ['textlint-rule-write-good', 'textlint-rule-no-start-duplicated-conjunction', 'textlint-rule-max-comma', 'textlint-rule-terminology'];


function readPages() {
  return readFileSync(join(ROOT, '..', 'shared', 'corpus', 'news-pages', 'pages.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

/** `--write FILE --sizes N`: only writes one generated batch (to profile or to run the CLI on). */
function writeBatch(file, size) {
  writeFileSync(file, generate(readPages(), size, Number(arg('--seed', 1))).map((r) => JSON.stringify(r)).join('\n') + '\n');
}

/** Runs a command under /usr/bin/time (when present): wall ms, CPU ms (user + system, children included), peak RSS. */
function timed(cmd, args, opts = {}) {
  const haveTime = existsSync('/usr/bin/time');
  const t = performance.now();
  const r = haveTime
    ? spawnSync('/usr/bin/time', ['-f', '\n%U %S %M', cmd, ...args], { encoding: 'utf8', maxBuffer: 1 << 28, ...opts })
    : spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 1 << 28, ...opts });
  const ms = performance.now() - t;
  let cpuMs = null;
  let maxRssKb = null;
  if (haveTime) {
    const last = r.stderr.trim().split('\n').at(-1).trim().split(/\s+/).map(Number);
    cpuMs = (last[0] + last[1]) * 1000;
    maxRssKb = last[2];
  }
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, ms, cpuMs, maxRssKb };
}

// Preloaded into the CLI (node --import): at exit, each thread's own CPU time (Linux /proc): the main thread,
// each checking thread, the comparison thread and V8's helper threads (TurboFan, concurrent GC) apart, so what a
// second checking thread costs shows where it goes (scripts/thread-cpu.mjs). The CLI passes --import on to its
// workers, where it only names their thread.
const threadCpuFile = join(ROOT, 'scripts', 'thread-cpu.mjs');

function cliRun(file, jobs, extra = []) {
  const r = timed(process.execPath, ['--import', threadCpuFile, CLI, 'check', file, '--out', `${file}.report.json`, '--quiet', '-j', String(jobs), ...extra]);
  if (r.status !== 0 && r.status !== 1) throw new Error(`credlint check failed on the bench batch (-j ${jobs}): ${r.stderr.slice(0, 2000)}`);
  const m = /bench-main-thread-cpu-ms (\d+)/.exec(r.stderr);
  r.mainCpuMs = m ? Number(m[1]) : null;
  const t = /bench-thread-cpu (\{.*\})/.exec(r.stderr);
  r.threads = t ? JSON.parse(t[1]) : null;
  return r;
}

const s1 = (ms) => (ms / 1000).toFixed(1);
/** CPU by thread of one run (scripts/thread-cpu.mjs). */
const threadLine = (t) =>
  `CPU by thread: main ${s1(t.main)} s, checking ${t.checking.map(s1).join(' + ') || '-'} s, comparison ${t.comparison.map(s1).join(' + ') || '-'} s, ` +
  `V8 helper threads (compiler, GC) ${s1(t.helpers)} s`;
const mb = (kb) => (kb === null ? '?' : `${(kb / 1024).toFixed(0)} MB`);

function parent() {
  if (process.argv.includes('--single')) return startup();
  if (process.argv.includes('--shapes')) return shapes();
  const sizes = arg('--sizes', '1000,2500,10000').split(',').map(Number);
  const pages = readPages();
  const dir = mkdtempSync(join(tmpdir(), 'credlint-bench-'));
  console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((x) => x.toFixed(1)).join(' ')} at start (other jobs inflate wall time; compare CPU time)`);
  const rows = [];
  try {
    for (const size of sizes) {
      const file = join(dir, `batch-${size}.jsonl`);
      const records = generate(pages, size, Number(arg('--seed', 1)));
      writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
      const bytes = statSync(file).size;
      const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`bench child failed for ${size}: ${r.stderr.slice(0, 2000)}`);
      const m = JSON.parse(r.stdout);
      const j1 = cliRun(file, 1);
      const j2 = cliRun(file, 2);
      rows.push({ size, bytes, m, j1, j2 });
      console.log(
        `${String(size).padStart(6)} articles (${(bytes / 1e6).toFixed(1)} MB): per-article phase ${(m.articleCpuMs / size).toFixed(2)} ms CPU/article in-process; ` +
          `compare ${s1(m.compareCpuMs)} s CPU (${m.comparisons} comparisons); facts ${(m.factsBytes / 1e6).toFixed(1)} MB as JSON`,
      );
      for (const [name, x] of [['-j 1', j1], ['-j 2', j2]]) {
        console.log(
          `${' '.repeat(15)}CLI ${name}: wall ${s1(x.ms)} s, CPU ${x.cpuMs === null ? '?' : `${s1(x.cpuMs)} s`}, peak RSS ${mb(x.maxRssKb)}, ` +
            `${(size / (x.ms / 1000)).toFixed(0)} articles/s, ${(bytes / 1e6 / (x.ms / 1000)).toFixed(2)} MB/s` +
            (x.cpuMs === null ? '' : `, ${(x.cpuMs / size).toFixed(2)} ms CPU/article`) +
            (x.mainCpuMs === null ? '' : `, main thread ${s1(x.mainCpuMs)} s CPU`),
        );
        if (x.threads) console.log(`${' '.repeat(19)}${threadLine(x.threads)}`);
      }
      // -j is a maximum: a batch under 4,000 articles gets one checking thread whatever -j says (check-batch.ts threadsFor).
      const used = j2.threads ? ` (${j2.threads.checking.length} checking thread${j2.threads.checking.length === 1 ? '' : 's'} used)` : '';
      console.log(`${' '.repeat(15)}-j 2${used} against -j 1: ${(j1.ms / j2.ms).toFixed(2)}x faster (wall), ${j2.cpuMs && j1.cpuMs ? `${(j2.cpuMs / j1.cpuMs).toFixed(2)}x the CPU` : ''}`);
    }
    const a = rows.find((x) => x.size === 2500) ?? rows[rows.length - 2];
    const z = rows.find((x) => x.size === 10000) ?? rows[rows.length - 1];
    if (a && z && a !== z) {
      console.log(
        `growth ${a.size} → ${z.size} (×${(z.size / a.size).toFixed(1)} articles): -j 2 wall ×${(z.j2.ms / a.j2.ms).toFixed(2)}, -j 1 CPU ×${z.j1.cpuMs ? (z.j1.cpuMs / a.j1.cpuMs).toFixed(2) : '?'}, ` +
          `compare CPU ×${(z.m.compareCpuMs / Math.max(1, a.m.compareCpuMs)).toFixed(2)}, peak RSS (-j 2) ×${z.j2.maxRssKb ? (z.j2.maxRssKb / a.j2.maxRssKb).toFixed(2) : '?'}`,
      );
    }
    single();
    small(dir, pages);
    if (!process.argv.includes('--no-textlint')) textlintRatio(dir, generate(pages, 1000, Number(arg('--seed', 1))));
    if (process.argv.includes('--big')) big(dir, pages);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** --single: the start-up figures alone, one article and a small folder. */
function startup() {
  single();
  const dir = mkdtempSync(join(tmpdir(), 'credlint-bench-'));
  try {
    small(dir, readPages());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * A folder of 20 Markdown articles, as a CI gate checks the articles a change touches: median of 5 runs. A batch
 * this small is checked and compared on the main thread (cli/check-command.ts, MAIN_THREAD_BATCH).
 */
function small(dir, pages) {
  const folder = join(dir, 'small');
  mkdirSync(folder, { recursive: true });
  generate(pages, 20, Number(arg('--seed', 1))).forEach((r, i) => writeFileSync(join(folder, `a${String(i).padStart(2, '0')}.md`), `${r.body}\n`));
  medianRuns('20 articles as a folder of Markdown files,', [CLI, 'check', folder, '--quiet'], 5);
}

/** One short article through the CLI, as a CMS hook runs it: median of several runs. */
function single() {
  medianRuns('single article, samples/clean-council-budget.txt,', [CLI, 'check', join(ROOT, 'samples', 'clean-council-budget.txt')], 9);
}

/** `n` runs of node with `args`: the median wall and CPU time, printed after `label`. */
function medianRuns(label, args, n) {
  const runs = [];
  for (let i = 0; i < n; i++) runs.push(timed(process.execPath, args));
  const med = (xs) => xs.sort((p, q) => p - q)[xs.length >> 1];
  console.log(`${label} median of ${n}: wall ${med(runs.map((r) => r.ms)).toFixed(0)} ms, CPU ${runs[0].cpuMs === null ? '?' : `${med(runs.map((r) => r.cpuMs)).toFixed(0)} ms`}`);
}

/** Each pathological shape at `--shape-size` characters (1,000,000: the article limit) through the CLI, as a batch of two. */
function shapes() {
  const size = Number(arg('--shape-size', '1000000'));
  const { shapes: list } = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'linear-shapes', 'shapes.json'), 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), 'credlint-shapes-'));
  const companion = { id: 'companion', body: 'The council said on Monday that taxes would rise by 3% next year, the mayor told reporters in the city.' };
  try {
    for (const shape of list) {
      const tail = shape.tail ?? '';
      const n = size - tail.length;
      const body = shape.unit.repeat(Math.ceil(n / shape.unit.length)).slice(0, n) + tail;
      const file = join(dir, 'shape.jsonl');
      writeFileSync(file, `${JSON.stringify({ id: 'shape', body })}\n${JSON.stringify(companion)}\n`);
      const r = timed(process.execPath, [CLI, 'check', file, '--format', 'json', '--quiet']);
      let report = null;
      try {
        report = JSON.parse(r.stdout);
      } catch {}
      const flags = report?.articles.find((a) => a.id === 'shape')?.flags.length;
      const why = flags === undefined ? ` (${report?.errors[0]?.message ?? 'no report'})` : '';
      const cpu = r.cpuMs === null ? '?' : `${s1(r.cpuMs)} s CPU`;
      console.log(`${s1(r.ms).padStart(5)} s wall, ${cpu}, peak RSS ${mb(r.maxRssKb)}, ${flags ?? 'no'} flags, exit ${r.status}${why}: ${shape.name}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** textlint with four prose rules and credlint (-j 1) on the same 1,000 articles as Markdown files, per article. */
function textlintRatio(dir, records) {
  const tl = join(dir, 'textlint');
  const md = join(dir, 'md');
  mkdirSync(tl, { recursive: true });
  mkdirSync(md, { recursive: true });
  writeFileSync(join(tl, 'package.json'), JSON.stringify({ name: 'bench-textlint', private: true }));
  const npm = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--silent', 'textlint', ...TEXTLINT_RULES], { cwd: tl, encoding: 'utf8' });
  if (npm.status !== 0) {
    console.log(`textlint: not measured (npm install failed: ${(npm.stderr || npm.stdout).trim().split('\n')[0]})`);
    return;
  }
  const rules = Object.fromEntries(TEXTLINT_RULES.map((r) => [r.replace(/^textlint-rule-/, ''), true]));
  writeFileSync(join(tl, '.textlintrc.json'), JSON.stringify({ rules }));
  records.forEach((r, i) => writeFileSync(join(md, `a${String(i).padStart(4, '0')}.md`), `${r.body}\n`));
  const n = records.length;
  // Run from its folder: textlint finds .textlintrc.json and the rules' packages there.
  const t = timed(process.execPath, [join(tl, 'node_modules', 'textlint', 'bin', 'textlint.js'), '--format', 'unix', md], { cwd: tl });
  if ((t.status !== 0 && t.status !== 1) || /No rules found/.test(t.stdout)) {
    console.log(`textlint: not measured (exit ${t.status}: ${t.stderr.trim().split('\n')[0]})`);
    return;
  }
  const c = timed(process.execPath, [CLI, 'check', md, '--out', join(dir, 'md-report.json'), '--quiet', '-j', '1']);
  const per = (x) => `${(x.ms / n).toFixed(1)} ms wall${x.cpuMs === null ? '' : `, ${(x.cpuMs / n).toFixed(1)} ms CPU`}`;
  console.log(`textlint (${TEXTLINT_RULES.join(', ')}) on ${n} Markdown files: ${per(t)} per article`);
  console.log(`credlint -j 1 (all rules, comparison included) on the same files: ${per(c)} per article`);
  console.log(`credlint is ${(t.ms / c.ms).toFixed(1)}x faster per article (wall)${t.cpuMs && c.cpuMs ? `, ${(t.cpuMs / c.cpuMs).toFixed(1)}x (CPU)` : ''}`);
}

/** 100k articles with `--format jsonl` (streaming), with and without the comparison: peak memory. */
function big(dir, pages) {
  const help = spawnSync(process.execPath, [CLI, 'check', '--help'], { encoding: 'utf8' });
  if (!/jsonl/.test(help.stdout.match(/--format[^\n]*(?:\n\s{20,}[^\n]*)*/)?.[0] ?? '')) {
    console.log('--big: skipped, this build of the CLI has no `--format jsonl` (streaming output comes with the engine work)');
    return;
  }
  // --big-size N: a smaller "big" batch where 100k takes too long (a busy machine).
  const n = Number(arg('--big-size', 100_000));
  const file = join(dir, `batch-${n}.jsonl`);
  writeFileSync(file, generate(pages, n, Number(arg('--seed', 1))).map((r) => JSON.stringify(r)).join('\n') + '\n');
  for (const extra of [['--no-compare'], []]) {
    const r = cliRun(file, 2, ['--format', 'jsonl', ...extra]);
    console.log(`${n} articles (${(statSync(file).size / 1e6).toFixed(0)} MB) --format jsonl ${extra.join(' ') || '(with the comparison)'}: wall ${s1(r.ms)} s, CPU ${r.cpuMs === null ? '?' : `${s1(r.cpuMs)} s`}, main thread ${r.mainCpuMs === null ? '?' : `${s1(r.mainCpuMs)} s`} CPU, peak RSS ${mb(r.maxRssKb)}`);
  }
}

/** A batch of `size` articles sampled and perturbed from the clean bodies, with one in ten a near-copy. */
function generate(pages, size, seed) {
  const rnd = mulberry32(seed);
  const bodies = pages.map((p) => splitSentences(p.body).map((s) => s.text));
  const vocab = [...new Set(pages.flatMap((p) => p.body.match(/\b[a-z]{4,12}\b/g) ?? []))];
  const out = [];
  for (let i = 0; i < size; i++) {
    if (i > 10 && rnd() < 0.1) {
      const src = out[Math.floor(rnd() * out.length)];
      const sentences = splitSentences(src.body).map((s) => s.text).filter(() => rnd() < 0.85);
      out.push({ id: `a${i}`, body: sentences.join(' ') || src.body });
      continue;
    }
    const sentences = bodies[Math.floor(rnd() * bodies.length)];
    const keep = 0.6 + rnd() * 0.4;
    const kept = sentences.filter(() => rnd() < keep).map((s) => (rnd() < 0.5 ? perturb(s, rnd, vocab) : s));
    const paras = [];
    for (let k = 0; k < kept.length; k += 3) paras.push(kept.slice(k, k + 3).join(' '));
    out.push({ id: `a${i}`, body: paras.join('\n\n') || sentences.join(' ') });
  }
  return out;
}

function perturb(sentence, rnd, vocab) {
  return sentence
    .split(' ')
    .map((w) => {
      if (/^\d+$/.test(w) && rnd() < 0.5) return String(Number(w) + 1 + Math.floor(rnd() * 9));
      if (/^[a-z]{4,}$/.test(w) && rnd() < 0.15) return vocab[Math.floor(rnd() * vocab.length)];
      return w;
    })
    .join(' ');
}

/** One batch in this process: the check pipeline phase by phase, as check-batch runs it. */
async function child(file) {
  const dist = (p) => import(join(process.env.CREDLINT_DIST ?? join(ROOT, 'dist'), p));
  const { loadArticles } = await dist('input/read-articles.js');
  const { checkArticle } = await dist('engine/check-article.js');
  const { collectBatchHints } = await dist('engine/batch-hints.js');
  const { compareBatch } = await dist('compare/compare.js');
  const { buildReport } = await dist('report/build-report.js');
  const { renderJson } = await dist('report/formats/json.js');
  const { defaultConfig } = await dist('rules/config.js');
  const { loadRules } = await dist('rules/load-rules.js');
  const config = defaultConfig();
  const rules = loadRules(config);
  const c0 = process.cpuUsage().user;
  const t0 = performance.now();
  const { articles, errors } = loadArticles([file]);
  const hintsFor = collectBatchHints(articles);
  const results = [];
  const facts = [];
  for (const a of articles) {
    const out = checkArticle(a, rules, config, hintsFor(a));
    results.push(out.result);
    facts.push(out.facts);
  }
  const t1 = performance.now();
  const c1 = process.cpuUsage().user;
  const heapBefore = process.memoryUsage().heapUsed;
  const out = compareBatch(facts, { enabled: true });
  const heapAfter = process.memoryUsage().heapUsed;
  const t2 = performance.now();
  const c2 = process.cpuUsage().user;
  const json = renderJson(buildReport(results, out.comparisons, errors, t2 - t0));
  const t3 = performance.now();
  const byType = {};
  for (const c of out.comparisons) byType[c.type] = (byType[c.type] ?? 0) + 1;
  process.stdout.write(
    JSON.stringify({
      articles: articles.length,
      totalMs: t3 - t0,
      articleMs: t1 - t0,
      compareMs: t2 - t1,
      articleCpuMs: (c1 - c0) / 1000,
      compareCpuMs: (c2 - c1) / 1000,
      reportMs: t3 - t2,
      reportBytes: json.length,
      factsBytes: JSON.stringify(facts).length,
      compareHeapMb: (heapAfter - heapBefore) / 1e6,
      comparisons: out.comparisons.length,
      byType,
      ...out.stats,
      maxRssKb: process.resourceUsage().maxRSS,
    }),
  );
}

if (process.argv.includes('--child')) await child(arg('--child'));
else if (process.argv.includes('--write')) writeBatch(arg('--write'), Number(arg('--sizes', '1000')));
else parent();
