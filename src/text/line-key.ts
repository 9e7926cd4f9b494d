/**
 * The key under which a line is compared across articles: case, digits and spacing folded, so
 * "© 2019 Example News" and "© 2020 Example News" are the same footer. Empty for lines too long to be template.
 */
/** Longest trimmed line that has a key. */
export const LINE_KEY_MAX = 200;

export function lineKey(line: string): string {
  const t = line.trim();
  if (t.length === 0 || t.length > LINE_KEY_MAX) return '';
  return t.toLowerCase().replace(/\d+/g, '0').replace(/\s+/g, ' ');
}
