import type { Finding } from '../types.js';
import type { Detector } from './detector.js';

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
  /** What the next token must start with (the second word, or its stem when inflectable); '' for one-word phrases. */
  second: string;
  compiled: { re: RegExp; requires: RegExp[]; unless: RegExp[] } | null;
}

interface PreparedPhrases {
  byFirstWord: Map<string, CompiledPhrase[]>;
  sentence: boolean;
  minDistinct: number;
  escalateAt: number | null;
  compile(c: CompiledPhrase): { re: RegExp; requires: RegExp[]; unless: RegExp[] };
}

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const WORD_END = '(?![\\p{L}\\p{N}])';

/** Inflection-tolerant pattern for one word: energy → energ(y|ies), play → play(s|ed|ing). */
function inflected(word: string): string {
  if (!/^\p{L}{3,}$/u.test(word)) return escape(word);
  if (/[^aeiou]y$/i.test(word)) return `${escape(word.slice(0, -1))}(?:y|ies|ied|ying)`;
  if (/e$/i.test(word)) return `${escape(word.slice(0, -1))}(?:e|es|ed|ing)`;
  return `${escape(word)}(?:s|es|ed|ing|'s|’s)?`;
}

/** Apostrophes and spaces match their typographic and repeated variants. */
function phraseSource(phrase: string, inflect: boolean): string {
  const words = phrase.trim().split(/\s+/);
  return words
    .map((w, i) => (inflect && i === words.length - 1 ? inflected(w) : escape(w)))
    .join('\\s+')
    .replace(/'/g, "['’]");
}

function compileCondition(s: string, flags: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])${phraseSource(s, false)}${WORD_END}`, flags);
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
    const byFirstWord = new Map<string, CompiledPhrase[]>();
    const inflect = o.inflect !== false;
    for (const entry of o.phrases) {
      const compiled: CompiledPhrase = { entry, second: secondWordPrefix(entry.phrase, inflect), compiled: null };
      const key = firstWordKey(entry.phrase);
      const list = byFirstWord.get(key);
      if (list) list.push(compiled);
      else byFirstWord.set(key, [compiled]);
    }
    // Conditions are shared between entries ("cancer" in hundreds of fingerprints): one RegExp per text.
    const conditions = new Map<string, RegExp>();
    const condition = (c: string): RegExp => {
      let re = conditions.get(c);
      if (!re) conditions.set(c, (re = compileCondition(c, condFlags)));
      return re;
    };
    const compile = (c: CompiledPhrase): NonNullable<CompiledPhrase['compiled']> =>
      (c.compiled ??= {
        re: new RegExp(`${phraseSource(c.entry.phrase, inflect)}${WORD_END}`, flags),
        requires: (c.entry.requires ?? []).map(condition),
        unless: (c.entry.unless ?? []).map(condition),
      });
    return { byFirstWord, sentence: o.sentence === true, minDistinct: o.minDistinct ?? 1, escalateAt: o.escalateAt ?? null, compile };
  },
  run(doc, rule) {
    const { byFirstWord, sentence, minDistinct, escalateAt, compile } = rule.prepared;
    const distinct = new Set<PhraseEntry>();
    const out: Finding[] = [];
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
      const candidates = byFirstWord.get(tok.norm);
      if (!candidates) continue;
      const next = tokens[ti + 1]?.norm ?? '';
      let best: { c: CompiledPhrase; end: number } | null = null;
      for (const c of candidates) {
        // Cheap check of the second word before any expression is compiled or run.
        if (c.second && !next.startsWith(c.second)) continue;
        const { re, requires, unless } = compile(c);
        re.lastIndex = tok.start;
        const m = re.exec(doc.text);
        if (!m || (best && best.end >= tok.start + m[0].length)) continue;
        if (!requires.every(holds) || unless.some(holds)) continue;
        best = { c, end: tok.start + m[0].length };
      }
      if (!best) continue;
      const { entry } = best.c;
      const s = doc.sentences[tok.sentence]!;
      const f: Finding = sentence ? { start: s.start, end: s.end } : { start: tok.start, end: best.end };
      if (entry.suggestion !== undefined && !sentence) f.suggestion = matchCase(doc.text.slice(tok.start, best.end), entry.suggestion);
      f.data = { phrase: entry.phrase, suggestion: entry.suggestion ?? '', note: entry.note ?? '' };
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
