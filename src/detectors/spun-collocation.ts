import { fnv1a } from '../text/fnv.js';
import type { Finding, Token } from '../types.js';
import type { Detector } from './detector.js';
import { VocabIndex } from '../text/vocabulary.js';
import { emptyObjectArray } from '../text/object-array.js';

export interface SpunCollocationOptions {
  /** Established term → its spun variants (lower case, last word in its base form): "climate change" → ["climate alteration"]. */
  terms: Record<string, string[]>;
  /** Last words whose -s form is also a verb ("the photo shows"): that form does not match before an object ("shows the damage"). */
  verbLike?: string[];
}

interface PreparedSpunCollocations {
  /** Variant (base form of its last word) → the established term. */
  variants: Map<string, string>;
  /** `wordHash` of a token's normalised word, memoised per vocabulary id. */
  hashOf: VocabIndex;
  /** Bit set of the variants' first words (by `wordHash`): most tokens are rejected by two array reads. */
  firsts: Int32Array;
  /**
   * Bit set of (first word, second word, length n) of the variants (by `pairSlot`; for n = 2 the second word is the
   * base form of the last): a run whose pair is not there cannot be a variant of that length, and is rejected before
   * its words are measured or a key is built.
   */
  pairs: Int32Array;
  /** Longest variant, in words. */
  maxWords: number;
  verbLike: Set<string>;
}

// Both bit sets only reject sure negatives (a variant's words are split on single spaces, a token holds none, and
// both sides hash the same strings), so the variants Map still decides every hit, as it did without them. Bit sets
// rather than an exact index by first word: they are filled in one pass over the 34,000 variants with no Map or Set
// per first word, so loading costs no more than the Set of first words did (a one-article run pays the load).
const FIRST_BITS = 18; // 6,800 first words in 262,144 bits: ~2.6% of other words pass the first test
const PAIR_BITS = 21; // 34,000 pairs in 2 million bits: ~1.6% of other pairs pass

/** 30-bit FNV-1a of the UTF-16 units of s[from, to). */
const hashRange = (s: string, from: number, to: number): number => fnv1a(s, from, to) >>> 2;

const wordHash = (w: string): number => hashRange(w, 0, w.length);

const firstSlot = (h: number): number => h & ((1 << FIRST_BITS) - 1);

function pairSlot(first: number, second: number, n: number): number {
  return (Math.imul(first ^ Math.imul(second, 0x9e3779b1), 0x85ebca6b) ^ n) >>> (32 - PAIR_BITS);
}

const has = (bits: Int32Array, slot: number): boolean => (bits[slot >>> 5]! & (1 << (slot & 31))) !== 0;

function set(bits: Int32Array, slot: number): void {
  bits[slot >>> 5]! |= 1 << (slot & 31);
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
    const firsts = new Int32Array(1 << (FIRST_BITS - 5));
    const pairs = new Int32Array(1 << (PAIR_BITS - 5));
    let maxWords = 2;
    // 34,000 variants are indexed in every process that checks an article: no split arrays or entry pairs
    // (half the start-up cost of this rule), and the words hashed in place.
    for (const term in o.terms) {
      const list = o.terms[term]!;
      for (let i = 0; i < list.length; i++) {
        const key = list[i]!.toLowerCase();
        if (!variants.has(key)) variants.set(key, term);
        const space = key.indexOf(' ');
        const secondEnd = key.indexOf(' ', space + 1);
        let words = 2;
        let at = space;
        while ((at = key.indexOf(' ', at + 1)) !== -1) words++;
        if (words > maxWords) maxWords = words;
        const first = hashRange(key, 0, space);
        set(firsts, firstSlot(first));
        set(pairs, pairSlot(first, hashRange(key, space + 1, secondEnd < 0 ? key.length : secondEnd), words));
      }
    }
    return { variants, hashOf: new VocabIndex(wordHash), firsts, pairs, maxWords, verbLike: new Set(o.verbLike ?? []) };
  },
  run(doc, rule) {
    const { variants, hashOf, firsts, pairs, maxWords, verbLike } = rule.prepared;
    const { tokens, text } = doc;
    const out = emptyObjectArray<Finding>();
    // A variant in Title Case may be a name or a heading ("Cabinet Room"): it flags only beside another hit
    // (a spinner rewrites every term it can; a name stands alone).
    const names = emptyObjectArray<Finding>();
    for (let i = 0; i < tokens.length; i++) {
      const first = tokens[i]!;
      if (first.kind !== 'word') continue;
      const h1 = hashOf.get(first.vocabId, first.norm);
      if (!has(firsts, firstSlot(h1))) continue;
      // Bounds checked here, not by reading past the end: an out-of-bounds read deoptimises optimised code.
      const second = i + 1 < tokens.length ? tokens[i + 1] : undefined;
      if (!second) continue;
      // Which lengths the pair (first, second) allows: n = 2 with any base form of the second word, n >= 3 with it as is.
      const h2 = hashOf.get(second.vocabId, second.norm);
      let lengths = 0;
      for (let n = 3; n <= maxWords; n++) if (has(pairs, pairSlot(h1, h2, n))) lengths |= 1 << n;
      for (const base of baseForms(second.norm)) {
        if (has(pairs, pairSlot(h1, base === second.norm ? h2 : wordHash(base), 2))) {
          lengths |= 1 << 2;
          break;
        }
      }
      if (lengths === 0) continue;
      let hit: { n: number; term: string; base: string } | null = null;
      // A run of n words is also a run of fewer: the longest run bounds the lengths worth looking up.
      for (let n = runOfWords(text, tokens, i, Math.min(maxWords, tokens.length - i)); n >= 2 && !hit; n--) {
        if ((lengths & (1 << n)) === 0) continue;
        let prefix = first.norm;
        for (let k = i + 1; k < i + n - 1; k++) prefix += ` ${tokens[k]!.norm}`;
        const lastNorm = tokens[i + n - 1]!.norm;
        for (const base of baseForms(lastNorm)) {
          if (base !== lastNorm && !lastNorm.endsWith("'s") && verbLike.has(base) && opensObject(i + n < tokens.length ? tokens[i + n] : undefined)) continue;
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
