// Development-time generator of spins that no list holds, from the defect definition: an established multiword
// term found in a clean news body gets ONE word swapped for a single-word WordNet synonym, as a synonym spinner
// does it (any sense of the word: spinners do not disambiguate). It is deliberately independent of the
// detector's filters (scripts/build-spun-collocations.mjs): it uses neither Brown, nlp-corpus nor productivity.
// A variant is left out when it is in a published list (the screener's fingerprints, rules/tortured-phrases.json,
// rules/synonym-swaps.json), is itself a WordNet lemma (a real term, not a spin), or only respells the word.
// Terms are split by a hash of the term (dev / test), so filters tuned on dev are measured on test.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SHARED } from './clean-corpus.mjs';
import { properLemmas, wordnet } from './wordnet.mjs';

const singular = (w) => (/[^aeiou]ies$/.test(w) ? `${w.slice(0, -3)}y` : /(?:ss|sh|ch|x|z)es$/.test(w) ? w.slice(0, -2) : /[^su]s$/.test(w) ? w.slice(0, -1) : w);
const FUNCTION_WORDS = new Set('of and the a an for to in on at by with or as up out off over down into'.split(' '));

/** FNV-1a of the term: a stable split that does not depend on the corpus or the seed. */
export function splitOf(term) {
  let h = 0x811c9dc5;
  for (let i = 0; i < term.length; i++) h = Math.imul(h ^ term.charCodeAt(i), 0x01000193) >>> 0;
  return h % 2 === 0 ? 'dev' : 'test';
}

function listedVariants() {
  const out = new Set();
  const add = (p) => {
    const ws = p.toLowerCase().trim().split(/\s+/);
    ws[ws.length - 1] = singular(ws[ws.length - 1]);
    out.add(ws.join(' '));
  };
  for (const pack of ['tortured-phrases.json', 'synonym-swaps.json']) {
    for (const rule of JSON.parse(readFileSync(join(ROOT, 'rules', pack), 'utf8')).rules) for (const p of rule.options?.phrases ?? []) add(p.phrase);
  }
  const csv = readFileSync(join(SHARED, 'corpus', 'tortured-phrases', 'pps-fingerprints.csv'), 'utf8').split('\n').slice(1);
  for (const l of csv) {
    const fp = /^"((?:[^"]|"")*)"/.exec(l)?.[1]?.replace(/""/g, '"');
    if (fp) add(fp.split(/\s+(?:AND|NOT)\s+/)[0].replace(/"/g, ''));
  }
  return out;
}

/**
 * The material for the generator: established terms (WordNet noun compounds of 2-3 lower-case words) and, for
 * each, its spun variants with the swapped position. `pos` picks the synonym senses: 'role' (noun/adjective
 * senses, as the word plays in a compound) or 'any' (verb and adverb senses too: "train" → "educate").
 */
export function spinMaterial(pos = 'role') {
  const { synsets, lemmas } = wordnet();
  const proper = properLemmas();
  const listed = listedVariants();
  const allLemmas = new Set();
  for (const map of Object.values(lemmas)) for (const w of map.keys()) allLemmas.add(w.replace(/_/g, ' '));
  const syn = (word, parts) => {
    const out = new Set();
    for (const p of parts) for (const key of lemmas[p].get(word) ?? []) for (const w of synsets.get(key).words) if (/^[a-z]+$/.test(w) && w !== word) out.add(w);
    return [...out].sort();
  };
  const terms = new Map(); // term → [{ variant, at }]
  for (const w of lemmas.n.keys()) {
    if (!w.includes('_')) continue;
    const term = w.replace(/_/g, ' ');
    const words = term.split(' ');
    if (proper.has(term) || words.length > 3 || !words.every((x) => /^[a-z]{2,}$/.test(x)) || words.some((x) => FUNCTION_WORDS.has(x))) continue;
    const variants = [];
    words.forEach((word, i) => {
      const head = i === words.length - 1;
      const parts = pos === 'any' ? ['n', 'a', 'v', 'r'] : head ? ['n'] : ['n', 'a'];
      for (const alt of syn(word, parts)) {
        if (words.includes(alt) || alt.slice(0, 4) === word.slice(0, 4) || alt.includes(word) || word.includes(alt)) continue;
        const variant = [...words.slice(0, i), alt, ...words.slice(i + 1)].join(' ');
        if (allLemmas.has(variant) || listed.has(variant)) continue;
        variants.push({ variant, at: i, head });
      }
    });
    if (variants.length) terms.set(term, variants);
  }
  return terms;
}

/** Occurrences of the material's terms in a body: [{ term, start, end, text }] (last word may be plural). */
export function termsIn(body, terms) {
  const toks = [...body.matchAll(/\p{L}+/gu)].map((m) => ({ w: m[0].toLowerCase(), start: m.index, end: m.index + m[0].length }));
  const out = [];
  for (let i = 0; i < toks.length; i++) {
    for (let n = 3; n >= 2; n--) {
      if (i + n > toks.length) continue;
      const run = toks.slice(i, i + n);
      if (run.some((t, k) => k > 0 && !/^ +$/.test(body.slice(run[k - 1].end, t.start)))) continue;
      const key = [...run.slice(0, -1).map((t) => t.w), singular(run[n - 1].w)].join(' ');
      if (terms.has(key)) {
        out.push({ term: key, start: run[0].start, end: run[n - 1].end, text: body.slice(run[0].start, run[n - 1].end), plural: run[n - 1].w !== singular(run[n - 1].w) });
        i += n - 1;
        break;
      }
    }
  }
  return out;
}

/** The variant written as the occurrence was: plural kept, capitalisation style kept ("Climate Change" → "Climate Alteration"). */
export function spell(variant, occurrence) {
  let v = variant;
  if (occurrence.plural) v = /(?:s|sh|ch|x|z)$/.test(v) ? `${v}es` : /[^aeiou]y$/.test(v) ? `${v.slice(0, -1)}ies` : `${v}s`;
  const t = occurrence.text;
  if (t === t.toUpperCase()) return v.toUpperCase();
  if (t.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) return v.replace(/(^|\s)(\p{L})/gu, (_, a, b) => a + b.toUpperCase());
  if (/^\p{Lu}/u.test(t)) return v.charAt(0).toUpperCase() + v.slice(1);
  return v;
}
