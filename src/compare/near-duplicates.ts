import { sentenceEnd, sentenceHash, sentenceLength, sentenceStart, type FactsView } from './facts-view.js';
import { combine } from '../facts/hash.js';
import type { Comparison } from '../types.js';
import { minhashSimilarity } from './similarity.js';
import { roundSimilarity } from './quote.js';
import { UnionFind } from './union-find.js';
import { OverlapCounter } from './overlap-counter.js';
import { alignSentences, type Alignment } from './align.js';
import { GrowableFloat64, GrowableInt32, GrowableUnionFind } from './growable.js';
import { HashIndex } from './hash-table.js';

export interface NearDuplicateOptions {
  /** Estimated Jaccard similarity of word 4-shingles at or above which two articles are copies. */
  jaccard: number;
  /** Share of the shorter article made of sentences found word for word in the other. */
  containment: number;
  bands: number;
  /** Longest list of articles kept per copied sentence (later ones link to these first ones). */
  postingCap: number;
}

export const NEAR_DUPLICATE_DEFAULTS: NearDuplicateOptions = { jaccard: 0.5, containment: 0.7, bands: 32, postingCap: 50 };

export interface NearDuplicateResult {
  /** How many pairs are reported; pair k's comparison is made by `comparison(k)` (they are many at archive scale). */
  count: number;
  comparison(k: number): Comparison;
  /** Groups of copies: articles in one group are not counted as corroborating each other. */
  groups: UnionFind;
  /** The reported pairs [earlier, later] (article indices), in the order of `comparisons`. */
  links: Array<[number, number]>;
  /** Candidate article pairs scored (for the benchmark). */
  candidates: number;
}

/** Copy records by number, four numbers and two bounds each rather than four objects. */
class CopyRecords {
  private readonly similarity = new GrowableFloat64();
  private readonly bounds = new GrowableInt32(4096);
  private readonly exact = new GrowableInt32();

  /** Stores c; returns its number. */
  push(c: Copy): number {
    this.similarity.push(c.jaccard);
    this.similarity.push(c.shared.containment);
    this.bounds.push(c.shared.a.start);
    this.bounds.push(c.shared.a.end);
    this.bounds.push(c.shared.b.start);
    this.bounds.push(c.shared.b.end);
    this.exact.push(c.exact ? 1 : 0);
    return this.exact.length - 1;
  }

  get(k: number): Copy {
    const b = this.bounds;
    return {
      exact: this.exact.get(k) === 1,
      jaccard: this.similarity.get(2 * k),
      shared: { containment: this.similarity.get(2 * k + 1), a: { start: b.get(4 * k), end: b.get(4 * k + 1) }, b: { start: b.get(4 * k + 2), end: b.get(4 * k + 3) } },
    };
  }
}

/** A pair judged to be copies: what its comparison says. */
interface Copy {
  exact: boolean;
  jaccard: number;
  shared: Shared;
}

/**
 * Called when an article is added, with the earlier articles it was judged a copy of then (and the alignment
 * made on the way, if any).
 */
export type OnCopies = (b: number, copyOf: ReadonlyArray<{ a: number; alignment: Alignment | null }>) => void;

const EXACT = 0;
// Phases: 0 exact text, 1..bands an LSH band, bands + 1 shared sentences.
const NOT_JUDGED = -1;
const NOT_COPIES = -2;

/**
 * Article-level copies without comparing every pair: exact copies by text hash, near copies by MinHash
 * LSH (32 bands of 4 rows: pairs above ~0.45 Jaccard share a band with high probability) and partial copies
 * by shared sentences. Each band bucket is checked against its first member only, so the work is linear
 * in the batch; the reported pairs form a spanning forest of each group of copies (at most n-1 pairs).
 *
 * Built as articles arrive: every index (text hashes, band buckets, sentence postings) only ever looks back,
 * so each article's candidate pairs are known when it is added, and are judged then (overlapping the
 * checking of later articles). The reported spanning forest depends on the order in which the serial
 * algorithm meets the pairs (all exact pairs, then band by band, then shared sentences, each over the batch
 * in input order, a pair skipped when already in one group): `finish()` replays that order over the
 * judgements made at add time, judging at the end only the few pairs the add-time grouping had skipped.
 */
