import type { Token } from '../types.js';
import { kindOfLine, type CompiledChromeOptions, type CompiledKind } from './options.js';
import { NO_ID, VocabIndex } from '../text/vocabulary.js';
import { isDigitCode } from '../text/digit-code.js';

/** What one non-blank line looks like, from its text alone. */
export interface LineFeatures {
  /** Characters after trimming. */
  chars: number;
  /** Word-like units: space-separated words, plus half the CJK characters (which have no spaces). */
  words: number;
  /** Ideographic and syllabic characters (Han, kana, Hangul): each carries what a few Latin letters do. */
  cjkChars: number;
  /** Share of words that are stopwords; -1 when the script has no word spaces to measure it on. */
  stopwordDensity: number;
  /** Ends like a sentence (full stop, question or exclamation mark, ellipsis, closing quote after one). */
  endsSentence: boolean;
  /** Ends cut off: "[...]", or an ellipsis straight after a word ("...the first step towar…"): a teaser's snippet. */
  truncated: boolean;
  /** Ends with a colon (introducing a list or quote). */
  endsColon: boolean;
  /** Sentence ends inside the line. */
  sentenceEnds: number;
  /** Share of capitalised words among the non-stopwords (headlines, menus, names). */
  titleCase: number;
  /** Chrome vocabulary kind the line matches, if short enough for that to count. */
  kind: CompiledKind | null;
  /** Looks like a date, time or "5 min read" widget and little else. */
  dateWidget: boolean;
  /** Starts like a list item or table row (markdown-like content). */
  listItem: boolean;
  /** Capitalised stopwords ("In", "Of", "After") among the first words, not counting the first: headline case. */
  headlineCaseWords: number;
  /** A dateline ("NEW DELHI:") after the first words: a headline glued to the lead of a teaser. */
  gluedDateline: boolean;
  /** Opens on a title-case headline run and goes on as prose ("The 4 Best Vegan Spots In Detroit Hoodline crunched ..."): a teaser. */
  gluedHeadline: boolean;
  /** Contains digits (scores, prices, table cells): content more often than menus. */
  digits: boolean;
  /** Share of tokens that start with a digit (tables of results are full of them). */
  numberShare: number;
  /** Stopwords on the line. */
  stopwords: number;
  /** Starts with a lower-case letter. */
  startsLower: boolean;
  /** A title-case headline whose only figure is the count it opens with ("Top 10 Weirdest Movies", "8 Crazy Championships"). */
  countingHeadline: boolean;
  /** A short line naming someone with a calendar date ("Jon Smith November 1, 2012 at 8:34 am", "#3 bob - 2 days ago"): a comment's byline. */
  commentByline: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** A month's name or abbreviation, with its optional stop (a pattern source, case-insensitive). */
export const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// A line that is mostly a date or time: "Nov. 19, 2019 8:03 am ET", "on16.10.2025", "Updated 3 hours ago".
const DATE_TOKEN = new RegExp(
  `\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|\\b\\d{1,2}${MONTH}\\d{4}\\b|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?|\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?|\\b\\d+\\s*(?:[smhd]|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\\s+(?:ago|read)\\b`,
  'giu',
);
const EDGE_CHARS = 160;
const BYLINE_MAX_WORDS = 14;
const COMMENT_NUMBER = /#\d/;
const ATTRIBUTION = /^[—–―-]/u;
// "JonNovember" (a name glued to the date by the page's markup) still holds a name.
const MONTH_PREFIX = new RegExp(`^${MONTH}\\d`, 'iu');
// Module-level so they are compiled once, not per line or per token.
export const COLON_END = /[:：]$/u;
/** COLON_END.test(t), from the last character (the expression would be tried at every position of a paragraph). */
export const endsColon = (t: string): boolean => t.endsWith(':') || t.endsWith('：');
const DIGIT = /\d/;
const GLUED_DATELINE = /^(?:\S+\s+){3,}\p{Lu}{4,}(?:[ .,-]+\p{Lu}{2,}){0,3}\s*:\s+\p{Lu}/u;
const LOWER_START = /^\p{Ll}/u;
// A calendar date (not a bare time: live blogs stamp entries with times), or "3 days ago".
const CALENDAR_DATE = new RegExp(
  `\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|\\b\\d+\\s+(?:min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?)\\s+ago\\b`,
  'iu',
);
// Words of a date or time that are no one's name.
const DATE_WORD = new RegExp(`^(?:${MONTH}|mon|tue|wed|thu|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day|am|pm|a\\.m|p\\.m|[a-z]{1,2}[sd]?t|utc|gmt|at|on|ago|posted|published|updated|tracked|edited|added|filed|submitted|created|modified|written|last|date|time)$`, 'iu');
const CALENDAR_WORD = new RegExp(`^(?:${MONTH}|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\\.?$`, 'iu');
export const TRUNCATED = /(?:\[\s*(?:\.\.\.|…)\s*\]|\p{L}(?:\.\.\.|…))$/u;
/** TRUNCATED.test(s), tried only when `s` ends as every match does: "]", "..." or "…". */
export const truncatedEnd = (s: string): boolean => (s.endsWith(']') || s.endsWith('...') || s.endsWith('…')) && TRUNCATED.test(s);
const LIST_ITEM = /^(?:[-*•·▪–]\s|\d{1,2}[.)]\s|\|)/u;

