import { fnv1a } from '../text/fnv.js';

// 32-bit hashes: facts carry hashed terms instead of strings, so they stay small when they travel back
// from worker threads and the comparison can work on integer arrays. Collisions at 32 bits are rare
// enough for candidate generation and similarity; every reported pair is still checked on its slots.

/** FNV-1a over UTF-16 code units, unsigned. */
export function hashString(s: string): number {
  return fnv1a(s) >>> 0;
}

/** Murmur3's finaliser: spreads a 32-bit value over all bits (used to derive the MinHash permutations). */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

/** Combines two hashes (order matters). */
export function combine(h: number, v: number): number {
  return mix32((Math.imul(h, 31) + v) >>> 0);
}
