import type { Comparison, StoryCluster, StoryCopy } from '../types.js';
import { alignSentences, type Alignment } from './align.js';
import { sentenceEnd, sentenceHash, sentenceLength, sentenceStart, sentenceTokens, type FactsView } from './facts-view.js';
import { roundSimilarity } from './quote.js';
import { claimsMatter, sentenceChange, touchesSlots } from './sentence-changes.js';
import { RowSlots } from './claim-row-slots.js';
import type { UnionFind } from './union-find.js';
import { wordDiff } from './word-diff.js';
import { bare, isNumber } from '../facts/token-ids.js';

/** A contradiction found by aligning a copy with its story's earliest version, before it is quoted. */
export interface AlignedContradiction {
  a: number;
  b: number;
  sa: number;
  sb: number;
  /** First sentence of each side's span when it starts before the aligned sentence (a list item's number). */
  fromA?: number;
  fromB?: number;
  score: number;
  kind: NonNullable<Comparison['kind']>;
  what: { a: string; b: string };
  /** A figure no slot names, by its rank among each sentence's figures: quoted from the bodies when they are at hand. */
  figure?: { a: number; b: number };
  /** The copy's entry in its cluster, whose wording is completed with the quoted figures. */
  change: StoryCopy['changes'][number];
}

export interface ClusterOutput {
  clusters: StoryCluster[];
  contradictions: AlignedContradiction[];
  /** Aligned sentence pairs compared word by word, and those with no change at all. */
  alignedPairs: number;
  /** Per copy (by article index): its sentences aligned with the version it copies (1), which that version's stand for. */
  carriedSentences: Map<number, Uint8Array>;
}

/**
 * A list item renumbered ("3. Doug Martin, RB" / "7. Doug Martin, RB"): the text model reads the item's number as a
 * sentence of its own, so it is looked up just before the two aligned sentences. A changed rank or step is a
 * changed figure.
 */
function changedMarker(A: FactsView, B: FactsView, sa: number, sb: number): { a: string; b: string } | null {
  if (sa === 0 || sb === 0 || sentenceLength(A, sa - 1) !== 1 || sentenceLength(B, sb - 1) !== 1) return null;
  const ma = sentenceTokens(A, sa - 1);
  const mb = sentenceTokens(B, sb - 1);
  if (ma.length !== 1 || mb.length !== 1 || !isNumber(ma[0]!) || !isNumber(mb[0]!) || bare(ma[0]!) === bare(mb[0]!)) return null;
  return { a: 'one item number', b: 'another' };
}

// The slots of the two claims of the aligned pair being diffed (reused: the comparison is single-threaded).
const slotsA = new RowSlots();
const slotsB = new RowSlots();

/** Score below which two aligned sentences differ too much for a change in one slot to be the same statement turned. */
const STRICT = 0.6;

/** What aligning one copy with the version it copies gives: its cluster entry, its contradictions, its carried sentences. */
export interface CopyAlignment {
  copy: StoryCopy;
  contradictions: AlignedContradiction[];
  /** B's sentences aligned with A's (1), or null for an exact copy (nothing aligned). */
  carried: Uint8Array | null;
  alignedPairs: number;
}

/**
 * Copy m (view B) aligned with the version o (view A) it copies, sentence by sentence, each aligned pair that
 * differs diffed word by word: a pure function of the two articles (`exactCopy`: m has the text of an earlier
 * article), so it can be computed as soon as both are known. `al` is their alignment when already made.
 */
