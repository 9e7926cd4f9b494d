import { isStopId, stopwordBits } from '../facts/claim-words.js';
import { bare, isNumber } from '../facts/token-ids.js';
import { sentenceHash, sentenceLength, tokenEnd, type FactsView } from './facts-view.js';
import { SENTENCE_FIELDS } from '../facts/sentence-table.js';
import { OverlapCounter } from './overlap-counter.js';
import { doubled } from '../text/doubled.js';

/** Two sentences, one from each article, that make the same statement. */
export interface AlignedPair {
  a: number;
  b: number;
  /** Dice similarity of their content words (1 for the same words). */
  score: number;
}

export interface Alignment {
  pairs: AlignedPair[];
  /** Characters of each side's sentences that the other carries, and in all. */
  carriedA: number;
  totalA: number;
  carriedB: number;
  totalB: number;
  /** Sentences only one side has. */
  droppedA: number;
  addedB: number;
}

const MIN_TOKENS = 4;
const MIN_SCORE = 0.5;

// A sentence's distinct content words are found with a small stamped hash set (a few KB, in cache) rather than
// marks over the whole 2-million id range, whose every read was a cache miss.
let setKeys = new Int32Array(1024);
let setStamp = new Int32Array(1024);
let setGen = 0;

// contentWords' output, reused: a number[] emptied by `length = 0` drops its backing store and grows it again
// word by word at the next sentence (the largest allocation of the early alignments).
let wordsOut = new Uint32Array(256);

/**
 * The sentence's distinct content words (figures count, function words do not), into wordsOut[0..count), in
 * first-seen order; returns the count. Valid until the next call.
 */
function contentWords(v: FactsView, s: number): number {
  const stop = stopwordBits();
  const ids = v.ids;
  const from = v.rows[s * SENTENCE_FIELDS + 2]!;
  const end = tokenEnd(v.rows, ids, s);
  if (setKeys.length < 2 * (end - from)) {
    let size = setKeys.length;
    while (size < 2 * (end - from)) size *= 2;
    setKeys = new Int32Array(size);
    setStamp = new Int32Array(size);
    setGen = 0;
  }
  if (wordsOut.length < end - from) wordsOut = new Uint32Array(2 * (end - from));
  if (++setGen === 0x7fffffff) {
    setStamp.fill(0);
    setGen = 1;
  }
  const gen = setGen;
  const keys = setKeys;
  const stamp = setStamp;
  const out = wordsOut;
  const mask = keys.length - 1;
  let count = 0;
  for (let i = from; i < end; i++) {
    const id = ids[i]!;
    const w = bare(id);
    if (!isNumber(id) && isStopId(stop, w)) continue;
    let at = Math.imul(w, 0x9e3779b1) >>> 0;
    for (at &= mask; stamp[at] === gen; at = (at + 1) & mask) if (keys[at] === w) break;
    if (stamp[at] === gen) continue; // seen in this sentence
    stamp[at] = gen;
    keys[at] = w;
    out[count++] = w;
  }
  return count;
}

/**
 * B's unpaired sentences by content word: each word's sentences in the order added (an open-addressed table
 * of words, each with a chain of postings in flat arrays), instead of a Map of arrays per alignment.
 */
class WordPostings {
  private keys = new Int32Array(1024);
  private stamp = new Int32Array(1024);
  private head = new Int32Array(1024);
  private tail = new Int32Array(1024);
  private next = new Int32Array(1024);
  private value = new Int32Array(1024);
  private gen = 0;
  private count = 0;

  /** Empty, with room for `postings` postings. */
  reset(postings: number): void {
    if (this.keys.length < 2 * postings) {
      let size = this.keys.length;
      while (size < 2 * postings) size *= 2;
      this.keys = new Int32Array(size);
      this.stamp = new Int32Array(size);
      this.head = new Int32Array(size);
      this.tail = new Int32Array(size);
      this.gen = 0;
    }
    if (this.next.length < postings) {
      this.next = new Int32Array(postings * 2);
      this.value = new Int32Array(postings * 2);
    }
    if (++this.gen === 0x7fffffff) {
      this.stamp.fill(0);
      this.gen = 1;
    }
    this.count = 0;
  }

