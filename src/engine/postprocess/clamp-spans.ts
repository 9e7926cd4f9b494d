import type { Finding } from '../../types.js';

/** Keeps spans inside the text and drops empty or inverted ones, so every flag points at real text. */
export function clampSpans(findings: Finding[], textLength: number): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    const start = Math.max(0, Math.min(f.start, textLength));
    const end = Math.max(0, Math.min(f.end, textLength));
    if (end > start) out.push(start === f.start && end === f.end ? f : { ...f, start, end });
  }
  return out;
}
