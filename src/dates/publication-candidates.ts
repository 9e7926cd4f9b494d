import type { Doc } from '../text/doc.js';
import type { DateOrigin, Span } from '../types.js';
import { isValidDate, iso } from './calendar.js';
import { FULL_DATE } from './date-patterns.js';
import { readFullDate } from './read-full-date.js';

/** A place that states when the article was published (or updated). */
export interface PublicationCandidate {
  date: string;
  origin: DateOrigin;
  /** What kind of statement it is: a "Published"/"Updated" label, a dateline, a bare date widget, the URL, metadata. */
  kind: 'published' | 'updated' | 'dateline' | 'widget' | 'url' | 'metadata';
  /** Where the text states it (absent for metadata and URL). */
  span?: Span;
}

const HEAD_LINES = 4;
const FOOT_LINES = 3;
const WIDGET_MAX = 100;
// A line this long is article prose; the lines just above the first one are the article's header.
const PROSE_MIN = 200;
const HEADER_LINES = 12;
// A label right before the date, at the start of the line or after a separator: "Published: ", "Posted on",
// a bare "on" widget ("on16.10.2025"), "By Jane Doe on", "By Jane Doe | Updated".
const LABEL_LEAD = String.raw`(?:^\s*|[|·•—–]\s*|^\s*by\s+[^|]{2,60}?\s)`;
const PUBLISHED = new RegExp(`${LABEL_LEAD}(?:first\\s+)?(?:published|posted|date|dated|on)(?:\\s+on)?\\s*:?\\s*$`, 'iu');
const UPDATED = new RegExp(`${LABEL_LEAD}(?:last\\s+)?(?:updated|modified|edited)(?:\\s+on)?\\s*:?\\s*$`, 'iu');
const DATELINE_LEAD = /^\s*[\p{Lu}][\p{Lu}\p{M} .'’-]{1,40}(?:,\s*[\p{L} .]{2,30})?\s*(?:\([^)]{1,30}\))?\s*[,—–-]?\s*$/u;
const HAS_YEAR = /(?:19|20)\d\d/;
const DATELINE_TAIL = /^\s*(?:\([^)]{1,30}\)\s*)?[—–-]/u;

/** Publication statements in the first and last lines of the text: labelled dates, datelines, date widgets. */
export function textCandidates(doc: Doc): PublicationCandidate[] {
  const lines = doc.lines.filter((l) => !l.blank);
  // A scraped page puts the date widget just above the article, below the menus: look there too.
  const firstProse = lines.findIndex((l) => l.text.length >= PROSE_MIN);
  const header = firstProse > HEAD_LINES ? lines.slice(Math.max(HEAD_LINES, firstProse - HEADER_LINES), firstProse) : [];
  const picked = new Set([...lines.slice(0, HEAD_LINES), ...header, ...lines.slice(-FOOT_LINES)]);
  const head = new Set(lines.slice(0, HEAD_LINES));
  const out: PublicationCandidate[] = [];
  for (const line of picked) {
    const isHead = head.has(line);
    if (!HAS_YEAR.test(line.text)) continue; // every branch of FULL_DATE ends on or starts with a year
    FULL_DATE.lastIndex = 0;
    for (const m of line.text.matchAll(FULL_DATE)) {
      const reading = readFullDate(m.groups ?? {});
      if (!reading.value || reading.ambiguous) continue;
      const before = leadOf(line.text, m.index!);
      const after = line.text.slice(m.index! + m[0].length);
      const kind = classify(before, after, line.text, isHead);
      if (!kind) continue;
      const start = line.start + m.index!;
      out.push({ date: reading.value, origin: 'text', kind, span: { start, end: start + m[0].length } });
    }
  }
  return out;
}

// A label or dateline lead is short: reading only this much before each date keeps a line of many dates linear.
const LEAD_WINDOW = 160;

/**
 * The text before a date, at most LEAD_WINDOW characters. A cut lead starts with a control character so
 * that the line-start alternatives (`^`) cannot match where the line does not start.
 */
function leadOf(line: string, at: number): string {
  return at <= LEAD_WINDOW ? line.slice(0, at) : `\u0001${line.slice(at - LEAD_WINDOW, at)}`;
}

function classify(before: string, after: string, line: string, isHead: boolean): PublicationCandidate['kind'] | null {
  const lead = before.replace(/\s+$/, ' ');
  if (UPDATED.test(lead)) return 'updated';
  if (PUBLISHED.test(lead)) return 'published';
  if (isHead && DATELINE_LEAD.test(before) && DATELINE_TAIL.test(after)) return 'dateline';
  // A short line that is a date plus a byline, a time or labels, not a sentence: a header or footer widget.
  if (line.length <= WIDGET_MAX && !/[.!?]["”’]?\s*$/.test(after.replace(/\b[ap]\.m\.$/i, '')) && proseWords(`${before} ${after}`) <= 2) return 'widget';
  return null;
}

// Words a date widget carries besides names: times, labels, reading time.
const WIDGET_WORDS = new Set(['by', 'at', 'on', 'and', 'min', 'mins', 'minute', 'minutes', 'read', 'ago', 'hour', 'hours', 'updated', 'published', 'posted', 'last', 'comments', 'comment', 'an', 'in', 'am', 'pm', 'the', 'of']);

/** Lower-case words that are not widget labels: a sentence has many, a byline line almost none. */
function proseWords(s: string): number {
  let n = 0;
  for (const w of s.match(/\p{Ll}[\p{L}'’]+/gu) ?? []) if (!WIDGET_WORDS.has(w.toLowerCase())) n++;
  return n;
}

const URL_DATES = [
  /\/((?:19|20)\d\d)\/(0?[1-9]|1[0-2])\/(0?[1-9]|[12]\d|3[01])(?=\/|$)/,
  /(?<![\d])((?:19|20)\d\d)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(?![\d])/,
  /(?<=[/_-])((?:199|20[0-4])\d)(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_.-]|$)/,
];

/** A full date in the article's URL path ("/2019/11/18/", "story/2019-11-19/", "-20191115/"). */
export function urlCandidate(url: string | null): PublicationCandidate | null {
  if (!url) return null;
  const path = url.replace(/^[a-z]+:\/\/[^/]+/i, '').replace(/[?#].*$/, '');
  for (const re of URL_DATES) {
    const m = re.exec(path);
    if (!m) continue;
    const [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
    if (isValidDate(y, mo, d)) return { date: iso(y, mo, d), origin: 'url', kind: 'url' };
  }
  return null;
}
