import { doubled } from '../text/doubled.js';
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
  /**
   * The items met since `begin`, in the order first met: hitList[0..hitCount). A number[] emptied at every begin
   * (`length = 0` drops its backing store) was grown again element by element at every probe.
   */
  private hitList = new Int32Array(64);
  hitCount = 0;

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
    this.hitCount = 0;
  }

  add(other: number): void {
    if (this.stamp[other] !== this.owner) {
      this.stamp[other] = this.owner;
      this.count[other] = 0;
      if (this.hitCount === this.hitList.length) this.hitList = doubled(this.hitList);
      this.hitList[this.hitCount++] = other;
    }
    this.count[other]!++;
  }

  /** The k-th item met since `begin` (k < hitCount). */
  hit(k: number): number {
    return this.hitList[k]!;
  }

  /** The items met since `begin`, in the order first met, as a new array. */
  get hits(): number[] {
    return Array.from(this.hitList.subarray(0, this.hitCount));
  }

  shared(other: number): number {
    return this.stamp[other] === this.owner ? this.count[other]! : 0;
  }
}
