// Integer arrays carried in facts as base64 strings: a one-byte string costs the heap ~1.33 bytes per byte,
// survives JSON (facts are written as JSON lines and compared from many shards) and structured cloning
// (worker threads), where a number[] of 32-bit hashes costs 8 bytes an element and far more as JSON.

export function packU32(values: ArrayLike<number>): string {
  const a = values instanceof Uint32Array ? values : Uint32Array.from(values as ArrayLike<number>);
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString('base64');
}

export function unpackU32(packed: string): Uint32Array {
  const b = Buffer.from(packed, 'base64');
  // Copy into an aligned buffer: Buffer.from may return a slice of a shared pool at any offset.
  const out = new Uint32Array(b.byteLength >>> 2);
  new Uint8Array(out.buffer).set(b.subarray(0, out.byteLength));
  return out;
}

/** 24-bit values (token ids), three bytes each: a quarter smaller than 32-bit packing. */
export function packU24(values: ArrayLike<number>): string {
  const b = Buffer.allocUnsafe(values.length * 3);
  for (let i = 0, k = 0; i < values.length; i++, k += 3) {
    const v = values[i]!;
    b[k] = v >>> 16;
    b[k + 1] = (v >>> 8) & 0xff;
    b[k + 2] = v & 0xff;
  }
  return b.toString('base64');
}

export function unpackU24(packed: string): Uint32Array {
  const b = Buffer.from(packed, 'base64');
  const out = new Uint32Array(Math.floor(b.length / 3));
  for (let i = 0, k = 0; i < out.length; i++, k += 3) out[i] = (b[k]! << 16) | (b[k + 1]! << 8) | b[k + 2]!;
  return out;
}
