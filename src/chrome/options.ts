// The chrome rule's data (rules/chrome.json `options`): vocabulary and thresholds an editor can extend
// without touching code. `compileChromeOptions` turns it into matchers once per rule.

/** One kind of chrome (navigation, share buttons, footer...): how to recognise its lines. */
export interface ChromeKindSpec {
  /** Plain words for the message: "share buttons", "cookie notice". */
  label: string;
  /** Case-insensitive regular expressions that must match a whole (trimmed) line. */
  lines?: string[];
  /** Case-insensitive regular expressions that must match the start of a line ("Read more:", "Photo:"). */
  starts?: string[];
  /** Case-insensitive regular expressions that must match the end of a line ("... Credit: Reuters"). */
  ends?: string[];
  /** How hard a matching line separates article text from what lies beyond it (default 3; comment headers more). */
  weight?: number;
  /** Lines of this kind mark reader comments ("Reply", "3 votes", "NAME says:"): several with prose between them make a comment thread. */
  thread?: boolean;
}

export interface ChromeThresholds {
  /** A line at least this long (characters) with enough stopwords reads as article prose. */
  goodChars: number;
  /** Below this many characters a line is "short": it takes the class of its neighbours. */
  shortChars: number;
  /** Share of stopwords among a line's words that marks running prose (jusText uses about 0.3). */
  stopwordDensity: number;
  /** Vocabulary matches count only on lines up to this many words (longer lines are prose that mentions them). */
  vocabularyMaxWords: number;
  /** A line with this many capitalised function words ("In", "Of") near its start is in headline case (a headline, maybe glued to a teaser). */
  headlineRun: number;
  /** Share of capitalised words above which a line without sentence punctuation reads as a headline or menu. */
  titleCaseShare: number;
  /** How strongly non-article lines pull the main-content region apart (per line). */
  gapPenalty: number;
  /** The article is the earliest text region scoring at least this share of the best one (comments and teasers come later). */
  earliestRegionShare: number;
  /** A run of chrome with only its position as evidence (no vocabulary, date or template match) is flagged from this many words. */
  minPositionalWords: number;
  /** A second text region is kept only if it scores at least this share of the main one. */
  secondaryRegionShare: number;
  /** ... and only if the non-article lines between them cost at most this many times its own score. */
  secondaryGapShare: number;
  /** How many gap penalties a snippet cut off mid-word ("[...]") costs the region it sits in. */
  truncatedPenalty: number;
  /** Any later text region joins the article when the lines between cost at most this share of its score. */
  cheapGapShare: number;
  /** A line opening on this many capitalised words in a row, one a function word ("The 4 Best Spots In Detroit Hoodline crunched ..."), is a teaser's headline glued to its snippet. */
  gluedHeadlineWords: number;
  /** A region opening on a picture's caption and credit ("... shake hands in Hanoi." / "Photo: AP" / "1 / 8") starts after them when the credit is within this many lines of its start. */
  captionLeadLines: number;
  /** Product boxes: a short line recurring this many times a few lines apart, with each card's own lines between ("Buy Now"), extends the article over them (0: off). */
  cardRepeats: number;
  /** An earlier text region joins the article across a share box of at most this many lines costing at most `cheapGapShare` of its score (its lead; 0: off). */
  leadGapLines: number;
  /** A run of this many captions with their credits ("... Halloween. (Daniel Sorabji/AFP/Getty Images)") right after the article is its photo essay (0: off). */
  photoCaptionRun: number;
  /** The article's last line ending in a colon takes up to this many lines under it (one block, no blank line) as its list (0: off). */
  colonListLines: number;
  /** A chrome run of this many lines is an error, not a warning: that much page furniture would go to print. */
  errorLines: number;
  /** Comment signals (bylines with dates, "Reply", vote counts) at most this many lines apart belong to one thread. */
  threadMaxGap: number;
  /** A comment thread has at least this many signals. */
  threadMinSignals: number;
  /** A thread is taken for one only after this much article text (words of prose) above it. */
  threadArticleWords: number;
  /** A plain date (no time, no 'Posted'/'Updated') of at most this many words between two article lines is the text's own (a letter's or diary entry's date), not a date widget. */
  inlineDateWords: number;
  /** A text opening on at most this many headline, byline and date lines (nothing above them) keeps them as its own. */
  headLines: number;
  /** Credit and contact lines straight after the article's last line ('(Reporting by ...)', 'Write to NAME at ADDRESS', 'Via SOURCE'), at most this many, stay the article's. */
  signOffLines: number;
  /** A run of this many non-article lines... */
  breakLines: number;
  /** ...with this many lines of chrome vocabulary is a block of page furniture: prose beyond it joins the article only when it scores like it. */
  breakVocabulary: number;
  /** HTML: a line the markup puts in page furniture (nav, footer, sidebar) costs this much (times the gap penalty). */
  structurePenalty: number;
  /** HTML: a line with at least this share of its characters inside links is a menu or teaser, not prose. */
  linkShare: number;
  /** HTML: when the page has an article element holding most of the prose, a line outside it costs this much (times the gap penalty). */
  outsideArticlePenalty: number;
  /** HTML: the article element must hold at least this share of the page's prose to be taken for the article. */
  articleShare: number;
  /** Weight of a line of prose without enough length to be "good", per word, when it ends a sentence. */
  nearGoodWeight: number;
  /** Cost (times the gap penalty) of prose-like line without a closing full stop: mostly a headline. */
  headlinePenalty: number;
  /** Weight of a short line that ends a sentence and has stopwords (a heading or list item with words). */
  shortSentenceWeight: number;
  /** Weight of a short line full of figures (a table cell, a score). */
  shortFigureWeight: number;
  /** Cost (times the gap penalty) of a short line with stopwords, digits or a list mark (bare names cost the full penalty). */
  shortWordsPenalty: number;
  /** Weight of a table row of figures. */
  tableRowWeight: number;
  /** Cost (times the gap penalty) of a long line that is not prose (a headline, a menu on one line). */
  badPenalty: number;
  /** Weight of a chrome vocabulary kind that names none (times the gap penalty). */
  kindWeight: number;
  /** Each further line of an unbroken run of non-article lines costs this share more. */
  runGrowth: number;
  /** Kinds weighing this much (comment-section headers) are barriers: the article never extends across them. */
  barrierWeight: number;
  /** What each line of a comment thread costs a region (times the gap penalty). */
  threadPenalty: number;
  /** Inside the article, this many headline-like lines in a row... */
  linkListLines: number;
  /** ...each at most this many words, are a list of links. */
  linkListMaxWords: number;
  /** HTML: a comment container holding this many characters is a comment section (not a "12 comments" link). */
  markupThreadChars: number;
}

