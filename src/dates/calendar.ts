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
  const [y, m = 1, d = 1] = value.split('-').map(Number) as [number, number?, number?];
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS);
}

/** Day number of the last day of a YYYY, YYYY-MM or YYYY-MM-DD period. */
export function lastDayNumber(value: string): number {
  const parts = value.split('-').map(Number);
  if (parts.length === 3) return dayNumber(value);
  if (parts.length === 2) return dayNumber(iso(parts[0]!, parts[1]!, daysInMonth(parts[1]!, parts[0]!)));
  return dayNumber(`${parts[0]}-12-31`);
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
