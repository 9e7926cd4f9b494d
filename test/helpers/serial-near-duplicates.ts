// The near-duplicate pass as it was before it was made incremental (session 4): every pass over the whole
// batch at the end, in the serial order. Kept only as the specification the incremental index must equal
// (test/compare-incremental.test.ts); not used by credlint.
import { sentenceEnd, sentenceHash, sentenceLength, sentenceStart, type FactsView } from '../../src/compare/facts-view.js';
import { combine } from '../../src/facts/hash.js';
import type { Comparison } from '../../src/types.js';
import { minhashSimilarity } from '../../src/compare/similarity.js';
import { UnionFind } from '../../src/compare/union-find.js';
import { OverlapCounter } from '../../src/compare/overlap-counter.js';
import { alignSentences, type Alignment } from '../../src/compare/align.js';
import { describeNearDuplicate, NEAR_DUPLICATE_DEFAULTS, type NearDuplicateOptions } from '../../src/compare/near-duplicates.js';

export interface SerialNearDuplicates {
  comparisons: Comparison[];
  /** Groups of copies: articles in one group are not counted as corroborating each other. */
  groups: UnionFind;
  /** Candidate article pairs scored (for the benchmark). */
  candidates: number;
}

/**
 * Article-level copies without comparing every pair: exact copies by text hash, near copies by MinHash
 * LSH (32 bands of 4 rows: pairs above ~0.45 Jaccard share a band with high probability) and partial copies
 * by shared sentences. Each band bucket is checked against its first member only, so the work is linear
 * in the batch; the reported pairs form a spanning forest of each group of copies (at most n-1 pairs).
 */
export function serialNearDuplicates(facts: readonly FactsView[], options: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS): SerialNearDuplicates {
  const n = facts.length;
  const groups = new UnionFind(n);
  const comparisons: Comparison[] = [];
  const tried = new Set<number>();
  let candidates = 0;
  const pairKey = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);

  const printCache = new Map<number, Prints>();
  const printsOf = (i: number): Prints => {
    let p = printCache.get(i);
    if (!p) printCache.set(i, (p = sentencePrints(facts[i]!)));
    return p;
  };
  const consider = (a: number, b: number, exact: boolean): void => {
    if (a === b) return;
    // Two copies already in one group stay there: not remembered as tried (most candidates of a story with
    // many copies are such pairs, and the set would grow with them).
    if (groups.find(a) === groups.find(b)) return;
    const key = pairKey(a, b);
    if (tried.has(key)) return;
    tried.add(key);
    candidates++;
    const fa = facts[a]!;
    const fb = facts[b]!;
    const jaccard = exact ? 1 : minhashSimilarity(fa.minhash, fb.minhash);
    const shared = sharedSentences(printsOf(a), printsOf(b));
    let containment = shared.containment;
    let al: Alignment | null = null;
    // A partial copy that also rewrote some of what it carries: count the sentences that align, not only the
    // ones copied word for word (only for pairs that already share a copied sentence, so it stays cheap).
    if (containment > 0 && containment < options.containment && jaccard < options.jaccard) {
      al = alignSentences(fa, fb);
      containment = Math.max(containment, al.carriedA / Math.max(1, al.totalA), al.carriedB / Math.max(1, al.totalB));
      shared.containment = containment;
    }
    if (jaccard < options.jaccard && containment < options.containment) return;
    groups.union(a, b);
    comparisons.push(describeNearDuplicate(fa, fb, exact, jaccard, shared));
  };

  // Exact copies first: one text hash, one group.
  const byText = new Map<number, number>();
  facts.forEach(({ facts: f }, i) => {
    const first = byText.get(f.textHash);
    if (first === undefined) byText.set(f.textHash, i);
    else consider(first, i, true);
  });

  // Near copies: LSH buckets, each member checked against the bucket's first member.
  const rows = Math.floor(facts[0]?.minhash.length ?? 128) / options.bands;
  for (let band = 0; band < options.bands; band++) {
    const heads = new Map<number, number>();
    facts.forEach((f, i) => {
      if (byText.get(f.facts.textHash) !== i) return; // an exact copy: its original stands for it
      let h = band + 1;
      for (let r = band * rows; r < (band + 1) * rows; r++) h = combine(h, f.minhash[r]!);
      const head = heads.get(h);
      if (head === undefined) heads.set(h, i);
      else consider(head, i, false);
    });
  }

  // Partial copies: articles sharing copied sentences (the shorter one mostly made of the other).
  const bySentence = new Map<number, number[]>();
  const overlap = new OverlapCounter(n);
  facts.forEach((f, i) => {
    if (byText.get(f.facts.textHash) !== i) return;
    overlap.begin(i);
    for (const s of printsOf(i).list) {
      const list = bySentence.get(s.hash);
      if (list) {
        for (const j of list) overlap.add(j);
        if (list.length < options.postingCap && list[list.length - 1] !== i) list.push(i);
      } else bySentence.set(s.hash, [i]);
    }
    for (const j of overlap.hits) {
      const shared = overlap.shared(j);
      if (shared >= 2 || (shared >= 1 && Math.min(printsOf(i).list.length, printsOf(j).list.length) <= 2)) consider(j, i, false);
    }
  });

  return { comparisons, groups, candidates };
}

interface Print {
  hash: number;
  start: number;
  end: number;
}

interface Prints {
  list: Print[];
  hashes: Set<number>;
  chars: number;
}

/** Sentences of five words or more, as hashes with their offsets: what a partial copy shares word for word. */
function sentencePrints(v: FactsView): Prints {
  const list: Print[] = [];
  const hashes = new Set<number>();
  let chars = 0;
  for (let s = 0; s < v.sentenceCount; s++) {
    if (sentenceLength(v, s) < 5) continue;
    const p = { hash: sentenceHash(v, s), start: sentenceStart(v, s), end: sentenceEnd(v, s) };
    list.push(p);
    hashes.add(p.hash);
    chars += p.end - p.start;
  }
  return { list, hashes, chars };
}

interface Shared {
  containment: number;
  a: { start: number; end: number };
  b: { start: number; end: number };
}

/** The copied passage in each article: from the first to the last sentence found word for word in the other. */
function sharedSentences(pa: Prints, pb: Prints): Shared {
  const sa = pa.list.filter((s) => pb.hashes.has(s.hash));
  const sb = sa.length ? pb.list.filter((s) => pa.hashes.has(s.hash)) : [];
  const chars = (list: Print[]): number => list.reduce((n, s) => n + s.end - s.start, 0);
  const containment = sa.length ? Math.max(chars(sa) / Math.max(1, pa.chars), chars(sb) / Math.max(1, pb.chars)) : 0;
  const side = (list: Print[], all: Print[]) => {
    if (!list.length) return { start: all[0]?.start ?? 0, end: all[all.length - 1]?.end ?? 0 };
    return { start: list[0]!.start, end: list[list.length - 1]!.end };
  };
  return { containment: Math.min(1, containment), a: side(sa, pa.list), b: side(sb, pb.list) };
}