/**
 * The line's words: the document's own tokens when the caller has them (the text model is computed once
 * and shared), else a scan of the line. Only what the features read: a token of the document is one (no object
 * made per word); `start` is the word's offset in the text the tokens point into (`trimmedStart` + its offset in
 * the trimmed line for a scanned one).
 */
interface LineWord {
  text: string;
  norm: string;
  start: number;
  kind: Token['kind'];
  /** The word's vocabulary id (NO_ID for a scanned word). */
  vocabId: number;
}

/**
 * Membership of each stopword set, memoised per vocabulary id: every word of every line is looked up, and an array
 * read by id replaces hashing its string (the answer is the set's, a function of the normalised word alone).
 */
const STOPWORD_INDEX = new WeakMap<ReadonlySet<string>, VocabIndex>();
function stopwordIndex(stopwords: ReadonlySet<string>): VocabIndex {
  let index = STOPWORD_INDEX.get(stopwords);
  if (!index) STOPWORD_INDEX.set(stopwords, (index = new VocabIndex((norm) => (stopwords.has(norm) ? 1 : 0))));
  return index;
}

function wordsOf(t: string, tokens: readonly Token[] | null, trimmedStart: number): readonly LineWord[] {
  if (tokens) {
    // The classifier hands each line its words already (tokensByLine): read as they are, without a copy.
    let all = true;
    for (const k of tokens) if (k.kind !== 'word' && k.kind !== 'number') all = false;
    if (all) return tokens;
    const out: LineWord[] = [];
    for (const k of tokens) if (k.kind === 'word' || k.kind === 'number') out.push(k);
    return out;
  }
  const out: LineWord[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(t); m !== null; m = WORD.exec(t)) {
    const w = m[0];
    out.push({ text: w, norm: w.toLowerCase().replace(/’/g, "'"), start: trimmedStart + m.index, kind: isDigitCode(w.charCodeAt(0)) ? 'number' : 'word', vocabId: NO_ID });
  }
  return out;
}

/** First letter upper case (no regular expression: this runs for every word of every line). */
function capitalised(w: string): boolean {
  const code = w.charCodeAt(0);
  // ASCII: only A-Z changes when lower-cased and stays when upper-cased.
  if (code < 128) return code >= 65 && code <= 90;
  const c = w[0]!;
  return c !== c.toLowerCase() && c === c.toUpperCase();
}
// Closing quotes and brackets after a stop: " ' ” ’ » ) ]. Stops: . ! ? … 。 ！ ？
const STARTERS = new Set(['.', '!', '?', ':', ';', '"', '“', '‘', '(', '—', '–', '-']);
/** Ends like a sentence at `end` (exclusive): a full stop, question or exclamation mark, after closing quotes. */
function stopBefore(t: string, end: number): boolean {
  let i = end - 1;
  while (i >= 0 && isCloserCode(t.charCodeAt(i))) i--;
  return i >= 0 && isStopCode(t.charCodeAt(i));
}
/** One of STOPS by its UTF-16 code (this runs for every character of every line: no string per character). */
function isStopCode(c: number): boolean {
  return c === 46 || c === 33 || c === 63 || c === 0x2026 || c === 0x3002 || c === 0xff01 || c === 0xff1f;
}
/** One of CLOSERS by its UTF-16 code. */
function isCloserCode(c: number): boolean {
  return c === 34 || c === 39 || c === 0x201d || c === 0x2019 || c === 0xbb || c === 41 || c === 93;
}
/** Sentence ends inside the line: a stop (after closing quotes) followed by a space or the line end. */
export function sentenceEndsIn(t: string): number {
  let n = 0;
  const len = t.length;
  for (let i = 0; i < len; i++) {
    const c = t.charCodeAt(i);
    // An ellipsis ends no sentence here (a trailing one marks a teaser: `truncated`).
    if (c === 0x2026 || !isStopCode(c)) continue;
    let j = i + 1;
    while (j < len && isCloserCode(t.charCodeAt(j))) j++;
    if (j >= len) n++;
    else {
      const d = t.charCodeAt(j);
      if (d === 32 || d === 9) n++;
    }
    i = j - 1;
  }
  return n;
}
/** Any ideographic or syllabic script (no word spaces): code points from U+2E80 upwards that are not punctuation. */
function mayHaveCjk(words: readonly LineWord[]): boolean {
  for (const w of words) if (w.text.charCodeAt(0) >= 0x2e80) return true;
  return false;
}

