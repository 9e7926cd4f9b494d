// Windows-1252 bytes 0x80–0x9F ("\u0000" where the byte is undefined). Written out because Node 20's
// TextDecoder('windows-1252') decodes these bytes as Latin-1 controls.
export const CP1252_80_9F = '€\u0000‚ƒ„…†‡ˆ‰Š‹Œ\u0000Ž\u0000\u0000‘’“”•–—˜™š›œ\u0000žŸ';

/** The Windows-1252 character a C1 control stands for when Windows-1252 bytes were read as Latin-1 (undefined bytes map to nothing). */
export const C1_AS_1252: ReadonlyMap<string, string> = new Map(
  [...CP1252_80_9F].flatMap((ch, i) => (ch === '\u0000' ? [] : [[String.fromCharCode(0x80 + i), ch] as [string, string]])),
);

/** Text decoded by Node's TextDecoder('windows-1252') (Latin-1 in 0x80–0x9F), as Windows-1252 reads it. */
export function fixCp1252Controls(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => C1_AS_1252.get(c) ?? c);
}
