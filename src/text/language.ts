import { readFileSync } from 'node:fs';
import type { Sentence, Token } from '../types.js';
import { startsWithCapital } from './initial-capital.js';
import { trigramLanguage } from './trigram-language.js';

// franc guesses Scots or other small languages for short English unless it is given a short list.
export const LANGUAGES = [
  'eng', 'spa', 'fra', 'deu', 'ita', 'por', 'nld', 'rus', 'ukr', 'pol', 'ces', 'slk', 'ron', 'hun', 'swe', 'dan',
  'nob', 'fin', 'tur', 'ell', 'bul', 'srp', 'hrv', 'slv', 'lit', 'lav', 'est', 'cat', 'ind', 'vie', 'arb', 'heb',
  'pes', 'hin', 'ben', 'cmn', 'jpn', 'kor', 'tha', 'bel', 'kaz', 'uzn', 'aze', 'tgl', 'swh',
];
const MIN_LETTERS = 60;
const SAMPLE = 2500;
// Prose is preferred to tables and lists when there is enough of it: this much, or half the text.
const PROSE_ENOUGH = 600;
const PROSE_MIN_WORDS = 6;

/** The function-word profiles (rules/language-id/function-words.json): a language is a list of words. */
interface FunctionWords {
  minWords: number;
  minShare: number;
  margin: number;
  languages: Record<string, string[]>;
}

interface Profiles {
  codes: string[];
  /** word → the indices (into `codes`) of the languages listing it. */
  index: Map<string, number[]>;
  /** The keys spelt in ASCII letters, as a trie over a–z: node n's child for letter c is `next[n * 26 + c]` (0: none). */
  next: Int32Array;
  /** Per trie node, the languages of the key ending there, or null. */
  ends: (number[] | null)[];
  minWords: number;
  minShare: number;
  margin: number;
}

let profiles: Profiles | null = null;
function loadProfiles(): Profiles {
  if (profiles) return profiles;
  const data = JSON.parse(readFileSync(new URL('../../rules/language-id/function-words.json', import.meta.url), 'utf8')) as FunctionWords;
  const codes = Object.keys(data.languages);
  const index = new Map<string, number[]>();
  codes.forEach((code, i) => {
    for (const w of data.languages[code]!) {
      const key = w.toLowerCase();
      const at = index.get(key);
      if (!at) index.set(key, [i]);
      else if (!at.includes(i)) at.push(i);
    }
  });
  const ascii = [...index.keys()].filter((k) => /^[a-z]+$/.test(k));
  const size = 1 + ascii.reduce((n, k) => n + k.length, 0);
  const next = new Int32Array(size * 26);
  const ends: (number[] | null)[] = [null];
  for (const key of ascii) {
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const slot = node * 26 + key.charCodeAt(i) - 97;
      if (!next[slot]) {
        next[slot] = ends.length;
        ends.push(null);
      }
      node = next[slot]!;
    }
    ends[node] = index.get(key)!;
  }
  profiles = { codes, index, next, ends, minWords: data.minWords, minShare: data.minShare, margin: data.margin };
  return profiles;
}

/** What the detector reads besides the text: the document's sentences and tokens, to find its prose. */
export interface LanguageInput {
  sentences: readonly Sentence[];
  tokens: readonly Token[];
}

/**
 * ISO 639-3 code of the text's language, or `und` when there is too little text to tell.
 * Decided on the text's running prose (sentences of words ending in a full stop), not on its tables, lists
 * and menus, which carry names and numbers rather than the language's own words; by the share of function
 * words when that is unmistakable (the common case, and cheap); by franc's trigram statistics otherwise
 * (trigram-language.ts: franc's answer from franc's data, computed without its per-call tables).
 */
export function detectLanguage(text: string, model?: LanguageInput): string {
  const prose = model ? proseSample(model) : null;
  // Even a little prose decides when its function words are unmistakable (a results table with a few sentences).
  const quick = prose !== null ? byFunctionWords(prose) : null;
  if (quick) return quick;
  const sample = prose !== null && prose.length >= Math.min(PROSE_ENOUGH, text.length / 2) ? prose : middleSample(text);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  return (sample === prose ? null : byFunctionWords(sample)) ?? trigramLanguage(sample, LANGUAGES, MIN_LETTERS);
}

