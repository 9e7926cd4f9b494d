// Piecewise UTF-8 decoding (shipped/decode-utf8.ts) must give exactly what Buffer#toString('utf8') gives: on the
// shipped packs, on characters of every length cut by a piece boundary, and on malformed bytes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeUtf8 } from '../src/shipped/decode-utf8.js';
import { ROOT } from './helpers/paths.js';

const PIECE = 64 * 1024;

describe('decodeUtf8', () => {
  it('decodes every shipped pack as Buffer#toString does', () => {
    const dir = join(ROOT, 'rules');
    const packs = readdirSync(dir).filter((f) => f.endsWith('.json'));
    expect(packs.length).toBeGreaterThan(5);
    for (const f of packs) {
      const bytes = readFileSync(join(dir, f));
      expect(decodeUtf8(bytes) === bytes.toString('utf8'), f).toBe(true);
    }
  });

  it('keeps characters of 2, 3 and 4 bytes whole across a piece boundary', () => {
    for (const ch of ['é', '’', '😀']) {
      const width = Buffer.byteLength(ch);
      for (let shift = 0; shift < width; shift++) {
        const text = 'a'.repeat(PIECE - 1 - shift) + ch.repeat(3) + 'b'.repeat(PIECE + 7);
        expect(decodeUtf8(Buffer.from(text)), `${ch} at ${shift}`).toBe(text);
      }
    }
  });

  it('replaces malformed bytes exactly as Buffer#toString does', () => {
    const cases: Buffer[] = [];
    const ascii = Buffer.alloc(PIECE * 2 + 11, 0x61);
    for (const bad of [[0xe2, 0x82], [0x80, 0x80, 0x80, 0x80, 0x80], [0xf0, 0x9f, 0x98], [0xff], [0xc3]]) {
      for (const at of [PIECE - 2, PIECE - 1, PIECE, PIECE + 1, ascii.length - bad.length]) {
        const b = Buffer.from(ascii);
        b.set(bad, at);
        cases.push(b);
      }
    }
    for (const b of cases) expect(decodeUtf8(b) === b.toString('utf8')).toBe(true);
  });
});
