import type { Finding, Span } from '../types.js';
import { contentWords } from '../text/content-words.js';
import type { Doc } from '../text/doc.js';
import { contentStems } from './content-stems.js';
import type { Detector } from './detector.js';

export interface RestatementOptions {
  /** Dice coefficient over content-word stems at or above which two sentences say the same thing. */
  minSimilarity?: number;
  /** Content words the two sentences must share (short sentences share little by chance, but say little too). */
  minShared?: number;
  /** Sentences with fewer content words are not compared (short lines, list items and captions repeat by nature). */
  minWords?: number;
  /** At most this many restated sentences per article: beyond a few, one look at the article says enough. */
  maxFlags?: number;
  /** Also compare the closing paragraph with the opening one (padded articles restate the intro as the outro). */
  closing?: { minContainment: number; minShared: number } | false;
  /** A word found in more than this share of sentences is no evidence of restatement (the article's topic). */
  maxWordShare?: number;
  /** ... nor a word found in more than this many sentences, whatever the article's length (keeps the index linear). */
  maxDf?: number;
  /** Shorter sentences (at least this many content words, fewer than `minWords`) count when their content words are the same, reordered. */
  minShortWords?: number | false;
  /** A later passage with at least this share of its content words in an earlier, longer one restates a part of it. */
  minContainment?: number | false;
  /** Also compare two adjacent sentences of a paragraph as one passage (a pair restated as one sentence, or re-split). */
  windows?: boolean;
}

interface Prepared {
  minSimilarity: number;
  minShared: number;
  closing: { minContainment: number; minShared: number } | null;
  maxWordShare: number;
  maxDf: number;
  windows: boolean;
  minContainment: number | null;
  minShortWords: number | null;
  minWords: number;
  maxFlags: number;
}

// Content words are the article's stem numbers (content-stems.ts): a sentence's words are a bag of distinct
// numbers (an Int32Array), and set operations mark one bag in a scratch array and read the other against it.
type Bag = Int32Array;

/** Scratch marks, one per stem number: `marks[w] === markNow` means w is in the bag marked last. */
let marks = new Int32Array(1024);
let markNow = 0;

function markBag(bag: Bag, room: number): void {
  if (marks.length < room) marks = new Int32Array(Math.max(room, 2 * marks.length));
  if (++markNow >= 0x7ffffff0) {
    marks.fill(0);
    markNow = 1;
  }
  for (let k = 0; k < bag.length; k++) marks[bag[k]!] = markNow;
}

/** How many words of `a` are in `b` (both bags of numbers below `room`). */
function commonCount(a: Bag, b: Bag, room: number): number {
  markBag(b, room);
  let n = 0;
  for (let k = 0; k < a.length; k++) if (marks[a[k]!] === markNow) n++;
  return n;
}

/** The distinct numbers of `list`, in order of first appearance (new Set(list)). */
function bagOf(list: ArrayLike<number>, room: number): Bag {
  if (marks.length < room) marks = new Int32Array(Math.max(room, 2 * marks.length));
  if (++markNow >= 0x7ffffff0) {
    marks.fill(0);
    markNow = 1;
  }
  const out = new Int32Array(list.length);
  let n = 0;
  for (let k = 0; k < list.length; k++) {
    const w = list[k]!;
    if (marks[w] !== markNow) (marks[w] = markNow), (out[n++] = w);
  }
  return n === out.length ? out : out.slice(0, n);
}

/** The union of two bags (new Set([...a, ...b])). */
function unionOf(a: Bag, b: Bag, room: number): Bag {
  const both = new Int32Array(a.length + b.length);
  both.set(a);
  both.set(b, a.length);
  return bagOf(both, room);
}

/** How many sentences of the compared ones hold each word, and what pairs of them share. */
export interface Candidates {
  /** Sentence pairs (i * n + j, i < j) sharing at least the minimum of less common words, sorted by j then i. */
  pairs: number[];
  /** Less common words the sentences i < j share (0 when none). */
  sharedAt(i: number, j: number): number;
  /** Per word, the number of sentences it is in. */
  df: Int32Array;
}

