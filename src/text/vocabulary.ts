// The process-wide vocabulary: one dense id per normalised word (Token.norm), given out by the tokenizer the first
// time the process meets the word, and the same for the rest of the process. Why: a dozen detectors look every word
// of every article up in their own tables (phrase packs, spun collocations, adjectives, stopwords, roles...). Each
// such lookup hashes the word and probes a large, cache-cold hash table; with an id, a detector reads a small array
// instead (see VocabIndex below), and the common words, which are most tokens, get the lowest ids, so their entries
// sit together in a few cache lines.
//
// Ids are process-local (each worker thread has its own vocabulary): never write them into a report or facts, never
// compare them across threads. Bounded: once `limit` words are known, new words get NO_ID (-1) and a reader falls
// back to its string lookup, so a long-running service or an archive of odd words cannot grow it without end (the
// first words met are the frequent ones; a frozen vocabulary still answers for most tokens).

import { fnv1a } from './fnv.js';

/** The id of a word the vocabulary has no room for, and of every token that is not a word. */
export const NO_ID = -1;

/** Distinct normalised words per process (about 10 MB of table when full). */
export const VOCABULARY_LIMIT = 1 << 17;

/**
 * A copy of `s` that does not share memory with the text it was sliced from: V8 keeps a slice of 13 or more
 * characters as a view of its parent string, and a word kept for the life of the process must not keep an
 * article alive with it. Concatenation then slicing makes V8 flatten the word into a string of its own.
 */
function detached(s: string): string {
  return (' ' + s).slice(1);
}

export class Vocabulary {
  /** Normalised word → id. */
  private readonly ids = new Map<string, number>();
  /** id → normalised word (one shared string per word: every token of that word carries this same string). */
  private readonly words: string[] = [];
  // Spellings (words as written, before lower-casing) are the tokenizer's fast path: a known spelling gives its
  // text, its id and its normalised word with no slice, no lower-casing and no Map. An open-addressing table of
  // spelling numbers + 1 (0 = empty slot), probed with a hash of the characters in place.
  private slots = new Int32Array(1 << 12);
  private readonly spellingText: string[] = [];
  private readonly spellingId: number[] = [];

  constructor(
    /** At most this many words. */
    readonly limit = VOCABULARY_LIMIT,
    /** At most this many spellings (case variants) remembered for the fast path. */
    readonly spellingLimit = 2 * limit,
  ) {}

  get size(): number {
    return this.words.length;
  }

  get spellings(): number {
    return this.spellingText.length;
  }

  /**
   * The spelling number of t.slice(from, to) if that exact spelling was seen before, else -1. Read its text
   * (`spellingTextOf`, equal to the slice) and its word id (`spellingWord`).
   */
  spellingAt(t: string, from: number, to: number): number {
    const slots = this.slots;
    const mask = slots.length - 1;
    const len = to - from;
    for (let h = fnv1a(t, from, to) & mask; ; h = (h + 1) & mask) {
      const v = slots[h]!;
      if (v === 0) return -1;
      const text = this.spellingText[v - 1]!;
      if (text.length === len && t.startsWith(text, from)) return v - 1;
    }
  }

  spellingTextOf(spelling: number): string {
    return this.spellingText[spelling]!;
  }

  spellingWord(spelling: number): number {
    return this.spellingId[spelling]!;
  }

  /** The normalised word of an id (the string every token with that id carries as its norm). */
  word(id: number): string {
    return this.words[id]!;
  }

  /** The id of a normalised word, NO_ID if unknown. Does not add it. */
  idOf(norm: string): number {
    return this.ids.get(norm) ?? NO_ID;
  }

  /**
   * The id of `norm` (the normalised form of `written`), adding the word when there is room; NO_ID when the
   * vocabulary is full and the word new. Remembers the spelling for `spellingAt` when it has a word id and there is
   * room (call it only for a spelling `spellingAt` did not find).
   */
  add(norm: string, written: string): number {
    let id = this.ids.get(norm);
    if (id === undefined) {
      if (this.words.length >= this.limit) return NO_ID;
      const kept = detached(norm);
      id = this.words.length;
      this.words.push(kept);
      this.ids.set(kept, id);
    }
    if (this.spellingText.length < this.spellingLimit) this.addSpelling(written === norm ? this.words[id]! : detached(written), id);
    return id;
  }

  private addSpelling(text: string, id: number): void {
    // At most half full, so probes stay short.
    if (2 * (this.spellingText.length + 1) > this.slots.length) this.rehash(this.slots.length * 2);
    this.spellingText.push(text);
    this.spellingId.push(id);
    this.place(this.spellingText.length);
  }

  private place(v: number): void {
    const slots = this.slots;
    const mask = slots.length - 1;
    const text = this.spellingText[v - 1]!;
    let h = fnv1a(text, 0, text.length) & mask;
    while (slots[h] !== 0) h = (h + 1) & mask;
    slots[h] = v;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    for (let v = 1; v <= this.spellingText.length; v++) this.place(v);
  }
}

/** The vocabulary of this process (thread): the tokenizer fills it, detectors read the ids it gave. */
export const VOCABULARY = new Vocabulary();

/**
 * A detector's lookup on normalised words, memoised per vocabulary id: the first time a word id is asked, `lookup`
 * answers from the detector's own (string-keyed) table and the answer is kept in an array; every later token with
 * that id is an array read. `lookup` returns a small non-negative integer (an index into the detector's data, or
 * 1/0 for a set), or -1 for "not listed"; a token without an id (NO_ID) is answered by `lookup` directly, so results
 * never depend on whether a word got an id. Answers must depend on the word alone (a pure function of `norm`).
 */
export class VocabIndex {
  // Answer + 2 per id; 0 = not asked yet. Grown on demand up to the vocabulary's limit.
  private memo: Int32Array = new Int32Array(1024);

  constructor(private readonly lookup: (norm: string) => number) {}

  /** lookup(norm), from the memo when the token's word has an id. */
  get(id: number, norm: string): number {
    if (id < 0) return this.lookup(norm);
    let memo = this.memo;
    if (id >= memo.length) memo = this.grow(id);
    const v = memo[id]!;
    if (v !== 0) return v - 2;
    const answer = this.lookup(norm);
    memo[id] = answer + 2;
    return answer;
  }

  private grow(id: number): Int32Array {
    let n = this.memo.length;
    while (n <= id) n *= 2;
    const next = new Int32Array(n);
    next.set(this.memo);
    return (this.memo = next);
  }
}
