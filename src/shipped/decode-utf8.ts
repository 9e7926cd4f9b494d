import { isAscii } from 'node:buffer';

// Node 20 decodes UTF-8 at ~100 MB/s once it meets the first non-ASCII byte, and copies ASCII as Latin-1 ten
// times faster. The shipped packs and the bundled CLI are megabytes of ASCII with a few typographic characters
// (a 1 MB pack with 30 non-ASCII bytes near its start): decoded piecewise, ASCII pieces as Latin-1, the text is the
// same and reading it costs a tenth. A piece boundary never splits a character (it moves past continuation bytes).
const PIECE = 64 * 1024;

/** The UTF-8 text of `bytes`, exactly as `bytes.toString('utf8')` gives it. */
export function decodeUtf8(bytes: Buffer): string {
  if (bytes.length <= PIECE) return bytes.toString('utf8');
  let out = '';
  for (let start = 0; start < bytes.length; ) {
    let end = Math.min(start + PIECE, bytes.length);
    // 0b10xxxxxx bytes continue the character before them.
    while (end < bytes.length && (bytes[end]! & 0xc0) === 0x80) end++;
    const piece = bytes.subarray(start, end);
    out += piece.toString(isAscii(piece) ? 'latin1' : 'utf8');
    start = end;
  }
  return out;
}

/**
 * `text` without a leading byte order mark: Windows editors (Notepad) save JSON with one, and JSON.parse refuses it
 * with a message nobody can act on.
 */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
