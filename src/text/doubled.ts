/** Typed arrays a scratch table is kept in. */
type Scratch = Int32Array | Uint32Array | Uint8Array | Float64Array;

/** A copy of `a` twice as long, its values first (a reused scratch table that ran out of room). */
export function doubled<T extends Scratch>(a: T): T {
  const out = new (a.constructor as new (n: number) => T)(a.length * 2);
  (out as Scratch).set(a as Scratch);
  return out;
}
