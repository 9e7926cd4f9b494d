// The MinHash loop of signature.ts on WebAssembly SIMD: four hash functions per instruction (i32x4), so each shingle
// costs a quarter of the multiply-add-minimum steps of the scalar loop. The arithmetic is the scalar loop's, lane by
// lane: i32x4.mul keeps the low 32 bits of the product (Math.imul), i32x4.add wraps (`| 0`), i32x4.min_s is the
// signed minimum, from the same start (0x7fffffff); so the values are identical, not close. Where WebAssembly or its
// SIMD instructions are missing (node --jitless, an old engine), `simdMinhash()` is null and signature.ts keeps its
// scalar loop.
//
// The module is small enough to write out here instruction by instruction (no toolchain in the build). Its memory:
//   [0, 512)       the 128 multipliers (int32)
//   [512, 1024)    the 128 offsets, plus 2^31 (int32: see SIGNED_OFFSETS in signature.ts)
//   [1024, 1536)   the 128 minimums, written by minhash(n)
//   [1536, ...)    the n shingle hashes (int32), written by the caller
// minhash(n) runs over the shingles once per 16 hash functions (four vectors of four: multipliers, offsets, minimums
// and the shingle stay in 13 vector registers).

const MULTIPLIERS_AT = 0;
const OFFSETS_AT = 512;
const MINIMUMS_AT = 1024;
export const SHINGLES_AT = 1536;
const PAGE = 65536;

/** Unsigned LEB128. */
function u(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n !== 0) b |= 0x80;
    out.push(b);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (of a 32-bit integer). */
function s(n: number): number[] {
  const out: number[] = [];
  n |= 0;
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

const str = (t: string): number[] => [...u(t.length), ...[...t].map((c) => c.charCodeAt(0))];
const section = (id: number, body: number[]): number[] => [id, ...u(body.length), ...body];

// Instructions.
const get = (i: number) => [0x20, ...u(i)];
const set = (i: number) => [0x21, ...u(i)];
const tee = (i: number) => [0x22, ...u(i)];
const i32 = (n: number) => [0x41, ...s(n)];
const I32_ADD = 0x6a;
const I32_SHL = 0x74;
const I32_LT_U = 0x49;
const I32_GE_U = 0x4f;
const i32Load = (offset: number) => [0x28, 2, ...u(offset)];
const v128Load = (offset: number) => [0xfd, ...u(0x00), 4, ...u(offset)];
const v128Store = (offset: number) => [0xfd, ...u(0x0b), 4, ...u(offset)];
const I32X4_SPLAT = [0xfd, ...u(0x11)];
const I32X4_ADD = [0xfd, ...u(0xae)];
const I32X4_MUL = [0xfd, ...u(0xb5)];
const I32X4_MIN_S = [0xfd, ...u(0xb6)];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const END = 0x0b;
const brIf = (depth: number) => [0x0d, ...u(depth)];

// Locals: 0 n (the parameter), 1 p (shingle address), 2 j (block of 16 functions, in bytes), 3 end (past the last
// shingle); vectors 4-7 multipliers, 8-11 offsets, 12-15 minimums, 16 the shingle.
const N = 0;
const P = 1;
const J = 2;
const LAST = 3;
const A = 4;
const B = 8;
const M = 12;
const H = 16;
const LANES = [0, 1, 2, 3];

function moduleBytes(): Uint8Array {
  const body = [
    ...[2, 3, 0x7f, 13, 0x7b], // local declarations: 3 i32, 13 v128
    ...get(N), ...i32(2), I32_SHL, ...i32(SHINGLES_AT), I32_ADD, ...set(LAST),
    ...i32(0), ...set(J),
    ...LOOP,
    ...LANES.flatMap((k) => [...get(J), ...v128Load(MULTIPLIERS_AT + 16 * k), ...set(A + k)]),
    ...LANES.flatMap((k) => [...get(J), ...v128Load(OFFSETS_AT + 16 * k), ...set(B + k)]),
    ...i32(0x7fffffff), ...I32X4_SPLAT, ...tee(M), ...tee(M + 1), ...tee(M + 2), ...set(M + 3),
    ...i32(SHINGLES_AT), ...set(P),
    ...BLOCK,
    ...get(P), ...get(LAST), I32_GE_U, ...brIf(0),
    ...LOOP,
    ...get(P), ...i32Load(0), ...I32X4_SPLAT, ...set(H),
    ...LANES.flatMap((k) => [...get(M + k), ...get(H), ...get(A + k), ...I32X4_MUL, ...get(B + k), ...I32X4_ADD, ...I32X4_MIN_S, ...set(M + k)]),
    ...get(P), ...i32(4), I32_ADD, ...tee(P), ...get(LAST), I32_LT_U, ...brIf(0),
    END,
    END,
    ...LANES.flatMap((k) => [...get(J), ...get(M + k), ...v128Store(MINIMUMS_AT + 16 * k)]),
    ...get(J), ...i32(64), I32_ADD, ...tee(J), ...i32(512), I32_LT_U, ...brIf(0),
    END,
    END,
  ];
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 1, 0x7f, 0]), // one type: (i32) -> ()
    ...section(3, [1, 0]), // one function of that type
    ...section(5, [1, 0, 1]), // one memory, one page to start
    ...section(7, [2, ...str('minhash'), 0, 0, ...str('memory'), 2, 0]),
    ...section(10, [1, ...u(body.length), ...body]),
  ]);
}

export interface SimdMinhash {
  /** Room for n shingles at SHINGLES_AT; the int32 view of the module's memory (renewed when it grows). */
  shingles(n: number): Int32Array;
  /** Runs the minimums over the n shingles written into shingles(n); returns the 128 minimums (int32, signed form). */
  run(n: number): Int32Array;
}

// The few WebAssembly types used here (the project's TypeScript libs carry no DOM, where they are declared).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object) => { exports: Record<string, unknown> };
}

let instance: SimdMinhash | null | undefined;

/** The SIMD MinHash, loaded with the given multipliers and signed offsets (128 each); null where it cannot run. */
export function simdMinhash(multipliers: ArrayLike<number>, signedOffsets: ArrayLike<number>): SimdMinhash | null {
  if (instance !== undefined) return instance;
  try {
    const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
    if (!api) throw new Error('no WebAssembly');
    const wasm = new api.Instance(new api.Module(moduleBytes()));
    const memory = wasm.exports.memory as WasmMemory;
    const minhash = wasm.exports.minhash as (n: number) => void;
    let view = new Int32Array(memory.buffer);
    view.set(Int32Array.from(multipliers), MULTIPLIERS_AT / 4);
    view.set(Int32Array.from(signedOffsets), OFFSETS_AT / 4);
    instance = {
      shingles(n: number): Int32Array {
        const bytes = SHINGLES_AT + 4 * n;
        if (bytes > memory.buffer.byteLength) memory.grow(Math.ceil((bytes - memory.buffer.byteLength) / PAGE));
        if (view.buffer !== memory.buffer) view = new Int32Array(memory.buffer);
        return view;
      },
      run(n: number): Int32Array {
        minhash(n);
        if (view.buffer !== memory.buffer) view = new Int32Array(memory.buffer);
        return view.subarray(MINIMUMS_AT / 4, MINIMUMS_AT / 4 + 128);
      },
    };
  } catch {
    instance = null;
  }
  return instance;
}

/** Forget the loaded module (tests: the scalar path and the SIMD path are compared). */
export function disableSimdMinhash(disabled: boolean): void {
  instance = disabled ? null : undefined;
}