import type { StructureSpec } from './structure-hints.js';
import { buildCached } from '../shipped/build-cache.js';
import { foldCase } from '../text/fold-case.js';
import { requiredLiterals } from '../text/required-literals.js';
import { escapeRegExp } from '../text/regexp-escape.js';

/** The build-time table of the shipped patterns' literals (reading them cold cost more than it saved). */
export const LITERALS_TABLE = 'chrome-literals';

export interface ChromeOptions {
  /** Function words per language (ISO 639-3); text in other languages is measured against all lists together. */
  stopwords: Record<string, string[]>;
  kinds: Record<string, ChromeKindSpec>;
  thresholds?: Partial<ChromeThresholds>;
  /** How HTML markup reads (elements and class words); used only for HTML input. */
  structure?: StructureSpec;
}

export interface CompiledKind {
  name: string;
  label: string;
  lines: RegExp | null;
  starts: RegExp | null;
  ends: RegExp | null;
  weight: number;
  thread: boolean;
}

export interface CompiledChromeOptions {
  stopwords: ReadonlyMap<string, ReadonlySet<string>>;
  allStopwords: ReadonlySet<string>;
  kinds: CompiledKind[];
  /** Every kind's patterns of one anchoring in one expression, a named group per kind: one pass per line. */
  combined: { lines: RegExp | null; starts: RegExp | null; ends: RegExp | null };
  /**
   * A test every line end that `combined.ends` matches passes (one of its required literals, case-insensitively), or
   * null: the end expression is not anchored at its start, so it is tried at every position of a line's tail.
   */
  endsGate: RegExp | null;
  /** The whole-line and line-start patterns one by one, each with its literal prefilter, for a process's first lines (see kindOfLine); null when the patterns cannot be split. */
  split: SplitPatterns | null;
  thresholds: ChromeThresholds;
  structure: StructureSpec | null;
}

