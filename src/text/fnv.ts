/**
 * 32-bit FNV-1a over the UTF-16 code units of s[from, to), as a signed 32-bit integer (`>>> 0` for the unsigned
 * value). Over a range so that callers hash a word or line where it stands in the text, without slicing it.
 */
export function fnv1a(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let k = from; k < to; k++) h = Math.imul(h ^ s.charCodeAt(k), 0x01000193);
  return h;
}
