import { escapeRegExp } from '../text/regexp-escape.js';
import type { Finding } from '../types.js';
import type { Detector } from './detector.js';
import { VocabIndex } from '../text/vocabulary.js';
import { buildCachedFor } from '../shipped/build-cache.js';
import { emptyObjectArray } from '../text/object-array.js';

export interface PhraseEntry {
  phrase: string;
  /** The established wording, shown as the suggested fix. */
  suggestion?: string;
  /** Count the phrase only where each of these also appears in the article (the fingerprints' AND). */
  requires?: string[];
  /** Leave the phrase alone where any of these appears in the article (the fingerprints' NOT). */
  unless?: string[];
  /** Why it is listed, for the message ({note}). */
  note?: string;
}

export interface PhraseOptions {
  phrases: PhraseEntry[];
  caseSensitive?: boolean;
  /** Accept inflected forms of the last word (energy → energies, play → played). Default true. */
  inflect?: boolean;
  /** Report the whole sentence around the phrase instead of the phrase itself. */
  sentence?: boolean;
  /**
   * Flag only when at least this many different listed phrases occur in the article. For lists of
   * predicted damage (a spinner swaps many terms per article; one chance match is more likely ordinary English).
   */
  minDistinct?: number;
  /** From this many different listed phrases in one article on, every flag of the rule is an error (one fingerprint warns, many condemn). */
  escalateAt?: number;
}

/**
 * One list entry. Its expressions are compiled on first use: a pack of thousands of phrases loads at once,
 * and an article only ever compiles the few whose first word it contains.
 */
interface CompiledPhrase {
  entry: PhraseEntry;
  // The entry's fields a flag reads, copied into one shape: list entries are parsed JSON objects of as many
  // shapes as key sets, and reading them on each flag made run's loads polymorphic.
  phrase: string;
  suggestion: string | undefined;
  note: string;
  /** What the next token must start with (the second word, or its stem when inflectable); '' for one-word phrases. */
  second: string;
  compiled: { match: PhraseMatcher; requires: RegExp[]; unless: RegExp[] } | null;
}

/** The end of the phrase matched at `at` (sticky), or -1. */
type PhraseMatcher = (text: string, at: number) => number;

interface PreparedPhrases {
  /**
   * The entries grouped by their first word (normalised), in list order: the group of first word g is
   * entries[from[g]] .. entries[from[g + 1] - 1].
   */
  entries: CompiledPhrase[];
  from: Int32Array;
  /**
   * Per entry, the first UTF-16 unit of its `second`, or -1 when it has none: the second-word check rejects most
   * candidates from this contiguous array without touching the entry (only a matching first unit can pass
   * `next.startsWith(second)`, which is still asked).
   */
  secondHead: Int32Array;
  /** Normalised word → group number, or -1: memoised per vocabulary id (one array read per token). */
  firstWord: VocabIndex;
  sentence: boolean;
  minDistinct: number;
  escalateAt: number | null;
  compile(c: CompiledPhrase): NonNullable<CompiledPhrase['compiled']>;
}

const WORD_END = '(?![\\p{L}\\p{N}])';

/**
 * Inflection tolerance of a phrase's last word: its stem, the endings in the order they are tried, and
 * whether the bare stem also counts: energy → energ + (y|ies|ied|ying), play → play + (s|es|ed|ing|'s|’s)?.
 */
function inflectedParts(word: string): { stem: string; endings: string[]; bare: boolean } | null {
  if (!/^\p{L}{3,}$/u.test(word)) return null;
  if (/[^aeiou]y$/i.test(word)) return { stem: word.slice(0, -1), endings: ['y', 'ies', 'ied', 'ying'], bare: false };
  if (/e$/i.test(word)) return { stem: word.slice(0, -1), endings: ['e', 'es', 'ed', 'ing'], bare: false };
  return { stem: word, endings: ['s', 'es', 'ed', 'ing', "'s", '’s'], bare: true };
}

// Small expressions shared by every phrase of every pack (per flags): a Unicode word-end look-ahead costs
// far more to compile than the phrase itself, and a pack compiles hundreds of phrases over a batch.
const SHARED = new Map<string, RegExp>();
function shared(source: string, flags: string): RegExp {
  const key = `${flags}/${source}`;
  let re = SHARED.get(key);
  if (!re) SHARED.set(key, (re = new RegExp(source, flags)));
  return re;
}

