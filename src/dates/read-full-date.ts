import { isValidDate, iso, monthNumber } from './calendar.js';

/** One reading of a FULL_DATE match: the valid date, or why there is none. */
export interface FullDateReading {
  /** YYYY-MM-DD when the match is a real date (day-first when the order is ambiguous). */
  value: string | null;
  /** The month-first reading when the order is ambiguous. */
  alternative: string | null;
  /** Both day-first and month-first readings are real dates ("05.06.2025" with slashes). */
  ambiguous: boolean;
  /** No reading gives a real date ("February 30, 2023", "2023-13-01"). */
  impossible: boolean;
  /** The date as the text states it, for messages: year, month, day as written (month may be > 12). */
  parts: { y: number; m: number; d: number };
}

/**
 * Reads a match of FULL_DATE. Dotted numeric dates are day-first (the convention everywhere they are
 * used); slashed ones are day-first when the first number cannot be a month, month-first when the
 * second cannot be, and otherwise ambiguous (`dayFirst` breaks the tie when the document shows its habit).
 */
export function readFullDate(g: Record<string, string | undefined>, dayFirst: boolean | null = null): FullDateReading {
  let y: number;
  let m: number;
  let d: number;
  let ambiguous = false;
  if (g.mdyM) [y, m, d] = [+g.mdyY!, monthNumber(g.mdyM), +g.mdyD!];
  else if (g.dmyM) [y, m, d] = [+g.dmyY!, monthNumber(g.dmyM), +g.dmyD!];
  else if (g.isoY) [y, m, d] = [+g.isoY, +g.isoM!, +g.isoD!];
  else {
    const a = +g.numA!;
    const b = +g.numB!;
    y = +g.numY!;
    const dayFirstValid = isValidDate(y, b, a);
    const monthFirstValid = isValidDate(y, a, b);
    if (dayFirstValid && !monthFirstValid) [m, d] = [b, a];
    else if (monthFirstValid && !dayFirstValid) [m, d] = [a, b];
    else {
      // Dotted dates are day-first wherever they are written; slashed ones depend on the country.
      ambiguous = g.sep !== '.' && dayFirstValid && monthFirstValid && a !== b && dayFirst === null;
      [m, d] = dayFirst === false && g.sep !== '.' ? [a, b] : [b, a];
    }
    if (g.sep === '/' && !dayFirstValid && !monthFirstValid) return { value: null, alternative: null, ambiguous: false, impossible: true, parts: { y, m: b, d: a } };
  }
  const valid = isValidDate(y, m, d);
  return { value: valid ? iso(y, m, d) : null, alternative: ambiguous ? iso(y, d, m) : null, ambiguous, impossible: !valid, parts: { y, m, d } };
}