export class NearDuplicateIndex {
  private readonly views: FactsView[] = [];
  private readonly byText = new Map<number, number>();
  private readonly heads: HashIndex[] = [];
  /** Sentence hash → the one article with it (≥ 0), or -(list + 2) for a list of several. */
  private readonly bySentence = new HashIndex(1 << 12);
  private readonly lists: number[][] = [];
  private readonly overlap = new OverlapCounter(1024);
  private readonly printCount = new GrowableInt32();
  /** Candidate pairs of each article (slots slotEnd[i-1]..slotEnd[i]): the other article, the phase, the judgement. */
  private readonly slotOther = new GrowableInt32(4096);
  private readonly slotPhase = new GrowableInt32(4096);
  private readonly slotJudged = new GrowableInt32(4096);
  private readonly slotEnd = new GrowableInt32();
  /** Pairs judged to be copies at add time, in typed arrays (jaccard, containment; sides' bounds; exact). */
  private readonly copies = new CopyRecords();
  private readonly early = new GrowableUnionFind();
  private rows = 0;

  constructor(
    private readonly options: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS,
    private readonly onCopies: OnCopies = () => {},
    /** Judge each article's pairs when it is added (false: all at finish, as the serial pass did; for tests). */
    private readonly judgeEarly = true,
  ) {
    for (let b = 0; b < options.bands; b++) this.heads.push(new HashIndex(1024));
  }

  get size(): number {
    return this.views.length;
  }

  /** Whether article i has the text of an earlier one (its original stands for it). */
  isExactCopy(i: number): boolean {
    return this.byText.get(this.views[i]!.facts.textHash) !== i;
  }

  add(v: FactsView): void {
    const i = this.views.length;
    this.views.push(v);
    this.early.add();
    this.overlap.ensure(i + 1);
    const from = this.slotOther.length;
    const slot = (other: number, phase: number): void => {
      if (other === i) return;
      // A pair met again (another band with the same head): the serial pass skips it, tried or grouped.
      for (let k = from; k < this.slotOther.length; k++) if (this.slotOther.get(k) === other) return;
      this.slotOther.push(other);
      this.slotPhase.push(phase);
      this.slotJudged.push(NOT_JUDGED);
    };
    const first = this.byText.get(v.facts.textHash);
    if (first === undefined) this.byText.set(v.facts.textHash, i);
    else slot(first, EXACT);
    const prints = printsOf(v);
    this.printCount.push(prints.length);
    if (first === undefined) {
      // Near copies: the first member of each LSH bucket this article falls in.
      if (i === 0) this.rows = Math.floor(v.minhash.length) / this.options.bands;
      const rows = this.rows;
      for (let band = 0; band < this.options.bands; band++) {
        let h = band + 1;
        for (let r = band * rows; r < (band + 1) * rows; r++) h = combine(h, v.minhash[r]!);
        const head = this.heads[band]!.get(h);
        if (head === -1) this.heads[band]!.set(h, i);
        else slot(head, band + 1);
      }
      // Partial copies: the earlier articles sharing its copied sentences.
      const overlap = this.overlap;
      overlap.begin(i);
      for (const hash of prints) {
        const at = this.bySentence.get(hash);
        if (at === -1) this.bySentence.set(hash, i);
        else if (at >= 0) {
          overlap.add(at);
          if (at !== i) {
            this.bySentence.set(hash, -(this.lists.length + 2));
            this.lists.push([at, i]);
          }
        } else {
          const list = this.lists[-at - 2]!;
          for (const j of list) overlap.add(j);
          if (list.length < this.options.postingCap && list[list.length - 1] !== i) list.push(i);
        }
      }
      for (let h = 0; h < overlap.hitCount; h++) {
        const j = overlap.hit(h);
        const shared = overlap.shared(j);
        if (shared >= 2 || (shared >= 1 && Math.min(prints.length, this.printCount.get(j)) <= 2)) slot(j, this.options.bands + 1);
      }
    }
    this.slotEnd.push(this.slotOther.length);
    // Judged now, in the serial order of this article's pairs; a pair already joined by the copies found so
    // far is left for finish(), which judges it only if the serial order needs it.
    const found: Array<{ a: number; alignment: Alignment | null }> = [];
    for (let k = from; this.judgeEarly && k < this.slotOther.length; k++) {
      const a = this.slotOther.get(k);
      if (this.early.find(a) === this.early.find(i)) continue;
      const judged = this.judge(a, i, this.slotPhase.get(k) === EXACT);
      if (!judged) {
        this.slotJudged.set(k, NOT_COPIES);
        continue;
      }
      this.slotJudged.set(k, this.copies.push(judged.copy));
      this.early.union(a, i);
      found.push({ a, alignment: judged.alignment });
    }
    if (found.length) this.onCopies(i, found);
  }

