import { isSpaceCode } from '../text/space-code.js';

export { isSpaceCode };

const SPACES = /\s+/g;

/**
 * text.slice(from, to).replace(/\s+/g, ' '): most quoted spans are already one line with single spaces, and
 * one look at their characters is cheaper than the replace (the quoting's largest cost after the reads).
 */
export function collapseSpaces(text: string, from: number, to: number): string {
  let prev = false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c > 0x20 && c < 0xa0) {
      prev = false;
      continue;
    }
    if (!isSpaceCode(c)) {
      prev = false;
      continue;
    }
    if (prev || c !== 0x20) return text.slice(from, to).replace(SPACES, ' ');
    prev = true;
  }
  return text.slice(from, to);
}

/** A sentence quoted in a comparison message: one line, long ones shortened around the middle. */
export function quoteSentence(text: string, max = 160, focus?: string): string {
  const t = collapseSpaces(text, 0, text.length).trim();
  if (t.length <= max) return `“${t}”`;
  // Keep the differing words in view: a window around them rather than the sentence's two ends.
  const at = focus ? t.toLowerCase().indexOf(focus.toLowerCase()) : -1;
  if (at >= 0) {
    const from = Math.max(0, Math.min(at - Math.floor((max - focus!.length) / 2), t.length - max));
    return `“${from > 0 ? '…' : ''}${t.slice(from, from + max)}${from + max < t.length ? '…' : ''}”`;
  }
  const half = Math.floor((max - 1) / 2);
  return `“${t.slice(0, half)}…${t.slice(t.length - half)}”`;
}

/** Rounded to 2 decimals, clamped to [0, 1] (the report's similarity range). */
export function roundSimilarity(x: number): number {
  return Math.round(Math.min(1, Math.max(0, x)) * 100) / 100;
}