export function alignCopy(A: FactsView, B: FactsView, o: number, m: number, exactCopy: boolean, al?: Alignment | null): CopyAlignment {
  const changes: StoryCopy['changes'] = [];
  const contradictions: AlignedContradiction[] = [];
  if (exactCopy && B.facts.textHash === A.facts.textHash) {
    return { copy: { article: B.facts.article, copyOf: A.facts.article, carries: 1, carriedFrom: 1, addedSentences: 0, droppedSentences: 0, changes }, contradictions, carried: null, alignedPairs: 0 };
  }
  al ??= alignSentences(A, B, true);
  // Sentences carried unchanged or paraphrased are the original's statements; a changed one stays the copy's own.
  const carried = new Uint8Array(B.sentenceCount);
  for (const p of al.pairs) carried[p.b] = 1;
  let alignedPairs = 0;
  for (const p of al.pairs) {
    alignedPairs++;
    const marker = changedMarker(A, B, p.a, p.b);
    if (marker) {
      const change = { kind: 'number' as const, a: marker.a, b: marker.b, start: sentenceStart(B, p.b - 1), end: sentenceEnd(B, p.b) };
      contradictions.push({ a: o, b: m, sa: p.a, sb: p.b, fromA: p.a - 1, fromB: p.b - 1, score: p.score, kind: 'number', what: marker, figure: { a: 0, b: 0 }, change });
      changes.push(change);
      carried[p.b] = 0;
      continue;
    }
    if (sentenceHash(A, p.a) === sentenceHash(B, p.b)) continue; // the same words: nothing to diff
    const ta = sentenceTokens(A, p.a);
    const tb = sentenceTokens(B, p.b);
    const hunks = wordDiff(ta, tb);
    if (!hunks.length) continue;
    const slots = touchesSlots(ta, tb, hunks);
    const ka = slots ? A.claimOf[p.a]! : -1;
    const kb = slots ? B.claimOf[p.b]! : -1;
    // The claims are decoded only when their slots can change the answer (at 10k: 19,000 of 33,000 pairs).
    const read = (ka < 0 || A.claimSlots(ka, slotsA)) && (kb < 0 || B.claimSlots(kb, slotsB));
    const needed = (ka >= 0 || kb >= 0) && (!read || claimsMatter(ka >= 0 ? slotsA : null, kb >= 0 ? slotsB : null, hunks));
    const ca = needed && ka >= 0 ? A.cachedClaim(ka) : null;
    const cb = needed && kb >= 0 ? B.cachedClaim(kb) : null;
    const change = sentenceChange(ta, tb, ca, cb, hunks);
    if (!change) continue;
    // Sentences that share few words are only held to a changed figure or date, unless the change is their one
    // difference (a short line with one name replaced shares few words, yet says the same with another name).
    if (p.score < STRICT && change.kind !== 'number' && change.kind !== 'date' && hunks.length > 1) continue;
    const entry = { kind: change.kind, a: change.a, b: change.b, start: sentenceStart(B, p.b), end: sentenceEnd(B, p.b) };
    contradictions.push({ a: o, b: m, sa: p.a, sb: p.b, score: p.score, kind: change.kind, what: { a: change.a, b: change.b }, figure: change.figure, change: entry });
    changes.push(entry);
    carried[p.b] = 0;
  }
  const copy: StoryCopy = {
    article: B.facts.article,
    copyOf: A.facts.article,
    carries: roundSimilarity(al.carriedA / Math.max(1, al.totalA)),
    carriedFrom: roundSimilarity(al.carriedB / Math.max(1, al.totalB)),
    addedSentences: al.addedB,
    droppedSentences: al.droppedA,
    changes,
  };
  return { copy, contradictions, carried, alignedPairs };
}

/** Which copy is aligned with which version: the earlier by publishedAt (input order between equal or missing dates). */
export function storyRank(views: readonly FactsView[], x: number, y: number): number {
  return (views[x]!.facts.publishedAt ?? '\uffff').localeCompare(views[y]!.facts.publishedAt ?? '\uffff') || x - y;
}

/**
 * Groups of copies (near-duplicates and partial copies, joined transitively) as stories: the earliest version
 * by publishedAt (input order between equal or missing dates) is the original; every other member is aligned
 * with it sentence by sentence, and each aligned pair that differs is diffed word by word. Work per story is
 * its members times their sentences: linear in the batch. `aligned(o, m)` gives copy m aligned with version o
 * (alignCopy, or what was computed of it while the batch arrived).
 */
export function storyClusters(views: readonly FactsView[], groups: UnionFind, links: ReadonlyArray<[number, number]>, skip: (i: number) => boolean, aligned?: (o: number, m: number) => CopyAlignment): ClusterOutput {
  const align = aligned ?? ((o: number, m: number) => alignCopy(views[o]!, views[m]!, o, m, skip(m)));
  // Each copy is compared with the version it was found copying (its earliest direct link): a story joined
  // through a shared copy must not have two independent articles diffed against each other.
  const partners = new Map<number, number[]>();
  for (const [x, y] of links) {
    (partners.get(x) ?? partners.set(x, []).get(x)!).push(y);
    (partners.get(y) ?? partners.set(y, []).get(y)!).push(x);
  }
  const members = new Map<number, number[]>();
  views.forEach((_, i) => {
    const root = groups.find(i);
    let list = members.get(root);
    if (!list) members.set(root, (list = []));
    list.push(i);
  });
  const clusters: StoryCluster[] = [];
  const contradictions: AlignedContradiction[] = [];
  let alignedPairs = 0;
  const carriedSentences = new Map<number, Uint8Array>();
  for (const list of members.values()) {
    if (list.length < 2) continue;
    const order = [...list].sort((x, y) => storyRank(views, x, y));
    const rank = new Map(order.map((x, r) => [x, r]));
    const copies: StoryCopy[] = [];
    for (const m of order.slice(1)) {
      // The earliest version it is linked to; the story's original when it is linked to that directly.
      const linked = (partners.get(m) ?? []).filter((x) => rank.has(x)).sort((x, y) => rank.get(x)! - rank.get(y)!);
      const o = linked[0] !== undefined && rank.get(linked[0])! < rank.get(m)! ? linked[0] : order[0]!;
      const one = align(o, m);
      copies.push(one.copy);
      if (one.carried) carriedSentences.set(m, one.carried);
      contradictions.push(...one.contradictions);
      alignedPairs += one.alignedPairs;
    }
    clusters.push({ id: `story-${clusters.length + 1}`, original: views[order[0]!]!.facts.article, articles: order.map((i) => views[i]!.facts.article), copies });
  }
  return { clusters, contradictions, alignedPairs, carriedSentences };
}
