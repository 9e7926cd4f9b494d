#!/usr/bin/env node
// Recall and precision of the dates rules on injected defects: every clean body of ../shared gets each kind of
// defect (weekday mismatch, impossible date, metadata vs dateline; a plan dated before publication where the URL gives the date), the batch goes through the built CLI.
// Usage (after `npm run build`): node scripts/measure-date-defects.mjs [--seed N] [--show]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { injectDateDefect, KINDS, score } from './date-defects/inject.mjs';

const seed = process.argv.includes('--seed') ? Number(process.argv[process.argv.indexOf('--seed') + 1]) : 1;
const pages = readFileSync(new URL('../../shared/corpus/news-pages/pages.jsonl', import.meta.url), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const cases = pages.flatMap((p, i) => KINDS.map((k, j) => injectDateDefect(p, k, seed * 100_003 + i * 7 + j))).filter(Boolean);
const dir = mkdtempSync(join(tmpdir(), 'credlint-dates-'));
try {
  const file = join(dir, 'injected.jsonl');
  writeFileSync(file, cases.map((c) => JSON.stringify({ id: c.id, body: c.body, ...(c.publishedAt ? { publishedAt: c.publishedAt } : {}) })).join('\n') + '\n');
  const t0 = Date.now();
  const res = spawnSync(process.execPath, [new URL('../dist/cli/main.js', import.meta.url).pathname, 'check', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const report = JSON.parse(res.stdout);
  const s = score(cases, new Map(report.articles.map((a) => [a.id, a.flags])));
  if (process.argv.includes('--show')) {
    for (const c of cases) {
      const a = report.articles.find((x) => x.id === c.id);
      for (const f of a.flags.filter((g) => g.category === 'dates' && !(g.start < c.span.end && c.span.start < g.end))) console.log(`extra  ${c.id} ${f.ruleId}: ${JSON.stringify(f.text)} — ${f.message}`);
      if (!a.flags.some((g) => g.category === 'dates' && g.start < c.span.end && c.span.start < g.end)) console.log(`missed ${c.id}: ${JSON.stringify(c.body.slice(c.span.start, c.span.end))}`);
    }
  }
  // Re-dated without any dateline: the page's own date (from its URL) moved four years on in the record. No span to
  // find; the figure is the share of such articles that get any dates flag at all (a detection rate, not recall).
  const redated = pages.flatMap((p) => {
    const m = /\/((?:19|20)\d\d)\/(\d\d)\/(\d\d)\//.exec(p.url ?? '');
    return m ? [{ id: `${p.id}-redated`, body: p.body, publishedAt: `${+m[1] + 4}-${m[2]}-${m[3] === '29' && m[2] === '02' ? '28' : m[3]}` }] : [];
  });
  const file2 = join(dir, 'redated.jsonl');
  writeFileSync(file2, redated.map((c) => JSON.stringify(c)).join('\n') + '\n');
  const res2 = spawnSync(process.execPath, [new URL('../dist/cli/main.js', import.meta.url).pathname, 'check', file2, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const flagged = JSON.parse(res2.stdout).articles.filter((a) => a.flags.some((f) => f.category === 'dates')).length;
  const kinds = Object.entries(s.byKind).map(([k, v]) => `${k} ${v.found}/${v.cases}`).join(', ');
  console.log(`injected dates: recall ${(100 * s.recall).toFixed(1)}% (${kinds}); precision ${(100 * s.precision).toFixed(1)}% (${s.flags} dates flags); ${cases.length} articles in ${Date.now() - t0} ms`);
  console.log(`re-dated stories (record date 4 years after the page's own, no dateline): ${flagged}/${redated.length} get a dates flag`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