  private slot(w: number): number {
    const mask = this.keys.length - 1;
    let at = (Math.imul(w, 0x9e3779b1) >>> 0) & mask;
    while (this.stamp[at] === this.gen && this.keys[at] !== w) at = (at + 1) & mask;
    return at;
  }

  add(w: number, s: number): void {
    const at = this.slot(w);
    const p = this.count++;
    this.value[p] = s;
    this.next[p] = -1;
    if (this.stamp[at] !== this.gen) {
      this.stamp[at] = this.gen;
      this.keys[at] = w;
      this.head[at] = p;
    } else this.next[this.tail[at]!] = p;
    this.tail[at] = p;
  }

  /** Each sentence with word w, in the order added, counted into `shared`. */
  countInto(w: number, shared: OverlapCounter): void {
    const at = this.slot(w);
    if (this.stamp[at] !== this.gen) return;
    for (let p = this.head[at]!; p >= 0; p = this.next[p]!) shared.add(this.value[p]!);
  }
}
const postings = new WordPostings();
let sharedCounter = new OverlapCounter(1024);
let probeSerial = 0;

// An original is aligned with each of its copies: its sentences by hash, and its sentences' content words once
// a copy needs them, are kept for the originals met last.
const KEPT_ORIGINALS = 1024;

/**
 * An article's alignable sentences by hash, in two typed arrays sorted by hash and then by sentence (8 bytes a
 * sentence, where a Map of arrays took about ten times that for each of the 1,024 kept originals). `first(h)`
 * and then `next` walk the sentences with hash h in increasing order, as the Map's arrays listed them.
 */
export class SentencesByHash {
  private readonly hashes: Uint32Array;
  private readonly sentences: Int32Array;

  constructor(v: FactsView) {
    let n = 0;
    for (let s = 0; s < v.sentenceCount; s++) if (sentenceLength(v, s) >= MIN_TOKENS) n++;
    const keys = new Float64Array(n);
    let k = 0;
    // hash · 2^16 + sentence sorts by hash, then sentence (an article has far fewer than 65,536 sentences here;
    // a longer one is indexed through the wider form below).
    const wide = v.sentenceCount >= 0x10000;
    for (let s = 0; s < v.sentenceCount; s++) if (sentenceLength(v, s) >= MIN_TOKENS) keys[k++] = wide ? s : (sentenceHash(v, s) >>> 0) * 0x10000 + s;
    this.hashes = new Uint32Array(n);
    this.sentences = new Int32Array(n);
    if (wide) {
      const order = Array.from(keys, Number).sort((x, y) => (sentenceHash(v, x) >>> 0) - (sentenceHash(v, y) >>> 0) || x - y);
      order.forEach((s, i) => {
        this.hashes[i] = sentenceHash(v, s) >>> 0;
        this.sentences[i] = s;
      });
      return;
    }
    keys.sort();
    for (let i = 0; i < n; i++) {
      this.hashes[i] = Math.floor(keys[i]! / 0x10000);
      this.sentences[i] = keys[i]! % 0x10000;
    }
  }

