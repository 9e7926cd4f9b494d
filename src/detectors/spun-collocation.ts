import type { Finding, Token } from '../types.js';
import type { Detector } from './detector.js';
import { VocabIndex } from '../text/vocabulary.js';

export interface SpunCollocationOptions {
  /** Established term → its spun variants (lower case, last word in its base form): "climate change" → ["climate alteration"]. */
  terms: Record<string, string[]>;
  /** Last words whose -s form is also a verb ("the photo shows"): that form does not match before an object ("shows the damage"). */
  verbLike?: string[];
}

interface PreparedSpunCollocations {
  /** Variant (base form of its last word) → the established term. */
  variants: Map<string, string>;
  /**
   * First word of the variants (normalised) → index into `next`, or -1: most tokens are rejected by one array read
   * (memoised per vocabulary id).
   */
  firstWord: VocabIndex;
  /**
   * Per first word, per length n (2..maxWords): the second words of its n-word variants (for n = 2, the base form of
   * the last word). A run whose second word is not there cannot be a variant of that length: the Map lookup and the
   * string it needs are skipped (an exact filter: the variants' words are split on single spaces, tokens hold none).
   */
  next: Array<Array<Set<string> | undefined>>;
  /**
   * The same second words as 30-bit signatures (`wordBit`), per first word and length at [group * (maxWords + 1) + n]:
   * a run whose second word's bit (for n = 2, the bits of its base forms) is not in the signature is rejected from
   * this one contiguous array, before the run is measured or a Set is read. A filter of sure negatives only.
   */
  signatures: Int32Array;
  /** wordBit of a token's word, and the union of wordBit over its base forms: memoised per vocabulary id. */
  secondBit: VocabIndex;
  baseBits: VocabIndex;
  /** Longest variant, in words. */
  maxWords: number;
  verbLike: Set<string>;
}

/** One of 30 bits for a word (FNV-1a of its UTF-16 units): the second-word signatures' hash. */
function wordBit(w: string): number {
  let h = 0x811c9dc5;
  for (let k = 0; k < w.length; k++) h = Math.imul(h ^ w.charCodeAt(k), 0x01000193);
  return 1 << ((h >>> 0) % 30);
}

/** Base forms a last word may stand for: "alterations" → alteration, "wedlocks" → wedlock, "policies" → policy. */
function baseForms(w: string): string[] {
  const out = [w];
  if (w.endsWith("'s")) out.push(w.slice(0, -2));
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) {
    out.push(w.slice(0, -1));
    if (w.endsWith('ies')) out.push(`${w.slice(0, -3)}y`);
    else if (w.endsWith('es')) out.push(w.slice(0, -2));
  }
  return out;
}

