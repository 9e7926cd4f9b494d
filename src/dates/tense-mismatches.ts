import { inferPublication, publicationInDoubt } from './publication.js';
import type { Doc } from '../text/doc.js';
import type { Span } from '../types.js';
import { dayNumber, iso, lastDayNumber } from './calendar.js';
import { clauseTense } from './clause-tense.js';
import { dateMentions, type DateMention } from './date-mentions.js';

/** A date whose tense does not fit the publication date: a past event after it, or a plan before it. */
export interface TenseMismatch {
  mention: DateMention;
  tense: 'past' | 'future';
  verb: Span;
  /** The reading of the date that was compared (the nearest one to the publication date when the text gives no year). */
  value: string;
  publishedAt: string;
  /** Days between the date and the publication date (positive: after it). */
  days: number;
}

// A day or two either side is time zones and late edits.
const TOLERANCE_DAYS = 1;
// A month named without a year is read as the previous one only when that is clearly the nearer reading.
const NEARER_BY_DAYS = 60;
// A yearless date told as past may always mean last year's; only a date just after publication is suspicious.
const PAST_YEARLESS_MAX_DAYS = 31;
// The start or end of a period ("since March", "until October 31"), not an event.
// Or an access date of a source ("Retrieved 20 November 2019"), not an event either.
const RANGE_LEAD = /\b(?:since|from|until|till|through|throughout|retrieved|accessed|archived)\s+(?:on\s+)?(?:(?:early|late|mid)[\s-]+)?$/i;
// Corrections and update notes are written after publication, on purpose.
const NOTE = /^\s*(?:correction|clarification|update|updated|editor['’]s note|this (?:article|story) (?:was|has been))/i;

/** Tense mismatches of the article, computed once and shared by the dates rules. */
export function tenseMismatches(doc: Doc): TenseMismatch[] {
  return doc.memo('tense-mismatches', () => {
    const pub = inferPublication(doc);
    if (!pub.date || publicationInDoubt(doc)) return [];
    const p = dayNumber(pub.date);
    const own = (pub.candidates ?? []).map((c) => c.span).filter((s): s is Span => !!s);
    const out: TenseMismatch[] = [];
    for (const m of dateMentions(doc)) {
      // An ambiguous numeric date ("05/06/2025") is not evidence against the publication date.
      if (!m.value || (!m.yearStated && !m.yearless) || m.precision === 'year' || m.ambiguous) continue;
      if (own.some((s) => s.start < m.end && m.start < s.end)) continue;
      if (RANGE_LEAD.test(doc.text.slice(Math.max(0, m.start - 30), m.start)) || NOTE.test(doc.sentences[m.sentence]?.text ?? '')) continue;
      const shifted = /^(?:last|next|this)\b/i.test(m.text);
      const value = m.yearless && !shifted ? nearestReading(m.value, pub.date) : m.value;
      const lo = dayNumber(value);
      const hi = lastDayNumber(value);
      let after = lo - p > TOLERANCE_DAYS;
      let before = p - hi > TOLERANCE_DAYS;
      if (m.yearless && !shifted) {
        if (after) after = m.precision === 'day' && lo - p <= PAST_YEARLESS_MAX_DAYS;
        if (before) before = clearlyPast(value, p);
      }
      if (!after && !before) continue;
      const t = clauseTense(doc, m, m.sentence);
      if (!t) continue;
      if ((t.tense === 'past' && after) || (t.tense === 'future' && before)) {
        out.push({ mention: m, tense: t.tense, verb: t.verb, value, publishedAt: pub.date, days: after ? lo - p : hi - p });
      }
    }
    return out;
  });
}

/** The reading before publication is nearer, by a clear margin, than the same date a year later. */
function clearlyPast(value: string, p: number): boolean {
  const [y, ...rest] = value.split('-');
  const next = [String(+y! + 1), ...rest].join('-');
  return dayNumber(next) - p - (p - lastDayNumber(value)) > NEARER_BY_DAYS;
}

/** Of the same month (and day) in the publication year and the years either side, the one nearest the publication date. */
function nearestReading(value: string, pub: string): string {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number?];
  const p = dayNumber(pub);
  const distance = (v: string) => Math.max(0, dayNumber(v) - p, p - lastDayNumber(v));
  const options = [y - 1, y, y + 1].map((yy) => (d === undefined ? iso(yy, m) : iso(yy, m, d)));
  // The publication year wins ties, as the plain reading of "in July".
  return options.reduce((best, v) => (distance(v) < distance(best) ? v : best), value);
}
