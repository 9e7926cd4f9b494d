import { isAscii, isUtf8, transcode } from 'node:buffer';

/**
 * A JSONL line's bytes as text, exactly as `bytes.toString('utf8')` gives it, or null when they are not UTF-8
 * (the BOM kept: the caller drops it on line 1). Validating first and then converting is a third cheaper than a
 * fatal TextDecoder, same answer. Node 20's own UTF-8 decoding slows to ~400 MB/s once a line holds a non-ASCII
 * byte (typographic quotes in nearly every news line); ICU's conversion to UTF-16 and a copy into a two-byte
 * string is the same text at about half the cost, and JSON.parse still makes one-byte strings of the values
 * that fit one byte, so the records are the same. ASCII is copied as Latin-1, the same text again.
 */
export function utf8Line(bytes: Buffer): string | null {
  if (isAscii(bytes)) return bytes.toString('latin1');
  if (!isUtf8(bytes)) return null;
  // A node built without ICU has no transcode.
  if (typeof transcode !== 'function') return bytes.toString('utf8');
  const units = transcode(bytes, 'utf8', 'utf16le');
  return units.toString('utf16le');
}

/**
 * A JSONL line's record text as the batch reads it, or null when its bytes are not UTF-8: a BOM dropped on line 1
 * and a CRLF's carriage return cut. The batch and a body read again for a quote must read a line the same way.
 */
export function jsonlLineText(bytes: Buffer, lineNo: number): string | null {
  let text = utf8Line(bytes);
  if (text === null) return null;
  if (lineNo === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.endsWith('\r')) text = text.slice(0, -1);
  return text;
}
