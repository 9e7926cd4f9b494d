import { readFileSync } from 'node:fs';
import { franc } from 'franc';
import type { Sentence, Token } from '../types.js';
import { startsWithCapital } from './initial-capital.js';

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
  profiles = { codes, index, minWords: data.minWords, minShare: data.minShare, margin: data.margin };
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
 * words when that is unmistakable (the common case, and cheap); by franc's trigram statistics otherwise.
 */
export function detectLanguage(text: string, model?: LanguageInput): string {
  const prose = model ? proseSample(model) : null;
  // Even a little prose decides when its function words are unmistakable (a results table with a few sentences).
  const quick = prose !== null ? byFunctionWords(prose) : null;
  if (quick) return quick;
  const sample = prose !== null && prose.length >= Math.min(PROSE_ENOUGH, text.length / 2) ? prose : middleSample(text);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  return (sample === prose ? null : byFunctionWords(sample)) ?? franc(sample, { only: LANGUAGES, minLength: MIN_LETTERS });
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
  if (total <= SAMPLE) return prose.map((s) => s.text).join(' ');
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
  return picked
    .sort((a, b) => a.start - b.start)
    .map((s) => s.text)
    .join(' ');
}

const WORD = /[\p{L}\p{M}]+/gu;

/** The language whose function words clearly dominate the sample, or null (undecided: franc decides). */
function byFunctionWords(sample: string): string | null {
  const p = loadProfiles();
  const hits = new Array<number>(p.codes.length).fill(0);
  let words = 0;
  for (const m of sample.matchAll(WORD)) {
    words++;
    const langs = p.index.get(m[0].toLowerCase());
    if (langs) for (const i of langs) hits[i]!++;
  }
  if (words < p.minWords) return null;
  let best = 0;
  for (let i = 1; i < hits.length; i++) if (hits[i]! > hits[best]!) best = i;
  const second = Math.max(0, ...hits.filter((_, i) => i !== best));
  if (hits[best]! < p.minShare * words || hits[best]! < p.margin * second) return null;
  return p.codes[best]!;
}
