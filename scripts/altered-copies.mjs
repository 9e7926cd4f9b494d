#!/usr/bin/env node
// Altered-copies test set: from real clean articles, a shorter rewrite (about half the sentences kept) with
// exactly one number, date or negation changed in one sentence that names someone or something. The copy
// should be reported as contradicting its original on that sentence, and nothing else should be.
//
// Library: makeAlteredCopies(pages, {count, seed}) → {records, truth}. Command line:
//   node scripts/altered-copies.mjs [--count 60] [--seed 7] [--out DIR]     writes DIR/batch.jsonl and DIR/truth.json
//   node scripts/altered-copies.mjs --eval [--count 60]                    runs the built CLI and prints recall and false contradictions
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const PAGES = join(ROOT, '..', 'shared', 'corpus', 'news-pages', 'pages.jsonl');

export { mulberry32 } from './lib/random.mjs';
import { mulberry32 } from './lib/random.mjs';

/** Sentences with offsets: a plain splitter, independent of credlint's own (ends after a word of 2+ letters, before a capital). */
export function splitSentences(body) {
  const out = [];
  for (const para of body.matchAll(/[^\n]+/g)) {
    const text = para[0];
    const ends = [...text.matchAll(/(?<=[a-z0-9)]{2}[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z])/g)].map((m) => [m.index, m.index + m[0].length]);
    let from = 0;
    for (const [cut, next] of [...ends, [text.length, text.length]]) {
      const raw = text.slice(from, cut);
      const lead = raw.length - raw.trimStart().length;
      const t = raw.trim();
      if (t) out.push({ start: para.index + from + lead, end: para.index + from + lead + t.length, text: t });
      from = next;
    }
  }
  return out;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
// An auxiliary followed by a verb form: "has not approved", "will not offer" (not "have to", "can’t").
const AUX = /\b(is|was|are|were|has|have|had|will|would|did|does)\s(?!not\b|to\b|a\b|an\b|the\b)(?=[a-z]+(?:ed|ing|en)?\b)/;
const HAS_NAME = /\s[A-Z][a-z]+/; // a capitalised word after the first: the sentence names something

/** The ways one sentence can be altered, each returning the new text or null. */
const ALTER = {
  number(text, rnd) {
    const m = /(?<![\w.,:\-\/$€£]\d*)(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?![\w:\/]|[.,]\d|-\d)/.exec(text);
    if (!m) return null;
    const n = Number(m[1].replace(/,/g, ''));
    if (n >= 1900 && n <= 2100 && !m[2]) return null; // a year: dates handle those
    if (n === 0) return null;
    if (/[A-Z][\w]*\s$/.test(text.slice(Math.max(0, m.index - 12), m.index)) && !/\b(?:The|These|In|About|Some)\s$/.test(text.slice(0, m.index))) return null; // "Series 5": a model name, not an amount
    const factor = 1 + (0.2 + rnd() * 0.6) * (rnd() < 0.5 ? -1 : 1);
    let changed = Math.max(1, Math.round(n * factor));
    if (changed === n) changed = n + 1;
    const formatted = m[1].includes(',') ? changed.toLocaleString('en-US') : String(changed);
    return text.slice(0, m.index) + formatted + (m[2] ? `.${m[2]}` : '') + text.slice(m.index + m[0].length);
  },
  date(text, rnd) {
    const md = new RegExp(`\\b(${MONTHS.join('|')})\\s+(\\d{1,2})\\b`).exec(text);
    if (md) {
      const day = Number(md[2]);
      const changed = day > 20 ? day - 1 - Math.floor(rnd() * 9) : day + 1 + Math.floor(rnd() * 9);
      return text.slice(0, md.index) + `${md[1]} ${changed}` + text.slice(md.index + md[0].length);
    }
    const y = /\b(?:in|since|by|until|from)\s+((?:19|20)\d\d)\b/.exec(text);
    if (y) {
      const year = Number(y[1]);
      const changed = year + (rnd() < 0.5 ? -1 : 1) * (1 + Math.floor(rnd() * 3));
      return text.slice(0, y.index) + y[0].replace(y[1], String(changed)) + text.slice(y.index + y[0].length);
    }
    return null;
  },
  negation(text) {
    const not = /\b(is|was|are|were|has|have|had|will|can|would|did|does|do) not\b/.exec(text);
    if (not) return text.slice(0, not.index) + not[1] + text.slice(not.index + not[0].length);
    const m = AUX.exec(text);
    if (!m || m.index < 3) return null;
    const at = m.index + m[1].length;
    return text.slice(0, at) + ' not' + text.slice(at);
  },
};

/**
 * Picks `count` articles with a sentence that can be altered, and makes one copy of each: about half the
 * sentences (always the altered one) in their order, joined into paragraphs of three.
 */
