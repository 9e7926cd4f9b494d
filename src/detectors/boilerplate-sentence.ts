import { escapeRegExp } from '../text/regexp-escape.js';
import type { Finding, Sentence } from '../types.js';
import type { Doc } from '../text/doc.js';
import { insideSpans, quotedSpans } from '../text/quoted-spans.js';
import type { Detector } from './detector.js';
import { firstWords } from './pattern-first-words.js';
import { startsWithCapital } from '../text/initial-capital.js';
import { VocabIndex } from '../text/vocabulary.js';
import { decodePrefixes, encodePrefixes, GATE_DEPTH, gatePrefixes, PrefixGate, QUANTIFIER } from './literal-prefixes.js';
import { buildCachedForShipped } from '../shipped/build-cache.js';

/** One kind of evidence that a sentence is template prose, with its weight. */
export interface SignalSpec {
  name: string;
  /** Plain words for the message ("refers to the article itself"). */
  label: string;
  weight: number;
  /** Every distinct match adds the weight (up to `max` times); otherwise the signal counts once per sentence. */
  each?: boolean;
  max?: number;
  /**
   * Regular expressions, written in lower case (the text is matched case-insensitively), tried at the start of
   * each word and ending on a word boundary.
   */
  patterns?: string[];
  /** Plain words or phrases; a trailing `*` accepts any ending (`underscor*`). */
  words?: string[];
  /** Match the patterns only at the start of a sentence ("All in all, ..."). */
  atSentenceStart?: boolean;
  /** Skip matches written with a capital inside a sentence: names ("Paramount Pictures", "Vibrant Media"). */
  skipNames?: boolean;
}

export interface BoilerplateSentenceOptions {
  /** A sentence whose signals add up to this score is flagged. */
  threshold: number;
  /** Ignore matches inside quoted speech (default true): a speaker's words are not the writer's padding. */
  skipQuotes?: boolean;
  signals: SignalSpec[];
  /**
   * A sentence of at least `minWords` words that names nothing: no number, no name (no capital after the first
   * word), no quotation. Alone it is ordinary prose; it only tips a sentence that has two other pieces of evidence.
   */
  vague?: { label: string; weight: number; minWords: number };
  /** The article's last sentence of running text: where generated text puts its stock conclusion. */
  closing?: { label: string; weight: number };
  /** A question in the writer's own voice (not quoted): "So why wait?" */
  question?: { label: string; weight: number };
  /** A word coordinated with itself ("growth and growth"), a trace of automatic rewriting. */
  doubled?: { label: string; weight: number; minLetters: number; except: string[] };
}

interface PreparedSignal {
  spec: SignalSpec;
  /** Patterns and multi-word entries, for lower-cased text; `reCased` for text whose length lower-casing changes. */
  re: RegExp | null;
  reCased: RegExp | null;
  /** Single-word entries, matched against tokens. */
  exact: ReadonlySet<string>;
  prefixes: RegExp | null;
  /** The same prefixes, as written (lower case). */
  singlePrefixes: string[];
  /** The alternatives `re` is made of, each with the words it can start with (null: any word). */
  parts: string[];
  partStarts: Array<StartWords | null>;
  /** Per alternative without known first words: the character before the first space of any match (-1: none known). */
  partGates: number[];
  /** Per alternative without known first words, its leading word shape when it has one (see runGate). */
  partRuns: Array<RunGate | null>;
  /** Indices of the alternatives without known first words. */
  anyWordParts: number[];
  /** `re` restricted to some of its alternatives (key: their indices), compiled on first use, with its gate. */
  subsets: Map<string, Subset>;
  /** Per alternative, the literal texts its matches start with (in the lower-cased text), read on first use. */
  partPrefixes: Array<string[] | undefined>;
  /** The same for every alternative, from the build (encodePrefixes), decoded on first use; null for other packs. */
  builtPrefixes: string | null;
}

/**
 * A signal's expression restricted to some alternatives, and the literal prefixes one of which every match of it
 * starts with: a position of the lower-cased text that none of them fits cannot match (the try is skipped).
 */
interface Subset {
  re: RegExp;
  /** The alternatives it is made of. */
  parts: readonly number[];
  /** Built on first use (see GATES_AFTER): null until then. */
  gate: PrefixGate | null;
}

interface StartWords {
  exact: ReadonlySet<string>;
  prefixes: string[];
}

/** One anchored expression for a list of word prefixes: a single test per token. */
function prefixTest(prefixes: string[]): RegExp | null {
  return prefixes.length ? new RegExp(`^(?:${prefixes.map(escapeRegExp).join('|')})`, 'u') : null;
}

interface PreparedBoilerplate {
  /** Articles this thread has checked with the rule (see GATES_AFTER). */
  checked: number;
  /** Union gates of words with several starts (see roleGate), by those starts. */
  unionGates: Map<string, PrefixGate>;
  threshold: number;
  skipQuotes: boolean;
  signals: PreparedSignal[];
  vague: BoilerplateSentenceOptions['vague'] | null;
  closing: BoilerplateSentenceOptions['closing'] | null;
  question: BoilerplateSentenceOptions['question'] | null;
  doubled: { label: string; weight: number; minLetters: number; except: ReadonlySet<string> } | null;
}

