import type { Alignment } from './align.js';
import type { FactsView } from './facts-view.js';
import { NEAR_DUPLICATE_DEFAULTS, NearDuplicateIndex } from './near-duplicates.js';
import { alignCopy, storyRank, type AlignedContradiction, type CopyAlignment } from './story-clusters.js';
import type { StoryCopy } from '../types.js';

/**
 * The copies of a batch found as its articles arrive: each article's candidate pairs are judged when it is
 * added, and a pair judged to be copies is aligned sentence by sentence at once (the later version against
 * the earlier), so the story pass at the end finds most of its work done. What the end reports is the same
 * as the serial passes over the whole batch: the near-duplicate index replays the serial order, and an
 * alignment made early is used only for the pair the story pass asks for (any other is made then).
 */
export class EarlyCopies {
  readonly index: NearDuplicateIndex;
  /** Alignments made early, each as one JSON string (a tenth of the heap the objects take) until asked for. */
  private readonly prepared = new Map<number, string>();
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
    if (early !== undefined) {
      this.prepared.delete(key);
      this.used++;
      return unpackCopyAlignment(early, this.views[o]!, this.views[m]!, o, m);
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
    this.prepared.set(key, packCopyAlignment(alignCopy(this.views[o]!, this.views[m]!, o, m, this.index.isExactCopy(m), al)));
  }
}

type PackedChange = [StoryCopy['changes'][number]['kind'], string, string, number, number];
/** [sa, sb, fromA, fromB, score, kind, what.a, what.b, figure.a, figure.b, change]; -1 for none. */
type PackedContradiction = [number, number, number, number, number, AlignedContradiction['kind'], string, string, number, number, number];
interface PackedCopy {
  c: [number, number, number, number];
  ch: PackedChange[];
  x: PackedContradiction[];
  /** The carried sentences as a string of 0 and 1. */
  k: string | null;
  n: number;
}

/** A copy's alignment as a string: numbers survive JSON exactly (shortest round-trip form). */
function packCopyAlignment(one: CopyAlignment): string {
  const { copy } = one;
  const packed: PackedCopy = {
    c: [copy.carries, copy.carriedFrom, copy.addedSentences, copy.droppedSentences],
    ch: copy.changes.map((e) => [e.kind, e.a, e.b, e.start, e.end]),
    x: one.contradictions.map((x) => [x.sa, x.sb, x.fromA ?? -1, x.fromB ?? -1, x.score, x.kind, x.what.a, x.what.b, x.figure?.a ?? -1, x.figure?.b ?? -1, copy.changes.indexOf(x.change)]),
    k: one.carried ? one.carried.join('') : null,
    n: one.alignedPairs,
  };
  return JSON.stringify(packed);
}

/** The alignment packCopyAlignment kept, as alignCopy made it (the same objects, the same sharing). */
function unpackCopyAlignment(text: string, A: FactsView, B: FactsView, o: number, m: number): CopyAlignment {
  const p = JSON.parse(text) as PackedCopy;
  const changes: StoryCopy['changes'] = p.ch.map(([kind, a, b, start, end]) => ({ kind, a, b, start, end }));
  const copy: StoryCopy = { article: B.facts.article, copyOf: A.facts.article, carries: p.c[0], carriedFrom: p.c[1], addedSentences: p.c[2], droppedSentences: p.c[3], changes };
  const contradictions = p.x.map(([sa, sb, fromA, fromB, score, kind, wa, wb, fa, fb, change]): AlignedContradiction => {
    const x: AlignedContradiction = { a: o, b: m, sa, sb, score, kind, what: { a: wa, b: wb }, change: changes[change]! };
    if (fromA >= 0) x.fromA = fromA;
    if (fromB >= 0) x.fromB = fromB;
    if (fa >= 0) x.figure = { a: fa, b: fb };
    return x;
  });
  return { copy, contradictions, carried: p.k !== null ? Uint8Array.from(p.k, Number) : null, alignedPairs: p.n };
}
