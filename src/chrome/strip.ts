import type { Span } from '../types.js';

export interface Stripped {
  text: string;
  /** Spans removed (after merging overlaps). */
  removed: number;
}

/**
 * Removes spans from text and tidies the seams: runs of blank lines collapse to one blank line and the
 * ends are trimmed of blank lines. Only whitespace is ever touched outside the spans, so no article text is lost.
 */
export function stripSpans(text: string, spans: readonly Span[]): Stripped {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  let removed = 0;
  for (const s of sorted) {
    if (s.end <= at) continue;
    out += text.slice(at, Math.max(at, s.start));
    at = Math.max(at, s.end);
    removed++;
  }
  out += text.slice(at);
  const tidy = out
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\n+/, '')
    .replace(/\n*$/, '\n');
  return { text: tidy === '\n' ? '' : tidy, removed };
}
