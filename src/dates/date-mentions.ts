import { createRequire } from 'node:module';
import type * as ChronoModule from 'chrono-node';
import { inferPublication } from './publication.js';
import type { Doc } from '../text/doc.js';
import { dayNumber, daysInMonth, fromDayNumber, iso } from './calendar.js';
import { FULL_DATE } from './date-patterns.js';
import { readFullDate } from './read-full-date.js';
import { emptyObjectArray } from '../text/object-array.js';

/** A date the text states, resolved against the publication date where it is relative. */
export interface DateMention {
  start: number;
  end: number;
  /** The text as written ("in July", "Friday, May 9, 2016", "last week"). */
  text: string;
  /** Resolved value: YYYY-MM-DD, YYYY-MM or YYYY depending on precision; null when it cannot be anchored. */
  value: string | null;
  precision: 'day' | 'month' | 'year' | null;
  /** Stated relative to another date ("last week", "in July" without a year). */
  relative: boolean;
  /** Index of the sentence it sits in. */
  sentence: number;
  /** The weekday the text states alongside the date (0 = Sunday), when it states one. */
  weekday?: number;
  /** The year is written out (not implied by the publication date). */
  yearStated?: boolean;
  /** The text names a month (and maybe a day) but no year: "in July", "on 18 November". */
  yearless?: boolean;
  /** A numeric date whose day and month could be swapped ("05/06/2025"); `value` is the day-first reading. */
  ambiguous?: boolean;
  /** The other reading of an ambiguous date. */
  alternative?: string;
  /** The resolved period ends here (YYYY-MM-DD), for relative periods such as "last week". */
  until?: string;
}

// Cheap test before chrono, which is slow: capitalised month names and weekdays, numeric dates, and
// relative words only with the unit they qualify ("last week", not every "last" or "this").
// Whole words only: a bare prefix let every "Market", "Mark", "Decision" and "Novel" through to chrono.
const HINT_NAMES = /\b(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?![\p{L}])/u;
const HINT_OTHER =
  /\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\b\d{4}-\d\d-\d\d|\b(?:yesterday|today|tomorrow|tonight|ago)\b|\b(?:last|next|this|past)\s+(?:week|month|year|weekend|spring|summer|autumn|fall|winter)\b/i;
// A month named alone is a date only after a preposition or a time word ("in May", not "Theresa May").
const MONTH_LEAD = /(?:^|[\s(])(?:in|since|by|until|till|from|through|during|before|after|of|early|late|mid|last|next|this|between|and|or|to|on|for|until|around|throughout|the end of|the start of)\s*-?\s*$/i;
const SHIFT = /\b(last|next|this)\s+$/i;
// Searched from the year backwards: scanning every position for a preposition first is slow.
// The look-behind stands after the century ("19", "20") and looks past it: a leading look-behind is tried at
// every character of the text, a leading literal lets the engine skip to the next "1" or "2".
export const BARE_YEAR = /(?:19|20)(?<![\d.,/-]\d\d)\d\d(?![\d-])(?!\s*(?:%|percent|people))/g;
const YEAR_LEAD = /\b(?:in|since|by|until|till|from|through|during|before|after|of|early|late|mid-?|around|throughout|between)\s+$/i;
export const CURRENT_YEAR = /\b(?:(?:the\s+)?current|(?:the\s+)?present|this)\s+(?:calendar\s+)?year\b/yiu;
// Every match of CURRENT_YEAR starts with one of these words: tried only where one stands (a leading \b and an
// optional "the" otherwise make the engine try the expression at every character of the text).
const CURRENT_YEAR_START = /the|current|present|this/giu;
// Every match of CURRENT_YEAR holds "year" (read with the same flags): a text without it has none, and its every
// "the" and "this" need not be tried (half the articles).
export const YEAR_WORD = /year/iu;
const NUMERIC_NO_YEAR = /^\d{1,2}[./-]\d{1,2}$/;
const MONTH_WORD = /\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?(?![a-z])/i;
// A non-global copy: exec on the shared global expression would leave its lastIndex behind for other readers.
const ONE_DATE = new RegExp(FULL_DATE.source, 'iu');
const LEAD_WORDS = /^(?:(?:on|at|in)\s+|(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight),?\s+(?:on\s+)?)+/i;
const TRAILING_TIME = /,?\s+(?:at\s+)?(?:noon|midnight|\d{1,2}:\d\d(?::\d\d)?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,4})?$/i;
const FALLBACK_REF = new Date(Date.UTC(2000, 0, 1, 12));

