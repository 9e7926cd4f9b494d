import type { Finding } from '../types.js';

const QUOTE_MAX = 60;

/** Flagged text for display: one line, shortened in the middle when long. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `${flat.slice(0, QUOTE_MAX / 2)}…${flat.slice(-QUOTE_MAX / 2 + 1)}` : flat;
}

/**
 * Flagged text as a quoted literal for listings: plain quotes around ordinary text, escapes where the
 * text is or starts/ends with whitespace or invisible characters, so "  " and "\n\n\n" stay visible.
 */
export function literal(text: string): string {
  if (/^\s|\s$|[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060\ufeff]/u.test(text)) {
    const s = JSON.stringify(text.length > QUOTE_MAX ? `${text.slice(0, QUOTE_MAX)}…` : text);
    return s.replace(/[\u007f-\u009f\u200b-\u200f\u2060\ufeff]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return `"${quote(text)}"`;
}

/** Fills `{text}`, `{suggestion}` and the finding's data keys into a message template. */
export function formatMessage(template: string, finding: Finding, text: string): string {
  const values: Record<string, string> = { text: quote(text), suggestion: finding.suggestion ?? '' };
  for (const [k, v] of Object.entries(finding.data ?? {})) values[k] = String(v);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
