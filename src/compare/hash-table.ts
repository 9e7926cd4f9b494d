import { mix32 } from '../facts/hash.js';

// The keys are hashes already, but their low bits may cluster: each is spread (mix32) before masking.
/**
 * A map from 32-bit hashes to non-negative integers in two typed arrays (open addressing, linear probing): a
 * batch indexes millions of band buckets and sentence hashes, which as Map entries would take tens of bytes each.
 */
export class HashIndex {
  private keys: Uint32Array;
  private values: Int32Array;
  private used = 0;

  constructor(capacity = 1024) {
    let n = 16;
    while (n < capacity * 2) n *= 2;
    this.keys = new Uint32Array(n);
    this.values = new Int32Array(n).fill(-1);
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const mask = this.keys.length - 1;
    for (let at = mix32(key) & mask; ; at = (at + 1) & mask) {
      const v = this.values[at]!;
      if (v === -1 || this.keys[at] === key >>> 0) return v;
    }
  }

  /** Stores `value` (0 or more) for `key`, replacing what was there. */
  set(key: number, value: number): void {
    // Up to three quarters full: hashed keys keep linear probes short at that load.
    if ((this.used + 1) * 4 > this.keys.length * 3) this.grow();
    const mask = this.keys.length - 1;
    for (let at = mix32(key) & mask; ; at = (at + 1) & mask) {
      const v = this.values[at]!;
      if (v === -1) {
        this.keys[at] = key;
        this.values[at] = value;
        this.used++;
        return;
      }
      if (this.keys[at] === key >>> 0) {
        this.values[at] = value;
        return;
      }
    }
  }

  private grow(): void {
    const keys = this.keys;
    const values = this.values;
    this.keys = new Uint32Array(keys.length * 2);
    this.values = new Int32Array(keys.length * 2).fill(-1);
    this.used = 0;
    for (let i = 0; i < keys.length; i++) if (values[i] !== -1) this.set(keys[i]!, values[i]!);
  }
}
