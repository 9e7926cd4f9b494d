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
  return readU24(b, new Uint32Array(Math.floor(b.length / 3)));
}

/** The first out.length 24-bit values of `b` (three bytes each, high byte first) into `out`. */
function readU24(b: Uint8Array, out: Uint32Array): Uint32Array {
  for (let i = 0, k = 0; i < out.length; i++, k += 3) out[i] = (b[k]! << 16) | (b[k + 1]! << 8) | b[k + 2]!;
  return out;
}

/**
 * unpackU32 and unpackU24 into storage reused from call to call, for a reader that copies the values out at once
 * (the comparison unpacks every article of a batch: a Buffer and a typed array made and dropped per field was most
 * of what unpacking left to the collector). The values are those unpackU32 / unpackU24 give, in a view that is
 * valid until the same scratch decodes again.
 */
export class ScratchDecoder {
  private bytes = Buffer.allocUnsafeSlow(1024);
  private words = new Uint32Array(256);

  /** The decoded bytes of a base64 string, in the scratch buffer (a view of it). */
  private decode(packed: string): Buffer {
    const size = Buffer.byteLength(packed, 'base64');
    if (this.bytes.length < size) this.bytes = Buffer.allocUnsafeSlow(Math.max(size, 2 * this.bytes.length));
    return this.bytes.subarray(0, this.bytes.write(packed, 0, size, 'base64'));
  }

  /** unpackU32(packed), in this scratch. */
  u32(packed: string): Uint32Array {
    const b = this.decode(packed);
    const n = b.length >>> 2;
    // (bytes is its own ArrayBuffer from offset 0: allocUnsafeSlow takes no pool slice.)
    return new Uint32Array(b.buffer, b.byteOffset, n);
  }

  /** unpackU24(packed), in this scratch. */
  u24(packed: string): Uint32Array {
    const b = this.decode(packed);
    const n = Math.floor(b.length / 3);
    if (this.words.length < n) this.words = new Uint32Array(Math.max(n, 2 * this.words.length));
    return readU24(b, this.words.subarray(0, n));
  }
}
