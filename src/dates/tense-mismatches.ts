import { inferPublication } from '../engine/publication.js';
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

/** Tense mismatches of the article, computed once and shared by the dates rules. */
export function tenseMismatches(doc: Doc): TenseMismatch[] {
  return doc.memo('tense-mismatches', () => {
    const pub = inferPublication(doc);
    if (!pub.date) return [];
    const p = dayNumber(pub.date);
    const own = (pub.candidates ?? []).map((c) => c.span).filter((s): s is Span => !!s);
    const out: TenseMismatch[] = [];
    for (const m of dateMentions(doc)) {
      if (!m.value || (!m.yearStated && !m.yearless) || m.precision === 'year') continue;
      if (own.some((s) => s.start < m.end && m.start < s.end)) continue;
      const value = m.yearless && !/^(?:last|next|this)\b/i.test(m.text) ? nearestReading(m.value, pub.date) : m.value;
      const lo = dayNumber(value);
      const hi = lastDayNumber(value);
      const after = lo - p > TOLERANCE_DAYS;
      const before = p - hi > TOLERANCE_DAYS;
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

/** Of the same month (and day) in the publication year and the years either side, the one nearest the publication date. */
function nearestReading(value: string, pub: string): string {
  const [y, m, d] = value.split('-').map(Number) as [number, number, number?];
  const p = dayNumber(pub);
  const distance = (v: string) => Math.max(0, dayNumber(v) - p, p - lastDayNumber(v));
  const options = [y - 1, y, y + 1].map((yy) => (d === undefined ? iso(yy, m) : iso(yy, m, d)));
  // The publication year wins ties, as the plain reading of "in July".
  return options.reduce((best, v) => (distance(v) < distance(best) ? v : best), value);
}
