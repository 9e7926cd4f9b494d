import type { Finding, Span } from '../types.js';
import { contentWords } from '../text/content-words.js';
import type { Doc } from '../text/doc.js';
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

/**
 * Sentence pairs that share at least `minShared` of their less common content words: the candidate index.
 * A word in more than `maxDf` sentences is skipped (the article's topic says nothing about restatement), so the
 * work is at most the number of content words times `maxDf`, however long the article and small its vocabulary.
 * `shared` keeps every count (a pair of sentences sharing none is absent): it bounds what two units can share.
 */
function candidatePairs(sets: Set<string>[], maxDf: number, minShared: number): { pairs: number[]; shared: Map<number, number>; postings: Map<string, number[]> } {
  const postings = new Map<string, number[]>();
  sets.forEach((set, i) => {
    for (const w of set) {
      const list = postings.get(w);
      if (list) list.push(i);
      else postings.set(w, [i]);
    }
  });
  const shared = new Map<number, number>();
  const n = sets.length;
  for (const list of postings.values()) {
    if (list.length < 2 || list.length > maxDf) continue;
    for (let a = 0; a < list.length; a++) for (let b = a + 1; b < list.length; b++) {
      const key = list[a]! * n + list[b]!;
      shared.set(key, (shared.get(key) ?? 0) + 1);
    }
  }
  return { pairs: [...shared.keys()].filter((k) => shared.get(k)! >= minShared), shared, postings };
}

/** One or two adjacent sentences [from, to] of one paragraph, compared as one bag of content words. */
interface Unit {
  from: number;
  to: number;
  words: Set<string>;
}

/**
 * The units around sentence i: the sentence alone, and with its neighbour on either side in the same paragraph
 * (a restatement may say two sentences as one, one as two, or re-split a pair elsewhere).
 */
function unitsAround(doc: Doc, sets: Set<string>[], i: number, windows: boolean): Unit[] {
  const out: Unit[] = [{ from: i, to: i, words: sets[i]! }];
  if (!windows) return out;
  const para = doc.sentences[i]!.paragraph;
  for (const [from, to] of [[i - 1, i], [i, i + 1]] as const) {
    if (from < 0 || to >= sets.length || doc.sentences[from]!.paragraph !== para || doc.sentences[to]!.paragraph !== para) continue;
    if (!sets[from]!.size || !sets[to]!.size) continue;
    out.push({ from, to, words: new Set([...sets[from]!, ...sets[to]!]) });
  }
  return out;
}