const SINGLE_WORD = /^[\p{L}\p{M}\p{N}]+(?:['’-][\p{L}\p{M}\p{N}]+)*\*?$/u;

/** "underscor*" → underscor\p{L}*; spaces match any run of whitespace; apostrophes match both forms. */
function wordSource(w: string): string {
  const prefix = w.endsWith('*');
  const body = escapeRegExp((prefix ? w.slice(0, -1) : w).toLowerCase())
    .replace(/\s+/g, '\\s+')
    .replace(/'/g, "['’]");
  return prefix ? `${body}[\\p{L}\\p{M}]*` : body;
}

function compile(spec: SignalSpec, parts: string[], flags: string): RegExp | null {
  if (!parts.length) return null;
  const source = `(?:${parts.map((p) => `(?:${p})`).join('|')})(?![\\p{L}\\p{N}])`;
  try {
    return new RegExp(source, flags);
  } catch (e) {
    throw new Error(`signal "${spec.name}": invalid regular expression: ${(e as Error).message}`);
  }
}

/**
 * `firstWords` of each of a signal's patterns, as lists (null: any word), per signal: what prepareSignal reads
 * from the sources (for the build table and tests).
 */
export function patternFirstWords(o: BoilerplateSentenceOptions): Array<Array<string[] | null>> {
  return o.signals.map((spec) =>
    (spec.patterns ?? []).map((p) => {
      const fw = firstWords(p);
      return fw ? [...fw] : null;
    }),
  );
}

/**
 * `known`: the patterns' first words worked out at build time (see patternFirstWords), when they are there;
 * `vouched`: the build prepared these very options (so their expressions compiled there).
 */
function prepareSignal(spec: SignalSpec, known?: ReadonlyArray<string[] | null>, vouched = false): PreparedSignal {
  const words = spec.words ?? [];
  const single = spec.atSentenceStart ? [] : words.filter((w) => SINGLE_WORD.test(w));
  const multiWords = words.filter((w) => !single.includes(w));
  const patterns = spec.patterns ?? [];
  const parts = [...patterns, ...multiWords.map(wordSource)];
  if (!parts.length && !single.length) throw new Error(`signal "${spec.name}" has neither patterns nor words`);
  const key = (w: string): string => w.toLowerCase().replace(/’/g, "'");
  // Per alternative, the words it can start with: a pattern's as read from its source, a phrase's first word
  // (as a prefix, as before: the phrase's expression decides the rest).
  const partStarts: Array<StartWords | null> = [
    ...patterns.map((p, i): StartWords | null => {
      const fw = known ? known[i]! : firstWords(p);
      return fw ? startWords([...fw]) : null;
    }),
    ...multiWords.map((w) => startWords([`${key(w.split(/\s+/)[0]!).replace(/\*$/, '')}*`])),
  ];
  const anyWordParts = partStarts.flatMap((x, i) => (x ? [] : [i]));
  // `re` is compiled here, so a bad pattern is refused at load (a shipped pack's was at build time: its `re` is
  // compiled on first use, and most are never used, their alternatives being tried in subsets); its
  // case-insensitive twin (the same source, so the same syntax) only on first use: Unicode case folding makes it
  // 3-4x dearer, and only text whose length lower-casing changes (rare letters) needs it.
  let re: RegExp | null | undefined = vouched ? undefined : compile(spec, parts, 'yu');
  let reCased: RegExp | null | undefined;
  const singlePrefixes = single.filter((w) => w.endsWith('*')).map((w) => key(w.slice(0, -1)));
  return {
    spec,
    get re() {
      return re === undefined ? (re = compile(spec, parts, 'yu')) : re;
    },
    get reCased() {
      return reCased === undefined ? (reCased = compile(spec, parts, 'yiu')) : reCased;
    },
    exact: new Set(single.filter((w) => !w.endsWith('*')).map(key)),
    prefixes: prefixTest(singlePrefixes),
    singlePrefixes,
    parts,
    partStarts,
    partGates: parts.map((p, i) => (partStarts[i] ? -1 : spaceGate(p))),
    partRuns: parts.map((p, i) => (partStarts[i] ? null : runGate(p))),
    anyWordParts,
    subsets: new Map(),
    partPrefixes: [],
    builtPrefixes: null,
  };
}

function startWords(words: string[]): StartWords {
  return { exact: new Set(words.filter((w) => !w.endsWith('*'))), prefixes: words.filter((w) => w.endsWith('*')).map((w) => w.slice(0, -1)) };
}

const admits = (st: StartWords, norm: string): boolean => st.exact.has(norm) || st.prefixes.some((p) => norm.startsWith(p));

/**
 * Articles a thread checks before the literal-prefix gates are used. Each gate is a trie of up to a few thousand
 * prefixes (the generic phrases that can start at "the"), built on first use: in a one-article run, from a cold
 * start, building them cost more than the ~0.7 ms a gated article saves (0.51 → 0.77 s wall, last round). A gate
 * only skips tries that cannot match, so an article reads the same with or without them.
 */
export const GATES_AFTER = 48;

/** Counts an article checked with `prepared`; true once the thread has checked more than GATES_AFTER. */
function gatesDue(prepared: PreparedBoilerplate): boolean {
  return ++prepared.checked > GATES_AFTER;
}

/**
 * The build-time table of every alternative's gate prefixes, per signal (encodePrefixes of gatePrefixes of
 * `parts`), for the shipped packs. Its key (the pack's hash and the rule's index) names the options, which are all
 * `parts` depend on; the name carries the format and GATE_DEPTH, so a table of another kind is never read as this one.
 */
export const PREFIX_TABLE = `template-sentence-prefixes-1-d${GATE_DEPTH}`;

/** The build-time table of each signal's patterns' first words (patternFirstWords), for the shipped packs. */
export const FIRST_WORDS_TABLE = 'template-sentence-first-words-1';

/** Each signal's alternatives as prepareSignal makes them (`parts`), from the options alone (for tests and the build table). */
export function signalParts(o: BoilerplateSentenceOptions): string[][] {
  return o.signals.map((spec) => prepareSignal(spec).parts);
}

/** The signal's expression restricted to the alternatives `parts` (ascending): they keep their order, so the same match wins. */
function subsetRegex(signal: PreparedSignal, parts: readonly number[]): Subset {
  const key = parts.join(',');
  let sub = signal.subsets.get(key);
  if (!sub) {
    const re = parts.length === signal.parts.length ? signal.re! : compile(signal.spec, parts.map((i) => signal.parts[i]!), 'yu')!;
    signal.subsets.set(key, (sub = { re, parts, gate: null }));
  }
  return sub;
}

/** The literal prefixes of alternative `i`: from the build's table when the pack is a shipped one, else read from its source. */
function partPrefixes(signal: PreparedSignal, i: number): string[] {
  let known = signal.partPrefixes[i];
  if (known) return known;
  if (signal.builtPrefixes !== null) {
    let all: string[][] = [];
    try {
      all = decodePrefixes(signal.builtPrefixes);
    } catch {
      // A broken table: the sources are read instead.
    }
    signal.builtPrefixes = null;
    // A table that does not fit the alternatives is ignored (the sources are read instead).
    if (all.length === signal.parts.length) all.forEach((x, k) => (signal.partPrefixes[k] = x));
    known = signal.partPrefixes[i];
    if (known) return known;
  }
  return (signal.partPrefixes[i] = gatePrefixes(signal.parts[i]!));
}

/** Every alternative's gate prefixes of signal `si`, as its gates are built from them (for tests: the build's table against the sources). */
export function alternativePrefixes(prepared: PreparedBoilerplate, si: number): string[][] {
  const signal = prepared.signals[si]!;
  return signal.parts.map((_, i) => partPrefixes(signal, i));
}

/** The literal prefixes every match of `sub` starts with. */
function subsetPrefixes(signal: PreparedSignal, sub: Subset): string[] {
  return sub.parts.flatMap((i) => partPrefixes(signal, i));
}

/** The gate of `sub`, built on first use: a position it rejects cannot start a match of `sub`. */
function subsetGate(signal: PreparedSignal, sub: Subset): PrefixGate {
  return (sub.gate ??= new PrefixGate(subsetPrefixes(signal, sub)));
}

const SPECIAL = new Set([...'^$\\.*+?()[]{}|/']);

/**
 * For an expression that starts with elements none of which can match a space, followed by a literal character
 * and a literal space (`[\p{L}-]+(?:tion|ity), [\p{L}-]+ ...`): that character's code. A match starting at p then
 * has it just before the first space at or after p, so a word where that is not so needs no try. -1 when the
 * source is not of that shape (the expression is then tried at every word, as before).
 */
export function spaceGate(source: string): number {
  const cannotMatchSpace = (el: string): boolean => {
    try {
      return !new RegExp(`^(?:${el})$`, 'u').test(' ');
    } catch {
      return false;
    }
  };
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    let end: number;
    if (c === '[') {
      end = i + 1;
      if (source[end] === '^') end++;
      if (source[end] === ']') end++;
      while (end < source.length && source[end] !== ']') end += source[end] === '\\' ? 2 : 1;
      if (end >= source.length) return -1;
      end++;
      if (!cannotMatchSpace(source.slice(i, end))) return -1;
    } else if (source.startsWith('(?:', i)) {
      end = source.indexOf(')', i);
      // Only a group of plain alternatives (letters, digits, quantifiers): it cannot hold a space.
      if (end < 0 || !/^[\p{L}\p{N}|?*+]*$/u.test(source.slice(i + 3, end))) return -1;
      end++;
    } else if (c === '\\') {
      const m = /^\\(?:[pP]\{[\p{L}_=]+\}|[dw])/u.exec(source.slice(i));
      if (!m || !cannotMatchSpace(m[0])) return -1;
      end = i + m[0].length;
    } else if (c === ' ' || SPECIAL.has(c) || /[\s\uD800-\uDFFF]/u.test(c)) {
      return -1;
    } else {
      // A literal character: the gate when a literal, unquantified space follows it.
      end = i + 1;
      if (source[end] === ' ' && !QUANTIFIER.test(source.slice(end + 1))) return c.charCodeAt(0);
    }
    const q = QUANTIFIER.exec(source.slice(end));
    i = end + (q ? q[0].length : 0);
  }
  return -1;
}

/**
 * An expression that starts with a run of one character class, a group of literal endings made of that class, and
 * a literal character outside it (`[\p{L}-]+(?:tion|ity|...), ...`): a match at p takes the whole run of class
 * characters from p (the endings cannot stop it short, the character after cannot extend it), so that run must end
 * with one of the endings (with at least one character before it) and be followed by that character. Checked with
 * one sticky run of the class and a few endsWith, instead of the backtracking expression.
 */
export interface RunGate {
  run: RegExp;
  endings: string[];
  after: string;
}

export function runGate(source: string): RunGate | null {
  const m = /^(\[(?:\\.|[^\]\\])+\])\+\(\?:([^()[\]\\?*+{}.^$|]+(?:\|[^()[\]\\?*+{}.^$|]+)*)\)(\\[^\p{L}\p{N}]|[^\\[\]()?*+{}.^$|])(?![?*+{])/u.exec(source);
  if (!m) return null;
  const [, cls, alternatives, next] = m;
  const after = next!.length === 2 ? next![1]! : next!;
  let one: RegExp;
  try {
    one = new RegExp(`^${cls}$`, 'u');
  } catch {
    return null;
  }
  const endings = alternatives!.split('|');
  if (one.test(after) || !endings.every((e) => [...e].every((c) => one.test(c)))) return null;
  return { run: new RegExp(`${cls}*`, 'yu'), endings, after };
}

/** The run gate lets position p of `text` through. */
export function runGateFits(g: RunGate, text: string, p: number): boolean {
  g.run.lastIndex = p;
  g.run.exec(text);
  const q = g.run.lastIndex;
  if (!text.startsWith(g.after, q)) return false;
  for (const e of g.endings) if (q - p > e.length && text.endsWith(e, q)) return true;
  return false;
}

/** Index of the sentence containing `offset`, or -1 (between sentences). Sentences are sorted. */
function sentenceAt(sentences: readonly Sentence[], offset: number): number {
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.start <= offset) lo = mid + 1;
    else hi = mid;
  }
  const i = lo - 1;
  return i >= 0 && offset < sentences[i]!.end ? i : -1;
}