const GROUP = 'chromeKind';

function combine(kinds: CompiledKind[], pick: (k: CompiledKind) => RegExp | null, anchor: 'line' | 'start' | 'end'): RegExp | null {
  const parts = kinds.map((k, i) => [i, pick(k)] as const).filter(([, re]) => re !== null);
  if (parts.length === 0) return null;
  // Each kind's expression, without the anchors its own compilation added.
  const inner = (re: RegExp): string => re.source.replace(/^\^/, '').replace(/\\s\*\[\.:…!»›>\|\]\*\$$|\\s\*\$$/, '');
  return anchored(parts.map(([i, re]) => `(?<${GROUP}${i}>${inner(re!)})`).join('|'), anchor);
}

/** Whole-line patterns tolerate trailing punctuation and arrows ("Read more »", "You may also like..."). */
function anchored(body: string, anchor: 'line' | 'start' | 'end'): RegExp {
  if (anchor === 'line') return new RegExp(`^(?:${body})\\s*[.:…!»›>|]*$`, 'iu');
  if (anchor === 'end') return new RegExp(`(?:${body})\\s*$`, 'iu');
  return new RegExp(`^(?:${body})`, 'iu');
}

function groupKind(m: RegExpExecArray | null, kinds: readonly CompiledKind[]): CompiledKind | null {
  if (!m?.groups) return null;
  for (const [name, value] of Object.entries(m.groups)) if (value !== undefined && name.startsWith(GROUP)) return kinds[Number(name.slice(GROUP.length))] ?? null;
  return null;
}

/**
 * The kind of chrome a line's vocabulary gives away: whole-line patterns (short lines only), then line
 * starts (checked on `head`), then line ends (checked on `tail`).
 */
export function kindOfLine(o: CompiledChromeOptions, line: string, head: string, tail: string, short: boolean): CompiledKind | null {
  const c = o.combined;
  const split = o.split !== null && o.split.callsLeft > 0 ? o.split : null;
  if (split) split.callsLeft--;
  let starts: CompiledKind | null | undefined;
  return (
    (short && c.lines ? wholeLineKind(o, c.lines, line, split) : null) ??
    (c.starts ? (split && (starts = splitKind(o.kinds, split, split.starts, head)) !== undefined ? starts : groupKind(c.starts.exec(head), o.kinds)) : null) ??
    (c.ends && (o.endsGate === null || o.endsGate.test(tail)) ? groupKind(c.ends.exec(tail), o.kinds) : null)
  );
}

// The combined expressions are large case-insensitive Unicode alternations: V8 compiles one on its first
// execution, and under the i and u flags together it looks up every literal character's case variants (the
// whole-line expression alone took 25-40 ms of CPU, the line starts another 9-13 ms, more than checking a short
// article). A process's first lines are matched against the patterns one by one instead, each only when the line
// holds one of its required literals, so a one-article run compiles only the few small patterns its lines can
// match. The answer is the same: with both ends anchored (whole lines) or the start anchored (line starts), the
// combined expression's first matching alternative is the first pattern, in kind order, that matches on its own.
// After SPLIT_CALLS lines the combined expressions take over: a batch compiles them once and runs one per line.
const SPLIT_CALLS = 256;

/** One chrome pattern on its own, anchored as its kind's expression is. */
export interface SplitPattern {
  /** Index of its kind in `kinds`. */
  kind: number;
  /** The pattern's expression, compiled when first needed: constructing them all would cost what it saves. */
  source: string;
  anchor: 'line' | 'start';
  re: RegExp | null;
  /** Strings of which every match contains one (after foldCase), or null: always tried. */
  literals: string[] | null;
}

export interface SplitPatterns {
  lines: SplitPattern[];
  starts: SplitPattern[];
  /** Lines left before the combined expressions take over (shared by shallow copies of the options). */
  callsLeft: number;
}

