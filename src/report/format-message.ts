import { splitTemplate } from '../text/split-template.js';
import type { Finding } from '../types.js';
import { clipText, tailText } from '../text/surrogates.js';

const QUOTE_MAX = 60;

/** Flagged text for display: one line, shortened in the middle when long. */
export function quote(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > QUOTE_MAX ? `${clipText(flat, QUOTE_MAX / 2 + 1)}${tailText(flat, QUOTE_MAX / 2 - 1)}` : flat;
}

/**
 * Flagged text as a quoted literal for listings: plain quotes around ordinary text, escapes where the
 * text is or starts/ends with whitespace or invisible characters, so "  " and "\n\n\n" stay visible.
 */
export function literal(text: string): string {
  if (/^\s|\s$|[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2060\ufeff]/u.test(text)) {
    const s = JSON.stringify(clipText(text, QUOTE_MAX + 1));
    return s.replace(/[\u007f-\u009f\u200b-\u200f\u2060\ufeff]/gu, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  }
  return `"${quote(text)}"`;
}

/** A template split once at its placeholders: literal parts around placeholder names (`parts.length = keys.length + 1`). */
interface Template {
  parts: string[];
  keys: string[];
  /** Whether `{text}` appears: the quoted text is made only then (it is a scan and a copy of the flagged text). */
  quotesText: boolean;
}

// Templates come from rule packs and detectors, so there are few; the bound keeps a detector that builds its
// messages from the text (or a long-running service) from growing the cache without end.
const TEMPLATE_CACHE_MAX = 1024;
const templates = new Map<string, Template>();

const PLACEHOLDER = /\{(\w+)\}/g;

function templateOf(source: string): Template {
  let t = templates.get(source);
  if (t) return t;
  const { parts, refs: keys } = splitTemplate(source, PLACEHOLDER);
  t = { parts, keys, quotesText: keys.includes('text') };
  if (templates.size >= TEMPLATE_CACHE_MAX) templates.clear();
  templates.set(source, t);
  return t;
}

/**
 * Fills `{text}`, `{suggestion}` and the finding's data keys into a message template; a data key of the same
 * name wins, and a placeholder nothing names stays as it is. Only the finding's own data counts: `{constructor}`
 * is not a value every object inherits.
 */
export function formatMessage(template: string, finding: Finding, text: string): string {
  const t = templateOf(template);
  if (!t.keys.length) return template;
  const data = finding.data;
  const quoted = t.quotesText && !(data && Object.hasOwn(data, 'text')) ? quote(text) : '';
  let out = t.parts[0]!;
  for (let i = 0; i < t.keys.length; i++) {
    const key = t.keys[i]!;
    if (data && Object.hasOwn(data, key)) out += String(data[key]);
    else if (key === 'text') out += quoted;
    else if (key === 'suggestion') out += finding.suggestion ?? '';
    else out += `{${key}}`;
    out += t.parts[i + 1]!;
  }
  return out;
}