// chrono takes longer to load than a short article takes to check: loaded when a sentence first looks like a date,
// and only its English locale (the package's main entry loads every locale, four times the time).
let chronoEnglish: typeof ChronoModule.en | null = null;
function chronoEn(): typeof ChronoModule.en {
  return (chronoEnglish ??= createRequire(import.meta.url)('chrono-node/en') as typeof ChronoModule.en);
}

// chrono's readings of a sentence depend only on its text and the reference date, and the same sentences recur
// across a batch (wire copy, syndicated and corrected versions of a story): read each once. Bounded: cleared when
// full. What is kept is the little fromChrono reads (a Reading), not chrono's result objects: those hold their
// reference, tags and component tables, about 4 KB a sentence, and 20,000 of them made each checking thread's
// heap swing by ~90 MB.
interface Reading {
  index: number;
  text: string;
  /** CERTAIN_* bits: the components the text states. */
  certain: number;
  /** Known or implied components of the start. */
  year: number;
  month: number;
  day: number;
  weekday: number | undefined;
  /** The start as a UTC calendar date (chrono's date() at timezone 0). */
  dateY: number;
  dateM: number;
  dateD: number;
}
const CERTAIN_DAY = 1;
const CERTAIN_MONTH = 2;
const CERTAIN_WEEKDAY = 4;
const CERTAIN_YEAR = 8;
const PARSED = new Map<string, Reading[]>();
const PARSED_MAX = 20_000;

function reading(r: ChronoModule.ParsedResult): Reading {
  const c = r.start;
  const date = c.date();
  const certain =
    (c.isCertain('day') ? CERTAIN_DAY : 0) | (c.isCertain('month') ? CERTAIN_MONTH : 0) | (c.isCertain('weekday') ? CERTAIN_WEEKDAY : 0) | (c.isCertain('year') ? CERTAIN_YEAR : 0);
  return {
    index: r.index,
    text: r.text,
    certain,
    year: c.get('year')!,
    month: c.get('month')!,
    day: c.get('day')!,
    weekday: c.get('weekday') ?? undefined,
    dateY: date.getUTCFullYear(),
    dateM: date.getUTCMonth() + 1,
    dateD: date.getUTCDate(),
  };
}

function parseDates(piece: string, ref: Date): Reading[] {
  const key = `${ref.getTime()}\u0000${piece}`;
  let results = PARSED.get(key);
  if (!results) {
    if (PARSED.size >= PARSED_MAX) PARSED.clear();
    // Pushed, not mapped: `map` returns a packed array from the interpreter and a holey one from optimised code,
    // and the loops over the readings deoptimise at each switch.
    results = [];
    for (const r of chronoEn().GB.parse(piece, { instant: ref, timezone: 0 })) results.push(reading(r));
    PARSED.set(key, results);
  }
  return results;
}

/** Every date the article states, in text order; computed once per article and shared (dates rules, facts). */
export function dateMentions(doc: Doc): DateMention[] {
  return doc.memo('date-mentions', () => readMentions(doc));
}

function readMentions(doc: Doc): DateMention[] {
  const pub = inferPublication(doc).date;
  const ref = pub ? new Date(`${pub}T12:00:00Z`) : FALLBACK_REF;
  const dayFirst = numericHabit(doc.text);
  const out: DateMention[] = [];
  for (const s of doc.sentences) {
    if (!HINT_NAMES.test(s.text) && !HINT_OTHER.test(s.text)) continue;
    for (const [offset, piece] of pieces(s.text)) {
      for (const r of parseDates(piece, ref)) {
        const m = fromChrono(doc, s.start + offset, s.index, r, pub, dayFirst);
        if (m) out.push(m);
      }
    }
  }
  addOwnReadings(doc, out, pub);
  return joinWeekdays(doc.text, out.sort((a, b) => a.start - b.start));
}

