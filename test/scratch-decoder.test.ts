// The comparison's unpacking into reused storage (session 8), against the plain decoders it replaces: the same
// values from packU32 / packU24 strings of every length, decoded one after another into the same scratch, and
// from base64 that is not in the packers' canonical form (white space, no padding).
import { describe, expect, it } from 'vitest';
import { packU24, packU32, ScratchDecoder, unpackU24, unpackU32 } from '../src/facts/packed.js';
import { viewFacts } from '../src/compare/facts-view.js';
import { createChecker, toArticle } from '../src/index.js';
import { mulberry32 } from '../scripts/lib/random.mjs';

describe('ScratchDecoder', () => {
  it('gives what unpackU32 and unpackU24 give, call after call in the same scratch', () => {
    const rnd = mulberry32(17);
    const d = new ScratchDecoder();
    for (let k = 0; k < 500; k++) {
      const n = k % 50 === 0 ? 3000 + k : Math.floor(rnd() * 90);
      const values = Array.from({ length: n }, () => Math.floor(rnd() * 2 ** 32));
      const p32 = packU32(values);
      expect(Array.from(d.u32(p32))).toEqual(Array.from(unpackU32(p32)));
      const p24 = packU24(values.map((v) => v & 0xffffff));
      expect(Array.from(d.u24(p24))).toEqual(Array.from(unpackU24(p24)));
    }
  });

  it('reads base64 outside the canonical form as Buffer.from does', () => {
    const d = new ScratchDecoder();
    const p = packU32([1, 2, 3, 0xffffffff, 77]);
    for (const odd of [p.replace(/=+$/, ''), `${p.slice(0, 8)}\n${p.slice(8)}`, ` ${p}`, p.slice(0, -3), '', '====']) {
      expect(Array.from(d.u32(odd))).toEqual(Array.from(unpackU32(odd)));
      expect(Array.from(d.u24(odd))).toEqual(Array.from(unpackU24(odd)));
    }
  });
});

describe('a view unpacked through the scratch', () => {
  it('holds the sentence table, ids, lines and MinHash the packed facts hold', () => {
    const checker = createChecker({ configFile: null });
    const bodies = [
      'The council approved a $1.2 billion budget on Tuesday. Mayor Ana Ruiz said the plan adds 300 jobs.\n\nCritics said the “plan” cuts 12% of park funds.',
      'Ein kurzer Text. Zweiter Satz mit 42 Zahlen.',
      'One line only, no figure.',
    ];
    for (const [i, body] of bodies.entries()) {
      const f = checker.check(toArticle({ id: `s${i}`, body }, i)).facts;
      const v = viewFacts(f);
      expect(Array.from(v.rows)).toEqual(Array.from(unpackU32(f.table.sentences)));
      expect(Array.from(v.ids)).toEqual(Array.from(unpackU24(f.table.tokens)));
      expect(Array.from(v.lines)).toEqual(Array.from(unpackU32(f.table.lines)));
      expect(Array.from(v.minhash)).toEqual(Array.from(unpackU32(f.minhash)));
      expect(v.claims.length).toBe(JSON.parse(f.claims).length);
    }
  });
});