/** No number, no name (a capital after the first word, other than "I"), no quotation, and long enough. */
function namesNothing(doc: Doc, sentence: Sentence, minWords: number): boolean {
  let words = 0;
  for (let t = sentence.tokenFrom; t < sentence.tokenTo; t++) {
    const tok = doc.tokens[t]!;
    if (tok.kind === 'number') return false;
    if (tok.kind === 'punct' && /["“”«»„]/u.test(tok.text)) return false;
    if (tok.kind !== 'word') continue;
    if (words > 0 && startsWithCapital(tok.text) && tok.text !== 'I') return false;
    if (/\d/u.test(tok.text)) return false;
    words++;
  }
  return words >= minWords;
}

const norm = (s: string): string => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ');

/** The text lower-cased once per article, when that keeps every offset (it almost always does). */
function lowerText(doc: Doc): string | null {
  return doc.memo('lower-text', (d) => {
    const lower = d.text.toLowerCase();
    return lower.length === d.text.length ? lower : null;
  });
}

/**
 * Per word, which signals it is a single-word match of, and per signal whose patterns can start at it the
 * alternatives that can (with their expression when no alternative needs every word).
 */
interface WordRole {
  single: number[];
  starts: Array<{ si: number; parts: number[]; re: Subset | null }>;
  /**
   * The union of the starts' gates (null: none has an expression; undefined: not built yet, see roleGate): a word
   * it rejects needs no gate of its own tried.
   */
  gate: PrefixGate | null | undefined;
}

/** Roles of words that start with a prefix of a list, per prepared rule, kept across articles (words repeat); cleared when it grows large. */
const ROLE_CACHE = new WeakMap<PreparedBoilerplate, Map<string, WordRole>>();
const ROLE_CACHE_MAX = 50_000;

// Most words have no role at all: they share one empty role (never written to).
const NO_ROLE: WordRole = { single: [], starts: [], gate: null };

function roleOf(signals: readonly PreparedSignal[], norm: string): WordRole {
  const role: WordRole = { single: [], starts: [], gate: undefined };
  signals.forEach((signal, si) => {
    if ((signal.exact.size || signal.prefixes) && (signal.exact.has(norm) || (signal.prefixes?.test(norm) ?? false))) role.single.push(si);
    const parts = signal.partStarts.flatMap((st, i) => (st && admits(st, norm) ? [i] : []));
    if (parts.length) role.starts.push({ si, parts, re: signal.anyWordParts.length ? null : subsetRegex(signal, parts) });
  });
  return role.single.length || role.starts.length ? role : NO_ROLE;
}

/**
 * The role's union gate (see WordRole.gate), built on first use. Words that share their starts share the gate
 * (the words a prefix such as "explor" admits all have the same), kept per prepared rule by the starts' alternatives.
 */
function roleGate(prepared: PreparedBoilerplate, role: WordRole): PrefixGate | null {
  if (role.gate !== undefined) return role.gate;
  const { signals } = prepared;
  const gated = role.starts.filter((st) => st.re !== null);
  if (!gated.length) return (role.gate = null);
  if (gated.length === 1) return (role.gate = subsetGate(signals[gated[0]!.si]!, gated[0]!.re!));
  const key = gated.map((st) => `${st.si}:${st.parts.join(',')}`).join(' ');
  let gate = prepared.unionGates.get(key);
  if (!gate) prepared.unionGates.set(key, (gate = new PrefixGate(gated.flatMap((st) => subsetPrefixes(signals[st.si]!, st.re!)))));
  return (role.gate = gate);
}

/** Every word any signal gives a role to, and every prefix: most words are turned away by these two small tests. */
interface RoleWords {
  /** Their roles, each computed on first sight (null until then). */
  exact: Map<string, WordRole | null>;
  /** The prefixes (`fitsAt(word, 0)`: the word starts with one); null when no signal has any. */
  prefixes: PrefixGate | null;
}

const ROLE_WORDS = new WeakMap<PreparedBoilerplate, RoleWords>();

function roleWords(prepared: PreparedBoilerplate): RoleWords {
  let rw = ROLE_WORDS.get(prepared);
  if (rw) return rw;
  const exact = new Map<string, WordRole | null>();
  const prefixes: string[] = [];
  for (const signal of prepared.signals) {
    for (const w of signal.exact) exact.set(w, null);
    prefixes.push(...signal.singlePrefixes);
    for (const st of signal.partStarts) {
      for (const w of st?.exact ?? []) exact.set(w, null);
      prefixes.push(...(st?.prefixes ?? []));
    }
  }
  // PrefixGate passes everything when it has no prefixes at all; here that means no word has a prefix.
  ROLE_WORDS.set(prepared, (rw = { exact, prefixes: prefixes.length ? new PrefixGate(prefixes) : null }));
  return rw;
}


/**
 * Per prepared rule, every word's role memoised by vocabulary id (one array read per token instead of a string
 * lookup and a prefix walk): `index` answers a number into `table` (0: no role). A role is a function of the word
 * alone (roleOf), so a word answered once keeps its answer.
 */
interface RoleIndex {
  index: VocabIndex;
  table: WordRole[];
  numbers: Map<WordRole, number>;
  /** The lookup of the article being read (it reads that call's cache). */
  current: (norm: string) => WordRole;
}

const ROLE_INDEX = new WeakMap<PreparedBoilerplate, RoleIndex>();

function roleIndex(prepared: PreparedBoilerplate): RoleIndex {
  let ri = ROLE_INDEX.get(prepared);
  if (ri) return ri;
  const index = new VocabIndex((norm) => {
    const role = ri!.current(norm);
    let n = ri!.numbers.get(role);
    if (n === undefined) {
      ri!.numbers.set(role, (n = ri!.table.length));
      ri!.table.push(role);
    }
    return n;
  });
  ri = { index, table: [NO_ROLE], numbers: new Map([[NO_ROLE, 0]]), current: () => NO_ROLE };
  ROLE_INDEX.set(prepared, ri);
  return ri;
}

/**
 * One pass over the tokens for every signal: per signal, the word tokens that are single-word matches, and
 * where its patterns can start, with the expression to try there; `roleIndex` gives any word's role (signals with
 * an alternative that can start at any word read it). With the lower-cased text, a start whose text fits none of
 * the expression's literal prefixes is left out (it cannot match there).
 */
function chooseTokens(
  doc: Doc,
  prepared: PreparedBoilerplate,
  lower: string | null,
  gated: boolean,
): { single: number[][]; starts: number[][]; startRes: Subset[][]; roleIndex: RoleIndex } {
  let cache = ROLE_CACHE.get(prepared);
  if (!cache || cache.size > ROLE_CACHE_MAX) ROLE_CACHE.set(prepared, (cache = new Map()));
  const { exact, prefixes } = roleWords(prepared);
  const { signals } = prepared;
  const ri = roleIndex(prepared);
  ri.current = (norm) => {
    let role = exact.get(norm);
    if (role === null) exact.set(norm, (role = roleOf(signals, norm)));
    else if (role === undefined) {
      if (prefixes === null || !prefixes.fitsAt(norm, 0)) return NO_ROLE;
      role = cache.get(norm);
      if (role === undefined) cache.set(norm, (role = roleOf(signals, norm)));
    }
    return role;
  };
  const { index, table } = ri;
  const single = signals.map((): number[] => []);
  const starts = signals.map((): number[] => []);
  const startRes = signals.map((): Subset[] => []);
  const tokens = doc.tokens;
  for (let ti = 0; ti < tokens.length; ti++) {
    const tok = tokens[ti]!;
    if (tok.kind !== 'word') continue;
    const role = table[index.get(tok.vocabId, tok.norm)]!;
    if (role === NO_ROLE) continue;
    for (const si of role.single) single[si]!.push(ti);
    if (gated) {
      const gate = role.gate === undefined ? roleGate(prepared, role) : role.gate;
      if (gate !== null && !gate.fitsAt(lower!, tok.start)) continue;
    }
    for (const st of role.starts) {
      const sub = st.re;
      if (sub === null) continue;
      if (gated && !(sub.gate ?? subsetGate(signals[st.si]!, sub)).fitsAt(lower!, tok.start)) continue;
      starts[st.si]!.push(ti);
      startRes[st.si]!.push(sub);
    }
  }
  return { single, starts, startRes, roleIndex: ri };
}

/**
 * The words where a signal's patterns are tried, in text order, each with the expression to try (only the
 * alternatives that can match there, in their order: the same match wins as with the whole expression), on the
 * lower-cased text; a word whose text fits none of those alternatives' literal prefixes is not tried.
 */
function patternTries(doc: Doc, signal: PreparedSignal, si: number, chosen: ReturnType<typeof chooseTokens>, text: string, gated: boolean): { at: number[]; res: Subset[] } {
  if (!signal.anyWordParts.length) return { at: chosen.starts[si]!, res: chosen.startRes[si]! };
  const at: number[] = [];
  const res: Subset[] = [];
  const { index, table } = chosen.roleIndex;
  // Only a signal with some alternatives tied to their first words needs each word's role.
  const withRoles = signal.partStarts.some((x) => x !== null);
  const gates = signal.anyWordParts.map((i) => signal.partGates[i]!);
  const runs = signal.anyWordParts.map((i) => signal.partRuns[i]!);
  // The expression of the any-word alternatives a word passes, by the mask of their gates.
  const byMask = new Map<number, Subset>();
  const tokens = doc.tokens;
  let nextSpace = -1;
  for (let ti = 0; ti < tokens.length; ti++) {
    const tok = tokens[ti]!;
    if (tok.kind !== 'word') continue;
    const start = tok.start;
    let parts: number[] | null = null;
    if (withRoles) for (const st of table[index.get(tok.vocabId, tok.norm)]!.starts) if (st.si === si) parts = st.parts;
    let mask = 0;
    for (let g = 0; g < gates.length; g++) {
      const gate = gates[g]!;
      if (gate >= 0) {
        // The match would hold no space before its gate character, so that character sits just before the first space.
        if (nextSpace < start) {
          // text.indexOf(' ', start), or the end, read from the word's end: a word token never holds a space (the
          // tokenizer splits at them; test/prose-detectors.test.ts checks it), and one is most often right there.
          nextSpace = tok.end;
          while (nextSpace < text.length && text.charCodeAt(nextSpace) !== 0x20) nextSpace++;
        }
        if (nextSpace >= text.length || text.charCodeAt(nextSpace - 1) !== gate) continue;
      }
      const run = runs[g];
      if (run && !runGateFits(run, text, start)) continue;
      mask |= 1 << g;
    }
    if (!parts && !mask) continue;
    let sub: Subset;
    if (!parts && gates.length <= 30) {
      let known = byMask.get(mask);
      if (!known) byMask.set(mask, (known = subsetRegex(signal, maskedParts(signal.anyWordParts, mask))));
      sub = known;
    } else {
      const any = mask ? maskedParts(signal.anyWordParts, mask) : null;
      sub = subsetRegex(signal, !any ? parts! : !parts ? any : [...parts, ...any].sort((a, b) => a - b));
    }
    if (gated && !(sub.gate ?? subsetGate(signal, sub)).fitsAt(text, start)) continue;
    at.push(ti);
    res.push(sub);
  }
  return { at, res };
}

/** The alternatives whose bit is set in `mask` (bit g: alternatives[g]). */
function maskedParts(alternatives: readonly number[], mask: number): number[] {
  return alternatives.filter((_, g) => mask & (1 << g));
}

/**
 * Where a signal's patterns match at a word start, as [token index, end offset], in text order; a match covers
 * the words it spans (none of them starts another). Tried (sticky) only at words that can start a match, each
 * with only the alternatives that can match there: much faster than scanning the text, with the same matches
 * as trying the whole expression at every word.
 */
function patternMatches(doc: Doc, signal: PreparedSignal, si: number, chosen: ReturnType<typeof chooseTokens>, lower: string | null, gated: boolean): Array<[number, number]> {
  const text = lower ?? doc.text;
  const tries = lower ? patternTries(doc, signal, si, chosen, text, gated) : null;
  const at = tries ? tries.at : signal.anyWordParts.length ? wordTokens(doc) : chosen.starts[si]!;
  const out: Array<[number, number]> = [];
  let coveredTo = -1;
  for (let k = 0; k < at.length; k++) {
    const tok = doc.tokens[at[k]!]!;
    if (tok.start < coveredTo) continue;
    const re = tries ? tries.res[k]!.re : signal.reCased!;
    re.lastIndex = tok.start;
    const m = re.exec(text);
    if (!m || m[0] === '') continue;
    coveredTo = tok.start + m[0].length;
    out.push([at[k]!, coveredTo]);
  }
  return out;
}

/** Indices of the word tokens. */
function wordTokens(doc: Doc): number[] {
  const out: number[] = [];
  doc.tokens.forEach((t, i) => t.kind === 'word' && out.push(i));
  return out;
}

/**
 * patternMatches for one signal of a prepared rule, with the literal-prefix gates or without (for tests: the same
 * matches as the whole expression at every word).
 */
export function signalPatternMatches(doc: Doc, prepared: PreparedBoilerplate, si: number, gates = true): Array<[number, number]> {
  const lower = lowerText(doc);
  const gated = gates && lower !== null;
  return patternMatches(doc, prepared.signals[si]!, si, chooseTokens(doc, prepared, lower, gated), lower, gated);
}

/** Collects evidence per sentence; a stretch of text counts for one signal only (the first in pack order). */
class Evidence {
  readonly bySentence = new Map<number, Map<number, string[]>>();
  /** Per sentence, the claimed stretches as sorted, disjoint [start, end) pairs: a binary search finds an overlap. */
  private readonly taken = new Map<number, Array<[number, number]>>();
  /** Per sentence and signal, the normalised texts already listed (the message names each distinct one once). */
  private readonly listed = new Map<number, Map<number, Set<string>>>();

  add(sentence: number, signal: number, start: number, end: number, text: string): void {
    if (end > start) {
      let taken = this.taken.get(sentence);
      if (!taken) this.taken.set(sentence, (taken = []));
      // The first stretch ending after `start` is the only one that can overlap [start, end).
      let lo = 0;
      let hi = taken.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (taken[mid]![1] > start) hi = mid;
        else lo = mid + 1;
      }
      if (lo < taken.length && taken[lo]![0] < end) return;
      taken.splice(lo, 0, [start, end]);
    }
    let bySignal = this.bySentence.get(sentence);
    if (!bySignal) this.bySentence.set(sentence, (bySignal = new Map()));
    let listed = this.listed.get(sentence);
    if (!listed) this.listed.set(sentence, (listed = new Map()));
    const found = bySignal.get(signal) ?? [];
    const keys = listed.get(signal) ?? new Set<string>();
    const key = norm(text);
    if (!keys.has(key)) {
      keys.add(key);
      found.push(text.replace(/\s+/g, ' '));
    }
    bySignal.set(signal, found);
    listed.set(signal, keys);
  }
}

/**
 * Scores every sentence for template prose: several weak signals (a stock closing, generic intensifiers,
 * a reference to the article itself, a photo that is not there) add up; a sentence reaching the threshold is
 * flagged and the message names the signals that fired. One generic word alone never flags a sentence.
 * Speed: word lists are looked up per token; patterns are tried at word starts on the lower-cased text.
 */
export const boilerplateSentence: Detector<BoilerplateSentenceOptions, PreparedBoilerplate> = {
  type: 'boilerplate-sentence',
  summary: 'Scores each sentence by weighted template signals (self-reference, stock openings and closings, generic intensifiers) and flags sentences reaching a threshold.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['threshold', 'signals'],
    properties: {
      threshold: { type: 'number', exclusiveMinimum: 0 },
      skipQuotes: { type: 'boolean' },
      vague: {
        type: 'object',
        additionalProperties: false,
        required: ['label', 'weight', 'minWords'],
        properties: { label: { type: 'string', minLength: 1 }, weight: { type: 'number', exclusiveMinimum: 0 }, minWords: { type: 'integer', minimum: 1 } },
      },
      closing: { type: 'object', additionalProperties: false, required: ['label', 'weight'], properties: { label: { type: 'string', minLength: 1 }, weight: { type: 'number', exclusiveMinimum: 0 } } },
      question: { type: 'object', additionalProperties: false, required: ['label', 'weight'], properties: { label: { type: 'string', minLength: 1 }, weight: { type: 'number', exclusiveMinimum: 0 } } },
      doubled: {
        type: 'object',
        additionalProperties: false,
        required: ['label', 'weight', 'minLetters', 'except'],
        properties: {
          label: { type: 'string', minLength: 1 },
          weight: { type: 'number', exclusiveMinimum: 0 },
          minLetters: { type: 'integer', minimum: 1 },
          except: { type: 'array', items: { type: 'string', minLength: 1 } },
        },
      },
      signals: {
        type: 'array',
        minItems: 1,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'label', 'weight'],
          properties: {
            name: { type: 'string', pattern: '^[a-z][a-z0-9-]*$' },
            label: { type: 'string', minLength: 1 },
            weight: { type: 'number', exclusiveMinimum: 0 },
            each: { type: 'boolean' },
            max: { type: 'integer', minimum: 1 },
            patterns: { type: 'array', items: { type: 'string', minLength: 1 } },
            words: { type: 'array', items: { type: 'string', minLength: 2 } },
            atSentenceStart: { type: 'boolean' },
            skipNames: { type: 'boolean' },
          },
        },
      },
    },
  },
  prepare(o) {
    // Reading the patterns' first words costs a one-article run ~4 ms: a shipped pack's come from the build.
    let computed = false;
    const starts = buildCachedForShipped(FIRST_WORDS_TABLE, o, () => ((computed = true), patternFirstWords(o)));
    const fits = (x: unknown, si: number): x is Array<string[] | null> =>
      Array.isArray(x) && x.length === (o.signals[si]!.patterns ?? []).length && x.every((w) => w === null || (Array.isArray(w) && w.every((v) => typeof v === 'string')));
    const firsts = Array.isArray(starts) && starts.length === o.signals.length && starts.every(fits) ? starts : null;
    // Read from the build's table (not computed here): the build prepared these options, and compiled them.
    const vouched = firsts !== null && !computed;
    const signals = o.signals.map((spec, si) => prepareSignal(spec, firsts?.[si], vouched));
    // The literal prefixes of a shipped pack's alternatives come from the build (reading them from the source
    // costs a one-article run ~25 ms and its garbage); other packs' are read on first use, per alternative.
    const known = buildCachedForShipped(PREFIX_TABLE, o, () => signals.map((s) => encodePrefixes(s.parts.map((p) => gatePrefixes(p)))));
    if (Array.isArray(known) && known.length === signals.length) signals.forEach((s, si) => (s.builtPrefixes = typeof known[si] === 'string' ? known[si] : null));
    return {
      checked: 0,
      unionGates: new Map(),
      threshold: o.threshold,
      skipQuotes: o.skipQuotes !== false,
      signals,
      vague: o.vague ?? null,
      closing: o.closing ?? null,
      question: o.question ?? null,
      doubled: o.doubled ? { ...o.doubled, except: new Set(o.doubled.except.map((w) => w.toLowerCase())) } : null,
    };
  },
  run(doc, rule, ctx) {
    const { threshold, skipQuotes, signals, vague, closing, question, doubled } = rule.prepared;
    const quotes = skipQuotes ? quotedSpans(doc) : [];
    const quoted = (start: number, end: number): boolean => skipQuotes && insideSpans(quotes, start, end);
    const lower = lowerText(doc);
    const evidence = new Evidence();
    const gated = lower !== null && gatesDue(rule.prepared);
    const chosen = chooseTokens(doc, rule.prepared, lower, gated);

    // A doubled word is strong evidence: it claims its words before the phrase lists do.
    if (doubled) findDoubled(doc, doubled, quoted, (s, start, end) => evidence.add(s, signals.length, start, end, doc.text.slice(start, end)));
    signals.forEach((signal, si) => {
      const { spec } = signal;
      const isName = (s: number, start: number): boolean => spec.skipNames === true && start > doc.sentences[s]!.start && /^\p{Lu}/u.test(doc.text[start]!);
      // Single words: one lookup per token.
      if (signal.exact.size || signal.prefixes) {
        for (const ti of chosen.single[si]!) {
          const tok = doc.tokens[ti]!;
          if (quoted(tok.start, tok.end) || isName(tok.sentence, tok.start)) continue;
          evidence.add(tok.sentence, si, tok.start, tok.end, tok.text);
        }
      }
      if (!signal.parts.length) return;
      if (spec.atSentenceStart) {
        const re = lower ? signal.re! : signal.reCased!;
        const text = lower ?? doc.text;
        // On the lower-cased text, a sentence whose first word fits none of the literal prefixes cannot match.
        const gate = gated ? subsetGate(signal, subsetRegex(signal, signal.parts.map((_, i) => i))) : null;
        for (const s of doc.sentences) {
          // Skip an opening quote or bracket: the sentence's first word.
          re.lastIndex = s.start + (/^[\s"“‘'(\[]*/u.exec(s.text)?.[0].length ?? 0);
          if (gate && !gate.fitsAt(text, re.lastIndex)) continue;
          const m = re.exec(text);
          if (m && !quoted(m.index, m.index + m[0].length)) evidence.add(s.index, si, m.index, m.index + m[0].length, doc.text.slice(m.index, m.index + m[0].length));
        }
        return;
      }
      for (const [ti, end] of patternMatches(doc, signal, si, chosen, lower, gated)) {
        const tok = doc.tokens[ti]!;
        if (quoted(tok.start, end) || isName(tok.sentence, tok.start)) continue;
        evidence.add(tok.sentence, si, tok.start, end, doc.text.slice(tok.start, end));
      }
    });

    // Sentence context (closing position, a question to the reader): weighed like a signal, shown by its label,
    // but not evidence of its own (it does not count towards the two pieces that let vagueness tip a sentence).
    const CLOSING = signals.length + 1;
    const QUESTION = signals.length + 2;
    if (closing) {
      const last = lastProseSentence(doc);
      if (last >= 0) evidence.add(last, CLOSING, 0, 0, '');
    }
    if (question) {
      for (const q of doc.sentences) if (endsAsQuestion(q.text) && !/^["“‘]/u.test(q.text) && !quoted(q.start, q.end)) evidence.add(q.index, QUESTION, 0, 0, '');
    }
    const kinds: Array<{ label: string; weight: number; each?: boolean; max?: number; context?: boolean }> = [
      ...signals.map((x) => x.spec),
      doubled ?? { label: '', weight: 0 },
      { ...(closing ?? { label: '', weight: 0 }), context: true },
      { ...(question ?? { label: '', weight: 0 }), context: true },
    ];

    const out: Finding[] = [];
    for (const [s, bySignal] of [...evidence.bySentence].sort((a, b) => a[0] - b[0])) {
      let score = 0;
      let matches = 0;
      const reasons: string[] = [];
      for (const [ki, found] of [...bySignal].sort((a, b) => a[0] - b[0])) {
        const kind = kinds[ki]!;
        const count = kind.each ? Math.min(found.length, kind.max ?? Infinity) : 1;
        if (!kind.context) matches += count;
        score += kind.weight * count;
        const shown = found.filter((f) => f !== '');
        reasons.push(shown.length ? `${kind.label} (${shown.map((f) => `“${f}”`).join(', ')})` : kind.label);
      }
      const sentence = doc.sentences[s]!;
      // Vagueness only tips a sentence that already has two pieces of evidence.
      if (vague && matches >= 2 && score < threshold && score + vague.weight >= threshold && namesNothing(doc, sentence, vague.minWords)) {
        score += vague.weight;
        reasons.push(vague.label);
      }
      if (score < threshold) continue;
      out.push({ start: sentence.start, end: sentence.end, data: { signals: reasons.join('; '), score } });
    }
    ctx.stat('templateSentences', out.length);
    return out;
  },
};

/** /\?["”’)]*$/u, read from the end instead of searched: a question mark, perhaps inside closing quotes or brackets. */
export function endsAsQuestion(t: string): boolean {
  let k = t.length - 1;
  for (; k >= 0; k--) {
    const c = t.charCodeAt(k);
    if (c !== 0x22 && c !== 0x201d && c !== 0x2019 && c !== 0x29) break;
  }
  return k >= 0 && t.charCodeAt(k) === 0x3f;
}

/** The last sentence of the last paragraph that reads as running text (two sentences, or twelve words). */
function lastProseSentence(doc: Doc): number {
  for (let p = doc.paragraphs.length - 1; p >= 0; p--) {
    const para = doc.paragraphs[p]!;
    if (para.sentenceTo <= para.sentenceFrom) continue;
    const last = doc.sentences[para.sentenceTo - 1]!;
    const words = doc.tokens.slice(doc.sentences[para.sentenceFrom]!.tokenFrom, last.tokenTo).filter((t) => t.kind === 'word').length;
    if (para.sentenceTo - para.sentenceFrom >= 2 || words >= 12) return last.index;
  }
  return -1;
}

/** "growth and growth": a word, "and", the same word, within one sentence. */
function findDoubled(
  doc: Doc,
  o: NonNullable<PreparedBoilerplate['doubled']>,
  quoted: (start: number, end: number) => boolean,
  add: (sentence: number, start: number, end: number) => void,
): void {
  const t = doc.tokens;
  for (let i = 0; i + 2 < t.length; i++) {
    const a = t[i]!;
    const and = t[i + 1]!;
    const b = t[i + 2]!;
    if (and.norm !== 'and' || a.kind !== 'word' || a.norm !== b.norm || a.sentence !== b.sentence) continue;
    if (a.norm.length < o.minLetters || o.except.has(a.norm) || /er$/u.test(a.norm)) continue;
    if (quoted(a.start, b.end)) continue;
    add(a.sentence, a.start, b.end);
  }
}
