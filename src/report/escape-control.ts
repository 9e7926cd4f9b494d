// Text from records and rule packs (ids, titles, paths, flagged spans, descriptions) reaches terminals: a control
// character in it must show as an escape, never act (clear the screen, move the cursor, change colours), and a
// line break in it must not start a line of its own, where it could pass for a line credlint wrote (a forged
// "no problems found", an article header, a comparison). C0 controls (line feed and carriage return included),
// DEL and C1 controls (NEL among them), the Unicode line and paragraph separators, and the bidirectional
// overrides that reorder what is displayed.
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Escapes control characters and line breaks: the text shows on the one line it is printed on. */
export function escapeLine(s: string): string {
  return s.replace(CONTROL_OR_BREAK, escape);
}

/** A copy of a value with every string escaped to one line (a report before a terminal format renders it). */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeLine(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeStrings(v);
    return out as T;
  }
  return value;
}