/** The kind of the first pattern matching `text`, null for none; undefined when a pattern cannot stand alone (the combined expression answers then, and from then on). */
function splitKind(kinds: readonly CompiledKind[], split: SplitPatterns, patterns: readonly SplitPattern[], text: string): CompiledKind | null | undefined {
  let folded: string | null = null;
  for (const p of patterns) {
    if (p.literals) {
      folded ??= foldCase(text);
      let found = false;
      for (const l of p.literals) if (folded.includes(l)) { found = true; break; }
      if (!found) continue;
    }
    let re: RegExp;
    try {
      re = splitPatternRegExp(p);
    } catch {
      split.callsLeft = 0;
      return undefined;
    }
    if (re.test(text)) return kinds[p.kind]!;
  }
  return null;
}

/** A split pattern's expression (compiled on first use). */
export function splitPatternRegExp(p: SplitPattern): RegExp {
  return (p.re ??= anchored(p.source, p.anchor));
}

/**
 * Strings (after foldCase) of which every match of `source` contains one, or null when none can be proven: the
 * patterns are case-insensitive Unicode expressions.
 */
export function chromeLiterals(source: string): string[] | null {
  return requiredLiterals(source, true);
}

/** chromeLiterals(source), from the build-time table when the build saw it; null when the source cannot be read. */
function cachedLiterals(source: string): string[] | null {
  return buildCached(LITERALS_TABLE, source, () => {
    try {
      return chromeLiterals(source);
    } catch {
      return null;
    }
  });
}

const ASCII = /^[\x00-\x7f]+$/;

/**
 * One case-insensitive Unicode expression of the literals (folded, as chromeLiterals gives them), or null when
 * there are none or one is not ASCII. Under the i and u flags a character matches every character of the same simple
 * case folding, in the literal expression as in the pattern it came from, and an ASCII literal's folded character
 * has the same folding as the pattern's own (k for k, K and the Kelvin sign; s for s, S and ſ): a text the pattern
 * matches holds a match of the literal expression. Only ASCII: a folded non-ASCII letter (σ from ς) need not fold
 * like the pattern's. It is the test, not foldCase + includes: folding a line's tail costs more than the pattern
 * (a 2k batch's 20k line tails: 26 ms to fold, 13 ms for this test, 51 ms for the end expression alone).
 */
function literalGate(literals: string[] | null): RegExp | null {
  if (!literals || literals.length === 0 || !literals.every((l) => ASCII.test(l))) return null;
  return new RegExp(literals.map(escapeRegExp).join('|'), 'iu');
}

/** Each pattern of one anchoring on its own, in kind order, or null when one cannot stand alone. */
function splitPatterns(kinds: Record<string, ChromeKindSpec>, pick: (k: ChromeKindSpec) => string[] | undefined, anchor: 'line' | 'start'): SplitPattern[] | null {
  const out: SplitPattern[] = [];
  let kind = 0;
  for (const spec of Object.values(kinds)) {
    for (const p of pick(spec) ?? []) {
      // A back-reference counts groups across the combined expression: the split would not be the same pattern.
      if (/\\(?:[1-9]|k<)/.test(p)) return null;
      out.push({ kind, source: `(?:${p})`, anchor, re: null, literals: cachedLiterals(p) });
    }
    kind++;
  }
  return out;
}

// The whole-line expression is the dearest per call (its alternatives backtrack over the words of the line),
// and short lines recur: menus, share bars, bylines and headings of one site, wire copy across a batch. Its
// answer depends only on the line and the options: kept per options object, for lines up to WHOLE_LINE_KEY
// characters, bounded (cleared when full). The key is a copy, so the cache never holds an article's body.
const WHOLE_LINE_KEY = 200;
const WHOLE_LINE_MAX = 20_000;
const wholeLineCache = new WeakMap<CompiledChromeOptions, Map<string, CompiledKind | null>>();

function wholeLineKind(o: CompiledChromeOptions, re: RegExp, line: string, split: SplitPatterns | null): CompiledKind | null {
  if (line.length > WHOLE_LINE_KEY) return lineKind(o, re, line, split);
  let cache = wholeLineCache.get(o);
  if (!cache) wholeLineCache.set(o, (cache = new Map()));
  const known = cache.get(line);
  if (known !== undefined) return known;
  const kind = lineKind(o, re, line, split);
  if (cache.size >= WHOLE_LINE_MAX) cache.clear();
  cache.set(copyOf(line), kind);
  return kind;
}

