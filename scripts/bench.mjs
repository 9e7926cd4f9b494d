#!/usr/bin/env node
// Throughput and scaling of `credlint check` on generated batches (not part of `npm test`).
// Usage: npm run bench [-- --sizes 1000,3000,10000 --seed 1]
// Each batch is made from the 181 clean news bodies in ../shared: every article keeps a random 60-100% of a
// body's sentences, with words swapped and figures changed in about half of them, and one in ten articles is
// a near-copy of an earlier one. Each size runs in a fresh process, so peak RSS is that batch's own.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32, splitSentences } from './altered-copies.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);

if (process.argv.includes('--child')) await child(arg('--child'));
else if (process.argv.includes('--write')) writeBatch(arg('--write'), Number(arg('--sizes', '1000')));
else parent();

/** `--write FILE --sizes N`: only writes one generated batch (to profile or to run the CLI on). */
function writeBatch(file, size) {
  const pages = readFileSync(join(ROOT, '..', 'shared', 'corpus', 'news-pages', 'pages.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  writeFileSync(file, generate(pages, size, Number(arg('--seed', 1))).map((r) => JSON.stringify(r)).join('\n') + '\n');
}

function parent() {
  const sizes = arg('--sizes', '1000,3000,10000').split(',').map(Number);
  const pages = readFileSync(join(ROOT, '..', 'shared', 'corpus', 'news-pages', 'pages.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const dir = mkdtempSync(join(tmpdir(), 'credlint-bench-'));
  const rows = [];
  try {
    for (const size of sizes) {
      const file = join(dir, `batch-${size}.jsonl`);
      writeFileSync(file, generate(pages, size, Number(arg('--seed', 1))).map((r) => JSON.stringify(r)).join('\n') + '\n');
      const r = spawnSync(process.execPath, ['--max-old-space-size=8192', fileURLToPath(import.meta.url), '--child', file], { encoding: 'utf8', maxBuffer: 1 << 26 });
      if (r.status !== 0) throw new Error(`bench child failed for ${size}: ${r.stderr.slice(0, 2000)}`);
      const m = JSON.parse(r.stdout);
      m.cli = timeCli(file);
      rows.push(m);
      console.log(
        `${String(size).padStart(6)} articles: check ${(m.totalMs / 1000).toFixed(1)} s = ${(size / (m.totalMs / 1000)).toFixed(0)} articles/s, ${(m.totalMs / size).toFixed(2)} ms/article; ` +
          `per-article phase ${(m.articleMs / size).toFixed(2)} ms/article (CPU ${(m.articleCpuMs / size).toFixed(2)}); compare ${(m.compareMs / 1000).toFixed(2)} s (CPU ${(m.compareCpuMs / 1000).toFixed(2)} s; ${m.claims} claims, ${m.claimPairsScored} claim pairs and ${m.articlePairsScored} article pairs scored, ` +
          `${m.comparisons} comparisons: ${JSON.stringify(m.byType)}); facts ${(m.factsBytes / 1e6).toFixed(1)} MB as JSON; compare heap +${(m.compareHeapMb).toFixed(0)} MB; peak RSS ${(m.maxRssKb / 1024).toFixed(0)} MB`,
      );
      console.log(`${' '.repeat(15)}the CLI on ${m.cli.jobs} worker threads: ${(m.cli.ms / 1000).toFixed(1)} s = ${(size / (m.cli.ms / 1000)).toFixed(0)} articles/s${m.cli.maxRssKb ? `, peak RSS ${(m.cli.maxRssKb / 1024).toFixed(0)} MB (main thread and workers)` : ''}`);
    }
    if (rows.length > 1) {
      const a = rows[0];
      const z = rows[rows.length - 1];
      const k = z.articles / a.articles;
      console.log(`growth ×${k.toFixed(1)} articles: check time ×${(z.totalMs / a.totalMs).toFixed(1)}, compare time ×${(z.compareMs / a.compareMs).toFixed(1)}, claim pairs ×${(z.claimPairsScored / Math.max(1, a.claimPairsScored)).toFixed(1)}, peak RSS ×${(z.maxRssKb / a.maxRssKb).toFixed(1)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The real command on the batch, as a user runs it: all cores, report written to a file. */
function timeCli(file) {
  const jobs = availableParallelism();
  const args = [join(ROOT, 'dist', 'cli', 'main.js'), 'check', file, '--out', `${file}.report.json`, '--quiet'];
  const timed = existsSync('/usr/bin/time');
  const t = performance.now();
  const r = timed
    ? spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 })
    : spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`credlint check failed on the bench batch: ${r.stderr.slice(0, 2000)}`);
  const maxRssKb = timed ? Number(r.stderr.trim().split('\n').at(-1)) : null;
  return { jobs, ms, maxRssKb };
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
