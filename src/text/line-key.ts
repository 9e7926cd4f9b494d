import { isSpaceCode } from './space-code.js';
import { isDigitCode } from './digit-code.js';

export { isSpaceCode };

/** Longest trimmed line that has a key. */
export const LINE_KEY_MAX = 200;

/**
 * The key under which a line is compared across articles: case, digits and spacing folded, so
 * "© 2019 Example News" and "© 2020 Example News" are the same footer. Empty for lines too long to be template.
 */
export function lineKey(line: string): string {
  const t = line.trim();
  if (t.length === 0 || t.length > LINE_KEY_MAX) return '';
  return foldDigitsAndSpace(t.toLowerCase());
}

/**
 * `s.replace(/\d+/g, '0').replace(/\s+/g, ' ')` in one scan, `s` itself when nothing changes (most short lines:
 * headings, bylines). The two patterns' sets are disjoint and neither replacement makes a character of the
 * other's, so one left-to-right pass is the same; the patterns cost three times as much per line.
 */
function foldDigitsAndSpace(s: string): string {
  let out = '';
  let from = 0;
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    let j = i + 1;
    if (isDigitCode(c)) {
      while (j < n && isDigitCode(s.charCodeAt(j))) j++;
      out += s.slice(from, i) + '0';
      from = j;
    } else if (isSpaceCode(c)) {
      while (j < n && isSpaceCode(s.charCodeAt(j))) j++;
      // One ASCII space folds to itself.
      if (j - i > 1 || c !== 0x20) {
        out += s.slice(from, i) + ' ';
        from = j;
      }
    }
    i = j;
  }
  return from === 0 ? s : out + s.slice(from);
}
