import type { Finding } from '../types.js';
import type { Detector } from './detector.js';

// Windows-1252 bytes 0x80–0x9F and the characters they decode to; 0xA0–0xFF decode to U+00A0–U+00FF.
const CP1252_HIGH: Record<number, number> = {
  0x20ac: 0x80, 0x201a: 0x82, 0x0192: 0x83, 0x201e: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87, 0x02c6: 0x88,
  0x2030: 0x89, 0x0160: 0x8a, 0x2039: 0x8b, 0x0152: 0x8c, 0x017d: 0x8e, 0x2018: 0x91, 0x2019: 0x92, 0x201c: 0x93,
  0x201d: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02dc: 0x98, 0x2122: 0x99, 0x0161: 0x9a, 0x203a: 0x9b,
  0x0153: 0x9c, 0x017e: 0x9e, 0x0178: 0x9f,
};
const CONT = '\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122';
// A lead byte (Â..ô as Windows-1252 text) followed by one to three continuation bytes, repeated.
const CANDIDATE = new RegExp(`(?:[\\u00C2-\\u00F4][${CONT}]{1,3})+`, 'gu');
// What the repaired text may contain: Latin, Greek, Cyrillic, general punctuation, currency, letter-like symbols.
const PLAUSIBLE = /^[\u00A0-\u024F\u0370-\u04FF\u2000-\u206F\u20A0-\u20CF\u2100-\u215F]+$/u;
const decoder = new TextDecoder('utf-8', { fatal: true });

function toByte(ch: string): number | null {
  const c = ch.codePointAt(0)!;
  if (c <= 0xff) return c;
  return CP1252_HIGH[c] ?? null;
}

/** Reads text as if it were Windows-1252 bytes of UTF-8, returning the intended text or null. */
export function repairMojibake(s: string): string | null {
  const bytes: number[] = [];
  for (const ch of s) {
    const b = toByte(ch);
    if (b === null) return null;
    bytes.push(b);
  }
  try {
    const fixed = decoder.decode(new Uint8Array(bytes));
    return fixed !== s && PLAUSIBLE.test(fixed) ? fixed : null;
  } catch {
    return null;
  }
}

/** UTF-8 text that was decoded as Windows-1252 somewhere upstream ("â€™" for "’", "Ã©" for "é"). */
export const mojibake: Detector<Record<string, never>> = {
  type: 'mojibake',
  summary: 'Finds UTF-8 text mis-decoded as Windows-1252 and suggests the repaired characters.',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run(doc) {
    const out: Finding[] = [];
    for (const m of doc.text.matchAll(CANDIDATE)) {
      const fixed = repairMojibake(m[0]);
      if (fixed === null) continue;
      out.push({ start: m.index!, end: m.index! + m[0].length, suggestion: fixed, data: { fixed } });
    }
    return out;
  },
};
