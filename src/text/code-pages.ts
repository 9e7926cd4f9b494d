import { CP1252_80_9F } from '../shipped/cp1252.js';
/**
 * Single-byte code pages that UTF-8 text is commonly mis-decoded through, as character → byte maps
 * (the inverse of decoding). Built from the runtime's own decoders where WHATWG names them; code
 * page 437 is not a WHATWG encoding, so its upper half is written out here.
 */
export interface CodePage {
  name: string;
  /** Low confidence: repairs through it must be clearly better than the input, not merely better. */
  lowConfidence: boolean;
  toByte: ReadonlyMap<string, number>;
}

const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

function fromDecoder(label: string): Map<string, number> | null {
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(label);
  } catch {
    return null; // a runtime without full ICU: the code page is simply not tried
  }
  const map = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) {
    const ch = decoder.decode(new Uint8Array([b]));
    if (ch !== '\ufffd' && !map.has(ch)) map.set(ch, b);
  }
  return map;
}


/**
 * "Sloppy" Windows-1252: the five bytes Windows-1252 leaves undefined decode to the C1 controls of
 * the same value, and every C1 control also stands for its own byte, so text decoded as Latin-1 and
 * text decoded as Windows-1252 (or a mixture of both, as real pipelines produce) map back to bytes.
 */
function sloppy1252(): Map<string, number> {
  const map = new Map<string, number>();
  for (let b = 0x80; b <= 0xff; b++) map.set(String.fromCharCode(b), b);
  [...CP1252_80_9F].forEach((ch, i) => {
    if (ch !== '\u0000') map.set(ch, 0x80 + i);
  });
  return map;
}

function cp437(): Map<string, number> {
  const map = new Map<string, number>();
  [...CP437_HIGH].forEach((ch, i) => map.set(ch, 0x80 + i));
  return map;
}

function build(): CodePage[] {
  const pages: CodePage[] = [{ name: 'Windows-1252', lowConfidence: false, toByte: sloppy1252() }];
  for (const [name, label] of [['Mac Roman', 'macintosh'], ['Windows-1250', 'windows-1250'], ['Windows-1251', 'windows-1251']] as const) {
    const map = fromDecoder(label);
    if (map) pages.push({ name, lowConfidence: true, toByte: map });
  }
  pages.push({ name: 'code page 437', lowConfidence: true, toByte: cp437() });
  return pages;
}

export const CODE_PAGES: readonly CodePage[] = build();

export { C1_AS_1252 } from '../shipped/cp1252.js';
