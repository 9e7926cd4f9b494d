const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

export type Decoded = { text: string } | { problem: string };

/**
 * Bytes → text, refusing what is not UTF-8 text: NUL bytes mean a binary file; invalid sequences
 * are reported with their byte offset. A leading BOM is dropped (offsets count from after it).
 */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  const probe = bytes.subarray(0, 8192);
  if (probe.includes(0)) return { problem: 'looks like a binary file (it contains NUL bytes), not text' };
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { problem: `is not valid UTF-8 (first bad byte at offset ${firstInvalidByte(bytes)}); convert it to UTF-8 first` };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
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