/**
 * Figures more than words (a table row, a score, a price): article content more often than menus. Not a
 * headline that merely counts ("Top 10 Weirdest Movies", "8 Crazy Championships").
 */
export function figureLine(f: LineFeatures): boolean {
  return f.numberShare > 0.1 && !f.countingHeadline;
}

/** Words that start with a digit (counted, not filtered into an array: this runs for every line). */
function leadingDigits(words: readonly LineWord[]): number {
  let n = 0;
  for (const w of words) if (isDigitCode(w.text.charCodeAt(0))) n++;
  return n;
}

/** Words of prose a glued headline's snippet needs after the headline run. */
const GLUED_SNIPPET_WORDS = 6;

/**
 * A teaser with its headline and snippet on one line: the line opens on at least `run` capitalised words
 * or figures in a row, one of them a function word in headline case after the first ("Spots In Detroit"),
 * and the run ends on a lower-case word that starts at least a few words of prose. Running text opens on
 * a name now and then ("U.S. Supreme Court Justice Ruth Bader Ginsburg said"), but does not capitalise "In".
 */
function gluedHeadline(words: readonly LineWord[], stopwords: ReadonlySet<string>, run: number): boolean {
  if (words.length < run + GLUED_SNIPPET_WORDS) return false;
  let n = 0;
  let caseWord = false;
  for (; n < words.length; n++) {
    const w = words[n]!;
    if (!(w.kind === 'number' || isDigitCode(w.text.charCodeAt(0)) || capitalised(w.text))) break;
    // After a word, not a figure: "11.12 On Sunday, ..." is a timestamp before a sentence.
    const prev = n > 0 ? words[n - 1]! : null;
    if (prev && prev.kind !== 'number' && !isDigitCode(prev.text.charCodeAt(0)) && w.text !== 'I' && stopwords.has(w.norm) && w.kind !== 'number') caseWord = true;
  }
  return caseWord && n >= run && words.length - n >= GLUED_SNIPPET_WORDS;
}