  /** Position of the first sentence with hash h, or -1. */
  first(h: number): number {
    const hashes = this.hashes;
    const x = h >>> 0;
    let lo = 0;
    let hi = hashes.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (hashes[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo < hashes.length && hashes[lo] === x ? lo : -1;
  }

  /** The position after `at` if it holds the same hash, else -1. */
  next(at: number): number {
    return at + 1 < this.hashes.length && this.hashes[at + 1] === this.hashes[at] ? at + 1 : -1;
  }

  sentence(at: number): number {
    return this.sentences[at]!;
  }
}

interface Kept {
  byHash: SentencesByHash;
  /** Content words of sentence s: flat[start[s]..start[s + 1]] (in contentWords' order). */
  words: { start: Int32Array; flat: Uint32Array } | null;
}
const byHashCache = new Map<FactsView, Kept>();
function sentencesByHash(v: FactsView, keep: boolean): Kept {
  let kept = byHashCache.get(v);
  if (kept) {
    byHashCache.delete(v);
    byHashCache.set(v, kept);
    return kept;
  }
  kept = { byHash: new SentencesByHash(v), words: null };
  if (keep) {
    if (byHashCache.size >= KEPT_ORIGINALS) byHashCache.delete(byHashCache.keys().next().value!);
    byHashCache.set(v, kept);
  }
  return kept;
}

let flatOut = new Uint32Array(4096);

/** Every sentence's content words (sentences too short to align have none). */
function allContentWords(v: FactsView): { start: Int32Array; flat: Uint32Array } {
  const start = new Int32Array(v.sentenceCount + 1);
  // At most one word per token: filled in a scratch array, copied out at its length.
  if (flatOut.length < v.ids.length) flatOut = new Uint32Array(Math.max(2 * flatOut.length, v.ids.length));
  const flat = flatOut;
  let total = 0;
  for (let s = 0; s < v.sentenceCount; s++) {
    start[s] = total;
    if (sentenceLength(v, s) < MIN_TOKENS) continue;
    const count = contentWords(v, s);
    for (let k = 0; k < count; k++) flat[total++] = wordsOut[k]!;
  }
  start[v.sentenceCount] = total;
  return { start, flat: flat.slice(0, total) };
}

/** Drops the kept sentence indexes (a batch's comparison is done). */
export function forgetAlignments(): void {
  byHashCache.clear();
}

// alignSentences' per-call arrays, reused (sentences used on each side, B's unpaired sentences and their sizes):
// the comparison is single-threaded and an alignment does not call another one while it runs.
let usedAOut = new Uint8Array(256);
let usedBOut = new Uint8Array(256);
let sizeBOut = new Int32Array(256);
let restOut = new Int32Array(256);

const len = (v: FactsView, s: number): number => v.rows[s * 4 + 1]! - v.rows[s * 4]!;
// Candidate pairs of an alignment, in flat arrays (a few per sentence of the copy, most never paired): an object
// and a boxed score for each was most of what an alignment allocated.
let candA = new Int32Array(1024);
let candB = new Int32Array(1024);
let candScore = new Float64Array(1024);
let candOrder = new Int32Array(1024);
function growCandidates(): void {
  candA = doubled(candA);
  candB = doubled(candB);
  candScore = doubled(candScore);
}
const bestFirst = (x: number, y: number): number => candScore[y]! - candScore[x]! || Math.abs(candA[x]! - candB[x]!) - Math.abs(candA[y]! - candB[y]!) || x - y;
const byB = (x: AlignedPair, y: AlignedPair): number => x.b - y.b;

/**
 * Best match per sentence over content words, one to one. A sentence of B with the same words as one of A (most
 * of a copy) is paired with it at once (the nearest such sentence); the sentences left on each side are then
 * scored through an inverted index over B's few remaining sentences (the work follows the shared words, not
 * |A|·|B|), the pairs taken best first; between equal scores the one that keeps the order wins.
 */
export function alignSentences(A: FactsView, B: FactsView, keepA = false): Alignment {
  const kept = sentencesByHash(A, keepA);
  const byHash = kept.byHash;
  if (usedAOut.length < A.sentenceCount) usedAOut = new Uint8Array(2 * A.sentenceCount);
  if (usedBOut.length < B.sentenceCount) {
    usedBOut = new Uint8Array(2 * B.sentenceCount);
    sizeBOut = new Int32Array(2 * B.sentenceCount);
    restOut = new Int32Array(2 * B.sentenceCount);
  }
  const usedA = usedAOut.fill(0, 0, A.sentenceCount);
  const usedB = usedBOut.fill(0, 0, B.sentenceCount);
  const pairs: AlignedPair[] = [];
  const rest = restOut;
  let restCount = 0;
  for (let s = 0; s < B.sentenceCount; s++) {
    if (sentenceLength(B, s) < MIN_TOKENS) continue;
    let best = -1;
    for (let at = byHash.first(sentenceHash(B, s)); at >= 0; at = byHash.next(at)) {
      const a = byHash.sentence(at);
      if (!usedA[a] && (best < 0 || Math.abs(a - s) < Math.abs(best - s))) best = a;
    }
    if (best >= 0) {
      usedA[best] = 1;
      usedB[s] = 1;
      pairs.push({ a: best, b: s, score: 1 });
    } else rest[restCount++] = s;
  }
  if (restCount > 0) {
    // B's unpaired sentences indexed by word; each unpaired sentence of A looks its words up.
    const sizeB = sizeBOut;
    let room = 0;
    for (let r = 0; r < restCount; r++) room += sentenceLength(B, rest[r]!);
    postings.reset(room);
    // B's words as kept when B was itself aligned as an original (a later article judged against several
    // earlier ones is their B each time).
    const wordsB = byHashCache.get(B)?.words ?? null;
    for (let r = 0; r < restCount; r++) {
      const s = rest[r]!;
      if (wordsB) {
        const from = wordsB.start[s]!;
        const to = wordsB.start[s + 1]!;
        sizeB[s] = to - from;
        for (let k = from; k < to; k++) postings.add(wordsB.flat[k]!, s);
        continue;
      }
      const count = contentWords(B, s);
      sizeB[s] = count;
      for (let k = 0; k < count; k++) postings.add(wordsOut[k]!, s);
    }
    let candidates = 0;
    // One counter for every alignment, each probe under a number no earlier probe had (its stamps never match
    // a probe of another alignment), so none is allocated and cleared per alignment.
    const shared = sharedCounter;
    shared.ensure(B.sentenceCount);
    // An original kept for its copies has its content words worked out once, not once per copy.
    const wordsA = keepA ? (kept.words ??= allContentWords(A)) : kept.words;
    for (let a = 0; a < A.sentenceCount; a++) {
      if (usedA[a]) continue;
      if (sentenceLength(A, a) < MIN_TOKENS) continue;
      let size: number;
      if (probeSerial === 0x7fffffff) {
        sharedCounter = new OverlapCounter(1024);
        probeSerial = 0;
        return alignSentences(A, B, keepA);
      }
      shared.begin(probeSerial++);
      if (wordsA) {
        const from = wordsA.start[a]!;
        const to = wordsA.start[a + 1]!;
        size = to - from;
        for (let k = from; k < to; k++) postings.countInto(wordsA.flat[k]!, shared);
      } else {
        size = contentWords(A, a);
        for (let k = 0; k < size; k++) postings.countInto(wordsOut[k]!, shared);
      }
      for (let h = 0; h < shared.hitCount; h++) {
        const b = shared.hit(h);
        const score = (2 * shared.shared(b)) / (size + sizeB[b]!);
        if (score >= MIN_SCORE) {
          if (candidates === candA.length) growCandidates();
          candA[candidates] = a;
          candB[candidates] = b;
          candScore[candidates++] = score;
        }
      }
    }
    // Best first, nearest the order between equal scores, then as found (the stable sort of the pairs as objects).
    if (candOrder.length < candidates) candOrder = new Int32Array(candA.length);
    const order = candOrder.subarray(0, candidates);
    for (let k = 0; k < candidates; k++) order[k] = k;
    order.sort(bestFirst);
    for (let k = 0; k < candidates; k++) {
      const c = order[k]!;
      const a = candA[c]!;
      const b = candB[c]!;
      if (usedA[a] || usedB[b]) continue;
      usedA[a] = 1;
      usedB[b] = 1;
      pairs.push({ a, b, score: candScore[c]! });
    }
  }
  pairs.sort(byB);
  let carriedA = 0;
  let totalA = 0;
  let carriedB = 0;
  let totalB = 0;
  let droppedA = 0;
  let addedB = 0;
  for (let s = 0; s < A.sentenceCount; s++) {
    if (sentenceLength(A, s) < MIN_TOKENS) continue;
    totalA += len(A, s);
    if (usedA[s]) carriedA += len(A, s);
    else droppedA++;
  }
  for (let s = 0; s < B.sentenceCount; s++) {
    if (sentenceLength(B, s) < MIN_TOKENS) continue;
    totalB += len(B, s);
    if (usedB[s]) carriedB += len(B, s);
    else addedB++;
  }
  return { pairs, carriedA, totalA, carriedB, totalB, droppedA, addedB };
}