function lineKind(o: CompiledChromeOptions, re: RegExp, line: string, split: SplitPatterns | null): CompiledKind | null {
  const k = split ? splitKind(o.kinds, split, split.lines, line) : undefined;
  return k !== undefined ? k : groupKind(re.exec(line), o.kinds);
}

/** A string with its own characters: a slice of an article's text would keep the whole text alive as a key. */
function copyOf(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}

export const DEFAULT_THRESHOLDS: ChromeThresholds = {
  goodChars: 120,
  shortChars: 45,
  stopwordDensity: 0.25,
  vocabularyMaxWords: 14,
  titleCaseShare: 0.7,
  headlineRun: 2,
  gapPenalty: 3,
  earliestRegionShare: 0.25,
  minPositionalWords: 6,
  secondaryRegionShare: 0.8,
  secondaryGapShare: 5,
  truncatedPenalty: 1,
  cheapGapShare: 0.5,
  gluedHeadlineWords: 6,
  captionLeadLines: 5,
  cardRepeats: 3,
  leadGapLines: 8,
  photoCaptionRun: 3,
  colonListLines: 12,
  errorLines: 10,
  threadMaxGap: 12,
  threadMinSignals: 3,
  threadArticleWords: 40,
  inlineDateWords: 5,
  headLines: 6,
  signOffLines: 2,
  breakLines: 4,
  breakVocabulary: 2,
  structurePenalty: 2,
  linkShare: 0.6,
  outsideArticlePenalty: 0.5,
  articleShare: 0.5,
  nearGoodWeight: 0.5,
  headlinePenalty: 0.5,
  shortSentenceWeight: 0.5,
  shortFigureWeight: 0.25,
  shortWordsPenalty: 0.25,
  tableRowWeight: 0.5,
  badPenalty: 2,
  kindWeight: 3,
  runGrowth: 0.25,
  barrierWeight: 10,
  threadPenalty: 0.25,
  linkListLines: 3,
  linkListMaxWords: 16,
  markupThreadChars: 200,
};

function alternation(patterns: string[] | undefined, anchor: 'line' | 'start' | 'end', where: string): RegExp | null {
  if (!patterns || patterns.length === 0) return null;
  try {
    return anchored(patterns.map((p) => `(?:${p})`).join('|'), anchor);
  } catch (e) {
    throw new Error(`${where}: invalid regular expression (${(e as Error).message})`);
  }
}

export function compileChromeOptions(o: ChromeOptions): CompiledChromeOptions {
  const stopwords = new Map<string, ReadonlySet<string>>();
  const all = new Set<string>();
  for (const [lang, words] of Object.entries(o.stopwords)) {
    const set = new Set(words.map((w) => w.toLowerCase()));
    stopwords.set(lang, set);
    for (const w of set) all.add(w);
  }
  const kinds = Object.entries(o.kinds).map(([name, k]) => ({
    name,
    label: k.label,
    lines: alternation(k.lines, 'line', `kinds.${name}.lines`),
    starts: alternation(k.starts, 'start', `kinds.${name}.starts`),
    ends: alternation(k.ends, 'end', `kinds.${name}.ends`),
    weight: k.weight ?? o.thresholds?.kindWeight ?? DEFAULT_THRESHOLDS.kindWeight,
    thread: k.thread ?? false,
  }));
  const combined = {
    lines: combine(kinds, (k) => k.lines, 'line'),
    starts: combine(kinds, (k) => k.starts, 'start'),
    ends: combine(kinds, (k) => k.ends, 'end'),
  };
  const lines = combined.lines ? splitPatterns(o.kinds, (k) => k.lines, 'line') : [];
  const starts = combined.starts ? splitPatterns(o.kinds, (k) => k.starts, 'start') : [];
  const split = lines && starts ? { lines, starts, callsLeft: SPLIT_CALLS } : null;
  const endsGate = combined.ends ? literalGate(cachedLiterals(combined.ends.source)) : null;
  return { stopwords, allStopwords: all, kinds, combined, endsGate, split, thresholds: { ...DEFAULT_THRESHOLDS, ...o.thresholds }, structure: o.structure ?? null };
}
