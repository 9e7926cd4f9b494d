import type { Span } from '../types.js';
import type { Doc } from './doc.js';

// A quotation never runs across a paragraph here: an unclosed mark is a typo, not a quote of the rest.
const QUOTE = /“[^“”\n]*”|"[^"\n]*"|«[^«»\n]*»|„[^„“”\n]*[“”]/gu;

/**
 * Spans of quoted speech, sorted by start. A speaker's words are not the writer's padding: rules
 * about the writer's own prose (template sentences, stock phrases) leave them alone.
 */
export function quotedSpans(doc: Doc): Span[] {
  return doc.memo('quoted-spans', () => {
    const spans: Span[] = [];
    QUOTE.lastIndex = 0;
    for (const m of doc.text.matchAll(QUOTE)) spans.push({ start: m.index!, end: m.index! + m[0].length });
    return spans;
  });
}

/** True when [start, end) lies inside one of the sorted spans. */
export function insideSpans(spans: readonly Span[], start: number, end: number): boolean {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start <= start) lo = mid + 1;
    else hi = mid;
  }
  const s = spans[lo - 1];
  return s !== undefined && s.start <= start && s.end >= end;
}
