import type { Line } from '../types.js';

const KEY_CHARS = 40;
const MIN_REPEATED = 40;
const MIN_DUMP = 300;

/**
 * Marks long lines that restate earlier lines glued together: page templates often repeat the article
 * as one run-on "description" block (meta text, print version). A line counts when it starts with the
 * whole of an earlier line (not a truncated teaser ending in "...") and is much longer than it.
 */
export function repeatMask(lines: readonly Line[]): Uint8Array {
  const mask = new Uint8Array(lines.length);
  const seen = new Map<string, string>();
  for (const l of lines) {
    const t = l.text.trim();
    if (t.length < MIN_REPEATED) continue;
    const key = t.slice(0, KEY_CHARS);
    const earlier = seen.get(key);
    if (earlier !== undefined && t.length >= MIN_DUMP && t.length > earlier.length * 1.5 && t.startsWith(earlier) && !/(?:\.\.\.|…)$/.test(earlier)) mask[l.index] = 1;
    else if (earlier === undefined) seen.set(key, t);
  }
  return mask;
}
