/** FNV-1a's 32-bit offset basis: the hash of the empty string. */
export const FNV_OFFSET = 0x811c9dc5;

/** One FNV-1a step: h with code unit c folded in (for hashes built up in place, a character at a time). */
export const fnvStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

/**
 * 32-bit FNV-1a over the UTF-16 code units of s[from, to), as a signed 32-bit integer (`>>> 0` for the unsigned
 * value). Over a range so that callers hash a word or line where it stands in the text, without slicing it.
 */
export function fnv1a(s: string, from = 0, to = s.length): number {
  let h = FNV_OFFSET;
  for (let k = from; k < to; k++) h = fnvStep(h, s.charCodeAt(k));
  return h;
}
