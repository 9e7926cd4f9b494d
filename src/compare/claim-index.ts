import type { Claim } from '../facts/facts.js';
import { sentenceHash, type FactsView } from './facts-view.js';
import { OverlapCounter } from './overlap-counter.js';
import { mix32 } from '../facts/hash.js';

/** Every claim of the batch in flat arrays, with the terms used to find and score candidate pairs. */
export interface ClaimTable {
  /** Number of claims. */
  size: number;
  /** Claim i, decoded on first use: most are only indexed and scored by their terms. */
  claim(i: number): Claim;
  /** Whether claim i states a status (without decoding it). */
  hasStatus(i: number): boolean;
  /** Article index of each claim. */
  article: Int32Array;
  /** Sorted unique term hashes: content-word stems and the words of names. */
  terms: Uint32Array[];
  /** Claims whose sentence is word for word one seen earlier: [first claim, this claim]. They are not indexed. */
  repeats: Array<[number, number]>;
}

const NO_TERMS = new Uint32Array(0);
/** Decoded claims the table keeps (a claim is scored against many candidates; each takes about a kilobyte). */
const DECODED_CLAIMS = 1 << 16;

/**
 * Flattens the claims of the articles that are not exact copies (skip[i] true), grouping repeated sentences. A
 * sentence repeated word for word in a copy of the same story (sameStory), or aligned with the sentence of the
 * version it copies (carried), is left out: the original's sentence stands for it, and the aligned pass owns the pair.
 */
export function buildClaimTable(
  facts: readonly FactsView[],
  skip: (article: number) => boolean,
  sameStory: (a: number, b: number) => boolean = () => false,
  carried: ReadonlyMap<number, Uint8Array> = new Map(),
): ClaimTable {
  const views: FactsView[] = [];
  const ks: number[] = [];
  const article: number[] = [];
  const terms: Uint32Array[] = [];
  const repeats: Array<[number, number]> = [];
  const firstByText = new Map<number, number>();
  const decoded = new Map<number, Claim>();
  facts.forEach((f, a) => {
    if (skip(a)) return;
    const fromOriginal = carried.get(a);
    for (let k = 0; k < f.claimCount; k++) {
      if (f.claimIsListing(k)) continue; // a listing line's figure is only compared between copies (aligned)
      const sentence = f.claimSentence(k);
      if (fromOriginal?.[sentence]) continue; // a copy's carried sentence: the original's stands for it
      const textHash = sentenceHash(f, sentence);
      const first = firstByText.get(textHash);
      if (first !== undefined && article[first] !== a && sameStory(article[first]!, a)) continue;
      const id = article.length;
      views.push(f);
      ks.push(k);
      article.push(a);
      if (first !== undefined && article[first] !== a) {
        repeats.push([first, id]);
        terms.push(NO_TERMS); // not indexed: its first occurrence stands for it
        continue;
      }
      if (first === undefined) firstByText.set(textHash, id);
      terms.push(f.claimTerms(k));
    }
  });
  return {
    size: article.length,
    claim: (i) => {
      let c = decoded.get(i);
      if (c !== undefined) {
        // most recently used last: the oldest is the one dropped
        decoded.delete(i);
      } else {
        c = views[i]!.claim(ks[i]!);
        if (decoded.size >= DECODED_CLAIMS) decoded.delete(decoded.keys().next().value!);
      }
      decoded.set(i, c);
      return c;
    },
    hasStatus: (i) => views[i]!.claimHasStatus(ks[i]!),
    article: Int32Array.from(article),
    terms,
    repeats,
  };
}

export interface CandidateOptions {
  /** Terms in more claims than this are too common to find anything (and would make the work quadratic). */
  postingCap: number;
  /** Rare terms two claims must share (among the probing claim's rarest) to be scored. */
  minShared: number;
  /** How many of its rarest terms a claim looks up: two statements of one fact share their rare words. */
  probes: number;
}

export const CANDIDATE_DEFAULTS: CandidateOptions = { postingCap: 64, minShared: 2, probes: 8 };

/**
 * Calls `visit(i, j)` once for each pair of claims from different articles that share at least `minShared`
 * of the first claim's `probes` rarest terms. Inverted index over terms, counted with an OverlapCounter: the
 * work per claim is bounded by (probes × postingCap), so the whole pass grows linearly with the batch.
 * Returns the number of pairs visited.
 */
