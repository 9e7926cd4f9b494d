const FINAL_SIGMA = /\u03c2/g;
const NON_ASCII = /[^\x00-\x7f]/;

/**
 * A text as a case-insensitive literal test reads it. Under the i and u flags a character matches every character
 * with the same simple case folding; foldCase maps all of them to one string (lower case of the upper case of the
 * lower case, which joins the long s with s, the final sigma's context aside, and the like: ſ → s, ϐ → β, ᲀ → в,
 * K → k), and does so character by character, the final sigma mapped back to σ. So a text in which an i+u
 * expression matches a string contains, after foldCase, that string's foldCase (test/chrome-split.test.ts checks
 * this against the engine for every character). ASCII text has no such characters: lower case is enough.
 */
export function foldCase(s: string): string {
  if (!NON_ASCII.test(s)) return s.toLowerCase();
  const f = s.toLowerCase().toUpperCase().toLowerCase();
  return f.includes('\u03c2') ? f.replace(FINAL_SIGMA, '\u03c3') : f;
}

/** A string no i+u expression tells apart from other strings: every character is its own only case variant. */
export function isCaseless(s: string): boolean {
  return foldCase(s) === s && s.toUpperCase() === s;
}
