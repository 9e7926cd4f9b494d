import { STOPWORDS } from './stopwords.js';
import { lastWordBefore, notStopword } from './word-before.js';
import { isDigitCode } from '../text/digit-code.js';

/** A number as stated, with its scale and unit resolved: "$6 million" → 6e6 USD, "44 percent" → 44 percent. */
export interface Quantity {
  value: number;
  /** The smallest step the writer's precision implies ("6.5 billion" → 1e8): a rounded restatement is not a contradiction. */
  step: number;
  /** Currency code, "percent", "points", or the counted noun ("people", "troops"); "" when none. */
  unit: string;
  /** The nearest content word before the number: tells two numbers of the same unit apart. */
  before: string;
  start: number;
  end: number;
  text: string;
}

const SCALES: Record<string, number> = {
  thousand: 1e3, k: 1e3, million: 1e6, mn: 1e6, m: 1e6, mln: 1e6, billion: 1e9, bn: 1e9, b: 1e9, trillion: 1e12, tn: 1e12,
};
const CURRENCY_SYMBOLS: Record<string, string> = { $: 'USD', 'US$': 'USD', '€': 'EUR', '£': 'GBP', '¥': 'JPY' };
const CURRENCY_WORDS: Record<string, string> = {
  dollar: 'USD', dollars: 'USD', usd: 'USD', euro: 'EUR', euros: 'EUR', eur: 'EUR', pound: 'GBP', pounds: 'GBP', gbp: 'GBP',
  yen: 'JPY', yuan: 'CNY', rubles: 'RUB', roubles: 'RUB', rupees: 'INR',
};

export const NUMBER =
  /(?<cur>US\$|[$€£¥])?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<scale>thousand|million|billion|trillion|mln|mn|bn|tn|[mkb])\b)?(?:\s?(?<pct>%|percent\b|per cent\b|percentage points?\b))?(?:\s(?<word>[\p{L}][\p{L}\-]*))?/gu;

const HAS_DIGIT = /\d/;
// NUMBER anchored where it is tried (nextNumber), and the tests on what follows a figure, anchored there instead of
// run on a slice of the rest of the sentence: `^` of the slice is the anchored position, and `\b` after "st" reads
// the same characters.
const NUMBER_AT = new RegExp(NUMBER.source, 'uy');
export const TIME_OR_ORDINAL = /[:\/]\d|(?:st|nd|rd|th)\b/y;
export const GLUED_UNIT = /-?([\p{L}]+)/uy;

/** Can a match start with this character before its figure: U (of US$), $, or anything not ASCII or a control or space (€ £ ¥ and Unicode white space). */
const mayLeadNumber = (c: number): boolean => c <= 32 || c === 36 || c === 85 || c >= 127;

/**
 * NUMBER.exec(text) with NUMBER.lastIndex = from, without trying the expression at every character: a match has its
 * figure within four characters of its start (an optional "US$" or symbol and one space come first), so it can
 * only start from four characters before a digit (`\d` is ASCII); positions further from the next digit are passed.
 */
export function nextNumber(text: string, from: number): RegExpExecArray | null {
  let d = from;
  for (;;) {
    while (d < text.length && !isDigitCode(text.charCodeAt(d))) d++;
    if (d >= text.length) return null;
    for (let p = Math.max(from, d - 4); p <= d; p++) {
      // Before the digit a match starts with "US$", a currency symbol or white space: skip a letter without trying.
      if (p < d && !mayLeadNumber(text.charCodeAt(p))) continue;
      NUMBER_AT.lastIndex = p;
      const m = NUMBER_AT.exec(text);
      if (m !== null) return m;
    }
    from = ++d;
  }
}

/**
 * Quantities in one sentence (offsets into the body). Skips what is not a measured amount: years and
 * day numbers (dates cover them), times, ordinals, and model numbers glued to names ("Boeing 737", "COVID-19").
 */
