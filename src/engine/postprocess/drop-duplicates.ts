import type { Finding } from '../../types.js';

// Spans shorter than this are keyed by one number, start * (SPAN_KEY_LIMIT + 1) + end, which stays an exact
// integer (below 2^53) for offsets up to 2^26; a key string per finding was most of this step's cost.
const SPAN_KEY_LIMIT = 2 ** 26;

/** One rule reports a span once, however many of its patterns matched it. */
export function dropDuplicates(findings: Finding[]): Finding[] {
  if (findings.length < 2) return findings;
  const seen = new Set<number | string>();
  const out: Finding[] = [];
  for (const f of findings) {
    const key = f.start >= 0 && f.end >= 0 && f.start < SPAN_KEY_LIMIT && f.end < SPAN_KEY_LIMIT ? f.start * (SPAN_KEY_LIMIT + 1) + f.end : `${f.start}:${f.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
