const CAPITAL = /^\p{Lu}/u;

/**
 * `/^\p{Lu}/u.test(text)`: the text opens with an upper-case letter. Asked of nearly every token by several
 * rules; a text opening with an ASCII character (most words) is answered without the Unicode expression.
 */
export function startsWithCapital(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return CAPITAL.test(text);
}
