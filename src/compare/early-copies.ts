import type { Alignment } from './align.js';
import type { FactsView } from './facts-view.js';
import { NEAR_DUPLICATE_DEFAULTS, NearDuplicateIndex } from './near-duplicates.js';
import { alignCopy, storyRank, type CopyAlignment } from './story-clusters.js';

/**
 * The copies of a batch found as its articles arrive: each article's candidate pairs are judged when it is
 * added, and a pair judged to be copies is aligned sentence by sentence at once (the later version against
 * the earlier), so the story pass at the end finds most of its work done. What the end reports is the same
 * as the serial passes over the whole batch: the near-duplicate index replays the serial order, and an
 * alignment made early is used only for the pair the story pass asks for (any other is made then).
 */
export class EarlyCopies {
  readonly index: NearDuplicateIndex;
  private readonly prepared = new Map<number, CopyAlignment>();
  /** Alignments made early, and how many of them the story pass used (for the trace). */
  made = 0;
  used = 0;

  /** `early` false: nothing judged or aligned before finish (the serial order of work; for tests). */
  constructor(
    private readonly views: readonly FactsView[],
    early = true,
  ) {
    this.index = new NearDuplicateIndex(NEAR_DUPLICATE_DEFAULTS, (b, copyOf) => this.onCopies(b, copyOf), early);
  }

  /** The next article of the batch (views[index.size]). */
  add(): void {
    this.index.add(this.views[this.index.size]!);
  }

  /** Copy m aligned with version o: made early when the story pass asks for a pair judged at add time. */
  aligned(o: number, m: number): CopyAlignment {
    const key = o * 2 ** 26 + m;
    const early = this.prepared.get(key);
    if (early) {
      this.prepared.delete(key);
      this.used++;
      return early;
    }
    return alignCopy(this.views[o]!, this.views[m]!, o, m, this.index.isExactCopy(m));
  }

  /** After the story pass: what was made early and not asked for. */
  clear(): void {
    this.prepared.clear();
  }

  /**
   * Article b judged a copy of earlier articles: b is aligned with the earliest-ranked of those that rank
   * before it (the story pass aligns a copy with its earliest linked version), and each that ranks after it
   * (a later date) with b. The alignment the judgement made serves only in its own direction.
   */
  private onCopies(b: number, copyOf: ReadonlyArray<{ a: number; alignment: Alignment | null }>): void {
    let before: { a: number; alignment: Alignment | null } | null = null;
    for (const x of copyOf) {
      if (storyRank(this.views, x.a, b) < 0) {
        if (!before || storyRank(this.views, x.a, before.a) < 0) before = x;
      } else this.prepare(b, x.a, null);
    }
    if (before) this.prepare(before.a, b, before.alignment);
    // (Aligning b also with its story's earliest version, for when the serial order links it through a later
    // copy, would serve one in seven of those and cost as much as all the others: it is left to the story pass.)
  }

  private prepare(o: number, m: number, al: Alignment | null): void {
    const key = o * 2 ** 26 + m;
    if (this.prepared.has(key)) return;
    this.made++;
    this.prepared.set(key, alignCopy(this.views[o]!, this.views[m]!, o, m, this.index.isExactCopy(m), al));
  }
}
