import type { Doc } from '../text/doc.js';
import type { Token } from '../types.js';
import { STOPWORDS } from './stopwords.js';

/** A named entity as the comparison needs it: a normalised key, where it is, and the word before it (its role). */
export interface Entity {
  /** Lower case, possessive and leading titles removed: "President Alexander Lukashenko’s" → "alexander lukashenko". */
  key: string;
  start: number;
  end: number;
  /** The lower-cased word just before the name ("in", "by", "president"...): same word, same role. */
  before: string;
}

// Capitalised words that are not names on their own: months and days are dates, titles are roles.
const NOT_NAMES = new Set(
  `january february march april may june july august september october november december monday tuesday wednesday
thursday friday saturday sunday i`.split(/\s+/),
);
const TITLES = new Set(
  `president prime minister mr mrs ms dr sir lord lady king queen prince princess pope chancellor governor senator
sen rep gen general secretary ambassador minister chief ceo chairman chairwoman director judge justice mayor the
former acting deputy vice foreign state`.split(/\s+/),
);
// Lower-case words allowed inside a name: "Bank of England", "Leonardo da Vinci".
const CONNECTORS = new Set(['of', 'de', 'da', 'del', 'von', 'van', 'la', 'le', 'du']);

const CAPITALISED = /^[\p{Lu}][\p{L}\p{M}'’.\-]*$/u;

/** CAPITALISED.test(text), without the expression for words opening with an ASCII character other than A-Z (most words). */
export function capitalised(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128 && (c < 65 || c > 90)) return false;
  if (c >= 128) return CAPITALISED.test(text);
  // A-Z first: the rest is answered here while it stays ASCII (letters, ' . -) or ’; anything else asks the expression.
  for (let i = 1; i < text.length; i++) {
    const d = text.charCodeAt(i);
    if ((d >= 97 && d <= 122) || (d >= 65 && d <= 90) || d === 39 || d === 46 || d === 45 || d === 0x2019) continue;
    if (d < 128) return false;
    return CAPITALISED.test(text);
  }
  return true;
}

/** Per token of the article: 1 for a word written capitalised (capitalised(text)), else 0; computed once per article. */
function capitalTokens(doc: Doc): Uint8Array {
  return doc.memo('facts:capital-tokens', () => {
    const tokens = doc.tokens;
    const out = new Uint8Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.kind === 'word' && capitalised(t.text)) out[i] = 1;
    }
    return out;
  });
}

/** Words the article writes capitalised somewhere mid-sentence: a capitalised first word is a name only if it is one of these. */
function midSentenceCaps(doc: Doc): Set<string> {
  return doc.memo('facts:mid-caps', () => {
    const caps = capitalTokens(doc);
    const out = new Set<string>();
    for (const s of doc.sentences) {
      for (let i = s.tokenFrom + 1; i < s.tokenTo; i++) {
        if (caps[i] === 1 && !opensClause(doc.tokens, i, s.tokenFrom)) out.add(doc.tokens[i]!.norm);
      }
    }
    return out;
  });
}

export function entityKey(words: string[]): string {
  let from = 0;
  while (from < words.length - 1 && TITLES.has(words[from]!)) from++;
  return words
    .slice(from)
    .join(' ')
    .replace(/['’]s$/u, '')
    .replace(/['’]$/u, '');
}

const isApostrophe = (c: number): boolean => c === 39 || c === 0x2019;

/** Ends with a possessive: /['’]s$/u.test(text). */
const possessive = (text: string): boolean => text.length >= 2 && text.charCodeAt(text.length - 1) === 115 && isApostrophe(text.charCodeAt(text.length - 2));

/** entityKey of the norms of tokens[from, to), without the intermediate array and expressions. */
function keyOf(tokens: readonly Token[], from: number, to: number): string {
  while (from < to - 1 && TITLES.has(tokens[from]!.norm)) from++;
  let key = tokens[from]!.norm;
  for (let k = from + 1; k < to; k++) key += ' ' + tokens[k]!.norm;
  if (possessive(key)) key = key.slice(0, -2);
  if (key.length > 0 && isApostrophe(key.charCodeAt(key.length - 1))) key = key.slice(0, -1);
  return key;
}

/** A word at the start of a sentence, list item, table cell or quotation: capitalised there whatever it is. */
function opensClause(tokens: readonly Token[], i: number, from: number): boolean {
  if (i === from) return true;
  const prev = tokens[i - 1]!;
  if (prev.kind === 'word' || prev.kind === 'number' || prev.text === ',') return false;
  // A closing quote after a comma continues the sentence: “…as well,” Arroyo added.
  return !(isQuoteMark(prev.text) && i - 2 >= from && tokens[i - 2]!.text === ',');
}

/** /^["'”’]$/u.test(text). */
function isQuoteMark(text: string): boolean {
  if (text.length !== 1) return false;
  const c = text.charCodeAt(0);
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019;
}

/** Capitalised name sequences of one sentence, in order. */
export function sentenceEntities(doc: Doc, sentence: number): Entity[] {
  const s = doc.sentences[sentence]!;
  const caps = midSentenceCaps(doc);
  const capital = capitalTokens(doc);
  const out: Entity[] = [];
  const tokens = doc.tokens;
  const from = s.tokenFrom;
  const to = s.tokenTo;
  // tokens[at] is a word of a name: capitalised, no month or day, and not capitalised only for opening a clause.
  const isCap = (at: number): boolean => capital[at] === 1 && !NOT_NAMES.has(tokens[at]!.norm) && (!opensClause(tokens, at, from) || caps.has(tokens[at]!.norm));
  let i = from;
  while (i < to) {
    if (!isCap(i)) {
      i++;
      continue;
    }
    const t = tokens[i]!;
    let j = i + 1;
    for (;;) {
      // A possessive ends a name: "Kazakhstan’s Ambassador" is two.
      if (possessive(tokens[j - 1]!.text)) break;
      if (j < to && isCap(j) && tokens[j]!.start - tokens[j - 1]!.end <= 1) j++;
      else if (j + 1 < to && CONNECTORS.has(tokens[j]!.norm) && isCap(j + 1)) j += 2;
      else break;
    }
    // A lone capitalised first word ("Despite", "Officials") is a name only if the article capitalises it elsewhere.
    const lone = j - i === 1 && opensClause(tokens, i, from) && !caps.has(t.norm);
    if (lone) {
      i = j;
      continue;
    }
    const key = keyOf(tokens, i, j);
    if (key && !STOPWORDS.has(key) && !TITLES.has(key)) {
      const prev = i > from ? tokens[i - 1]! : null;
      out.push({ key, start: t.start, end: tokens[j - 1]!.end, before: prev && prev.kind === 'word' ? prev.norm : '' });
    }
    i = j;
  }
  return out;
}

/** True when two entity keys name the same thing: equal, or one's words all occur in the other ("lukashenko" ⊂ "alexander lukashenko"). */
const wordsOf = new Map<string, string[]>();
function splitKey(k: string): string[] {
  let w = wordsOf.get(k);
  if (!w) {
    w = k.split(' ');
    if (wordsOf.size > 100_000) wordsOf.clear();
    wordsOf.set(k, w);
  }
  return w;
}

export function sameEntity(a: string, b: string): boolean {
  if (a === b) return true;
  const wa = splitKey(a);
  const wb = splitKey(b);
  const [short, long] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (short.length === long.length) return false;
  return short.every((w) => long.includes(w));
}
