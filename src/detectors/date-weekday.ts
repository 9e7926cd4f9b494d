import { dayNumber, isValidDate, iso, spell, weekdayOf, WEEKDAYS } from '../dates/calendar.js';
import { dateMentions } from '../dates/date-mentions.js';
import { inferPublication, publicationInDoubt } from '../dates/publication.js';
import type { Finding } from '../types.js';
import type { Detector } from './detector.js';

// "Saturday, May 18" in a November story may be the May just gone even when next May is nearer.
const OTHER_READING_DAYS = 200;
const WEEKDAY_WORD = /\b(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?\b\.?/i;

/** "; the weekday fits 2019: an older story re-dated?" — the latest earlier year where the date falls on the weekday. */
function fittingYear(y: number, mo: number, d: number, weekday: number): string {
  for (let yy = y - 1; yy >= y - 11; yy--) {
    if (isValidDate(yy, mo, d) && weekdayOf(yy, mo, d) === weekday) return `; the weekday fits ${yy}: an older story re-dated?`;
  }
  return '.';
}

/** ", and 6 May 2025 (the other reading of 05/06/2025) a Tuesday". */
function alternativeDay(alternative: string | undefined): string {
  if (!alternative) return '';
  const [y, mo, d] = alternative.split('-').map(Number) as [number, number, number];
  return `, and ${spell(alternative)} (the other reading) a ${WEEKDAYS[weekdayOf(y, mo, d)]}`;
}

/** "Friday, May 9, 2016" when 9 May 2016 was a Monday. */
export const dateWeekday: Detector<Record<string, never>> = {
  type: 'date-weekday',
  summary: 'Flags a weekday written next to a date that falls on another weekday.',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run(doc) {
    const out: Finding[] = [];
    const doubt = publicationInDoubt(doc);
    const pub = inferPublication(doc).date;
    for (const m of dateMentions(doc)) {
      if (m.yearless && doubt) continue;
      // Only a weekday stated together with a day and month; a year-less date needs a publication date to fix its year.
      if (m.weekday === undefined || m.precision !== 'day' || !m.value || (!m.yearStated && !m.yearless)) continue;
      const [y, mo, d] = m.value.split('-').map(Number) as [number, number, number];
      const actual = weekdayOf(y, mo, d);
      if (actual === m.weekday) continue;
      // A year-less date may mean the one before or after the publication date: either weekday fitting is enough.
      if (m.yearless && pub && [y - 1, y + 1].some((yy) => isValidDate(yy, mo, d) && weekdayOf(yy, mo, d) === m.weekday && Math.abs(dayNumber(iso(yy, mo, d)) - dayNumber(pub)) <= OTHER_READING_DAYS)) continue;
      // "Tuesday 05/06/2025": the weekday settles an ambiguous order instead of contradicting it.
      if (m.alternative && weekdayOf(...(m.alternative.split('-').map(Number) as [number, number, number])) === m.weekday) continue;
      const written = WEEKDAY_WORD.exec(m.text);
      const f: Finding = {
        start: m.start,
        end: m.end,
        message: `"{text}": ${spell(m.value)} was a ${WEEKDAYS[actual]}${alternativeDay(m.alternative)}, not a ${WEEKDAYS[m.weekday]}${m.yearless ? ' (year taken from the publication date)' : ''}. Either the weekday or the date is wrong${m.yearless ? fittingYear(y, mo, d, m.weekday) : '.'}`,
      };
      if (written) f.suggestion = m.text.replace(WEEKDAY_WORD, WEEKDAYS[actual]!);
      out.push(f);
    }
    return out;
  },
};
