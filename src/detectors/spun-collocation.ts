import { fnv1a } from '../text/fnv.js';
import type { Finding, Token } from '../types.js';
import type { Detector } from './detector.js';
import { VocabIndex } from '../text/vocabulary.js';
import { buildCachedFor } from '../shipped/build-cache.js';
import { emptyObjectArray } from '../text/object-array.js';

export interface SpunCollocationOptions {
  /** Established term → its spun variants (lower case, last word in its base form): "climate change" → ["climate alteration"]. */
  terms: Record<string, string[]>;
  /** Last words whose -s form is also a verb ("the photo shows"): that form does not match before an object ("shows the damage"). */
  verbLike?: string[];
}

interface PreparedSpunCollocations {
  /** Variant (base form of its last word) → the established term. */
  variants: VariantIndex;
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
 * What loading the variants computes, as JSON can keep it (base64 of Int32Arrays' bytes): the two bit sets, and an
 * open-addressing table of the variants by `hashRange` of their lower case: slot → [that hash, (term number <<
 * VARIANT_BITS | variant number) + 1], the entry 0 for an empty slot, a term's number being its place in Object.keys(terms). A variant listed
 * twice keeps its first term, as a Map filled in list order would.
 */
interface VariantTables {
  firsts: string;
  pairs: string;
  index: string;
  maxWords: number;
}

const VARIANT_BITS = 8;

export function variantTables(terms: Record<string, string[]>): VariantTables {
  const firsts = new Int32Array(1 << (FIRST_BITS - 5));
  const pairs = new Int32Array(1 << (PAIR_BITS - 5));
  const names = Object.keys(terms);
  let count = 0;
  for (const name of names) count += terms[name]!.length;
  // At most two-thirds full: a miss probes a few slots (most lookups are misses), and the table stays small to read.
  // Two numbers per slot, the variant's hash and its entry: a probe compares hashes, and reads the pack's strings only
  // when they are equal (looking a term up in the pack's object costs more than a Map lookup did).
  const size = 1 << Math.max(4, Math.ceil(Math.log2(count * 1.5 + 1)));
  const index = new Int32Array(2 * size);
  const seen = new Set<string>();
  let maxWords = 2;
  // No split arrays or entry pairs (half the cost of this when it was done at every start): the words are hashed in place.
  for (let t = 0; t < names.length; t++) {
    const list = terms[names[t]!]!;
    if (list.length >= 1 << VARIANT_BITS) throw new Error(`spun-collocation: "${names[t]}" has more than ${(1 << VARIANT_BITS) - 1} variants`);
    for (let v = 0; v < list.length; v++) {
      const key = list[v]!.toLowerCase();
      const space = key.indexOf(' ');
      const secondEnd = key.indexOf(' ', space + 1);
      let words = 2;
      let at = space;
      while ((at = key.indexOf(' ', at + 1)) !== -1) words++;
      if (words > maxWords) maxWords = words;
      const first = hashRange(key, 0, space);
      set(firsts, firstSlot(first));
      set(pairs, pairSlot(first, hashRange(key, space + 1, secondEnd < 0 ? key.length : secondEnd), words));
      if (seen.has(key)) continue;
      seen.add(key);
      const h = wordHash(key);
      let slot = h & (size - 1);
      while (index[2 * slot + 1] !== 0) slot = (slot + 1) & (size - 1);
      index[2 * slot] = h;
      index[2 * slot + 1] = ((t << VARIANT_BITS) | v) + 1;
    }
  }
  const base64 = (a: Int32Array): string => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
  return { firsts: base64(firsts), pairs: base64(pairs), index: base64(index), maxWords };
}

function int32sOf(base64: string): Int32Array {
  const bytes = Buffer.from(base64, 'base64');
  // A copy: the Buffer may be a slice of node's shared pool, not aligned for an Int32Array view.
  const out = new Int32Array(bytes.length >>> 2);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

/** Variant (lower case) → its established term, read through the table of variantTables: no Map of 34,000 entries to build. */
export class VariantIndex {
  private names: string[] | null = null;
  private readonly slots: Int32Array;

  constructor(
    private readonly terms: Record<string, string[]>,
    index: string,
  ) {
    this.slots = int32sOf(index);
  }

  get(key: string): string | undefined {
    const { slots } = this;
    const mask = (slots.length >>> 1) - 1;
    const h = wordHash(key);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const e = slots[2 * slot + 1]!;
      if (e === 0) return undefined;
      if (slots[2 * slot] !== h) continue;
      const name = (this.names ??= Object.keys(this.terms))[(e - 1) >>> VARIANT_BITS]!;
      if (this.terms[name]![(e - 1) & ((1 << VARIANT_BITS) - 1)]!.toLowerCase() === key) return name;
    }
  }
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
    // Loading 34,000 variants (every word hashed, a Map filled) is dear from a cold start: a shipped pack's tables
    // come from the build (shipped/build-cache.ts).
    const bits = buildCachedFor('spun-collocation-tables', o, () => variantTables(o.terms));
    return {
      variants: new VariantIndex(o.terms, bits.index),
      hashOf: new VocabIndex(wordHash),
      firsts: int32sOf(bits.firsts),
      pairs: int32sOf(bits.pairs),
      maxWords: bits.maxWords,
      verbLike: new Set(o.verbLike ?? []),
    };
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
