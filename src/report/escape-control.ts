// Text from records (ids, titles, paths, flagged spans) reaches terminals: a control character in it
// must show as an escape, never act (clear the screen, move the cursor, change colours).
// C0 controls, DEL and C1 controls, plus the bidirectional overrides that reorder what is displayed.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const CONTROL_OR_BREAK = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u2028\u2029]/g;

const escape = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Escapes control characters, keeping line breaks and tabs (for multi-line text output). */
export function escapeControl(s: string): string {
  return s.replace(CONTROL, escape);
}

/** Escapes control characters and line breaks: for one-line diagnostics on standard error. */
export function escapeLine(s: string): string {
  return s.replace(CONTROL_OR_BREAK, escape);
}

/** A copy of a value with every string escaped (the report before it is rendered for a terminal). */
export function escapeStrings<T>(value: T): T {
  if (typeof value === 'string') return escapeControl(value) as T;
  if (Array.isArray(value)) return value.map(escapeStrings) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeStrings(v);
    return out as T;
  }
  return value;
}
