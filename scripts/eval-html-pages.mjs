#!/usr/bin/env node
// Chrome stripping on HTML pages, both ways: the HTML path (`credlint check page.html`: text plus the
// markup's structure) and the text path (the same page's visible text as a .txt), each scored against the
// page's true article body (NAME.body.txt) with the article-extraction benchmark's metric (F1 over
// 4-word shingles, precision and recall averaged over pages). Pages: test/fixtures/html-pages/.
// Usage: node scripts/eval-html-pages.mjs [DIR] [--pages]   (run `npm run build` first)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArticles } from '../dist/input/read-articles.js';
import { createChecker, toArticle } from '../dist/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dir = process.argv.slice(2).find((a) => !a.startsWith('--')) ?? join(ROOT, 'test', 'fixtures', 'html-pages');

const TOKEN = /[\p{L}\p{N}_]+/gu;
function shingles(text, n = 4) {
  const toks = text.match(TOKEN) || [];
  const counts = new Map();
  for (let i = 0; i < Math.max(1, toks.length - n + 1); i++) {
    const key = toks.slice(i, i + n).join('\u0001');
    if (key) counts.set(key, (counts.get(key) || 0) + 1);
  }
  return counts;
}
export function shingleMatch(truth, pred) {
  const t = shingles(truth), p = shingles(pred);
  let tp = 0, fp = 0, fn = 0;
  for (const k of new Set([...t.keys(), ...p.keys()])) {
    const a = t.get(k) || 0, b = p.get(k) || 0;
    tp += Math.min(a, b); fp += Math.max(0, b - a); fn += Math.max(0, a - b);
  }
  return [tp, fp, fn];
}
export function prf(triples) {
  const pr = triples.map(([tp, fp]) => (tp + fp ? tp / (tp + fp) : 0));
  const rc = triples.map(([tp, , fn]) => (tp + fn ? tp / (tp + fn) : 0));
  const mean = (xs) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
  const p = mean(pr), r = mean(rc);
  return { precision: p, recall: r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}
function cut(text, flags) {
  let out = '', at = 0;
  for (const f of flags.filter((g) => g.category === 'chrome').sort((a, b) => a.start - b.start)) {
    if (f.end <= at) continue;
    out += text.slice(at, Math.max(at, f.start)) + '\n';
    at = Math.max(at, f.end);
  }
  return out + text.slice(at);
}

/** Scores every page of `dir` both ways; returns per-page and overall figures. */
export function evaluateHtmlPages(pagesDir = dir) {
  const checker = createChecker({ configFile: null });
  const rows = [];
  for (const name of readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort()) {
    const truth = readFileSync(join(pagesDir, name.replace(/\.html$/, '.body.txt')), 'utf8');
    const { articles } = readArticles(join(pagesDir, name));
    const html = articles[0];
    const text = toArticle({ id: name, body: html.body });
    const h = checker.check(html).result.flags;
    const t = checker.check(text).result.flags;
    rows.push({ page: name, html: shingleMatch(truth, cut(html.body, h)), text: shingleMatch(truth, cut(text.body, t)) });
  }
  return { rows, html: prf(rows.map((r) => r.html)), text: prf(rows.map((r) => r.text)) };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const r = evaluateHtmlPages();
  const f = (m) => `P ${m.precision.toFixed(3)} R ${m.recall.toFixed(3)} F1 ${m.f1.toFixed(3)}`;
  if (process.argv.includes('--pages')) for (const row of r.rows) console.log(`${row.page}: html F1 ${prf([row.html]).f1.toFixed(2)}, text F1 ${prf([row.text]).f1.toFixed(2)}`);
  console.log(`text path: ${f(r.text)}`);
  console.log(`html path: ${f(r.html)}`);
}