  /** The groups and reported pairs, as the serial pass over the whole batch finds them. */
  finish(): NearDuplicateResult {
    const n = this.views.length;
    const groups = new UnionFind(n);
    const links: Array<[number, number]> = [];
    const found: Copy[] = [];
    let candidates = 0;
    const cursor = new Int32Array(n);
    for (let i = 0; i < n; i++) cursor[i] = i === 0 ? 0 : this.slotEnd.get(i - 1);
    for (let phase = 0; phase <= this.options.bands + 1; phase++) {
      for (let i = 0; i < n; i++) {
        const end = this.slotEnd.get(i);
        for (let k = cursor[i]!; k < end && this.slotPhase.get(k) === phase; k = ++cursor[i]!) {
          const a = this.slotOther.get(k);
          if (groups.find(a) === groups.find(i)) continue;
          candidates++;
          const judged = this.slotJudged.get(k);
          const c = judged >= 0 ? this.copies.get(judged) : judged === NOT_COPIES ? null : (this.judge(a, i, phase === EXACT)?.copy ?? null);
          if (!c) continue;
          groups.union(a, i);
          links.push([a, i]);
          found.push(c);
        }
      }
    }
    const views = this.views;
    return { count: links.length, comparison: (k) => describeNearDuplicate(views[links[k]![0]]!, views[links[k]![1]]!, found[k]!.exact, found[k]!.jaccard, found[k]!.shared), groups, links, candidates };
  }

  /** Whether a and b are copies: a pure function of the two articles (the order of the calls does not matter). */
  private judge(a: number, b: number, exact: boolean): { copy: Copy; alignment: Alignment | null } | null {
    const options = this.options;
    const fa = this.views[a]!;
    const fb = this.views[b]!;
    const jaccard = exact ? 1 : minhashSimilarity(fa.minhash, fb.minhash);
    const shared = sharedSentences(fa, fb);
    let containment = shared.containment;
    let al: Alignment | null = null;
    // A partial copy that also rewrote some of what it carries: count the sentences that align, not only the
    // ones copied word for word (only for pairs that already share a copied sentence, so it stays cheap).
    if (containment > 0 && containment < options.containment && jaccard < options.jaccard) {
      // (A is kept: an earlier article is judged against many later ones.)
      al = alignSentences(fa, fb, true);
      containment = Math.max(containment, al.carriedA / Math.max(1, al.totalA), al.carriedB / Math.max(1, al.totalB));
      shared.containment = containment;
    }
    if (jaccard < options.jaccard && containment < options.containment) return null;
    return { copy: { exact, jaccard, shared }, alignment: al };
  }
}

/** The serial entry point: every article added in order, then the groups. */
export function findNearDuplicates(facts: readonly FactsView[], options: NearDuplicateOptions = NEAR_DUPLICATE_DEFAULTS): NearDuplicateResult {
  const index = new NearDuplicateIndex(options);
  for (const f of facts) index.add(f);
  return index.finish();
}

const MIN_PRINT = 5;

/** Hashes of the sentences of five words or more: what a partial copy shares word for word. */
function printsOf(v: FactsView): number[] {
  const out: number[] = [];
  for (let s = 0; s < v.sentenceCount; s++) if (sentenceLength(v, s) >= MIN_PRINT) out.push(sentenceHash(v, s));
  return out;
}