function stickyAt(re: RegExp, text: string, at: number): number {
  re.lastIndex = at;
  return re.test(text) ? re.lastIndex : -1;
}

/**
 * Matches exactly what the phrase's words, its last word's endings and WORD_END as one expression match
 * (sticky, with `flags`), without compiling a word-end look-ahead per phrase: the words before the ending
 * match in one way only (literal words joined by whitespace runs), so the expression's backtracking is over
 * the endings alone, tried here in the same order, each followed by the same word-end test.
 */
function phraseMatcher(phrase: string, inflect: boolean, flags: string): PhraseMatcher {
  const words = phrase.trim().split(/\s+/);
  const last = words.length - 1;
  const parts = inflect ? inflectedParts(words[last]!) : null;
  // Loops, not `map`: it returns packed arrays from the interpreter and holey ones from optimised code, and
  // these run (lazily) inside the phrase rule's run.
  let head = '';
  for (let i = 0; i <= last; i++) head += (i > 0 ? '\\s+' : '') + escapeRegExp(parts && i === last ? parts.stem : words[i]!);
  head = head.replace(/'/g, "['’]");
  const headRe = new RegExp(head, flags);
  const wordChar = shared('[\\p{L}\\p{N}]', flags);
  const endsWord = (text: string, at: number): boolean => stickyAt(wordChar, text, at) < 0;
  if (!parts) {
    return (text, at) => {
      const end = stickyAt(headRe, text, at);
      return end >= 0 && endsWord(text, end) ? end : -1;
    };
  }
  const endings: RegExp[] = [];
  for (const e of parts.endings) endings.push(shared(escapeRegExp(e).replace(/'/g, "['’]"), flags));
  return (text, at) => {
    const stemEnd = stickyAt(headRe, text, at);
    if (stemEnd < 0) return -1;
    for (const ending of endings) {
      const end = stickyAt(ending, text, stemEnd);
      if (end >= 0 && endsWord(text, end)) return end;
    }
    return parts.bare && endsWord(text, stemEnd) ? stemEnd : -1;
  };
}

/** Apostrophes and spaces match their typographic and repeated variants. */
function phraseSource(phrase: string): string {
  return phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+').replace(/'/g, "['’]");
}

function compileCondition(s: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${phraseSource(s)}${WORD_END}`, flags);
}

function secondWordPrefix(phrase: string, inflect: boolean): string {
  const words = phrase.trim().toLowerCase().replace(/’/g, "'").split(/\s+/);
  if (words.length < 2) return '';
  const w = words[1]!;
  // A word glued to punctuation ("say,") is tokenised apart from it; an inflectable last word may change its end.
  const bare = /^[\p{L}\p{N}'-]+$/u.test(w) ? w : (/^[\p{L}\p{N}'-]+/u.exec(w)?.[0] ?? '');
  return inflect && words.length === 2 && /(?:[^aeiou]y|e)$/.test(bare) ? bare.slice(0, -1) : bare;
}

function firstWordKey(phrase: string): string {
  return phrase.trim().split(/\s+/)[0]!.toLowerCase().replace(/’/g, "'");
}

// Most listed phrases are plain lower-case words joined by single spaces: their keys are slices, computed without
// the regular expressions, arrays and copies of the general case (which cost 10 ms of GC on 10,000 phrases).
const PLAIN_PHRASE = /^[a-z]+(?: [a-z]+)*$/;

/** { first, second } as firstWordKey and secondWordPrefix give them. */
function phraseKeys(phrase: string, inflect: boolean): { first: string; second: string } {
  if (!PLAIN_PHRASE.test(phrase)) return { first: firstWordKey(phrase), second: secondWordPrefix(phrase, inflect) };
  const space = phrase.indexOf(' ');
  if (space < 0) return { first: phrase, second: '' };
  const next = phrase.indexOf(' ', space + 1);
  const w = next < 0 ? phrase.slice(space + 1) : phrase.slice(space + 1, next);
  const trim = inflect && next < 0 && /(?:[^aeiou]y|e)$/.test(w);
  return { first: phrase.slice(0, space), second: trim ? w.slice(0, -1) : w };
}

/**
 * The phrases grouped by first word, as JSON can keep it: groups in order of first appearance, entries in list
 * order within a group. Position k of the grouped list holds phrase order[k], whose second-word prefix is
 * seconds[k]; group g is positions from[g] .. from[g + 1] - 1 and has first word groups[g].
 */
interface PhraseLayout {
  groups: string[];
  from: number[];
  order: number[];
  seconds: string[];
}

export function groupPhrases(phrases: readonly PhraseEntry[], inflect: boolean): PhraseLayout {
  // A counting sort: no array per first word.
  const group = new Map<string, number>();
  const groupOf = new Int32Array(phrases.length);
  const secondOf: string[] = [];
  let counts = new Int32Array(64);
  for (let i = 0; i < phrases.length; i++) {
    const { first: key, second } = phraseKeys(phrases[i]!.phrase, inflect);
    secondOf.push(second);
    let g = group.get(key);
    if (g === undefined) {
      group.set(key, (g = group.size));
      if (g >= counts.length) {
        const grown = new Int32Array(counts.length * 2);
        grown.set(counts);
        counts = grown;
      }
    }
    groupOf[i] = g;
    counts[g]!++;
  }
  const from = new Array<number>(group.size + 1).fill(0);
  for (let g = 0; g < group.size; g++) from[g + 1] = from[g]! + counts[g]!;
  const order = new Array<number>(phrases.length);
  const seconds = new Array<string>(phrases.length);
  const cursor = from.slice(0, group.size);
  for (let i = 0; i < phrases.length; i++) {
    const k = cursor[groupOf[i]!]!++;
    order[k] = i;
    seconds[k] = secondOf[i]!;
  }
  return { groups: [...group.keys()], from, order, seconds };
}

/**
 * A list of phrases, each with the wording it stands for: matched on word boundaries, case-insensitively
 * by default, tolerant of inflection, with optional AND/NOT conditions on the rest of the article.
 */
export const phrase: Detector<PhraseOptions, PreparedPhrases> = {
  type: 'phrase',
  summary: 'Flags listed phrases (case-insensitive, on word boundaries, inflection-tolerant) and suggests the wording each replaces.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['phrases'],
    properties: {
      phrases: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['phrase'],
          properties: {
            phrase: { type: 'string', minLength: 2 },
            suggestion: { type: 'string' },
            requires: { type: 'array', items: { type: 'string', minLength: 1 } },
            unless: { type: 'array', items: { type: 'string', minLength: 1 } },
            note: { type: 'string' },
          },
        },
      },
      caseSensitive: { type: 'boolean' },
      inflect: { type: 'boolean' },
      sentence: { type: 'boolean' },
      minDistinct: { type: 'integer', minimum: 1 },
      escalateAt: { type: 'integer', minimum: 2 },
    },
  },
  prepare(o) {
    const flags = o.caseSensitive ? 'uy' : 'iuy';
    const condFlags = o.caseSensitive ? 'u' : 'iu';
    const inflect = o.inflect !== false;
    // The grouping reads every phrase of a pack of thousands: a shipped pack's comes from the build (shipped/build-cache.ts).
    const layout = buildCachedFor('phrase-groups', o, () => groupPhrases(o.phrases, inflect));
    const group = new Map<string, number>();
    for (let g = 0; g < layout.groups.length; g++) group.set(layout.groups[g]!, g);
    const from = Int32Array.from(layout.from);
    const entries: CompiledPhrase[] = new Array<CompiledPhrase>(layout.order.length);
    const secondHead = new Int32Array(layout.order.length);
    for (let k = 0; k < entries.length; k++) {
      const second = layout.seconds[k]!;
      const entry = o.phrases[layout.order[k]!]!;
      entries[k] = { entry, phrase: entry.phrase, suggestion: entry.suggestion, note: entry.note ?? '', second, compiled: null };
      secondHead[k] = second ? second.charCodeAt(0) : -1;
    }
    // Conditions are shared between entries ("cancer" in hundreds of fingerprints): one RegExp per text.
    const conditions = new Map<string, RegExp>();
    const condition = (c: string): RegExp => {
      let re = conditions.get(c);
      if (!re) conditions.set(c, (re = compileCondition(c, condFlags)));
      return re;
    };
    // Pushed, not mapped: `map` returns a packed array from the interpreter and a holey one from optimised
    // code, and run's every/some over them would deoptimise at each switch.
    const conditionList = (texts: readonly string[] | undefined): RegExp[] => {
      const out = emptyObjectArray<RegExp>();
      if (texts) for (const t of texts) out.push(condition(t));
      return out;
    };
    const compile = (c: CompiledPhrase): NonNullable<CompiledPhrase['compiled']> =>
      (c.compiled ??= {
        match: phraseMatcher(c.phrase, inflect, flags),
        requires: conditionList(c.entry.requires),
        unless: conditionList(c.entry.unless),
      });
    const firstWord = new VocabIndex((norm) => group.get(norm) ?? -1);
    return { entries, from, secondHead, firstWord, sentence: o.sentence === true, minDistinct: o.minDistinct ?? 1, escalateAt: o.escalateAt ?? null, compile };
  },
  run(doc, rule) {
    const { entries, from, secondHead, firstWord, sentence, minDistinct, escalateAt, compile } = rule.prepared;
    const distinct = new Set<PhraseEntry>();
    const out = emptyObjectArray<Finding>();
    const conditionCache = new Map<RegExp, boolean>();
    const holds = (re: RegExp): boolean => {
      let v = conditionCache.get(re);
      if (v === undefined) conditionCache.set(re, (v = re.test(doc.text)));
      return v;
    };
    let coveredTo = -1;
    const { tokens } = doc;
    for (let ti = 0; ti < tokens.length; ti++) {
      const tok = tokens[ti]!;
      if (tok.kind !== 'word' || tok.start < coveredTo) continue;
      const g = firstWord.get(tok.vocabId, tok.norm);
      if (g < 0) continue;
      // Bounds checked here, not by reading past the end: an out-of-bounds read deoptimises optimised code.
      const next = ti + 1 < tokens.length ? tokens[ti + 1]!.norm : '';
      const nextHead = next.length > 0 ? next.charCodeAt(0) : -2;
      let best: { c: CompiledPhrase; end: number } | null = null;
      for (let k = from[g]!, to = from[g + 1]!; k < to; k++) {
        const head = secondHead[k]!;
        if (head !== -1 && head !== nextHead) continue;
        const c = entries[k]!;
        // Cheap check of the second word before any expression is compiled or run.
        if (c.second && !next.startsWith(c.second)) continue;
        const { match, requires, unless } = compile(c);
        const end = match(doc.text, tok.start);
        if (end < 0 || (best && best.end >= end)) continue;
        if (!requires.every(holds) || unless.some(holds)) continue;
        best = { c, end };
      }
      if (!best) continue;
      const { entry, phrase, suggestion, note } = best.c;
      const s = doc.sentences[tok.sentence]!;
      const f: Finding = sentence ? { start: s.start, end: s.end } : { start: tok.start, end: best.end };
      if (suggestion !== undefined && !sentence) f.suggestion = matchCase(doc.text.slice(tok.start, best.end), suggestion);
      f.data = { phrase, suggestion: suggestion ?? '', note };
      out.push(f);
      distinct.add(entry);
      coveredTo = best.end;
    }
    if (distinct.size < minDistinct) return [];
    if (escalateAt !== null && distinct.size >= escalateAt) for (const f of out) f.severity = 'error';
    return out;
  },
};

/** "Facts Technology" → "Information Technology": keep the flagged text's capitalisation style. */
function matchCase(found: string, suggestion: string): string {
  if (found === found.toUpperCase() && /\p{L}/u.test(found)) return suggestion.toUpperCase();
  const words = found.split(/\s+/);
  if (words.every((w) => /^\p{Lu}/u.test(w))) return suggestion.replace(/(^|\s)(\p{L})/gu, (_, a: string, b: string) => a + b.toUpperCase());
  if (/^\p{Lu}/u.test(found)) return suggestion.charAt(0).toUpperCase() + suggestion.slice(1);
  return suggestion;
}
