#!/usr/bin/env node
// Altered copies, second generator. Written from the defect's definition (issue 12), not from the comparison code:
// an editor receives a shorter rewrite of a real story that carries one to three of its paragraphs, maybe in
// another order, with unchanged sentences lightly paraphrased, and exactly one statement changed: a figure, a
// date, a negation or modality, a word turned into its opposite, or a name in the same role. The copy should be
// found contradicting its original on that sentence, and on nothing else; unrelated articles never contradict.
//
// Each copy also gets a twin without the change (paraphrase only): every contradiction on the twin, and on the
// changed copy's other carried sentences, is a false contradiction on an unchanged aligned sentence.
//
//   node scripts/altered-copies-v2.mjs [--seed 1] [--count 80] [--set news|blog|both] [--verbose] [--out DIR]
// The held-out seed (2026) is run only once, at the end, to report figures nobody tuned on.
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mulberry32 } from './lib/random.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SETS = {
  news: join(ROOT, '..', 'shared', 'corpus', 'news-pages', 'pages.jsonl'),
  blog: join(ROOT, '..', 'shared', 'corpus', 'blog-pages', 'pages.jsonl'),
};

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

// ---------- plain text handling, independent of credlint ----------

/** Paragraphs (blocks between blank lines or single line breaks) with their sentences. */
function paragraphs(body) {
  const out = [];
  for (const m of body.matchAll(/[^\n]+/g)) {
    const text = m[0].trim();
    if (text.length < 40) continue; // headings, datelines, captions of one line
    const sentences = splitSentences(text);
    if (sentences.length) out.push(sentences);
  }
  return out;
}

function splitSentences(text) {
  const out = [];
  let from = 0;
  for (const m of text.matchAll(/(?<=[a-z0-9)%]{2}[.!?]["”’)]?)\s+(?=["“‘(]?[A-Z0-9])/g)) {
    const s = text.slice(from, m.index).trim();
    if (s) out.push(s);
    from = m.index + m[0].length;
  }
  const last = text.slice(from).trim();
  if (last) out.push(last);
  return out;
}

const words = (s) => s.split(/\s+/).filter(Boolean).length;

// ---------- changes of one kind each (what an editor would call a changed fact) ----------

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTH_RE = `(?:${MONTHS.join('|')}|Jan\\.|Feb\\.|Aug\\.|Sept\\.|Oct\\.|Nov\\.|Dec\\.)`;

// Pairs of opposite words as a dictionary gives them (both directions are used).
const OPPOSITES = [
  ['rose', 'fell'], ['increased', 'decreased'], ['won', 'lost'], ['approved', 'rejected'], ['accepted', 'rejected'],
  ['higher', 'lower'], ['gained', 'lost'], ['opened', 'closed'], ['strong', 'weak'], ['stronger', 'weaker'],
  ['early', 'late'], ['earlier', 'later'], ['positive', 'negative'], ['support', 'oppose'], ['supports', 'opposes'],
  ['supported', 'opposed'], ['increase', 'decrease'], ['rise', 'fall'], ['rising', 'falling'], ['larger', 'smaller'],
  ['largest', 'smallest'], ['biggest', 'smallest'], ['best', 'worst'], ['better', 'worse'], ['cheaper', 'dearer'],
  ['success', 'failure'], ['successful', 'unsuccessful'], ['legal', 'illegal'], ['easy', 'difficult'], ['easier', 'harder'],
  ['first', 'last'], ['win', 'lose'], ['wins', 'loses'], ['allowed', 'banned'], ['allow', 'forbid'], ['before', 'after'],
  ['public', 'private'], ['minority', 'majority'], ['maximum', 'minimum'], ['above', 'below'], ['more', 'fewer'],
  ['cheap', 'expensive'], ['agreed', 'refused'], ['confirmed', 'denied'], ['arrived', 'departed'], ['entered', 'left'],
  ['old', 'new'], ['older', 'younger'], ['happy', 'unhappy'], ['true', 'false'], ['full', 'empty'],
];
const OPPOSITE = new Map();
for (const [a, b] of OPPOSITES) {
  if (!OPPOSITE.has(a)) OPPOSITE.set(a, b);
  if (!OPPOSITE.has(b)) OPPOSITE.set(b, a);
}