export function makeAlteredCopies(pages, { count = 60, seed = 7 } = {}) {
  const rnd = mulberry32(seed);
  const kinds = ['number', 'date', 'negation'];
  const records = pages.map((p) => ({ id: p.id, body: p.body }));
  const truth = [];
  const order = pages.map((_, i) => i).sort(() => rnd() - 0.5);
  for (const idx of order) {
    if (truth.length >= count) break;
    const page = pages[idx];
    const sentences = splitSentences(page.body).filter((s) => s.text.split(/\s+/).length >= 8);
    if (sentences.length < 6) continue;
    const kind = kinds[truth.length % kinds.length];
    const targets = sentences.filter((s) => HAS_NAME.test(s.text) && s.text.length < 400 && ALTER[kind](s.text, () => 0.5) !== null);
    if (!targets.length) continue;
    const target = targets[Math.floor(rnd() * targets.length)];
    const altered = ALTER[kind](target.text, rnd);
    const kept = sentences.filter((s) => s === target || rnd() < 0.5);
    const parts = [];
    let body = '';
    let span = null;
    kept.forEach((s, i) => {
      const sep = i === 0 ? '' : i % 3 === 0 ? '\n\n' : ' ';
      body += sep;
      const text = s === target ? altered : s.text;
      if (s === target) span = { start: body.length, end: body.length + text.length };
      body += text;
      parts.push(text);
    });
    const id = `${page.id}~altered`;
    records.push({ id, body });
    truth.push({ original: page.id, copy: id, kind, originalSpan: { start: target.start, end: target.end }, copySpan: span, before: target.text, after: altered });
  }
  return { records, truth };
}

/** Recall (the contradiction covers the changed sentence in both) and false contradictions, from a report. */
export function scoreReport(report, truth) {
  const byPair = new Map(truth.map((t) => [`${t.original}|${t.copy}`, t]));
  const overlaps = (side, span) => side.start < span.end && side.end > span.start;
  const found = new Set();
  let kindRight = 0;
  const falses = [];
  for (const c of report.comparisons.filter((x) => x.type === 'contradiction')) {
    const t = byPair.get(`${c.a.article}|${c.b.article}`) ?? byPair.get(`${c.b.article}|${c.a.article}`);
    if (!t) {
      // The altered sentence against a third article telling the same story: a true contradiction too.
      const onChange = truth.some((x) => (c.a.article === x.copy && overlaps(c.a, x.copySpan)) || (c.b.article === x.copy && overlaps(c.b, x.copySpan)));
      if (!onChange) falses.push({ why: 'unrelated articles', c });
      continue;
    }
    const [o, k] = c.a.article === t.original ? [c.a, c.b] : [c.b, c.a];
    // The original may repeat the altered sentence word for word (a recipe, a list): any copy of it counts.
    if ((overlaps(o, t.originalSpan) || o.text === t.before) && overlaps(k, t.copySpan)) {
      if (!found.has(t.copy)) kindRight += c.kind === t.kind ? 1 : 0;
      found.add(t.copy);
    } else falses.push({ why: 'unchanged sentences', c });
  }
  const perKind = {};
  for (const t of truth) {
    perKind[t.kind] ??= [0, 0];
    perKind[t.kind][1]++;
    if (found.has(t.copy)) perKind[t.kind][0]++;
  }
  return { recall: found.size / Math.max(1, truth.length), found: found.size, total: truth.length, kindRight, perKind, falses };
}

function readPages() {
  return readFileSync(PAGES, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
  const { records, truth } = makeAlteredCopies(readPages(), { count: Number(arg('--count', 60)), seed: Number(arg('--seed', 7)) });
  const dir = arg('--out', null) ?? mkdtempSync(join(tmpdir(), 'credlint-altered-'));
  writeFileSync(join(dir, 'batch.jsonl'), records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  writeFileSync(join(dir, 'truth.json'), JSON.stringify(truth, null, 2));
  if (!process.argv.includes('--eval')) {
    console.log(`${records.length} articles (${truth.length} altered copies) in ${dir}`);
  } else {
    const started = performance.now();
    const r = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'check', join(dir, 'batch.jsonl'), '--format', 'json', '-q'], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const report = JSON.parse(r.stdout);
    const s = scoreReport(report, truth);
    if (process.argv.includes('--verbose')) {
      const found = new Set(report.comparisons.filter((c) => c.type === 'contradiction').flatMap((c) => [c.a.article, c.b.article]));
      for (const t of truth) if (!found.has(t.copy)) console.log(`missed ${t.kind}: ${t.before}\n      → ${t.after}`);
      for (const f of s.falses) console.log(`FALSE (${f.why}) ${f.c.kind}: ${f.c.message}`);
    }
    const kinds = Object.entries(s.perKind).map(([k, [a, b]]) => `${k} ${a}/${b}`).join(', ');
    console.log(`altered copies: recall ${(100 * s.recall).toFixed(1)}% (${s.found}/${s.total}; ${kinds}; kind right ${s.kindRight}/${s.found}), false contradictions ${s.falses.length} (${s.falses.filter((f) => f.why === 'unrelated articles').length} between unrelated articles), ${records.length} articles in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    if (!arg('--out', null)) rmSync(dir, { recursive: true, force: true });
  }
}
