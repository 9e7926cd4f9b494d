import type { Finding } from '../../types.js';

/** One rule reports a span once, however many of its patterns matched it. */
export function dropDuplicates(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.start}:${f.end}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