/** How much two articles share and where (the spans a near-duplicate comparison quotes). */
export interface Shared {
  containment: number;
  a: { start: number; end: number };
  b: { start: number; end: number };
}

let sortedA = new Uint32Array(256);
let sortedB = new Uint32Array(256);

/** Sorted hashes of v's printed sentences into the scratch array (grown when short); returns the count. */
function sortedPrints(v: FactsView, into: 'a' | 'b'): Uint32Array {
  let n = 0;
  for (let s = 0; s < v.sentenceCount; s++) if (sentenceLength(v, s) >= MIN_PRINT) n++;
  if (into === 'a' && sortedA.length < n) sortedA = new Uint32Array(n * 2);
  if (into === 'b' && sortedB.length < n) sortedB = new Uint32Array(n * 2);
  const out = (into === 'a' ? sortedA : sortedB).subarray(0, n);
  let k = 0;
  for (let s = 0; s < v.sentenceCount; s++) if (sentenceLength(v, s) >= MIN_PRINT) out[k++] = sentenceHash(v, s);
  return out.sort();
}

function has(sorted: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const y = sorted[mid]!;
    if (y === x) return true;
    if (y < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** The copied passage in each article: from the first to the last sentence found word for word in the other. */
function sharedSentences(fa: FactsView, fb: FactsView): Shared {
  const ha = sortedPrints(fa, 'a');
  const hb = sortedPrints(fb, 'b');
  const scan = (v: FactsView, other: Uint32Array): { chars: number; all: number; first: number; last: number; allFirst: number; allLast: number } => {
    let chars = 0;
    let all = 0;
    let first = -1;
    let last = -1;
    let allFirst = -1;
    let allLast = -1;
    for (let s = 0; s < v.sentenceCount; s++) {
      if (sentenceLength(v, s) < MIN_PRINT) continue;
      const len = sentenceEnd(v, s) - sentenceStart(v, s);
      all += len;
      if (allFirst < 0) allFirst = s;
      allLast = s;
      if (!has(other, sentenceHash(v, s))) continue;
      chars += len;
      if (first < 0) first = s;
      last = s;
    }
    return { chars, all, first, last, allFirst, allLast };
  };
  const sa = scan(fa, hb);
  const sb = sa.first >= 0 ? scan(fb, ha) : { ...scan(fb, new Uint32Array(0)), chars: 0, first: -1, last: -1 };
  const containment = sa.first >= 0 ? Math.max(sa.chars / Math.max(1, sa.all), sb.chars / Math.max(1, sb.all)) : 0;
  const side = (v: FactsView, x: typeof sa) => {
    if (x.first < 0) return { start: x.allFirst >= 0 ? sentenceStart(v, x.allFirst) : 0, end: x.allLast >= 0 ? sentenceEnd(v, x.allLast) : 0 };
    return { start: sentenceStart(v, x.first), end: sentenceEnd(v, x.last) };
  };
  return { containment: Math.min(1, containment), a: side(fa, sa), b: side(fb, sb) };
}

/** The near-duplicate comparison of two articles judged copies (also the serial specification's, in the tests). */
export function describeNearDuplicate(fa: FactsView, fb: FactsView, exact: boolean, jaccard: number, shared: Shared): Comparison {
  const similarity = roundSimilarity(Math.max(jaccard, shared.containment));
  const how = exact
    ? 'The two articles have the same text (an exact copy).'
    : jaccard >= shared.containment
      ? `The two articles share about ${Math.round(jaccard * 100)}% of their word sequences: one is a copy or light rewrite of the other.`
      : `${Math.round(shared.containment * 100)}% of the shorter article is copied word for word from the other.`;
  return {
    type: 'near-duplicate',
    a: { article: fa.facts.article, start: shared.a.start, end: shared.a.end, text: '' },
    b: { article: fb.facts.article, start: shared.b.start, end: shared.b.end, text: '' },
    similarity,
    kind: null,
    message: how,
  };
}