/** Sentence pairs up to this many sentences are counted in a square table (64 K cells), beyond in a Map. */
const TABLE_SENTENCES = 256;

/**
 * Sentence pairs that share at least `minShared` of their less common content words: the candidate index.
 * A word in more than `maxDf` sentences is skipped (the article's topic says nothing about restatement), so the
 * work is at most the number of content words times `maxDf`, however long the article and small its vocabulary.
 * `sharedAt` keeps every count (a pair of sentences sharing none reads 0): it bounds what two units can share.
 */
export function candidatePairs(sets: Bag[], room: number, maxDf: number, minShared: number, tableUpTo = TABLE_SENTENCES): Candidates {
  const n = sets.length;
  // Postings (the sentences of each word, ascending) in one array, word by word.
  const df = new Int32Array(room);
  for (const set of sets) for (let k = 0; k < set.length; k++) df[set[k]!]!++;
  const from = new Int32Array(room + 1);
  for (let w = 0; w < room; w++) from[w + 1] = from[w]! + df[w]!;
  const postings = new Int32Array(from[room]!);
  const fill = from.slice(0, room);
  for (let i = 0; i < n; i++) {
    const set = sets[i]!;
    for (let k = 0; k < set.length; k++) postings[fill[set[k]!]!++] = i;
  }
  const pairs: number[] = [];
  if (n <= tableUpTo) {
    const table = new Int32Array(n * n);
    for (let w = 0; w < room; w++) {
      const c = df[w]!;
      if (c < 2 || c > maxDf) continue;
      for (let a = from[w]!, end = from[w + 1]!; a < end; a++) for (let b = a + 1; b < end; b++) table[postings[a]! * n + postings[b]!]!++;
    }
    for (let j = 0; j < n; j++) for (let i = 0; i < j; i++) if (table[i * n + j]! >= minShared) pairs.push(i * n + j);
    return { pairs, sharedAt: (i, j) => table[i * n + j]!, df };
  }
  const shared = new Map<number, number>();
  for (let w = 0; w < room; w++) {
    const c = df[w]!;
    if (c < 2 || c > maxDf) continue;
    for (let a = from[w]!, end = from[w + 1]!; a < end; a++) for (let b = a + 1; b < end; b++) {
      const key = postings[a]! * n + postings[b]!;
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  for (const [key, c] of shared) if (c >= minShared) pairs.push(key);
  pairs.sort((x, y) => (x % n) - (y % n) || x - y);
  return { pairs, sharedAt: (i, j) => shared.get(i * n + j) ?? 0, df };
}

/** One or two adjacent sentences [from, to] of one paragraph, compared as one bag of content words. */
interface Unit {
  from: number;
  to: number;
  words: Bag;
}

/**
 * The units around sentence i: the sentence alone, and with its neighbour on either side in the same paragraph
 * (a restatement may say two sentences as one, one as two, or re-split a pair elsewhere).
 */
function unitsAround(doc: Doc, sets: Bag[], room: number, i: number, windows: boolean): Unit[] {
  const out: Unit[] = [{ from: i, to: i, words: sets[i]! }];
  if (!windows) return out;
  const para = doc.sentences[i]!.paragraph;
  for (const [from, to] of [[i - 1, i], [i, i + 1]] as const) {
    if (from < 0 || to >= sets.length || doc.sentences[from]!.paragraph !== para || doc.sentences[to]!.paragraph !== para) continue;
    if (!sets[from]!.length || !sets[to]!.length) continue;
    out.push({ from, to, words: unionOf(sets[from]!, sets[to]!, room) });
  }
  return out;
}

const QUOTE_OPEN = /^["“‘'«]/u;

/** /[.!?…]["'”’)]?$/u: a final stop, perhaps inside a closing quote or bracket (read from the end, not searched). */
export function endsAsProse(t: string): boolean {
  let k = t.length - 1;
  if (k < 0) return false;
  let c = t.charCodeAt(k);
  if (c === 0x22 || c === 0x27 || c === 0x201d || c === 0x2019 || c === 0x29) {
    if (--k < 0) return false;
    c = t.charCodeAt(k);
  }
  return c === 0x2e || c === 0x21 || c === 0x3f || c === 0x2026;
}

/** A sentence of running prose: not a quotation, a heading or product line (no final stop), nor a line of figures. */
function isProse(doc: Doc, i: number): boolean {
  const s = doc.sentences[i]!;
  if (QUOTE_OPEN.test(s.text) || !endsAsProse(s.text)) return false;
  // A line of figures (a box score, a table row) repeats its labels by nature; a sentence with a few figures is prose.
  let numbers = 0;
  let words = 0;
  for (let k = s.tokenFrom; k < s.tokenTo; k++) {
    const kind = doc.tokens[k]!.kind;
    if (kind === 'number') numbers++;
    else if (kind === 'word') words++;
  }
  return numbers < 3 || numbers * 3 < words;
}


/**
 * The same idea said twice: a later sentence that repeats an earlier one with its words shuffled
 * or swapped (near-duplicate content words), and a closing paragraph that restates the opening.
 * Flags the later occurrence; `related` points at the earlier.
 */
export const restatement: Detector<RestatementOptions, Prepared> = {
  type: 'restatement',
  summary: 'Flags a sentence that restates an earlier one of the same article (near-duplicate content words), and a closing paragraph that restates the opening.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minSimilarity: { type: 'number', minimum: 0.3, maximum: 1 },
      minShared: { type: 'integer', minimum: 2 },
      minWords: { type: 'integer', minimum: 2 },
      maxFlags: { type: 'integer', minimum: 1 },
      maxWordShare: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
      maxDf: { type: 'integer', minimum: 2 },
      windows: { type: 'boolean' },
      minShortWords: { oneOf: [{ const: false }, { type: 'integer', minimum: 3 }] },
      minContainment: { oneOf: [{ const: false }, { type: 'number', minimum: 0.5, maximum: 1 }] },
      closing: {
        oneOf: [
          { const: false },
          {
            type: 'object',
            additionalProperties: false,
            required: ['minContainment', 'minShared'],
            properties: { minContainment: { type: 'number', minimum: 0, maximum: 1 }, minShared: { type: 'integer', minimum: 3 } },
          },
        ],
      },
    },
  },
  prepare(o) {
    return {
      minSimilarity: o.minSimilarity ?? 0.6,
      minShared: o.minShared ?? 5,
      closing: o.closing === false ? null : (o.closing ?? { minContainment: 0.4, minShared: 20 }),
      maxWordShare: o.maxWordShare ?? 0.25,
      maxDf: o.maxDf ?? 50,
      windows: o.windows ?? true,
      minShortWords: o.minShortWords === false ? null : (o.minShortWords ?? 4),
      minContainment: o.minContainment === false ? null : (o.minContainment ?? 0.9),
      minWords: o.minWords ?? 8,
      maxFlags: o.maxFlags ?? 5,
    };
  },
  run(doc, rule, ctx) {
    const p = rule.prepared;
    const { bySentence } = contentWords(doc);
    const stems = contentStems(doc);
    const room = stems.size;
    const sentenceWords = (i: number): Int32Array => stems.all.subarray(stems.sentenceFrom[i]!, stems.sentenceFrom[i + 1]!);
    // Quotations are repeated on purpose (pull quotes); headings, captions and lines of figures are no prose: none is
    // compared. A short prose sentence is compared together with its neighbour (one half of a re-split pair), or
    // alone when its content words come back in another order (see shortReordered).
    const none: Bag = new Int32Array(0);
    // Pushed, not mapped: `map` returns a packed array from the interpreter and a holey one once run is optimised,
    // and every function reading `parts` deoptimised at the switch.
    const parts: Bag[] = [];
    for (let i = 0; i < bySentence.length; i++) parts.push(bySentence[i]!.length < 3 || !isProse(doc, i) ? none : bagOf(sentenceWords(i), room));
    // Every sentence's words, for the opening and closing paragraphs only: built when they are read.
    const fullSets: Array<Bag | undefined> = [];
    const full = (i: number): Bag => (fullSets[i] ??= bagOf(sentenceWords(i), room));
    const out: Finding[] = [];
    const maxDf = Math.max(2, Math.min(p.maxDf, Math.floor(p.maxWordShare * parts.length)));
    const flagged = new Set<number>();
    const candidates = candidatePairs(parts, room, maxDf, Math.min(2, p.minShared));
    const n = parts.length;
    // A word's postings list is as long as the number of sentences it is in.
    const { df } = candidates;
    const rare = (w: number): boolean => df[w]! <= maxDf;
    const tried = new Set<number>();
    // The units around a sentence are the same for every pair it is in: built once.
    const unitCache: Array<Unit[] | undefined> = [];
    const units = (i: number): Unit[] => (unitCache[i] ??= unitsAround(doc, parts, room, i, p.windows));
    // Earliest match first, so each later passage points at the first statement of the idea (pairs come sorted).
    for (const key of candidates.pairs) {
      if (out.length >= p.maxFlags) break;
      const i = Math.floor(key / n);
      const j = key % n;
      if (flagged.has(j)) continue;
      const m = bestMatch(doc, parts, room, bySentence, units(i), units(j), p, rare, tried, candidates);
      if (!m) continue;
      let overlaps = false;
      for (let k = m.later.from; k <= m.later.to; k++) if (flagged.has(k)) overlaps = true;
      if (overlaps) continue;
      const a = doc.sentences[m.earlier.from]!;
      const aEnd = doc.sentences[m.earlier.to]!;
      const b = doc.sentences[m.later.from]!;
      const bEnd = doc.sentences[m.later.to]!;
      for (let k = m.later.from; k <= m.later.to; k++) flagged.add(k);
      const sim = m.similarity;
      // "Repeats" only when the words come back in the same order; the same words reordered are a restatement.
      const verb = sim > 0.95 && sameOrder(bySentence, m.earlier, m.later) ? 'repeats' : 'restates';
      const what = m.later.from === m.later.to ? 'sentence' : 'passage';
      const earlier = m.earlier.from === m.earlier.to ? 'an earlier sentence' : 'two earlier sentences';
      out.push({
        start: b.start,
        end: bEnd.end,
        related: { start: a.start, end: aEnd.end },
        data: { similarity: Math.round(sim * 100), kind: verb },
        message: `This ${what} ${verb} ${earlier} (${Math.round(sim * 100)}% of the content words in common): padding or a rewriting tool.`,
      });
    }
    if (p.closing) {
      const f = closingRestatesOpening(doc, full, room, p.closing, flagged);
      if (f) out.push(f);
      ctx.stat('closingOverlap', closingContainment(doc, full, room) ?? 0);
    }
    return out;
  },
};

/** The two passages have their content words in the same sequence. */
function sameOrder(order: readonly string[][], e: Unit, l: Unit): boolean {
  const seq = (u: Unit): string => order.slice(u.from, u.to + 1).flat().join(' ');
  return seq(e) === seq(l);
}

interface Match {
  earlier: Unit;
  later: Unit;
  similarity: number;
}

/**
 * The best restatement between the passages around sentences i < j: the two sentences alone first (the common
 * case), else one or two sentences against one or two (the later must start after the earlier ends). Each unit
 * needs `minWords` content words, the pair `minShared` less-common words in common and a Dice coefficient of at
 * least `minSimilarity`; in a two-sentence unit each sentence must have half its words in the other unit, so a
 * matching sentence does not carry an unrelated neighbour along.
 */
function bestMatch(doc: Doc, parts: Bag[], room: number, order: readonly string[][], earlierUnits: Unit[], laterUnits: Unit[], p: Prepared, rare: (w: number) => boolean, tried: Set<number>, candidates: Candidates): Match | null {
  // A unit is one sentence or two adjacent ones: (from, to - from) names it, two units a pair of them.
  const n2 = 2 * parts.length;
  let best: Match | null = null;
  for (const e of earlierUnits) for (const l of laterUnits) {
    if (e.to >= l.from) continue;
    const single = e.from === e.to && l.from === l.to;
    if (best && single === false && best.earlier.from === best.earlier.to && best.later.from === best.later.to) continue;
    const id = (2 * e.from + e.to - e.from) * n2 + 2 * l.from + l.to - l.from;
    if (tried.has(id)) continue;
    tried.add(id);
    if (e.words.length < p.minWords || l.words.length < p.minWords) {
      if (single && p.minShortWords !== null && shortReordered(order[e.from]!, order[l.from]!, e.words, l.words, room, p.minShortWords, rare, p.minShared)) {
        if (!best || best.similarity < 1) best = { earlier: e, later: l, similarity: 1 };
      }
      continue;
    }
    // A less common word the two units share is in one sentence of each: the pairs' counts bound the total.
    let bound = 0;
    for (let a = e.from; a <= e.to; a++) for (let b = l.from; b <= l.to; b++) bound += candidates.sharedAt(a, b);
    if (bound < p.minShared) continue;
    let common = 0;
    let rareCommon = 0;
    markBag(l.words, room);
    for (let k = 0; k < e.words.length; k++) {
      const w = e.words[k]!;
      if (marks[w] !== markNow) continue;
      common++;
      if (rare(w)) rareCommon++;
    }
    if (rareCommon < p.minShared) continue;
    const sim = (2 * common) / (e.words.length + l.words.length);
    // Dice for two passages of a size; containment for a later passage that repeats a part of a longer earlier one.
    const contained = p.minContainment !== null && common >= p.minShared + 2 && common >= p.minContainment * l.words.length;
    if (sim < p.minSimilarity && !contained) continue;
    if (!single && !(membersCovered(parts, room, e, l.words) && membersCovered(parts, room, l, e.words))) continue;
    if (newFigure(doc, e, l)) continue;
    if (e.from !== e.to && l.from !== l.to && pairwise(parts, room, e, l, p.minSimilarity)) continue;
    const better = !best || (single && !(best.earlier.from === best.earlier.to && best.later.from === best.later.to)) || sim > best.similarity;
    if (better) best = { earlier: e, later: l, similarity: sim };
  }
  return best;
}

/**
 * Two short sentences each said again as they were (first with first, second with second): each was too short to
 * count alone (`minWords`), and together they are no restatement either, only two short repeats (a quoted excerpt).
 */
function pairwise(parts: Bag[], room: number, e: Unit, l: Unit, min: number): boolean {
  return dice(parts[e.from]!, parts[l.from]!, room) >= min && dice(parts[e.to]!, parts[l.to]!, room) >= min;
}

function dice(a: Bag, b: Bag, room: number): number {
  return (2 * commonCount(a, b, room)) / (a.length + b.length || 1);
}

/** Figures (number tokens, separators dropped) of sentences from..to. */
function figures(doc: Doc, from: number, to: number): Set<string> {
  const out = new Set<string>();
  for (let k = doc.sentences[from]!.tokenFrom; k < doc.sentences[to]!.tokenTo; k++) {
    const t = doc.tokens[k]!;
    if (t.kind === 'number') out.add(t.norm.replace(/[,\s]/g, ''));
  }
  return out;
}

/**
 * The later passage states a figure the earlier does not: a parallel statement about another thing ("the base
 * version does 0-60 in five seconds" / "the GT version ... in 3.5 seconds", one arrest record after another), not
 * the same idea said twice, which keeps its figures.
 */
function newFigure(doc: Doc, e: Unit, l: Unit): boolean {
  const later = figures(doc, l.from, l.to);
  if (!later.size) return false;
  const earlier = figures(doc, e.from, e.to);
  // "3" in a passage cut from "1.3 inches" is the same figure.
  for (const f of later) if (!earlier.has(f) && ![...earlier].some((x) => x.includes(f))) return true;
  return false;
}

/**
 * A short sentence (fewer than `minWords` content words) said again with exactly its content words in another
 * order: the clauses were turned round ("Volunteers cleaned the beach after the oil spill" / "After the oil spill,
 * the beach was cleaned by volunteers"). A short sentence repeated word for word is left alone (a refrain, a
 * quoted line), as is one that shares only most of its words (short sentences share words by chance).
 */
function shortReordered(a: readonly string[], b: readonly string[], sa: Bag, sb: Bag, room: number, min: number, rare: (w: number) => boolean, minShared: number): boolean {
  if (sa.length < min || sa.length !== sb.length) return false;
  let rareCommon = 0;
  markBag(sb, room);
  for (let k = 0; k < sa.length; k++) {
    const w = sa[k]!;
    if (marks[w] !== markNow) return false;
    if (rare(w)) rareCommon++;
  }
  if (rareCommon < Math.min(minShared, sa.length - 1)) return false;
  const firsts = (ws: readonly string[]): string => [...new Set(ws)].join(' ');
  return firsts(a) !== firsts(b);
}

/** Each sentence of a two-sentence unit has at least half its content words in the other unit. */
function membersCovered(parts: Bag[], room: number, u: Unit, other: Bag): boolean {
  if (u.from === u.to) return true;
  for (let k = u.from; k <= u.to; k++) if (commonCount(parts[k]!, other, room) * 2 < parts[k]!.length) return false;
  return true;
}

/** The opening and closing paragraphs with enough text to compare, or null. */
function introOutro(doc: Doc): { intro: number[]; outro: number[]; introSpan: Span; outroSpan: Span } | null {
  // Headings, list items and bylines are no opening or closing: only paragraphs with some substance count.
  const paras = doc.paragraphs.filter((p) => {
    let words = 0;
    for (let i = p.sentenceFrom; i < p.sentenceTo; i++) words += doc.sentences[i]!.tokenTo - doc.sentences[i]!.tokenFrom;
    return words >= 20;
  });
  if (paras.length < 3) return null;
  const first = paras[0]!;
  const last = paras[paras.length - 1]!;
  const range = (p: typeof first): number[] => Array.from({ length: p.sentenceTo - p.sentenceFrom }, (_, k) => p.sentenceFrom + k);
  return { intro: range(first), outro: range(last), introSpan: first, outroSpan: last };
}

/** Share of the closing paragraph's distinct content words that the opening paragraph already used. */
function containment(sets: (i: number) => Bag, room: number, intro: number[], outro: number[]): { value: number; shared: number } {
  // The opening's words are marked first; each closing word is then counted once (re-marked as seen), as a hit
  // when the opening had it.
  // Every bag is built before the marks are set (building one marks too).
  // Pushed, not mapped (see run's `parts`).
  const bags: Bag[] = [];
  for (const i of intro) bags.push(sets(i));
  const closing: Bag[] = [];
  for (const i of outro) closing.push(sets(i));
  const all = new Int32Array(bags.reduce((k, b) => k + b.length, 0));
  let at = 0;
  for (const b of bags) (all.set(b, at), (at += b.length));
  markBag(all, room);
  const opening = markNow;
  const seen = ++markNow;
  let distinct = 0;
  let hit = 0;
  for (const bag of closing) {
    for (let k = 0; k < bag.length; k++) {
      const w = bag[k]!;
      if (marks[w] === seen) continue;
      distinct++;
      if (marks[w] === opening) hit++;
      marks[w] = seen;
    }
  }
  return { value: distinct ? hit / distinct : 0, shared: hit };
}

function closingContainment(doc: Doc, sets: (i: number) => Bag, room: number): number | null {
  const io = introOutro(doc);
  return io ? Math.round(containment(sets, room, io.intro, io.outro).value * 100) / 100 : null;
}

// Measured on 161 clean English news bodies: their closing paragraphs share at most 12 content words (and
// rarely 40%) with the opening; a padded outro that retells the intro shares far more of both.
function closingRestatesOpening(doc: Doc, sets: (i: number) => Bag, room: number, o: { minContainment: number; minShared: number }, flagged: Set<number>): Finding | null {
  const io = introOutro(doc);
  if (!io) return null;
  const c = containment(sets, room, io.intro, io.outro);
  if (c.shared < o.minShared || c.value < o.minContainment) return null;
  if (io.outro.every((i) => flagged.has(i))) return null;
  return {
    start: io.outroSpan.start,
    end: io.outroSpan.end,
    related: { start: io.introSpan.start, end: io.introSpan.end },
    data: { containment: Math.round(c.value * 100) },
    message: `The closing paragraph restates the opening one (${Math.round(c.value * 100)}% of its content words already there): padding that adds nothing.`,
  };
}
