// UTF-16 surrogate pairs: where a `u` expression sees one astral code point and a code-unit loop sees two units.

/** A well-formed surrogate pair at `i`: one astral code point. */
export function pairAt(t: string, i: number): boolean {
  const c = t.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= t.length) return false;
  const d = t.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** True between the two halves of a pair: a position the global scan of a `u` expression never tries. */
export function insidePair(t: string, i: number): boolean {
  return i > 0 && pairAt(t, i - 1);
}

/**
 * `s` cut to at most `max` UTF-16 units, the last being `…` when anything was cut; never between the two halves of a
 * pair (half an emoji is not valid UTF-8 and shows as a replacement character, or fails a strict decoder).
 */
export function clipText(s: string, max: number): string {
  if (s.length <= max) return s;
  let end = max - 1;
  if (insidePair(s, end)) end--;
  return `${s.slice(0, end)}…`;
}

/** The last `n` units of `s` at most, never starting inside a pair. */
export function tailText(s: string, n: number): string {
  let start = Math.max(0, s.length - n);
  if (insidePair(s, start)) start++;
  return s.slice(start);
}
