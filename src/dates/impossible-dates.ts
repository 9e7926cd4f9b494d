import type { Doc } from '../text/doc.js';
import { overlapsProtected, protectedSpans, type ProtectedKind } from '../text/protected-spans.js';
import { daysInMonth, MONTHS, monthNumber } from './calendar.js';
import { MONTH_NAME } from './date-patterns.js';

/** A written date that no calendar has: "February 30", "31 April", "2023-13-01". */
export interface ImpossibleDate {
  start: number;
  end: number;
  text: string;
  /** Why, in plain words: "April has 30 days", "there is no month 13". */
  reason: string;
}

const ORD = '(?:st|nd|rd|th)?';
const YEAR = '(?:19|20)\\d\\d';
// chrono silently drops these (or rolls them over), so they need a reading of their own.
// A month name and a number that is then followed by a noun is a count ("April 31 people"), not a date;
// followed by a function word ("February 30 and", "April 31 at noon") it is a date.
const CONNECTOR = '(?:and|or|but|at|in|on|to|for|with|as|after|before|when|while|by|the|is|was|were|will|would|which|that|from|until|because|so|if|this|next|last)\\b';
const MDY = new RegExp(`\\b(?<m>${MONTH_NAME})\\s+(?<d>\\d{1,2})${ORD}(?:,?\\s+(?<y>${YEAR})(?!\\d)|(?![\\d%])(?!\\s*(?!${CONNECTOR})(?:\\p{Ll}|%|\\d)))`, 'gu');
const DMY = new RegExp(`(?<![\\d.,])(?<d>\\d{1,2})${ORD}\\s+(?:of\\s+)?(?<m>${MONTH_NAME})(?:,?\\s+(?<y>${YEAR}))?\\b`, 'gu');
const ISO = new RegExp(`(?<![\\d\\-/])(?<y>${YEAR})-(?<m>\\d\\d)-(?<d>\\d\\d)(?![\\d\\-])`, 'g');
const NUM = new RegExp(`(?<![\\d.,/])(?<a>\\d{1,2})(?<sep>[./])(?<b>\\d{1,2})\\k<sep>(?<y>${YEAR})(?!\\d|\\.\\d)`, 'g');
const SKIP: ReadonlySet<ProtectedKind> = new Set(['url', 'email', 'domain', 'filename', 'code']);

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

function dayReason(m: number, d: number, y: number | null): string | null {
  if (d < 1) return 'there is no day 0';
  const max = daysInMonth(m, y);
  if (d <= max) return null;
  if (m === 2 && d === 29 && y !== null) return `${y} is not a leap year, so February has 28 days`;
  return `${cap(MONTHS[m - 1]!)} has only ${max} days`;
}

/** Every impossible written date in the text (URLs, file names and code excluded). */
export function impossibleDates(doc: Doc): ImpossibleDate[] {
  return doc.memo('impossible-dates', () => {
    const out: ImpossibleDate[] = [];
    const add = (start: number, text: string, reason: string | null) => {
      // Protected spans are computed only when there is a candidate: most articles have none.
      if (!reason || overlapsProtected(protectedSpans(doc), start, start + text.length, SKIP)) return;
      if (out.some((o) => o.start < start + text.length && start < o.end)) return;
      out.push({ start, end: start + text.length, text, reason });
    };
    for (const re of [MDY, DMY]) {
      for (const m of doc.text.matchAll(re)) {
        const g = m.groups!;
        const d = +g.d!;
        if (d > 31 || d === 0) continue; // a count, a score, not a day
        add(m.index!, m[0], dayReason(monthNumber(g.m!), d, g.y ? +g.y : null));
      }
    }
    for (const m of doc.text.matchAll(ISO)) {
      const g = m.groups!;
      const mo = +g.m!;
      add(m.index!, m[0], mo < 1 || mo > 12 ? `there is no month ${mo}` : dayReason(mo, +g.d!, +g.y!));
    }
    for (const m of doc.text.matchAll(NUM)) {
      const g = m.groups!;
      const [a, b, y] = [+g.a!, +g.b!, +g.y!];
      // Impossible only when neither day-first nor month-first gives a date ("32.01.2020", "31/04/2020").
      const dayFirst = b >= 1 && b <= 12 ? dayReason(b, a, y) : `there is no month ${b}`;
      const monthFirst = a >= 1 && a <= 12 ? dayReason(a, b, y) : `there is no month ${a}`;
      if (dayFirst && monthFirst) add(m.index!, m[0], dayFirst);
    }
    return out.sort((x, y) => x.start - y.start);
  });
}