export function forEachCandidatePair(table: ClaimTable, options: CandidateOptions, visit: (i: number, j: number) => void): number {
  const n = table.size;
  // Document frequency and posting lists of each term in typed arrays (an open-addressed table of terms, the
  // postings of the indexed ones in one flat array, in claim order) rather than Maps: a batch has millions of
  // term occurrences and most terms are unsigned 32-bit hashes, which a Map keeps as heap numbers.
  const terms = new TermTable(1024);
  for (const ts of table.terms) for (let k = 0; k < ts.length; k++) terms.count(ts[k]!);
  const indexed = (df: number): boolean => df >= 2 && df <= options.postingCap;
  const start = terms.offsets(indexed);
  const fill = start.slice();
  const postings = new Int32Array(start[start.length - 1]!);
  for (let i = 0; i < n; i++) {
    const ts = table.terms[i]!;
    for (let k = 0; k < ts.length; k++) {
      const slot = terms.slot(ts[k]!);
      if (indexed(terms.df[slot]!)) postings[fill[slot]!++] = i;
    }
  }
  const shared = new OverlapCounter(n);
  let visited = 0;
  // A claim's probes: its indexed terms, rarest first (df and term packed in one number: one native sort).
  // (In one typed array for every claim: a number[] emptied per claim grew its backing store again each time.)
  let keyed = new Float64Array(64);
  for (let i = 0; i < n; i++) {
    shared.begin(i);
    let probes = 0;
    const ts = table.terms[i]!;
    if (keyed.length < ts.length) keyed = new Float64Array(2 * ts.length);
    for (let k = 0; k < ts.length; k++) {
      const df = terms.df[terms.slot(ts[k]!)]!;
      if (indexed(df)) keyed[probes++] = df * 2 ** 32 + ts[k]!;
    }
    if (probes > options.probes) {
      keyed.subarray(0, probes).sort();
      probes = options.probes;
    }
    for (let q = 0; q < probes; q++) {
      const key = keyed[q]!;
      const slot = terms.slot(key % 2 ** 32);
      // Postings are in claim order: only later claims, so each pair is seen once.
      for (let k = start[slot + 1]! - 1, first = start[slot]!; k >= first; k--) {
        const j = postings[k]!;
        if (j <= i) break;
        shared.add(j);
      }
    }
    for (let h = 0; h < shared.hitCount; h++) {
      const j = shared.hit(h);
      if (shared.shared(j) < options.minShared || table.article[j] === table.article[i]) continue;
      visited++;
      visit(i, j);
    }
  }
  return visited;
}

/** Counts per unsigned 32-bit term (open addressing, linear probing, at most three quarters full). */
class TermTable {
  keys: Uint32Array;
  /** Occurrences of the term in slot s (0: the slot is empty). */
  df: Int32Array;
  private used = 0;

  constructor(capacity: number) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.keys = new Uint32Array(size);
    this.df = new Int32Array(size);
  }

  /** The slot of term t: where it is, or the empty slot where it would go. */
  slot(t: number): number {
    const mask = this.keys.length - 1;
    let at = mix32(t) & mask;
    while (this.df[at] !== 0 && this.keys[at] !== t) at = (at + 1) & mask;
    return at;
  }

  count(t: number): void {
    let at = this.slot(t);
    if (this.df[at] === 0) {
      if ((this.used + 1) * 4 > this.keys.length * 3) {
        this.grow();
        at = this.slot(t);
      }
      this.keys[at] = t;
      this.used++;
    }
    this.df[at]!++;
  }

  /** Start of each slot's postings (slots.length + 1 entries), room only for the terms `keep` keeps. */
  offsets(keep: (df: number) => boolean): Int32Array {
    const out = new Int32Array(this.keys.length + 1);
    let total = 0;
    for (let s = 0; s < this.keys.length; s++) {
      out[s] = total;
      if (keep(this.df[s]!)) total += this.df[s]!;
    }
    out[this.keys.length] = total;
    return out;
  }

  private grow(): void {
    const keys = this.keys;
    const df = this.df;
    this.keys = new Uint32Array(keys.length * 2);
    this.df = new Int32Array(keys.length * 2);
    for (let s = 0; s < keys.length; s++) {
      if (df[s] === 0) continue;
      const at = this.slot(keys[s]!);
      this.keys[at] = keys[s]!;
      this.df[at] = df[s]!;
    }
  }
}