// chrono's refiners re-read the text before each result, so its time grows with the square of a sentence's
// length: a sentence longer than PIECE_MAX (a table or a dump with no full stops, never prose) is read in pieces.
const PIECE_MAX = 3000;
const PIECE_CUT = 2000;

/** The sentence as [offset, text] pieces of at most PIECE_MAX characters, cut at a line break or a space. */
function pieces(text: string): Array<[number, string]> {
  if (text.length <= PIECE_MAX) return [[0, text]];
  const out: Array<[number, string]> = [];
  let from = 0;
  while (text.length - from > PIECE_MAX) {
    const window = text.slice(from + PIECE_CUT, from + PIECE_MAX);
    const nl = window.indexOf('\n');
    const sp = window.search(/\s/);
    const cut = from + PIECE_CUT + (nl >= 0 ? nl : sp >= 0 ? sp : window.length);
    out.push([from, text.slice(from, cut)]);
    from = cut;
  }
  out.push([from, text.slice(from)]);
  return out;
}

/** "Wednesday, Nov. 21" comes back from chrono as two results: the weekday belongs to the date after it. */
function joinWeekdays(text: string, ms: DateMention[]): DateMention[] {
  const out: DateMention[] = [];
  for (let i = 0; i < ms.length; i++) {
    const a = ms[i]!;
    const b = ms[i + 1];
    const weekdayOnly = a.weekday !== undefined && !a.yearStated && !a.yearless && !/\d/.test(a.text);
    if (weekdayOnly && b && b.weekday === undefined && b.precision === 'day' && /^[,\s]*(?:the\s+)?$/.test(text.slice(a.end, b.start))) {
      out.push({ ...b, start: a.start, text: text.slice(a.start, b.end), weekday: a.weekday! });
      i++;
    } else out.push(a);
  }
  return out;
}

/** True when the text's numeric dates are written day-first, false when month-first, null when it cannot tell. */
function numericHabit(text: string): boolean | null {
  for (const m of text.matchAll(/(?<![\d.])(\d{1,2})\/(\d{1,2})\/(?:\d{2}|\d{4})(?!\d)/g)) {
    if (+m[1]! > 12) return true;
    if (+m[2]! > 12) return false;
  }
  return null;
}

const CERTAIN_BIT = { day: CERTAIN_DAY, month: CERTAIN_MONTH, weekday: CERTAIN_WEEKDAY, year: CERTAIN_YEAR } as const;

