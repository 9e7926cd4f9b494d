import { kindOfLine, type CompiledChromeOptions, type CompiledKind } from './options.js';

/** What one non-blank line looks like, from its text alone. */
export interface LineFeatures {
  /** Characters after trimming. */
  chars: number;
  /** Word-like units: space-separated words, plus half the CJK characters (which have no spaces). */
  words: number;
  /** Share of words that are stopwords; -1 when the script has no word spaces to measure it on. */
  stopwordDensity: number;
  /** Ends like a sentence (full stop, question or exclamation mark, ellipsis, closing quote after one). */
  endsSentence: boolean;
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
  /** Contains digits (scores, prices, table cells): content more often than menus. */
  digits: boolean;
  /** Share of tokens that start with a digit (tables of results are full of them). */
  numberShare: number;
  /** Stopwords on the line. */
  stopwords: number;
  /** Starts with a lower-case letter. */
  startsLower: boolean;
  /** A short line naming someone with a calendar date ("Jon Smith November 1, 2012 at 8:34 am", "#3 bob - 2 days ago"): a comment's byline. */
  commentByline: boolean;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
const SENTENCE_END = /[.!?…。！？](?:["'”’»)\]]*)$/u;
const SENTENCE_END_INSIDE = /[.!?。！？](?:["'”’»)\]]*)(?:\s|$)/gu;
const UPPER = /^\p{Lu}/u;
const HEAD_WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}'’_-]*/gu;
const MONTH = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
// A line that is mostly a date or time: "Nov. 19, 2019 8:03 am ET", "on16.10.2025", "Updated 3 hours ago".
const DATE_TOKEN = new RegExp(
  `\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}|${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?(?:\\s+\\d{4})?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?:\\s+\\d{4})?|\\d{1,2}:\\d{2}(?:\\s*[ap]\\.?m\\.?)?|\\b\\d+\\s*(?:[smhd]|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?)\\s+(?:ago|read)\\b`,
  'giu',
);
const EDGE_CHARS = 160;
const BYLINE_MAX_WORDS = 14;
const COMMENT_NUMBER = /#\d/;
// "JonNovember" (a name glued to the date by the page's markup) still holds a name.
const MONTH_PREFIX = new RegExp(`^${MONTH}\\d`, 'iu');
// Module-level so they are compiled once, not per line or per token.
const LETTER = /\p{L}/u;
const SENTENCE_START = /[.!?:;"“‘(—–-]$/u;
const COLON_END = /[:：]$/u;
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
const LIST_ITEM = /^(?:[-*•·▪–]\s|\d{1,2}[.)]\s|\|)/u;

export function lineFeatures(text: string, opts: CompiledChromeOptions, stopwords: ReadonlySet<string>): LineFeatures {
  const t = text.trim();
  const tokens = t.match(WORD) ?? [];
  const cjk = t.match(CJK)?.length ?? 0;
  let sw = 0;
  let caps = 0;
  let content = 0;
  for (const w of tokens) {
    const lower = w.toLowerCase();
    if (stopwords.has(lower)) sw++;
    else if (LETTER.test(w)) {
      content++;
      if (UPPER.test(w)) caps++;
    }
  }
  const spaced = cjk > t.length * 0.3 ? 0 : tokens.length;
  const words = spaced + (cjk > 0 ? cjk / 2 : 0);
  const sentenceEnds = t.match(SENTENCE_END_INSIDE)?.length ?? 0;
  // Whole-line patterns only count on short lines; a long line that merely mentions them is prose.
  const short = tokens.length <= opts.thresholds.vocabularyMaxWords;
  // Start and end patterns only look at the line's first and last characters: long paragraphs stay cheap.
  const head = t.length > EDGE_CHARS ? t.slice(0, EDGE_CHARS) : t;
  const tail = t.length > EDGE_CHARS ? t.slice(-EDGE_CHARS) : t;
  const kind = kindOfLine(opts, t, head, tail, short);
  // Title case capitalises function words; running prose does so only at a sentence start.
  let headlineCaseWords = 0;
  const lead = t.slice(0, 140);
  HEAD_WORD.lastIndex = 0;
  for (let m = HEAD_WORD.exec(lead), n = 0; m !== null && n < 18; m = HEAD_WORD.exec(lead), n++) {
    const w = m[0];
    if (m.index === 0 || w === 'I' || !UPPER.test(w) || !stopwords.has(w.toLowerCase())) continue;
    const before = lead.slice(0, m.index).trimEnd();
    if (!SENTENCE_START.test(before)) headlineCaseWords++;
  }
  let dateWidget = false;
  if (tokens.length <= 10) {
    const rest = t.replace(DATE_TOKEN, ' ').match(WORD) ?? [];
    // Not the signature of an embedded tweet ("Name (@handle) November 18, 2019"), which articles quote.
    dateWidget = rest.length <= 3 && rest.length < tokens.length && !t.includes('@');
  }
  let commentByline = false;
  if (tokens.length <= BYLINE_MAX_WORDS && !SENTENCE_END.test(t) && CALENDAR_DATE.test(t)) {
    // Someone's name (a capitalised word that is not part of the date), a handle or a comment number.
    commentByline = t.includes('@') || COMMENT_NUMBER.test(t) || tokens.some((w) => UPPER.test(w) && !DATE_WORD.test(w) && !MONTH_PREFIX.test(w));
  }
  return {
    chars: t.length,
    words,
    stopwordDensity: spaced > 0 ? sw / spaced : -1,
    endsSentence: SENTENCE_END.test(t),
    endsColon: COLON_END.test(t),
    sentenceEnds,
    titleCase: content > 0 ? caps / content : 0,
    kind,
    dateWidget,
    listItem: LIST_ITEM.test(t),
    headlineCaseWords,
    gluedDateline: GLUED_DATELINE.test(head),
    digits: DIGIT.test(t),
    numberShare: tokens.length ? tokens.filter((w) => w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57).length / tokens.length : 0,
    stopwords: sw,
    startsLower: LOWER_START.test(t),
    commentByline,
  };
}