export function sentenceQuantities(text: string, offset: number, skip: ReadonlyArray<{ start: number; end: number }>): Quantity[] {
  const out: Quantity[] = [];
  if (!HAS_DIGIT.test(text)) return out; // every amount has a figure
  let m: RegExpExecArray | null;
  for (let from = 0; (m = nextNumber(text, from)) !== null; ) {
    from = m.index + m[0].length;
    const g = m.groups!;
    const numAt = m.index + m[0].indexOf(g.num!);
    const start = offset + m.index;
    const glued = text.slice(Math.max(0, numAt - 1), numAt);
    if (/[\p{L}\-:\/.#]$/u.test(glued) && !g.cur) continue; // COVID-19, 10:30, v2, #5
    TIME_OR_ORDINAL.lastIndex = numAt + g.num!.length;
    if (TIME_OR_ORDINAL.test(text)) continue;
    if (skip.some((s) => s.start < offset + numAt + g.num!.length && s.end > offset + numAt)) continue;
    const prevWord = wordBeforeSpace(text, numAt);
    if (!g.cur && /^\p{Lu}/u.test(prevWord) && !STOPWORDS.has(prevWord.toLowerCase()) && !g.scale && !g.pct) continue; // Boeing 737, Article 5
    const raw = g.num!.replace(/,/g, '');
    const base = Number(raw);
    if (!Number.isFinite(base)) continue;
    const scale = g.scale ? SCALES[g.scale.toLowerCase()]! : 1;
    if (!g.cur && !g.scale && !g.pct && /^(?:1[89]|20)\d\d$/.test(raw)) continue; // a year
    const decimals = raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0;
    let unit = g.cur ? CURRENCY_SYMBOLS[g.cur]! : '';
    // A unit glued to the figure: "64GB", "22-inch".
    let gluedUnit: string | undefined;
    if (!g.scale && !g.pct) {
      GLUED_UNIT.lastIndex = numAt + g.num!.length;
      gluedUnit = GLUED_UNIT.exec(text)?.[1];
    }
    let end = m.index + m[0].length - (g.word ? g.word.length + 1 : 0);
    const word = g.word?.toLowerCase() ?? '';
    if (g.pct) unit = g.pct.startsWith('percentage') ? 'points' : 'percent';
    else if (gluedUnit) unit = unit || gluedUnit.toLowerCase().replace(/s$/, '');
    else if (CURRENCY_WORDS[word]) {
      unit = unit || CURRENCY_WORDS[word]!;
      end += word.length + 1;
    } else if (!unit && word && !STOPWORDS.has(word)) {
      unit = word.replace(/s$/, ''); // the counted noun: "1,200 troops"
      end += word.length + 1;
    }
    from = Math.min(from, end); // the word may open the next amount ("5 to 7 million")
    const value = base * scale;
    // A whole number with three or more significant digits and trailing zeros ("13,600") is itself rounded.
    const digits = raw.replace(/\./, '');
    const zeros = decimals ? 0 : (/0+$/.exec(digits)?.[0].length ?? 0);
    const rounded = zeros > 0 && digits.length - zeros >= 3 ? zeros : 0;
    const step = Math.pow(10, rounded - decimals) * scale;
    out.push({ value, step, unit, before: lastContentWord(text, m.index), start, end: offset + end, text: text.slice(m.index, end).trim() });
  }
  return out;
}

const SPACE = /\s/u;
const LETTER = /\p{L}/u;

/**
 * What `/([\p{L}]+)\s+$/u` captures on text.slice(0, at), read backwards from `at` instead of trying the
 * expression at every character of the prefix: the letters just before the white space that ends the prefix.
 */
function wordBeforeSpace(text: string, at: number): string {
  let i = at;
  while (i > 0 && SPACE.test(text[i - 1]!)) i--; // white space is all in the BMP
  if (i === at) return '';
  const end = i;
  while (i > 0) {
    const c = text.charCodeAt(i - 1);
    // A letter outside the BMP is a surrogate pair: test the code point.
    const width = c >= 0xdc00 && c <= 0xdfff && i > 1 && text.charCodeAt(i - 2) >= 0xd800 && text.charCodeAt(i - 2) <= 0xdbff ? 2 : 1;
    if (!LETTER.test(text.slice(i - width, i))) break;
    i -= width;
  }
  return text.slice(i, end);
}

const WORDS = /[\p{L}]+/gu;

/**
 * The last of the four words before `at` that is not a stopword ("" when none). Lower-cased as the prefix is, but
 * only from a space far enough back to hold four words: lower-casing never looks across a space (final sigma).
 */
export function lastContentWord(text: string, at: number): string {
  // The same words as the plain reading: the window there starts at a space or at 0, so its last four runs are the
  // last four runs before `at`.
  return lastWordBefore(text, 0, at, 4, notStopword) ?? lastContentWordPlain(text, at);
}

/** lastContentWord as the expression reads it: the reference of the fast path, and its reading of other text. */
export function lastContentWordPlain(text: string, at: number): string {
  let words: string[] = [];
  for (let size = 80; ; size *= 4) {
    let from = Math.max(0, at - size);
    if (from > 0) {
      const space = text.indexOf(' ', from);
      from = space < 0 || space >= at ? at : space + 1;
    }
    words = text.slice(from, at).toLowerCase().match(WORDS) ?? [];
    if (words.length >= 4 || at - size <= 0) break;
  }
  for (let i = words.length - 1; i >= 0 && i >= words.length - 4; i--) if (!STOPWORDS.has(words[i]!)) return words[i]!;
  return '';
}

/** True when two stated amounts can be the same figure, allowing for rounding ("6.48 billion" and "6.5 billion"). */
export function sameAmount(a: Pick<Quantity, 'value' | 'step'>, b: Pick<Quantity, 'value' | 'step'>): boolean {
  const step = Math.max(a.step, b.step);
  return Math.abs(a.value - b.value) < step / 2 - 1e-9 * Math.max(Math.abs(a.value), 1) || a.value === b.value;
}
