/** A Float64Array that grows as values are appended. */
export class GrowableFloat64 {
  private data = new Float64Array(1024);
  length = 0;

  push(x: number): void {
    if (this.length === this.data.length) {
      const next = new Float64Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = x;
  }

  get(i: number): number {
    return this.data[i]!;
  }
}

/** An Int32Array that grows as values are appended: per-article records of a batch whose size is not known ahead. */
export class GrowableInt32 {
  private data: Int32Array;
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(capacity);
  }

  push(x: number): void {
    if (this.length === this.data.length) this.reserve(this.length + 1);
    this.data[this.length++] = x;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, x: number): void {
    this.data[i] = x;
  }

  private reserve(n: number): void {
    const next = new Int32Array(Math.max(n, this.data.length * 2));
    next.set(this.data.subarray(0, this.length));
    this.data = next;
  }
}

/** Disjoint sets over 0..n-1 where n grows as articles arrive (the add-time grouping of copies). */
export class GrowableUnionFind {
  private readonly parent = new GrowableInt32();

  add(): number {
    const i = this.parent.length;
    this.parent.push(i);
    return i;
  }

  find(x: number): number {
    const p = this.parent;
    while (p.get(x) !== x) {
      p.set(x, p.get(p.get(x)));
      x = p.get(x);
    }
    return x;
  }

  union(a: number, b: number): boolean {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return false;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
    return true;
  }
}
