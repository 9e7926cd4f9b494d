import type { Finding } from '../types.js';

const QUOTE_MAX = 60;

/** Quotes flagged text for a message: one line, shortened in the middle when long. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const visible = flat === '' ? JSON.stringify(text) : flat;
  return visible.length > QUOTE_MAX ? `${visible.slice(0, QUOTE_MAX / 2)}…${visible.slice(-QUOTE_MAX / 2 + 1)}` : visible;
}

/** Fills `{text}`, `{suggestion}` and the finding's data keys into a message template. */
export function formatMessage(template: string, finding: Finding, text: string): string {
  const values: Record<string, string> = { text: quote(text), suggestion: finding.suggestion ?? '' };
  for (const [k, v] of Object.entries(finding.data ?? {})) values[k] = String(v);
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}
