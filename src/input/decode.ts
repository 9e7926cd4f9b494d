import { fixCp1252Controls } from '../shipped/cp1252.js';
import { withoutBom } from '../shipped/decode-utf8.js';
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type Decoded = { text: string } | { problem: string };

/**
 * Bytes → text, refusing what is not UTF-8 text: NUL bytes mean a binary file; invalid sequences
 * are reported with their byte offset. A leading BOM is dropped (offsets count from after it).
 */
export function decodeUtf8(bytes: Uint8Array, options: { html?: boolean } = {}): Decoded {
  const probe = bytes.subarray(0, 8192);
  const bom16 = utf16Bom(bytes);
  if (bom16 || (probe.includes(0) && looksLikeUtf16(probe))) {
    return { problem: `is UTF-16${bom16 ? ` (${bom16} byte order mark)` : ''}, not UTF-8; convert it first (iconv -f UTF-16 -t UTF-8)` };
  }
  if (probe.includes(0)) return { problem: 'looks like a binary file (it contains NUL bytes), not text' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    // A page that names its own encoding (<meta charset="windows-1252">) is read in it, as a browser reads it.
    const declared = options.html ? declaredCharset(bytes) : null;
    if (declared) return { text: declared.encoding === 'windows-1252' ? fixCp1252Controls(declared.decode(bytes)) : declared.decode(bytes) };
    return { problem: `is not valid UTF-8 (first bad byte at offset ${firstInvalidByte(bytes)}); convert it to UTF-8 first` };
  }
  text = withoutBom(text);
  if (text.includes('\0')) return { problem: 'looks like a binary file (it contains NUL bytes), not text' };
  return { text };
}

function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const n = b < 0x80 ? 1 : b >= 0xc2 && b < 0xe0 ? 2 : b >= 0xe0 && b < 0xf0 ? 3 : b >= 0xf0 && b < 0xf5 ? 4 : 0;
    if (n === 0) return i;
    for (let k = 1; k < n; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += n;
  }
  return i;
}

function utf16Bom(bytes: Uint8Array): 'little-endian' | 'big-endian' | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian';
  return null;
}

/** UTF-16 without a byte order mark: Latin text in it has a NUL in most even or most odd bytes, and few elsewhere. */
function looksLikeUtf16(probe: Uint8Array): boolean {
  let even = 0;
  let odd = 0;
  for (let i = 0; i < probe.length; i++) if (probe[i] === 0) i % 2 === 0 ? even++ : odd++;
  const half = probe.length / 2;
  return Math.max(even, odd) > 0.6 * half && Math.min(even, odd) < 0.05 * half;
}

/**
 * The decoder for the encoding an HTML page declares in its first 1,024 bytes (where the HTML standard's prescan
 * looks: `<meta charset>` or `<meta http-equiv content="...; charset=">`), when it is one TextDecoder knows and not
 * UTF-8; else null.
 */
function declaredCharset(bytes: Uint8Array): InstanceType<typeof TextDecoder> | null {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  const label = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)/i.exec(head)?.[1];
  if (!label || /^utf-?8$/i.test(label)) return null;
  try {
    return new TextDecoder(label.toLowerCase());
  } catch {
    return null;
  }
}
