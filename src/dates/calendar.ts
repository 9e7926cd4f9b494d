// Calendar arithmetic on plain UTC dates: one place for validity, weekdays and distances.

export const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'] as const;
export const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'] as const;
const DAY_MS = 86_400_000;

const MONTH_WORDS: ReadonlyMap<string, number> = new Map([
  ...MONTHS.map((m, i) => [m, i + 1] as const),
  ...['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'].map((m, i) => [m, i + 1] as const),
  ['sept', 9],
]);

/** Month number (1-12) of an English month name or its common abbreviation ("Sept", "Oct."), else 0. */
export function monthNumber(word: string): number {
  return MONTH_WORDS.get(word.toLowerCase().replace(/\.$/, '')) ?? 0;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Days in a month; with no year February gets 29, so only dates impossible in every year fail. */
export function daysInMonth(month: number, year?: number | null): number {
  if (month === 2) return year == null ? 29 : isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidDate(y: number | null, m: number, d: number): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(m, y);
}

export function iso(y: number, m: number, d?: number): string {
  const ym = `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
  return d === undefined ? ym : `${ym}-${String(d).padStart(2, '0')}`;
}

/** Days since 1970-01-01 of a YYYY-MM-DD string (or the first day of YYYY-MM / YYYY). */
export function dayNumber(value: string): number {
  const ymd = readIsoDate(value);
  if (ymd) return civilDayNumber(ymd[0], ymd[1], ymd[2] || 1);
  const [y, m = 1, d = 1] = value.split('-').map(Number) as [number, number?, number?];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Day number of the last day of a YYYY, YYYY-MM or YYYY-MM-DD period. */
export function lastDayNumber(value: string): number {
  const ymd = readIsoDate(value);
  if (ymd) {
    const [y, m, d] = ymd;
    return value.length === 4 ? civilDayNumber(y, 12, 31) : civilDayNumber(y, m, d || daysInMonth(m, y));
  }
  const parts = value.split('-').map(Number);
  if (parts.length === 3) return dayNumber(value);
  if (parts.length === 2) return dayNumber(iso(parts[0]!, parts[1]!, daysInMonth(parts[1]!, parts[0]!)));
  return dayNumber(`${parts[0]}-12-31`);
}

// Date comparisons turn the same few values into day numbers over and over (every candidate date against the
// publication date); reading the digits is many times cheaper than splitting the string and building a Date.

/**
 * [year, month, day] of exactly YYYY, YYYY-MM or YYYY-MM-DD (month 1 for YYYY, day 0 when absent) with a year of
 * at least 100, a month 1-12 and a day 1-31; null for anything else (which the callers read the slower way, as
 * Date.UTC does, including its two-digit years and its overflow past a month's end).
 */
function readIsoDate(value: string): [number, number, number] | null {
  const n = value.length;
  if (n !== 4 && n !== 7 && n !== 10) return null;
  const y = digits(value, 0, 4);
  if (y < 100) return null;
  if (n === 4) return [y, 1, 0];
  if (value.charCodeAt(4) !== 45) return null;
  const m = digits(value, 5, 7);
  if (m < 1 || m > 12) return null;
  if (n === 7) return [y, m, 0];
  if (value.charCodeAt(7) !== 45) return null;
  const d = digits(value, 8, 10);
  return d >= 1 && d <= 31 ? [y, m, d] : null;
}

/** The number the digits from..to spell, or -1 when one of them is not a digit. */
function digits(s: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, by whole-era arithmetic (eras of 400 years, years counted
 * from March so the leap day ends the year). Linear in the day, so a day past the month's end runs on into the
 * next month as Date.UTC does.
 */
function civilDayNumber(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

export function fromDayNumber(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekdayOf(y: number, m: number, d: number): number {
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/** "16 October 2025", "October 2025" or "2025": how a message names a resolved date. */
export function spell(value: string): string {
  const [y, m, d] = value.split('-').map(Number);
  if (m === undefined) return String(y);
  const month = MONTHS[m - 1]!;
  const name = month[0]!.toUpperCase() + month.slice(1);
  return d === undefined ? `${name} ${y}` : `${d} ${name} ${y}`;
}