const QUOTE_OPEN = /^["“‘'«]/u;
const PROSE_END = /[.!?…]["'”’)]?$/u;

/** A sentence of running prose: not a quotation, a heading or product line (no final stop), nor a line of figures. */
function isProse(doc: Doc, i: number): boolean {
  const s = doc.sentences[i]!;
  if (QUOTE_OPEN.test(s.text) || !PROSE_END.test(s.text)) return false;
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
    // Quotations are repeated on purpose (pull quotes); headings, captions and lines of figures are no prose: none is
    // compared. A short prose sentence is compared together with its neighbour (one half of a re-split pair), or
    // alone when its content words come back in another order (see shortReordered).
    const parts = bySentence.map((ws, i) => (ws.length < 3 || !isProse(doc, i) ? new Set<string>() : new Set(ws)));
    // Every sentence's words, for the opening and closing paragraphs only: built when they are read.
    const fullSets: Array<Set<string> | undefined> = [];
    const full = (i: number): Set<string> => (fullSets[i] ??= new Set(bySentence[i]!));
    const out: Finding[] = [];
    const maxDf = Math.max(2, Math.min(p.maxDf, Math.floor(p.maxWordShare * parts.length)));
    const flagged = new Set<number>();
    const { pairs, shared, postings } = candidatePairs(parts, maxDf, Math.min(2, p.minShared));
    const n = parts.length;
    // A word's postings list is as long as the number of sentences it is in.
    const rare = (w: string): boolean => (postings.get(w)?.length ?? 0) <= maxDf;
    const tried = new Set<number>();
    // The units around a sentence are the same for every pair it is in: built once.
    const unitCache: Array<Unit[] | undefined> = [];
    const units = (i: number): Unit[] => (unitCache[i] ??= unitsAround(doc, parts, i, p.windows));
    // Earliest match first, so each later passage points at the first statement of the idea.
    for (const key of pairs.sort((x, y) => (x % n) - (y % n) || x - y)) {
      if (out.length >= p.maxFlags) break;
      const i = Math.floor(key / n);
      const j = key % n;
      if (flagged.has(j)) continue;
      const m = bestMatch(doc, parts, bySentence, units(i), units(j), p, rare, tried, shared);
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
      const f = closingRestatesOpening(doc, full, p.closing, flagged);
      if (f) out.push(f);
      ctx.stat('closingOverlap', closingContainment(doc, full) ?? 0);
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
function bestMatch(doc: Doc, parts: Set<string>[], order: readonly string[][], earlierUnits: Unit[], laterUnits: Unit[], p: Prepared, rare: (w: string) => boolean, tried: Set<number>, shared: ReadonlyMap<number, number>): Match | null {
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
    if (e.words.size < p.minWords || l.words.size < p.minWords) {
      if (single && p.minShortWords !== null && shortReordered(order[e.from]!, order[l.from]!, e.words, l.words, p.minShortWords, rare, p.minShared)) {
        if (!best || best.similarity < 1) best = { earlier: e, later: l, similarity: 1 };
      }
      continue;
    }
    // A less common word the two units share is in one sentence of each: the pairs' counts bound the total.
    let bound = 0;
    for (let a = e.from; a <= e.to; a++) for (let b = l.from; b <= l.to; b++) bound += shared.get(a * parts.length + b) ?? 0;
    if (bound < p.minShared) continue;
    let common = 0;
    let rareCommon = 0;
    for (const w of e.words) if (l.words.has(w)) {
      common++;
      if (rare(w)) rareCommon++;
    }
    if (rareCommon < p.minShared) continue;
    const sim = (2 * common) / (e.words.size + l.words.size);
    // Dice for two passages of a size; containment for a later passage that repeats a part of a longer earlier one.
    const contained = p.minContainment !== null && common >= p.minShared + 2 && common >= p.minContainment * l.words.size;
    if (sim < p.minSimilarity && !contained) continue;
    if (!single && !(membersCovered(parts, e, l.words) && membersCovered(parts, l, e.words))) continue;
    if (newFigure(doc, e, l)) continue;
    if (e.from !== e.to && l.from !== l.to && pairwise(parts, e, l, p.minSimilarity)) continue;
    const better = !best || (single && !(best.earlier.from === best.earlier.to && best.later.from === best.later.to)) || sim > best.similarity;
    if (better) best = { earlier: e, later: l, similarity: sim };
  }
  return best;
}

/**
 * Two short sentences each said again as they were (first with first, second with second): each was too short to
 * count alone (`minWords`), and together they are no restatement either, only two short repeats (a quoted excerpt).
 */
function pairwise(parts: Set<string>[], e: Unit, l: Unit, min: number): boolean {
  return dice(parts[e.from]!, parts[l.from]!) >= min && dice(parts[e.to]!, parts[l.to]!) >= min;
}

function dice(a: Set<string>, b: Set<string>): number {
  let common = 0;
  for (const w of a) if (b.has(w)) common++;
  return (2 * common) / (a.size + b.size || 1);
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
function shortReordered(a: readonly string[], b: readonly string[], sa: Set<string>, sb: Set<string>, min: number, rare: (w: string) => boolean, minShared: number): boolean {
  if (sa.size < min || sa.size !== sb.size) return false;
  let rareCommon = 0;
  for (const w of sa) {
    if (!sb.has(w)) return false;
    if (rare(w)) rareCommon++;
  }
  if (rareCommon < Math.min(minShared, sa.size - 1)) return false;
  const firsts = (ws: readonly string[]): string => [...new Set(ws)].join(' ');
  return firsts(a) !== firsts(b);
}

/** Each sentence of a two-sentence unit has at least half its content words in the other unit. */
function membersCovered(parts: Set<string>[], u: Unit, other: Set<string>): boolean {
  if (u.from === u.to) return true;
  for (let k = u.from; k <= u.to; k++) {
    let hit = 0;
    for (const w of parts[k]!) if (other.has(w)) hit++;
    if (hit * 2 < parts[k]!.size) return false;
  }
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
function containment(sets: (i: number) => Set<string>, intro: number[], outro: number[]): { value: number; shared: number } {
  const introWords = new Set<string>();
  for (const i of intro) for (const w of sets(i)) introWords.add(w);
  const outroWords = new Set<string>();
  for (const i of outro) for (const w of sets(i)) outroWords.add(w);
  let hit = 0;
  for (const w of outroWords) if (introWords.has(w)) hit++;
  return { value: outroWords.size ? hit / outroWords.size : 0, shared: hit };
}

function closingContainment(doc: Doc, sets: (i: number) => Set<string>): number | null {
  const io = introOutro(doc);
  return io ? Math.round(containment(sets, io.intro, io.outro).value * 100) / 100 : null;
}

// Measured on 161 clean English news bodies: their closing paragraphs share at most 12 content words (and
// rarely 40%) with the opening; a padded outro that retells the intro shares far more of both.
function closingRestatesOpening(doc: Doc, sets: (i: number) => Set<string>, o: { minContainment: number; minShared: number }, flagged: Set<number>): Finding | null {
  const io = introOutro(doc);
  if (!io) return null;
  const c = containment(sets, io.intro, io.outro);
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
