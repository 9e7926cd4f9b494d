#!/usr/bin/env node
// Chrome stripping and clean-body chrome flags on the two shared page sets, split in halves by a hash of the
// page id (so a change can be developed on one half and checked on the other).
// Usage: node scripts/chrome-halves.mjs [--half dev|holdout|all] [--set news|blog|both] [--worst N] [--show]
import { join } from 'node:path';
import { existsSync } from 'node:fs';

const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const shared = process.env.CREDLINT_SHARED || join(process.cwd(), '..', 'shared');
if (!existsSync(join(shared, 'eval', 'lib.mjs'))) { console.error(`no shared data at ${shared}`); process.exit(2); }
const { checkRecords, readJsonl, shingleMatch, prf, removeSpans, words } = await import(join(shared, 'eval', 'lib.mjs'));

/** FNV-1a of the id: half 0 is "dev", half 1 "holdout". */
export function halfOf(id) {
  let h = 0x811c9dc5;
  for (const ch of String(id)) { h ^= ch.charCodeAt(0); h = Math.imul(h, 0x01000193) >>> 0; }
  return h & 1 ? 'holdout' : 'dev';
}
const half = arg('--half', 'dev');
const sets = arg('--set', 'both') === 'both' ? ['news', 'blog'] : [arg('--set')];
const worst = Number(arg('--worst', 0));
for (const set of sets) {
  const dir = { news: 'news-pages', blog: 'blog-pages' }[set];
  const pages = readJsonl(join(shared, 'corpus', dir, 'pages.jsonl')).filter((p) => half === 'all' || halfOf(p.id) === half);
  const rep = checkRecords(pages.map((p) => ({ id: p.id, body: p.page })));
  const byId = new Map(rep.articles.map((a) => [String(a.id), a]));
  const ours = pages.map((p) => shingleMatch(p.body, removeSpans(p.page, byId.get(p.id)?.flags || [], ['chrome'])));
  const o = prf(ours);
  const clean = checkRecords(pages.map((p) => ({ id: p.id, body: p.body })));
  let flags = 0;
  const cById = new Map(clean.articles.map((a) => [String(a.id), a]));
  const total = pages.reduce((n, p) => n + words(p.body), 0);
  for (const p of pages) for (const g of cById.get(p.id)?.flags || []) if (g.category === 'chrome') {
    flags++;
    if (process.argv.includes('--show')) console.log(`  clean ${p.id}: ${JSON.stringify(p.body.slice(g.start, g.end).slice(0, 100))} (${g.message})`);
  }
  if (arg('--dump')) {
    const { appendFileSync } = await import('node:fs');
    for (const [i, p] of pages.entries()) appendFileSync(arg('--dump'), JSON.stringify({ id: p.id, f1: prf([ours[i]]).f1 }) + '\n');
  }
  if (worst) {
    const rows = pages.map((p, i) => ({ id: p.id, ...prf([ours[i]]) })).sort((x, y) => x.f1 - y.f1).slice(0, worst);
    for (const r of rows) console.log(`  worst ${r.id}: P ${r.precision.toFixed(2)} R ${r.recall.toFixed(2)} F1 ${r.f1.toFixed(2)}`);
  }
  console.log(`${set} ${half} (${pages.length} pages): chrome P ${o.precision.toFixed(3)} R ${o.recall.toFixed(3)} F1 ${o.f1.toFixed(3)}; clean chrome flags ${(1000 * flags / total).toFixed(2)} per 1,000 words`);
}
