import { dateMentions } from '../dates/date-mentions.js';
import type { Doc } from '../text/doc.js';
import { STOPWORDS } from './stopwords.js';
import { lastWordBefore } from './word-before.js';

/** A date a sentence states, in a form two articles can compare. */
export interface StatedDate {
  /** "YYYY-MM-DD", "YYYY-MM" or "YYYY"; the year is "*" when the text leaves it out ("on May 9"). */
  value: string;
  start: number;
  end: number;
  text: string;
  /** The nearest content word before the date: two dates in a sentence are told apart by it. */
  before: string;
  sentence: number;
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH = '(?<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
// Explicit calendar dates only: "May 9, 2016", "9 May 2016", "May 2016", "on May 9", "in 2019". Relative dates
// ("last week") need the publication date and are the dates module's job.
export const EXPLICIT = new RegExp(
  `\\b(?:${MONTH}\\s+(?<d1>\\d{1,2})(?:st|nd|rd|th)?(?:,?\\s+(?<y1>(?:19|20)\\d\\d))?|(?<d2>\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH.replace('month', 'month2')}(?:,?\\s+(?<y2>(?:19|20)\\d\\d))?|${MONTH.replace('month', 'month3')}\\s+(?<y3>(?:19|20)\\d\\d)|(?<=\\b(?:in|since|by|until|of|from|to|before|after)\\s)(?<y4>(?:19|20)\\d\\d))\\b`,
  'g',
);

const HAS_DIGIT = /\d/;
/**
 * What every EXPLICIT match holds: the first three letters of a month name as MONTH spells them, or a year (the
 * fourth branch). A sentence without one is passed without trying EXPLICIT at each character.
 */
export const MONTH_OR_YEAR = /Jan|Feb|Mar|Apr|May|Ju[nl]|Aug|Sep|Oct|Nov|Dec|(?:19|20)\d\d/;

const pad = (n: number): string => String(n).padStart(2, '0');
const monthNumber = (m: string): number => MONTHS.findIndex((x) => x.startsWith(m.toLowerCase().slice(0, 3))) + 1;

/**
 * The explicit dates of the article: the shared date mentions, plus what the small local reader finds where
 * those are silent (so a figure inside "Dec. 6" is never read as a quantity whichever reader saw the date).
 */
export function statedDates(doc: Doc): StatedDate[] {
  return doc.memo('facts:stated-dates', () => {
    const out: StatedDate[] = dateMentions(doc)
      .filter((d) => d.value !== null && !d.relative)
      .map((d) => ({ value: d.value!, start: d.start, end: d.end, text: d.text, before: wordBefore(doc.text, d.start), sentence: d.sentence }));
    // A local date counts only where no mention covers it: mentions sorted by start with a running maximum of
    // their ends answer that with one binary search (a line of thousands of dates stays n log n, not quadratic).
    const known = [...out].sort((a, b) => a.start - b.start);
    const maxEnd: number[] = [];
    for (const d of known) maxEnd.push(Math.max(d.end, maxEnd.at(-1) ?? -1));
    const covered = (start: number, end: number): boolean => {
      let lo = 0;
      let hi = known.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (known[mid]!.start < end) lo = mid + 1;
        else hi = mid;
      }
      return lo > 0 && maxEnd[lo - 1]! > start;
    };
    const local: StatedDate[] = [];
    for (const s of doc.sentences) {
      if (!HAS_DIGIT.test(s.text)) continue; // every branch of EXPLICIT needs a figure
      if (!MONTH_OR_YEAR.test(s.text)) continue;
      EXPLICIT.lastIndex = 0;
      let m: RegExpExecArray | null;
      // exec, not matchAll: matchAll builds a copy of the expression per call (EXPLICIT never matches empty).
      while ((m = EXPLICIT.exec(s.text)) !== null) {
        const g = m.groups!;
        const month = g.month ?? g.month2 ?? g.month3;
        const day = g.d1 ?? g.d2;
        const year = g.y1 ?? g.y2 ?? g.y3 ?? g.y4 ?? '*';
        // "May" alone is too often the verb: require a day or year with it (the pattern does).
        let value = year;
        if (month) value += `-${pad(monthNumber(month))}`;
        if (month && day) {
          if (Number(day) < 1 || Number(day) > 31) continue;
          value += `-${pad(Number(day))}`;
        }
        const start = s.start + m.index!;
        if (!covered(start, start + m[0].length)) local.push({ value, start, end: start + m[0].length, text: m[0], before: wordBefore(doc.text, start), sentence: s.index });
      }
    }
    return [...out, ...local].sort((a, b) => a.start - b.start);
  });
}

const notStopOrMonth = (w: string): boolean => !STOPWORDS.has(w) && !MONTHS.includes(w);

/** The last word of the 60 characters before `at` that is no stopword or month ('' when none). */
export function wordBefore(text: string, at: number): string {
  return lastWordBefore(text, Math.max(0, at - 60), at, Infinity, notStopOrMonth) ?? wordBeforePlain(text, at);
}

/** wordBefore as the expression reads it: the reference of the fast path, and its reading of other text. */
export function wordBeforePlain(text: string, at: number): string {
  const words = text.slice(Math.max(0, at - 60), at).toLowerCase().match(/[\p{L}]+/gu) ?? [];
  for (let i = words.length - 1; i >= 0; i--) if (!STOPWORDS.has(words[i]!) && !MONTHS.includes(words[i]!)) return words[i]!;
  return '';
}

/**
 * Compares two dates at the precision both state. Returns null when they cannot be compared (no common
 * part), true when they agree, false when they differ.
 */
export function sameDate(a: string, b: string): boolean | null {
  const pa = a.split('-');
  const pb = b.split('-');
  const n = Math.min(pa.length, pb.length);
  let compared = 0;
  for (let i = 0; i < n; i++) {
    if (pa[i] === '*' || pb[i] === '*') continue;
    compared++;
    if (pa[i] !== pb[i]) return false;
  }
  return compared ? true : null;
}
