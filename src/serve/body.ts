import type { IncomingMessage } from 'node:http';
import { decodeUtf8 } from '../input/decode.js';
import { HttpError } from './http-error.js';

export interface MediaType {
  /** Lower-cased `type/subtype`, '' when the request names none. */
  type: string;
  charset: string | null;
}

export function mediaTypeOf(req: IncomingMessage): MediaType {
  const raw = req.headers['content-type'];
  if (!raw) return { type: '', charset: null };
  const [type, ...params] = raw.split(';');
  let charset: string | null = null;
  for (const p of params) {
    const m = /^\s*charset\s*=\s*"?([^";\s]+)"?\s*$/i.exec(p);
    if (m) charset = m[1]!.toLowerCase();
  }
  return { type: type!.trim().toLowerCase(), charset };
}

/** 415 unless the media type's charset (if any) is UTF-8: the body is only ever read as UTF-8. */
export function requireUtf8(media: MediaType): void {
  if (media.charset && media.charset !== 'utf-8' && media.charset !== 'utf8' && media.charset !== 'us-ascii') {
    throw new HttpError(415, `charset "${media.charset.slice(0, 60)}" is not supported; send UTF-8`);
  }
}

/**
 * The request body as UTF-8 text, at most `limit` bytes. Over the limit: 413 at once (from Content-Length when
 * the client states it), the rest of the upload discarded unread so the connection can carry the answer.
 */
export function readBodyText(req: IncomingMessage, limit: number): Promise<string> {
  return new Promise((resolve, reject) => {
    // A compressed body is refused rather than inflated: nothing to decompress means no decompression bomb to
    // bound, and a client that compresses can as well not (RFC 7694: 415 with Accept-Encoding: identity).
    const coding = (req.headers['content-encoding'] ?? '').trim().toLowerCase();
    if (coding !== '' && coding !== 'identity') {
      req.resume();
      return reject(new HttpError(415, `content encoding ${coding.slice(0, 60)} is not supported; send the body uncompressed`, { 'accept-encoding': 'identity', connection: 'close' }));
    }
    const tooLarge = (): HttpError => new HttpError(413, `the request body is over the ${limit.toLocaleString('en')}-byte limit of this server`, { connection: 'close' });
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      return reject(tooLarge());
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        return reject(tooLarge());
      }
      chunks.push(chunk);
    });
    req.on('error', (e) => reject(new HttpError(400, `the request body could not be read (${e.message})`)));
    req.on('aborted', () => reject(new HttpError(400, 'the client closed the connection before the body was complete')));
    req.on('end', () => {
      if (over) return;
      const decoded = decodeUtf8(Buffer.concat(chunks, size));
      if ('problem' in decoded) reject(new HttpError(400, `the request body ${decoded.problem}`));
      else resolve(decoded.text);
    });
  });
}
