// The article's content-word stems as small numbers: what contentWords(doc) lists as strings (per sentence, and all
// of them in order), with one dense number per distinct stem in the article. Why: redundant-text counts distinct
// stems and restated-sentence intersects sentences' stem sets; with numbers both are array reads and marks instead
// of Sets of strings, hashed again for every set built. Shared by both rules through doc.memo.
//
// A word's stem is found once per vocabulary id (a VocabIndex over a thread-wide table of stems, bounded by the
// vocabulary's limit); a word without a vocabulary id is looked up by its stem's text, after every word with an id
// has been read, so one stem never gets two numbers.

import { stem, STOPWORDS } from '../text/content-words.js';
import type { Doc } from '../text/doc.js';
import { NO_ID, VocabIndex } from '../text/vocabulary.js';

export interface ContentStems {
  /** Per content-word token, in text order (contentWords(doc).all), its stem's number in 0..size-1. */
  all: Int32Array;
  /** Sentence s's content words are all[sentenceFrom[s] .. sentenceFrom[s + 1] - 1] (contentWords(doc).bySentence[s]). */
  sentenceFrom: Int32Array;
  /** Distinct stems in the article. */
  size: number;
}

/** Stem text → thread-wide number, for stems of words with a vocabulary id. */
const STEM_NUMBER = new Map<string, number>();

/** Per vocabulary id: its stem's thread-wide number, or -1 for a word that is no content word. */
const STEM_OF_WORD = new VocabIndex((norm) => {
  if (!isContentWord(norm)) return -1;
  const s = stem(norm);
  let n = STEM_NUMBER.get(s);
  if (n === undefined) STEM_NUMBER.set(s, (n = STEM_NUMBER.size));
  return n;
});

/** contentWords' test of a word token's normalised form (the token being a word). */
export function isContentWord(norm: string): boolean {
  return norm.length >= 3 && !STOPWORDS.has(norm) && /^\p{L}/u.test(norm);
}

// Thread-wide number → the article's number, valid where `seen` holds the article's stamp.
let seen = new Int32Array(1024);
let local = new Int32Array(1024);
let stampNow = 0;

/** The article's content stems, computed once per article. */
export function contentStems(doc: Doc): ContentStems {
  return doc.memo('content-stems', computeContentStems);
}

export function computeContentStems(doc: Doc): ContentStems {
  if (++stampNow === 0x7fffffff) {
    seen.fill(0);
    stampNow = 1;
  }
  const stamp = stampNow;
  const { tokens, sentences } = doc;
  const all = new Int32Array(tokens.length);
  let count = 0;
  const sentenceFrom = new Int32Array(sentences.length + 1);
  let size = 0;
  // Words without a vocabulary id: position in `all`, and stem text.
  let deferred: Array<[number, string]> | null = null;
  let sentence = 0;
  for (const t of tokens) {
    if (t.kind !== 'word') continue;
    let g: number;
    if (t.vocabId === NO_ID) {
      if (!isContentWord(t.norm)) continue;
      g = -1;
      (deferred ??= []).push([count, stem(t.norm)]);
    } else if ((g = STEM_OF_WORD.get(t.vocabId, t.norm)) < 0) continue;
    while (sentence < t.sentence) sentenceFrom[++sentence] = count;
    if (g < 0) {
      all[count++] = -1;
      continue;
    }
    if (g >= seen.length) grow(g);
    if (seen[g] !== stamp) {
      seen[g] = stamp;
      local[g] = size++;
    }
    all[count++] = local[g]!;
  }
  while (sentence < sentences.length) sentenceFrom[++sentence] = count;
  if (deferred) {
    const others = new Map<string, number>();
    for (const [at, s] of deferred) {
      const g = STEM_NUMBER.get(s);
      if (g === undefined) {
        let n = others.get(s);
        if (n === undefined) others.set(s, (n = size++));
        all[at] = n;
        continue;
      }
      if (g >= seen.length) grow(g);
      if (seen[g] !== stamp) {
        seen[g] = stamp;
        local[g] = size++;
      }
      all[at] = local[g]!;
    }
  }
  return { all: all.slice(0, count), sentenceFrom, size };
}

function grow(g: number): void {
  seen = grownTo(seen, g);
  local = grownTo(local, g);
}

/** `a`, or a copy of it doubled until `index` fits (for tables indexed by vocabulary id or stem number). */
export function grownTo(a: Int32Array<ArrayBuffer>, index: number): Int32Array<ArrayBuffer> {
  if (index < a.length) return a;
  let n = a.length;
  while (n <= index) n *= 2;
  const out = new Int32Array(n);
  out.set(a);
  return out;
}
