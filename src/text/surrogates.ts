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
