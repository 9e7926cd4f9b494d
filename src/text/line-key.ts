import { isSpaceCode } from './space-code.js';

export { isSpaceCode };

/**
 * The key under which a line is compared across articles: case, digits and spacing folded, so
 * "© 2019 Example News" and "© 2020 Example News" are the same footer. Empty for lines too long to be template.
 */
/** Longest trimmed line that has a key. */
export const LINE_KEY_MAX = 200;

export function lineKey(line: string): string {
  const t = line.trim();
  if (t.length === 0 || t.length > LINE_KEY_MAX) return '';
  // Most short lines (headings, bylines) hold no digit and no spacing to fold: the two replaces would
  // each scan the line and give it back unchanged.
  return needsFolding(t) ? t.toLowerCase().replace(/\d+/g, '0').replace(/\s+/g, ' ') : t.toLowerCase();
}

/** Whether `t` (trimmed) has a digit, or white space other than single ASCII spaces: what the replaces change. */
export function needsFolding(t: string): boolean {
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) return true;
    if (c === 0x20) {
      if (isSpaceCode(t.charCodeAt(i + 1))) return true;
    } else if (isSpaceCode(c)) return true;
  }
  return false;
}