export function lineFeatures(text: string, opts: CompiledChromeOptions, stopwords: ReadonlySet<string>, tokens: readonly Token[] | null = null, lineStart = 0): LineFeatures {
  const t = text.trim();
  const trimmedStart = lineStart + (text.length - text.trimStart().length);
  const tokens0 = wordsOf(t, tokens, trimmedStart);
  const cjk = mayHaveCjk(tokens0) ? (t.match(CJK)?.length ?? 0) : 0;
  let sw = 0;
  let caps = 0;
  let content = 0;
  const stop = stopwordIndex(stopwords);
  for (const w of tokens0) {
    if (stop.get(w.vocabId, w.norm) === 1) sw++;
    else if (w.kind !== 'number' && !isDigitCode(w.text.charCodeAt(0))) {
      content++;
      if (capitalised(w.text)) caps++;
    }
  }
  const spaced = cjk > t.length * 0.3 ? 0 : tokens0.length;
  const words = spaced + (cjk > 0 ? cjk / 2 : 0);
  const sentenceEnds = sentenceEndsIn(t);
  // Whole-line patterns only count on short lines; a long line that merely mentions them is prose.
  const short = tokens0.length <= opts.thresholds.vocabularyMaxWords;
  // Start and end patterns only look at the line's first and last characters: long paragraphs stay cheap.
  const head = t.length > EDGE_CHARS ? t.slice(0, EDGE_CHARS) : t;
  const tail = t.length > EDGE_CHARS ? t.slice(-EDGE_CHARS) : t;
  const kind = kindOfLine(opts, t, head, tail, short);
  // Title case capitalises function words; running prose does so only at a sentence start.
  let headlineCaseWords = 0;
  for (let n = 0; n < tokens0.length && n < 18; n++) {
    const w = tokens0[n]!;
    const at = w.start - trimmedStart;
    if (at >= 140) break;
    if (at === 0 || w.text === 'I' || !capitalised(w.text) || !stopwords.has(w.norm)) continue;
    let b = at - 1;
    while (b >= 0 && (t[b] === ' ' || t[b] === '\t')) b--;
    if (b >= 0 && !STARTERS.has(t[b]!)) headlineCaseWords++;
  }
  const endsSentence = stopBefore(t, t.length);
  let dateWidget = false;
  if (tokens0.length <= 10) {
    const stripped = t.replace(DATE_TOKEN, ' ');
    // A count, not `match(...) ?? []`: an empty literal and a match's array differ in elements kind.
    const restMatch = stripped.match(WORD);
    const rest = restMatch === null ? 0 : restMatch.length;
    // Something must have been a date ("Serves 4-6" has none: its words merely count differently).
    // Not the signature of an embedded tweet ("Name (@handle) November 18, 2019"), which articles quote.
    dateWidget = stripped !== t && rest <= 3 && rest < tokens0.length && !t.includes('@');
  }
  let commentByline = false;
  // A line led by a dash is an attribution ("— Name (@handle) November 18, 2019" under a quoted tweet), the article's own.
  if (tokens0.length <= BYLINE_MAX_WORDS && !endsSentence && !ATTRIBUTION.test(t) && CALENDAR_DATE.test(t)) {
    // Someone's name (a capitalised word that is not part of the date), a handle or a comment number.
    commentByline = t.includes('@') || COMMENT_NUMBER.test(t) || tokens0.some((w) => capitalised(w.text) && !DATE_WORD.test(w.text) && !MONTH_PREFIX.test(w.text));
  }
  const titleCase = content > 0 ? caps / content : 0;
  let countingHeadline = false;
  if (titleCase >= opts.thresholds.titleCaseShare && content >= 2 && !endsSentence) {
    const at = tokens0.findIndex((w) => w.kind === 'number' || isDigitCode(w.text.charCodeAt(0)));
    let numbers = 0;
    for (const w of tokens0) if (w.kind === 'number' || isDigitCode(w.text.charCodeAt(0))) numbers++;
    // The count leads ("8 Crazy ...") or follows one word ("Top 10 ..."); a number beside a month or a
    // weekday is a date ("June 9 -- Arena, City", "Thu 4 October | Leeds").
    const calendar = (w: LineWord | undefined): boolean => !!w && CALENDAR_WORD.test(w.text);
    countingHeadline = numbers === 1 && (at === 0 || at === 1) && !calendar(tokens0[at - 1]) && !calendar(tokens0[at + 1]);
  }
  return {
    chars: t.length,
    words,
    stopwordDensity: spaced > 0 ? sw / spaced : -1,
    cjkChars: cjk,
    endsSentence,
    endsColon: endsColon(t),
    // (A paragraph of several sentences that trails off is the writer's own.)
    truncated: sentenceEnds <= 2 && truncatedEnd(tail),
    sentenceEnds,
    titleCase,
    countingHeadline,
    kind,
    dateWidget,
    listItem: LIST_ITEM.test(t),
    headlineCaseWords,
    // The colon anchors the pattern: most lines have none and skip it.
    gluedDateline: head.includes(':') && GLUED_DATELINE.test(head),
    gluedHeadline: gluedHeadline(tokens0, stopwords, opts.thresholds.gluedHeadlineWords),
    digits: DIGIT.test(t),
    numberShare: tokens0.length ? leadingDigits(tokens0) / tokens0.length : 0,
    stopwords: sw,
    startsLower: LOWER_START.test(t),
    commentByline,
  };
}