/** The established term in the flagged text's capitalisation and number: "Climate Alterations" → "Climate Changes". */
function suggestionFor(found: string, foundLast: string, base: string, term: string): string {
  let s = term;
  if (foundLast !== base) {
    const suffix = foundLast.endsWith("'s") ? "'s" : 's';
    s = suffix === "'s" ? `${s}'s` : /(?:s|sh|ch|x|z)$/.test(s) ? `${s}es` : /[^aeiou]y$/.test(s) ? `${s.slice(0, -1)}ies` : `${s}s`;
  }
  if (found === found.toUpperCase() && /\p{L}/u.test(found)) return s.toUpperCase();
  if (found.split(/\s+/).every((w) => /^\p{Lu}/u.test(w))) return s.replace(/(^|\s)(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
  if (/^\p{Lu}/u.test(found)) return s.charAt(0).toUpperCase() + s.slice(1);
  return s;
}

/** Words that open an object or a clause: after one, a verb-like -s word is a verb ("the photo shows the damage"). */
const VERB_OBJECT_OPENERS = new Set(
  'the a an this that these those his her its their our my your how what why when where who whether him them us me you it there no some all every each many much more several'.split(' '),
);

/** After a verb-like -s word: a determiner, pronoun, name or number makes it a verb ("photo shows Amelia Earhart"). */
function opensObject(next: Token | undefined): boolean {
  if (!next || next.kind === 'punct' || next.kind === 'symbol') return false;
  return next.kind === 'number' || VERB_OBJECT_OPENERS.has(next.norm) || /^\p{Lu}/u.test(next.text);
}

/** How many words from i on (at most `max`) stand in one sentence, separated by blanks only (no punctuation, no line break between). */
function runOfWords(text: string, tokens: Token[], i: number, max: number): number {
  let n = 0;
  for (let k = i; k < i + max; k++) {
    const t = tokens[k];
    if (!t || t.kind !== 'word' || t.sentence !== tokens[i]!.sentence) break;
    if (k > i && !blanksOnly(text, tokens[k - 1]!.end, t.start)) break;
    n++;
  }
  return n;
}

/** text.slice(from, to) is one or more spaces, tabs or no-break spaces. */
function blanksOnly(text: string, from: number, to: number): boolean {
  if (to <= from) return false;
  for (let k = from; k < to; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * Spun collocations: an established multiword term with one word swapped for a synonym ("climate alteration"
 * for climate change). The table is built offline (scripts/build-spun-collocations.mjs); here one pass over the
 * tokens looks each word pair and triple up in a Map, longest first.
 */
export const spunCollocation: Detector<SpunCollocationOptions, PreparedSpunCollocations> = {
  type: 'spun-collocation',
  summary: 'Flags an established multiword term with one word swapped for a synonym (a generated table of variants) and suggests the term.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['terms'],
    properties: {
      terms: {
        type: 'object',
        minProperties: 1,
        additionalProperties: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^\\S+( \\S+){1,3}$' } },
      },
      verbLike: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  prepare(o) {
    const variants = new Map<string, string>();
    const firstIndex = new Map<string, number>();
    const next: Array<Array<Set<string> | undefined>> = [];
    let maxWords = 2;
    // 34,000 variants are indexed in every process that checks an article: no split arrays or entry pairs
    // (half the start-up cost of this rule).
    for (const term in o.terms) {
      const list = o.terms[term]!;
      for (let i = 0; i < list.length; i++) {
        const key = list[i]!.toLowerCase();
        if (!variants.has(key)) variants.set(key, term);
        const space = key.indexOf(' ');
        const first = key.slice(0, space);
        let words = 2;
        let at = space;
        while ((at = key.indexOf(' ', at + 1)) !== -1) words++;
        if (words > maxWords) maxWords = words;
        let fi = firstIndex.get(first);
        if (fi === undefined) firstIndex.set(first, (fi = next.push([]) - 1));
        const bySize = next[fi]!;
        const secondEnd = key.indexOf(' ', space + 1);
        (bySize[words] ??= new Set()).add(secondEnd < 0 ? key.slice(space + 1) : key.slice(space + 1, secondEnd));
      }
    }
    const firstWord = new VocabIndex((norm) => firstIndex.get(norm) ?? -1);
    const signatures = new Int32Array(next.length * (maxWords + 1));
    next.forEach((bySize, fi) => bySize.forEach((seconds, n) => seconds?.forEach((w) => (signatures[fi * (maxWords + 1) + n]! |= wordBit(w)))));
    const secondBit = new VocabIndex(wordBit);
    const baseBits = new VocabIndex((norm) => baseForms(norm).reduce((bits, b) => bits | wordBit(b), 0));
    return { variants, firstWord, next, signatures, secondBit, baseBits, maxWords, verbLike: new Set(o.verbLike ?? []) };
  },
  run(doc, rule) {
    const { variants, firstWord, next, signatures, secondBit, baseBits, maxWords, verbLike } = rule.prepared;
    const stride = maxWords + 1;
    const { tokens, text } = doc;
    const out: Finding[] = [];
    // A variant in Title Case may be a name or a heading ("Cabinet Room"): it flags only beside another hit
    // (a spinner rewrites every term it can; a name stands alone).
    const names: Finding[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i]!;
      if (first.kind !== 'word') continue;
      const fi = firstWord.get(first.vocabId, first.norm);
      if (fi < 0) continue;
      const second = tokens[i + 1];
      if (!second) continue;
      const row = fi * stride;
      const pairBits = signatures[row + 2]! & baseBits.get(second.vocabId, second.norm);
      let longerBits = 0;
      if (maxWords > 2) {
        const bit = secondBit.get(second.vocabId, second.norm);
        for (let n = 3; n <= maxWords; n++) longerBits |= signatures[row + n]! & bit;
      }
      if (pairBits === 0 && longerBits === 0) continue;
      const bySize = next[fi]!;
      let hit: { n: number; term: string; base: string } | null = null;
      // A run of n words is also a run of fewer: the longest run bounds the lengths worth looking up.
      for (let n = runOfWords(text, tokens, i, Math.min(maxWords, tokens.length - i)); n >= 2 && !hit; n--) {
        if (n === 2 ? pairBits === 0 : (signatures[row + n]! & secondBit.get(second.vocabId, second.norm)) === 0) continue;
        const seconds = bySize[n];
        if (!seconds) continue;
        if (n > 2 && !seconds.has(tokens[i + 1]!.norm)) continue;
        let prefix = first.norm;
        for (let k = i + 1; k < i + n - 1; k++) prefix += ` ${tokens[k]!.norm}`;
        const lastNorm = tokens[i + n - 1]!.norm;
        for (const base of baseForms(lastNorm)) {
          if (base !== lastNorm && !lastNorm.endsWith("'s") && verbLike.has(base) && opensObject(tokens[i + n])) continue;
          if (n === 2 && !seconds.has(base)) continue;
          const term = variants.get(`${prefix} ${base}`);
          if (term !== undefined) {
            hit = { n, term, base };
            break;
          }
        }
      }
      if (!hit) continue;
      const last = tokens[i + hit.n - 1]!;
      const found = text.slice(first.start, last.end);
      const finding: Finding = {
        start: first.start,
        end: last.end,
        suggestion: suggestionFor(found, last.norm, hit.base, hit.term),
        data: { suggestion: hit.term },
      };
      const titleCase = found.split(/\s+/).every((w) => /^\p{Lu}/u.test(w)) && found !== found.toUpperCase();
      (titleCase ? names : out).push(finding);
      i += hit.n - 1;
    }
    const distinct = new Set([...out, ...names].map((f) => text.slice(f.start, f.end).toLowerCase()));
    if (names.length && distinct.size >= 2) return [...out, ...names].sort((a, b) => a.start - b.start);
    return out;
  },
};
