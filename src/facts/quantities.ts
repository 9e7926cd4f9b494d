import { STOPWORDS } from './stopwords.js';

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

const NUMBER =
  /(?<cur>US\$|[$€£¥])?\s?(?<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?:\s?(?<scale>thousand|million|billion|trillion|mln|mn|bn|tn|[mkb])\b)?(?:\s?(?<pct>%|percent\b|per cent\b|percentage points?\b))?(?:\s(?<word>[\p{L}][\p{L}\-]*))?/gu;

/**
 * Quantities in one sentence (offsets into the body). Skips what is not a measured amount: years and
 * day numbers (dates cover them), times, ordinals, and model numbers glued to names ("Boeing 737", "COVID-19").
 */
export function sentenceQuantities(text: string, offset: number, skip: ReadonlyArray<{ start: number; end: number }>): Quantity[] {
  const out: Quantity[] = [];
  NUMBER.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = NUMBER.exec(text)) !== null) {
    const g = m.groups!;
    const numAt = m.index + m[0].indexOf(g.num!);
    const start = offset + m.index;
    const glued = text.slice(Math.max(0, numAt - 1), numAt);
    if (/[\p{L}\-:\/.#]$/u.test(glued) && !g.cur) continue; // COVID-19, 10:30, v2, #5
    if (/^[:\/]\d|^(?:st|nd|rd|th)\b/.test(text.slice(numAt + g.num!.length))) continue;
    if (skip.some((s) => s.start < offset + numAt + g.num!.length && s.end > offset + numAt)) continue;
    const prevWord = /([\p{L}]+)\s+$/u.exec(text.slice(0, numAt))?.[1] ?? '';
    if (!g.cur && /^\p{Lu}/u.test(prevWord) && !STOPWORDS.has(prevWord.toLowerCase()) && !g.scale && !g.pct) continue; // Boeing 737, Article 5
    const raw = g.num!.replace(/,/g, '');
    const base = Number(raw);
    if (!Number.isFinite(base)) continue;
    const scale = g.scale ? SCALES[g.scale.toLowerCase()]! : 1;
    if (!g.cur && !g.scale && !g.pct && /^(?:1[89]|20)\d\d$/.test(raw)) continue; // a year
    const decimals = raw.includes('.') ? raw.length - raw.indexOf('.') - 1 : 0;
    let unit = g.cur ? CURRENCY_SYMBOLS[g.cur]! : '';
    // A unit glued to the figure: "64GB", "22-inch".
    const gluedUnit = !g.scale && !g.pct ? /^-?([\p{L}]+)/u.exec(text.slice(numAt + g.num!.length))?.[1] : undefined;
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
    NUMBER.lastIndex = Math.min(NUMBER.lastIndex, end); // the word may open the next amount ("5 to 7 million")
    const value = base * scale;
    // A whole number with three or more significant digits and trailing zeros ("13,600") is itself rounded.
    const digits = raw.replace(/\./, '');
    const zeros = decimals ? 0 : (/0+$/.exec(digits)?.[0].length ?? 0);
    const rounded = zeros > 0 && digits.length - zeros >= 3 ? zeros : 0;
    const step = Math.pow(10, rounded - decimals) * scale;
    out.push({ value, step, unit, before: lastContentWord(text.slice(0, m.index)), start, end: offset + end, text: text.slice(m.index, end).trim() });
  }
  return out;
}

function lastContentWord(s: string): string {
  const words = s.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (let i = words.length - 1; i >= 0 && i >= words.length - 4; i--) if (!STOPWORDS.has(words[i]!)) return words[i]!;
  return '';
}

/** True when two stated amounts can be the same figure, allowing for rounding ("6.48 billion" and "6.5 billion"). */
export function sameAmount(a: Pick<Quantity, 'value' | 'step'>, b: Pick<Quantity, 'value' | 'step'>): boolean {
  const step = Math.max(a.step, b.step);
  return Math.abs(a.value - b.value) < step / 2 - 1e-9 * Math.max(Math.abs(a.value), 1) || a.value === b.value;
}