function fromChrono(doc: Doc, base: number, sentence: number, r: Reading, pub: string | null, dayFirst: boolean | null): DateMention | null {
  const has = (k: keyof typeof CERTAIN_BIT) => (r.certain & CERTAIN_BIT[k]) !== 0;
  // chrono keeps a leading "on"/"at" and a trailing comma ("on Friday", "July,"): the date is what lies between.
  // A time of day is not part of the date ("10 a.m. Friday, Dec. 6", "Friday 05/06/2025 at noon").
  const lead = LEAD_WORDS.exec(r.text)?.[0].length ?? 0;
  const start = base + r.index + lead;
  const text = r.text
    .slice(lead)
    .replace(TRAILING_TIME, '')
    .replace(/[\s,;:—–-]+$/, '')
    .replace(/(?<!\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.$/, '');
  const end = start + text.length;
  if (/^now$/i.test(text) || NUMERIC_NO_YEAR.test(text)) return null;
  if (!has('day') && !has('month') && !has('weekday') && !has('year')) return null;
  const before = doc.text.slice(Math.max(0, start - 24), start);
  const weekday = has('weekday') ? r.weekday! : undefined;
  const tail: Pick<DateMention, 'weekday'> = weekday === undefined ? {} : { weekday };

  // Numeric dates are read by our own reader, which knows the dotted convention and says when the order is ambiguous.
  const numeric = /(\d{1,2})([./-])(\d{1,2})\2(\d{4})/.exec(text);
  if (numeric) {
    const fm = ONE_DATE.exec(numeric[0]);
    const reading = fm ? readFullDate(fm.groups ?? {}, dayFirst) : null;
    if (!reading?.value) return null;
    return { start, end, text, value: reading.value, precision: 'day', relative: false, sentence, yearStated: true, ...tail, ...(reading.ambiguous ? { ambiguous: true, alternative: reading.alternative! } : {}) };
  }

  const y = r.year;
  const mo = r.month;
  const d = r.day;
  // "last week", "yesterday", "two days ago", "this year": no digits and no month name, all relative.
  const casual = !/\d/.test(text) && !MONTH_WORD.test(text);
  // chrono reads "Nov. 21" as November 2021; a year is stated only when four digits (or '19) say so.
  const yearWritten = /\b(?:19|20)\d\d\b|['’]\d\d\b/.test(text);
  if (!casual && has('month') && has('year') && yearWritten) {
    if (has('day')) return { start, end, text, value: iso(y, mo, d), precision: 'day', relative: false, sentence, yearStated: true, ...tail };
    return { start, end, text, value: iso(y, mo), precision: 'month', relative: false, sentence, yearStated: true };
  }
  if (!casual && has('month') && has('year') && !has('day')) {
    const dm = /(\d{1,2})\s*$/.exec(text);
    if (!dm) return null;
    return yearless(doc, start, end, sentence, mo, +dm[1]!, before, pub, tail);
  }
  if (!casual && has('month')) {
    // "May" is a month only where a date is expected.
    if (!has('day') && (!/^\p{Lu}/u.test(text) || !MONTH_LEAD.test(before))) return null;
    return yearless(doc, start, end, sentence, mo, has('day') ? d : null, before, pub, tail);
  }
  if (casual && /\byear\b/i.test(text)) {
    // "this year", "last year": chrono anchors them to its reference.
    return { start, end, text, value: pub ? String(y) : null, precision: 'year', relative: true, sentence };
  }
  // Weekdays and casual references ("last Friday", "yesterday", "two weeks ago", "last week").
  const value = pub ? iso(r.dateY, r.dateM, r.dateD) : null;
  const out: DateMention = { start, end, text, value, precision: 'day', relative: true, sentence, ...tail };
  if (value && /\bweek\b/i.test(text)) out.until = fromDayNumber(dayNumber(value) + 6);
  return out;
}

/** A month (and day) without a year; chrono drops the "last" of "last February", so it is read back here. */
function yearless(doc: Doc, start: number, end: number, sentence: number, mo: number, d: number | null, before: string, pub: string | null, tail: Pick<DateMention, 'weekday'>): DateMention {
  const shift = SHIFT.exec(before);
  if (shift) start -= shift[0].length;
  const shiftWord = shift?.[1]!.toLowerCase() ?? null;
  const value = pub ? yearlessValue(pub, mo, d, shiftWord) : null;
  return { start, end, text: doc.text.slice(start, end), value, precision: d !== null ? 'day' : 'month', relative: true, sentence, yearless: true, ...tail };
}

/**
 * The date a yearless mention means, seen from the publication date: "last February" is the latest
 * February before it, "next July" the first one after; a plain "in July" is July of the publication year,
 * and "18 November" the nearest 18 November (a news story's dates sit close to its own).
 */
export function yearlessValue(pub: string, month: number, day: number | null, shift: string | null): string {
  const [py, pm] = pub.split('-').map(Number) as [number, number];
  let year = py;
  if (shift === 'last') year = month < pm ? py : py - 1;
  else if (shift === 'next') year = month > pm ? py : py + 1;
  else if (day !== null && !shift) {
    const p = dayNumber(pub);
    const options = [py - 1, py, py + 1].filter((yy) => day <= daysInMonth(month, yy));
    year = options.sort((a, b) => Math.abs(dayNumber(iso(a, month, day)) - p) - Math.abs(dayNumber(iso(b, month, day)) - p))[0] ?? py;
  }
  return day === null ? iso(year, month) : iso(year, month, Math.min(day, daysInMonth(month, year)));
}

/** Readings chrono does not make: bare years after a preposition ("in 2019") and "the current year". */
function addOwnReadings(doc: Doc, out: DateMention[], pub: string | null): void {
  const taken = takenSpans(out);
  taken.newPass();
  const sentenceAt = (offset: number) => {
    let lo = 0;
    let hi = doc.sentences.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (doc.sentences[mid]!.start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  for (const m of doc.text.matchAll(BARE_YEAR)) {
    const start = m.index!;
    const end = start + 4;
    if (!YEAR_LEAD.test(doc.text.slice(Math.max(0, start - 14), start)) || taken.overlaps(start, end)) continue;
    taken.add(start, end);
    out.push({ start, end, text: m[0], value: m[0], precision: 'year', relative: false, sentence: sentenceAt(start), yearStated: true });
  }
  taken.newPass();
  for (const m of currentYearMatches(doc.text)) {
    if (/^(?:current|present)/i.test(m[0])) continue; // "the current year" needs its article; "current year earnings" is a label
    const start = m.index!;
    const end = start + m[0].length;
    if (taken.overlaps(start, end)) continue;
    taken.add(start, end);
    out.push({ start, end, text: m[0], value: pub ? pub.slice(0, 4) : null, precision: 'year', relative: true, sentence: sentenceAt(start) });
  }
}

/** The matches `text.matchAll` would give for CURRENT_YEAR with the g flag, tried only at its possible first words. */
export function* currentYearMatches(text: string): Generator<RegExpExecArray> {
  if (!YEAR_WORD.test(text)) return;
  let from = 0;
  CURRENT_YEAR_START.lastIndex = 0;
  for (let c = CURRENT_YEAR_START.exec(text); c !== null; c = CURRENT_YEAR_START.exec(text)) {
    // Candidates may overlap ("currenthis"): the next one is looked for from the next character.
    const at = c.index;
    CURRENT_YEAR_START.lastIndex = at + 1;
    if (at < from) continue;
    CURRENT_YEAR.lastIndex = at;
    const m = CURRENT_YEAR.exec(text);
    if (!m) continue;
    from = at + m[0].length;
    CURRENT_YEAR_START.lastIndex = from;
    yield m;
  }
}

/**
 * The spans of the mentions found so far, answering "does [s, e) overlap one?" by binary searches and a look
 * back over at most the longest span's length, so a text full of years stays linear. Spans are kept in sorted
 * runs: chrono's mentions, then one run per pass of added readings (each pass adds in text order).
 */
function takenSpans(mentions: readonly DateMention[]) {
  // Every run pushed into from an empty array with object elements: a mapped first run (holey once the caller is
  // optimised) and empty literals (Smi elements) gave firstStartingAt several array maps, and a deopt per new one.
  const first = emptyObjectArray<[number, number]>();
  for (const m of mentions) first.push([m.start, m.end]);
  const runs: Array<Array<[number, number]>> = [first.sort((a, b) => a[0] - b[0])];
  let longest = runs[0]!.reduce((n, [a, b]) => Math.max(n, b - a), 0);
  const firstStartingAt = (spans: ReadonlyArray<[number, number]>, e: number): number => {
    let lo = 0;
    let hi = spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (spans[mid]![0] < e) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return {
    overlaps(s: number, e: number): boolean {
      for (const spans of runs) {
        for (let i = firstStartingAt(spans, e) - 1; i >= 0 && spans[i]![0] >= s - longest; i--) if (spans[i]![1] > s) return true;
      }
      return false;
    },
    /** Adds a span; spans added after the last `newPass()` come in text order. */
    add(s: number, e: number): void {
      runs[runs.length - 1]!.push([s, e]);
      longest = Math.max(longest, e - s);
    },
    newPass(): void {
      runs.push(emptyObjectArray<[number, number]>());
    },
  };
}
