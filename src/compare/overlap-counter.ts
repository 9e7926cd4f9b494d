/**
 * For one probe at a time (an article, a sentence, a claim), counts how many index keys (sentences, names, words,
 * terms) it shares with each item found in the posting lists. The arrays are sized once (or grown, for a batch
 * that arrives article by article) and reset lazily by stamp, so a probe costs only as much as its postings,
 * never a pass over every item.
 */
export class OverlapCounter {
  private count: Int32Array;
  private stamp: Int32Array;
  private owner = -1;
  /** The articles met since `begin`, in the order first met. */
  readonly hits: number[] = [];

  constructor(size: number) {
    this.count = new Int32Array(size);
    this.stamp = new Int32Array(size).fill(-1);
  }

  /** Room for items 0..size-1 (items added to the batch since the counter was made). */
  ensure(size: number): void {
    if (size <= this.count.length) return;
    const n = Math.max(size, this.count.length * 2, 1024);
    const count = new Int32Array(n);
    count.set(this.count);
    const stamp = new Int32Array(n).fill(-1);
    stamp.set(this.stamp);
    this.count = count;
    this.stamp = stamp;
  }

  begin(owner: number): void {
    this.owner = owner;
    this.hits.length = 0;
  }

  add(other: number): void {
    if (this.stamp[other] !== this.owner) {
      this.stamp[other] = this.owner;
      this.count[other] = 0;
      this.hits.push(other);
    }
    this.count[other]!++;
  }

  shared(other: number): number {
    return this.stamp[other] === this.owner ? this.count[other]! : 0;
  }
}
