/**
 * One line of a byte stream (without its newline), numbered from 1, with the byte offset where it starts
 * (a file's line can be read again from there), or the reason it was not kept.
 */
export type RawLine = { lineNo: number; bytes: Buffer; offset: number } | { lineNo: number; tooLong: true; binary: boolean };

/**
 * Splits a byte stream into lines without holding more than `maxBytes` of any one line. A line over
 * the limit (or one carrying NUL bytes beyond it) is reported once; `stopOnOverflow` ends the stream
 * there instead of skipping to the next newline (standard input may never send one: /dev/zero).
 */
export async function* readLines(chunks: AsyncIterable<Buffer | Uint8Array>, maxBytes: number, stopOnOverflow = false): AsyncGenerator<RawLine> {
  let parts: Buffer[] = [];
  let size = 0;
  let lineNo = 1;
  let skipping = false;
  let sawNul = false;
  // Bytes of the stream before the current chunk, and where the current line starts.
  let base = 0;
  let lineStart = 0;
  for await (const chunk of chunks) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let from = 0;
    while (from <= buf.length) {
      const nl = buf.indexOf(0x0a, from);
      const end = nl < 0 ? buf.length : nl;
      if (!skipping) {
        const piece = buf.subarray(from, end);
        if (size + piece.length > maxBytes) {
          sawNul ||= piece.includes(0);
          yield { lineNo, tooLong: true, binary: sawNul };
          if (stopOnOverflow) return;
          skipping = true;
          parts = [];
          size = 0;
        } else if (piece.length) {
          parts.push(piece);
          size += piece.length;
          // NULs never occur in text: report a binary stream at once rather than after the whole limit.
          if (stopOnOverflow && piece.includes(0)) {
            yield { lineNo, tooLong: true, binary: true };
            return;
          }
        }
      }
      if (nl < 0) break;
      if (!skipping) yield { lineNo, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), offset: lineStart };
      lineStart = base + nl + 1;
      lineNo++;
      parts = [];
      size = 0;
      skipping = false;
      sawNul = false;
      from = nl + 1;
    }
    base += buf.length;
  }
  if (!skipping && size > 0) yield { lineNo, bytes: parts.length === 1 ? parts[0]! : Buffer.concat(parts, size), offset: lineStart };
}