/** Turns a statement around: add or remove a negation, or flip its modality. */
const NEGATE = [
  [/\b(will|would|can|could|should|must|did|does|do|has|have|had|is|are|was|were)( not|n't)\b/, (m, aux) => aux],
  [/\bcannot\b/, () => 'can'],
  [/\bwon't\b/, () => 'will'],
  [/\b(will|can|could|should|must)\s(?=[a-z]{3,}\b)(?!not\b|be\b)/, (m, aux) => (aux === 'can' ? 'cannot ' : `${aux} not `)],
  [/\b(is|are|was|were)\s(?=(?:a|an|the|now|still|expected|likely|set|due|in|on|being|[a-z]+ed)\b)/, (m, aux) => `${aux} not `],
  [/\b(has|have|had)\s(?=[a-z]+ed\b|been\b|made\b|taken\b|seen\b|given\b)/, (m, aux) => `${aux} not `],
];

function changeNegation(s) {
  for (const [re, f] of NEGATE) {
    const m = re.exec(s);
    if (!m) continue;
    // Inside a quotation or a question the change is still a change, but keep to plain statements.
    return { text: s.slice(0, m.index) + m[0].replace(re, f) + s.slice(m.index + m[0].length), from: m[0], to: m[0].replace(re, f) };
  }
  return null;
}

function changeAntonym(s, rnd) {
  const hits = [...s.matchAll(/\b[a-z]+\b/g)].filter((m) => OPPOSITE.has(m[0]));
  if (!hits.length) return null;
  const m = hits[Math.floor(rnd() * hits.length)];
  const to = OPPOSITE.get(m[0]);
  return { text: s.slice(0, m.index) + to + s.slice(m.index + m[0].length), from: m[0], to };
}

function changeNumber(s, rnd) {
  const hits = [...s.matchAll(/(?<![\w.,\/:-])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\w\/:]|[.,]\d)/g)].filter((m) => {
    const n = Number(m[1].replace(/,/g, ''));
    if (!m[2] && n >= 1900 && n <= 2100) return false; // a year
    if (new RegExp(`${MONTH_RE}\\s*$`).test(s.slice(0, m.index))) return false; // a day of a date
    return n > 0;
  });
  if (!hits.length) return null;
  const m = hits[Math.floor(rnd() * hits.length)];
  const n = Number(m[1].replace(/,/g, ''));
  let to = Math.max(1, Math.round(n * (rnd() < 0.5 ? 0.5 + rnd() * 0.3 : 1.3 + rnd() * 0.9)));
  if (to === n) to = n + 1 + Math.floor(rnd() * 5);
  const text = m[1].includes(',') ? to.toLocaleString('en-US') : String(to);
  return { text: s.slice(0, m.index) + text + (m[2] ?? '') + s.slice(m.index + m[0].length), from: m[0], to: text + (m[2] ?? '') };
}

function changeDate(s, rnd) {
  const day = new RegExp(`\\b(${MONTH_RE})\\s(\\d{1,2})\\b`).exec(s);
  if (day) {
    let d = Number(day[2]);
    d = d > 20 ? d - 1 - Math.floor(rnd() * 9) : d + 1 + Math.floor(rnd() * 7);
    const to = `${day[1]} ${d}`;
    return { text: s.slice(0, day.index) + to + s.slice(day.index + day[0].length), from: day[0], to };
  }
  const my = new RegExp(`\\b(${MONTHS.join('|')})(\\s(?:of\\s)?(?:19|20)\\d\\d)\\b`).exec(s);
  if (my) {
    const other = MONTHS[(MONTHS.indexOf(my[1]) + 1 + Math.floor(rnd() * 10)) % 12];
    return { text: s.slice(0, my.index) + other + my[2] + s.slice(my.index + my[0].length), from: my[0], to: other + my[2] };
  }
  const year = /\b(in|since|until|by|from)\s((?:19|20)\d\d)\b/.exec(s);
  if (year) {
    const to = `${year[1]} ${Number(year[2]) + (rnd() < 0.5 ? -1 : 1) * (1 + Math.floor(rnd() * 3))}`;
    return { text: s.slice(0, year.index) + to + s.slice(year.index + year[0].length), from: year[0], to };
  }
  return null;
}

const NAME = /(?<=[a-z,] )(?:[A-Z][a-z]+(?: [A-Z][a-z]+){0,2})(?=[ ,.'’])/g;
const NOT_A_NAME = new Set([...MONTHS, 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'I', 'The', 'But', 'And', 'In', 'He', 'She', 'It', 'They', 'We']);

function changeEntity(s, rnd, pool) {
  const hits = [...s.matchAll(NAME)].filter((m) => !NOT_A_NAME.has(m[0].split(' ')[0]));
  if (!hits.length) return null;
  const m = hits[Math.floor(rnd() * hits.length)];
  const n = m[0].split(' ').length;
  const candidates = pool.filter((p) => p.split(' ').length === n && p !== m[0] && !s.includes(p));
  if (!candidates.length) return null;
  const to = candidates[Math.floor(rnd() * candidates.length)];
  return { text: s.slice(0, m.index) + to + s.slice(m.index + m[0].length), from: m[0], to };
}

const CHANGES = { number: changeNumber, date: changeDate, negation: changeNegation, antonym: changeAntonym, entity: changeEntity };
export const KINDS = Object.keys(CHANGES);

// ---------- light paraphrase: same facts, other words (what must NOT be reported) ----------

const SMALL = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
const SAME_MEANING = [
  [/\bsaid\b/, 'stated'], [/\babout\b/, 'around'], [/\balso\b /, ''], [/\bbegan\b/, 'started'], [/\bbuy\b/, 'purchase'],
  [/\bhelp\b/, 'assist'], [/\brose\b/, 'increased'], [/\bfell\b/, 'declined'], [/\bshow\b/, 'indicate'], [/\bbig\b/, 'large'],
  [/\bquickly\b/, 'rapidly'], [/\bvery\b /, ''], [/\bmany\b/, 'numerous'], [/\bnearly\b/, 'almost'], [/\bcity\b/, 'town'],
];

function paraphrase(s, rnd) {
  let t = s;
  const tries = [
    () => t.replace(/(\d+(?:\.\d+)?)%/, (m, n) => `${n} percent`),
    () => t.replace(/(\d+(?:\.\d+)?) percent\b/, (m, n) => `${n}%`),
    () => t.replace(/(?<![\d,.$])\b([2-9])\b(?![\d,.%:-])(?= [a-z])/, (m, n) => SMALL[Number(n)]),
    () => t.replace(/\$(\d+)\.(\d) billion\b/, (m, a, b) => `${Number(a) * 1000 + Number(b) * 100} million dollars`),
    () => t.replace(new RegExp(`\\b(${MONTHS.join('|')}) (\\d{1,2})(?:, ((?:19|20)\\d\\d))?\\b`), (m, mo, d, y) => `${d} ${mo}${y ? ` ${y}` : ''}`),
    () => {
      const [re, to] = SAME_MEANING[Math.floor(rnd() * SAME_MEANING.length)];
      return t.replace(re, to);
    },
  ];
  const n = 1 + Math.floor(rnd() * 2);
  for (let k = 0; k < n; k++) t = tries[Math.floor(rnd() * tries.length)]();
  return t;
}

// ---------- the test set ----------

function loadPages(set) {
  return readFileSync(SETS[set], 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l))
    .map((p) => ({ id: `${set}-${p.id}`, body: p.body }));
}

/** Names seen in the corpus, as the entity change's replacements. */
function namePool(pages) {
  const out = new Set();
  for (const p of pages) for (const m of p.body.matchAll(NAME)) if (!NOT_A_NAME.has(m[0].split(' ')[0]) && m[0].length > 3) out.add(m[0]);
  return [...out];
}

export function makeSet({ seed, count, sets }) {
  const rnd = mulberry32(seed);
  const pages = sets.flatMap(loadPages);
  const pool = namePool(pages);
  const order = pages.map((p, i) => [rnd(), i]).sort((a, b) => a[0] - b[0]).map(([, i]) => i);
  const records = pages.map((p) => ({ id: p.id, body: p.body, publishedAt: '2024-01-10' }));
  const truth = [];
  let k = 0;
  for (const idx of order) {
    if (truth.length >= count) break;
    const page = pages[idx];
    const paras = paragraphs(page.body);
    if (paras.length < 2) continue;
    // One to three consecutive paragraphs, enough of a passage for a copy to be a copy (3+ sentences).
    const want = 1 + Math.floor(rnd() * 3);
    const from = Math.floor(rnd() * Math.max(1, paras.length - want + 1));
    let carried = paras.slice(from, from + want).map((p) => [...p]);
    while (carried.flat().length < 3 && from + carried.length < paras.length) carried.push([...paras[from + carried.length]]);
    if (carried.flat().length < 3) continue;
    // The change: of the kinds the carried statements admit, the one made least often so far (balanced kinds).
    const made = Object.fromEntries(KINDS.map((x) => [x, truth.filter((t) => t.kind === x).length]));
    const kindOrder = KINDS.map((_, i) => KINDS[(k + i) % KINDS.length]).sort((a, b) => made[a] - made[b]);
    let change = null;
    for (const kind of kindOrder) {
      const spots = carried.flatMap((p, pi) => p.map((s, si) => [pi, si])).filter(([pi, si]) => words(carried[pi][si]) >= 6);
      for (let t = spots.length - 1; t > 0; t--) {
        const j = Math.floor(rnd() * (t + 1));
        [spots[t], spots[j]] = [spots[j], spots[t]];
      }
      for (const [pi, si] of spots) {
        const c = CHANGES[kind](carried[pi][si], rnd, pool);
        if (c && c.text !== carried[pi][si]) {
          change = { kind, pi, si, ...c, original: carried[pi][si] };
          break;
        }
      }
      if (change) break;
    }
    if (!change) continue;
    k++;
    // How the copy is made: paraphrase some unchanged sentences, reorder sentences or paragraphs.
    const para = carried.map((p, pi) => p.map((s, si) => (pi === change.pi && si === change.si ? s : rnd() < 0.35 ? paraphrase(s, rnd) : s)));
    const reorder = rnd();
    const build = (changed) => {
      const ps = para.map((p, pi) => p.map((s, si) => (changed && pi === change.pi && si === change.si ? change.text : s)));
      if (reorder < 0.3 && ps.length > 1) ps.reverse();
      else if (reorder < 0.6) for (const p of ps) if (p.length > 2) [p[0], p[1]] = [p[1], p[0]];
      return ps.map((p) => p.join(' ')).join('\n\n');
    };
    const copyId = `${page.id}~copy`;
    const twinId = `${page.id}~twin`;
    records.push({ id: copyId, body: build(true), publishedAt: '2024-02-01' });
    records.push({ id: twinId, body: build(false), publishedAt: '2024-02-02' });
    truth.push({ original: page.id, copy: copyId, twin: twinId, kind: change.kind, from: change.from, to: change.to, sentence: change.text, carried: carried.flat().length });
  }
  return { records, truth };
}

// ---------- scoring ----------

function evaluate({ records, truth }, verbose) {
  const dir = mkdtempSync(join(tmpdir(), 'altered-v2-'));
  try {
    const file = join(dir, 'batch.jsonl');
    writeFileSync(file, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    const run = spawnSync(process.execPath, [join(ROOT, 'dist', 'cli', 'main.js'), 'check', file, '--format', 'json', '-q', '-j', '1'], { maxBuffer: 1 << 30, encoding: 'utf8' });
    if (!run.stdout) throw new Error(run.stderr);
    const report = JSON.parse(run.stdout);
    const byId = new Map(records.map((r) => [r.id, r]));
    const family = new Map(); // article → original id
    for (const t of truth) for (const id of [t.original, t.copy, t.twin]) family.set(id, t.original);
    const contradictions = report.comparisons.filter((c) => c.type === 'contradiction');
    const related = new Set(report.comparisons.filter((c) => c.type !== 'contradiction').map((c) => [c.a.article, c.b.article].sort().join('|')));
    const perKind = Object.fromEntries(KINDS.map((k) => [k, { n: 0, found: 0, kindAgrees: 0 }]));
    let relatedFound = 0;
    let unrelatedFalse = 0;
    let unchangedFalse = 0;
    let unchangedAligned = 0;
    const misses = [];
    const falses = [];
    const used = new Set();
    for (const t of truth) {
      perKind[t.kind].n++;
      unchangedAligned += 2 * t.carried - 1; // the twin's carried sentences and the copy's other ones
      if (related.has([t.original, t.copy].sort().join('|')) || contradictions.some((c) => [c.a.article, c.b.article].sort().join('|') === [t.original, t.copy].sort().join('|'))) relatedFound++;
      const copy = byId.get(t.copy).body;
      const at = copy.indexOf(t.sentence);
      const hit = contradictions.find((c) => {
        const sides = [c.a, c.b];
        const cs = sides.find((s) => s.article === t.copy);
        const os = sides.find((s) => s.article === t.original);
        return cs && os && cs.start < at + t.sentence.length && cs.end > at;
      });
      // The twin carries the original sentence too: a contradiction copy ↔ twin on it is just as right.
      for (const c of contradictions) {
        const cs = [c.a, c.b].find((s) => s.article === t.copy);
        if (cs && cs.start < at + t.sentence.length && cs.end > at) used.add(c);
      }
      if (hit) {
        perKind[t.kind].found++;
        used.add(hit);
        const reported = hit.kind;
        const expected = { number: ['number'], date: ['date'], negation: ['negation'], antonym: ['antonym'], entity: ['entity', 'attribution', 'quote'] }[t.kind];
        if (expected.includes(reported)) perKind[t.kind].kindAgrees++;
      } else misses.push(t);
    }
    for (const c of contradictions) {
      if (used.has(c)) continue;
      const fa = family.get(c.a.article);
      const fb = family.get(c.b.article);
      if (!fa || !fb || fa !== fb) unrelatedFalse++;
      else unchangedFalse++;
      falses.push(c);
    }
    const fmt = (x) => x.toFixed(2);
    const lines = [];
    lines.push(`altered copies v2: ${truth.length} copies (+ ${truth.length} unchanged twins) in a batch of ${records.length} articles`);
    lines.push(`related found: ${relatedFound}/${truth.length}`);
    for (const k of KINDS) {
      const p = perKind[k];
      lines.push(`  ${k.padEnd(9)} recall ${p.n ? fmt(p.found / p.n) : '-'} (${p.found}/${p.n}), kind named right ${p.kindAgrees}/${p.found}`);
    }
    lines.push(`false contradictions between unrelated articles: ${unrelatedFalse}`);
    lines.push(`false contradictions on unchanged aligned sentences: ${unchangedFalse} of ${unchangedAligned} (${fmt((100 * unchangedFalse) / Math.max(1, unchangedAligned))} per 100)`);
    if (verbose) {
      for (const m of misses) lines.push(`MISS ${m.kind} ${m.copy}: “${m.from}” → “${m.to}” in: ${m.sentence.slice(0, 200)}`);
      for (const c of falses) lines.push(`FALSE ${c.kind} ${c.a.article} ↔ ${c.b.article}: ${c.message.slice(0, 300)}`);
    }
    return { lines, perKind, unrelatedFalse, unchangedFalse, unchangedAligned };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seed = Number(opt('seed', '1'));
  const count = Number(opt('count', '80'));
  const setName = opt('set', 'both');
  const sets = setName === 'both' ? ['news', 'blog'] : [setName];
  const made = makeSet({ seed, count, sets });
  const out = opt('out', null);
  if (out) {
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'batch.jsonl'), made.records.map((r) => JSON.stringify(r)).join('\n') + '\n');
    writeFileSync(join(out, 'truth.json'), JSON.stringify(made.truth, null, 2));
  }
  const { lines } = evaluate(made, args.includes('--verbose'));
  console.log(`seed ${seed}, sets ${sets.join('+')}`);
  console.log(lines.join('\n'));
}