/** Sample from the middle of long texts: the start is often navigation and the end a footer. */
function middleSample(text: string): string {
  return text.length > SAMPLE ? text.slice((text.length - SAMPLE) >> 1, (text.length + SAMPLE) >> 1) : text;
}

const SENTENCE_END = /[.!?…]["'”’)\]]*$/u;

/** A sentence of running text: enough words, a final stop, on one line, not a run of capitalised names. */
function isProse(s: Sentence, tokens: readonly Token[]): boolean {
  if (s.tokenTo - s.tokenFrom < PROSE_MIN_WORDS || !SENTENCE_END.test(s.text) || s.text.includes('\n')) return false;
  let words = 0;
  let capitals = 0;
  for (let t = s.tokenFrom; t < s.tokenTo; t++) {
    const tok = tokens[t]!;
    if (tok.kind !== 'word') continue;
    if (words > 0 && startsWithCapital(tok.text)) capitals++;
    words++;
  }
  return words >= PROSE_MIN_WORDS && capitals * 2 <= words;
}

/** Up to SAMPLE characters of prose sentences, taken from the middle outwards; null when the text has none. */
function proseSample({ sentences, tokens }: LanguageInput): string | null {
  const prose: Sentence[] = sentences.filter((s) => isProse(s, tokens));
  if (!prose.length) return null;
  const total = prose.reduce((n, s) => n + s.text.length + 1, 0);
  if (total <= SAMPLE) return joinTexts(prose);
  const mid = prose.length >> 1;
  const picked: Sentence[] = [];
  let length = 0;
  for (let k = 0; length < SAMPLE && k < prose.length; k++) {
    const i = k % 2 === 0 ? mid + (k >> 1) : mid - ((k + 1) >> 1);
    const s = prose[i];
    if (!s) continue;
    picked.push(s);
    length += s.text.length + 1;
  }
  return joinTexts(picked.sort((a, b) => a.start - b.start));
}

/** The sentences' texts joined by spaces, by a loop: `map` hands `join` a packed or a holey array by which tier ran it. */
function joinTexts(sentences: readonly Sentence[]): string {
  let out = '';
  for (let i = 0; i < sentences.length; i++) out += i === 0 ? sentences[i]!.text : ` ${sentences[i]!.text}`;
  return out;
}

const LETTER_OR_MARK = /[\p{L}\p{M}]/uy;

/** The length (1 or 2 code units) of the letter or mark at `i`, or 0: the characters of `[\p{L}\p{M}]+` words. */
function letterAt(s: string, i: number, c: number): number {
  if (c < 128) return ((c | 32) >= 97 && (c | 32) <= 122) ? 1 : 0;
  LETTER_OR_MARK.lastIndex = i;
  return LETTER_OR_MARK.test(s) ? LETTER_OR_MARK.lastIndex - i : 0;
}

/** The language whose function words clearly dominate the sample, or null (undecided: franc decides). */
function byFunctionWords(sample: string): string | null {
  const p = loadProfiles();
  const hits = new Array<number>(p.codes.length).fill(0);
  // Words are the runs of letters and marks (`[\p{L}\p{M}]+`), read in one pass: an ASCII word is
  // lower-cased and looked up letter by letter in the trie (no string made), any other is lower-cased
  // and looked up whole.
  let words = 0;
  const n = sample.length;
  for (let i = 0; i < n; ) {
    const c = sample.charCodeAt(i);
    let len = letterAt(sample, i, c);
    if (!len) {
      i++;
      continue;
    }
    words++;
    const start = i;
    let node = 0;
    let ascii = true;
    do {
      const d = sample.charCodeAt(i);
      if (d < 128) {
        if (node >= 0) node = p.next[node * 26 + (d | 32) - 97]! || -1;
      } else ascii = false;
      i += len;
    } while (i < n && (len = letterAt(sample, i, sample.charCodeAt(i))) > 0);
    const langs = ascii ? (node > 0 ? p.ends[node] : null) : p.index.get(sample.slice(start, i).toLowerCase());
    if (langs) for (const k of langs) hits[k]!++;
  }
  if (words < p.minWords) return null;
  let best = 0;
  for (let i = 1; i < hits.length; i++) if (hits[i]! > hits[best]!) best = i;
  const second = Math.max(0, ...hits.filter((_, i) => i !== best));
  if (hits[best]! < p.minShare * words || hits[best]! < p.margin * second) return null;
  return p.codes[best]!;
}
