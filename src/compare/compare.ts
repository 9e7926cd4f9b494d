import type { ArticleFacts, Claim } from '../facts/facts.js';
import type { Comparison, ComparisonSide, StoryCluster } from '../types.js';
import { forgetDecodedClaims, viewFacts, type FactsView } from './facts-view.js';
import { alignedMessage, Quoter, type BodyOf } from './quote-sides.js';
import { storyClusters } from './story-clusters.js';
import { forgetAlignments } from './align.js';
import { buildClaimTable, CANDIDATE_DEFAULTS, forEachCandidatePair, type ClaimTable } from './claim-index.js';
import { CONTRADICTION_DEFAULTS, findContradiction } from './contradiction.js';
import { contradictionMessage, relatedMessage, sharedClaimMessage } from './messages.js';
import { EarlyCopies } from './early-copies.js';
import { roundSimilarity } from './quote.js';
import { findRelatedArticles, RELATED_DEFAULTS } from './related-articles.js';
import { dice } from './similarity.js';
import { sameEntity } from '../facts/entities.js';

/** Comparisons handed to `emit` at once (and so held at once) within one group. */
const EMIT_EVERY = 4000;

/** CREDLINT_COMPARE_TRACE=1 (with node --expose-gc): each phase's CPU and the heap it leaves, on stderr. */
const TRACE = process.env.CREDLINT_COMPARE_TRACE === '1';

export interface CompareOptions {
  enabled: boolean;
  /** Term similarity (Dice) at or above which two sentences make the same statement. */
  sharedClaim?: number;
  /** Lowest similarity of the closest sentences for two related articles to be linked. */
  related?: number;
  /** Most shared-claim comparisons reported per pair of articles. */
  sharedPerPair?: number;
}

/** Per article: how many of its claims other articles in the batch confirm, and how many articles do. */
export interface Corroboration {
  corroboratedClaims: number;
  corroboratingArticles: number;
  contradictedClaims: number;
}

/** What the phase measured, for the benchmark. */
export interface CompareStats {
  articles: number;
  claims: number;
  articlePairsScored: number;
  claimPairsScored: number;
  relatedPairs: number;
  /** Wall time of each step, in ms. */
  phaseMs: Record<string, number>;
  /** CPU time of each step (this thread), in ms: wall time is noisy on a shared machine. */
  phaseCpuMs: Record<string, number>;
}

export interface CompareOutput {
  comparisons: Comparison[];
  /** Stories of copies, each copy with what it changed against the earliest version. */
  clusters: StoryCluster[];
  corroboration: Map<string, Corroboration>;
  stats: CompareStats;
}

/** The batch phase: sees only the articles' facts, never their whole text. */
export function compareFacts(facts: readonly ArticleFacts[], options: CompareOptions, bodyOf?: BodyOf): Comparison[] {
  return compareBatch(facts, options, bodyOf).comparisons;
}

/**
 * Near-duplicates at article level, then shared claims and contradictions at sentence level, then a link
 * between articles about the same story that nothing else connected. Every step only scores candidates
 * found through an index (LSH bands, rare terms, rare names), never all pairs.
 */
export function compareBatch(packed: readonly ArticleFacts[], options: CompareOptions, bodyOf?: BodyOf): CompareOutput {
  const cpu = process.cpuUsage();
  const clock = performance.now();
  const facts: FactsView[] = packed.map(viewFacts);
  const early = new EarlyCopies(facts);
  for (let i = 0; i < facts.length; i++) early.add();
  const used = process.cpuUsage(cpu);
  return compareViews(facts, early, options, bodyOf, { ms: Math.round(performance.now() - clock), cpuMs: Math.round((used.user + used.system) / 1000) });
}

/**
 * compareBatch over facts already unpacked and added to `early` (a CompareSession unpacks each article and
 * finds its copies as it arrives); `unpacked` is what that cost, for the stats.
 */
export function compareViews(facts: readonly FactsView[], early: EarlyCopies, options: CompareOptions, bodyOf?: BodyOf, unpacked = { ms: 0, cpuMs: 0 }, emit?: (done: Comparison[]) => void, emitEvery = EMIT_EVERY): CompareOutput {
  const sharedThreshold = options.sharedClaim ?? 0.5;
  const relatedThreshold = options.related ?? 0.25;
  const perPair = options.sharedPerPair ?? 3;
  let comparisons: Comparison[] = [];
  const n = facts.length;
  const quoter = new Quoter(bodyOf);

  const phaseMs: Record<string, number> = {};
  const phaseCpuMs: Record<string, number> = {};
  let clock = performance.now();
  let cpu = process.cpuUsage();
  const lap = (name: string): void => {
    const now = performance.now();
    const used = process.cpuUsage(cpu);
    phaseMs[name] = Math.round(now - clock);
    phaseCpuMs[name] = Math.round((used.user + used.system) / 1000);
    if (TRACE) {
      (globalThis as { gc?: () => void }).gc?.();
      if (process.env.SNAP === name) (process as unknown as { getBuiltinModule(m: string): typeof import('node:v8') }).getBuiltinModule('v8').writeHeapSnapshot(`/tmp/cmpw/${name}.heapsnapshot`);
      process.stderr.write(`compare ${name}: ${phaseCpuMs[name]} ms CPU, heap ${Math.round(process.memoryUsage().heapUsed / 1e6)} MB, rss ${Math.round(process.memoryUsage().rss / 1e6)} MB\n`);
    }
    clock = now;
    cpu = process.cpuUsage();
  };
  phaseMs.unpackFacts = unpacked.ms;
  phaseCpuMs.unpackFacts = unpacked.cpuMs;
  const copies = early.index.finish();
  lap('nearDuplicates');
  const sameGroup = (a: number, b: number): boolean => copies.groups.find(a) === copies.groups.find(b);
  // Exact copies add nothing at sentence level: their original stands for them.
  const isExactCopy = (i: number): boolean => early.index.isExactCopy(i);

  // Copies of one story: aligned with the earliest version sentence by sentence, every changed slot reported.
  const indexOf = new Map(facts.map((v, i) => [v.facts.article, i]));
  // Comparisons are complete group by group (copies, contradictions, links, shared claims): each group is
  // quoted and positioned when it is, and given to `emit` when there is one (then not kept here), a few
  // thousand at a time: at archive scale a group is hundreds of thousands of comparisons.
  let filled = 0;
  let sweep = 1;
  const flush = (): void => {
    // Sides filled article by article (each side is filled on its own): a body read again from its file is
    // then read once per group of comparisons, not once per side that quotes it. Each group sweeps the other
    // way: the bodies the last one kept (its last articles) are the first this one reads, where a sweep the
    // same way would drop every one of them from the kept bodies just before needing it.
    const sides: ComparisonSide[] = [];
    for (; filled < comparisons.length; filled++) {
      // (A side filled when it was pushed has its line: see the aligned contradictions.)
      const { a, b } = comparisons[filled]!;
      if (a.line === undefined) sides.push(a);
      if (b.line === undefined) sides.push(b);
    }
    const at = sides.map((sd) => indexOf.get(sd.article) ?? -1);
    const dir = (sweep = -sweep);
    const order = Array.from(sides.keys()).sort((x, y) => dir * (at[x]! - at[y]!) || x - y);
    for (const k of order) quoter.fill(at[k]! >= 0 ? facts[at[k]!] : undefined, sides[k]!);
    if (emit && comparisons.length) {
      emit(comparisons);
      comparisons = [];
      filled = 0;
    }
  };
  const push = (c: Comparison): void => {
    comparisons.push(c);
    if (emit && comparisons.length >= emitEvery) flush();
  };
  // The links by article id, as the reported comparisons name them.
  const copyLinks = copies.links.map(([a, b]) => [indexOf.get(facts[a]!.facts.article)!, indexOf.get(facts[b]!.facts.article)!] as [number, number]);
  const stories = storyClusters(facts, copies.groups, copyLinks, isExactCopy, (o, m) => early.aligned(o, m));
  if (TRACE) process.stderr.write(`compare early alignments: ${early.made} made, ${early.used} used\n`);
  early.clear();
  forgetAlignments();
  forgetDecodedClaims();
  // Each copy's summary: how much of each side the other carries.
  const carried = new Map<string, { original: string; copy: StoryCluster['copies'][number] }>();
  for (const cl of stories.clusters) for (const cp of cl.copies) carried.set(`${cp.copyOf}\n${cp.article}`, { original: cp.copyOf, copy: cp });
  for (let k = 0; k < copies.count; k++) {
    const c = copies.comparison(k);
    const hit = carried.get(`${c.a.article}\n${c.b.article}`) ?? carried.get(`${c.b.article}\n${c.a.article}`);
    if (hit) {
      const cp = hit.copy;
      c.message += ` ${cp.article} carries ${Math.round(cp.carries * 100)}% of ${hit.original} (${cp.droppedSentences} sentence(s) dropped) and adds ${cp.addedSentences} of its own; ${cp.changes.length ? `${cp.changes.length} statement(s) changed` : 'no statement changed'}.`;
    }
    push(c);
  }
  carried.clear();
  for (const c of stories.contradictions) {
    const A = facts[c.a]!;
    const B = facts[c.b]!;
    const sa = A.rows[(c.fromA ?? c.sa) * 4]!;
    const sb = B.rows[(c.fromB ?? c.sb) * 4]!;
    const ea = A.rows[c.sa * 4 + 1]!;
    const eb = B.rows[c.sb * 4 + 1]!;
    if (c.figure) {
      // A figure no slot names is quoted from the bodies, where they are at hand.
      const fa = quoter.figure(A, sa, ea, c.figure.a);
      const fb = quoter.figure(B, sb, eb, c.figure.b);
      if (fa && fb) c.what = { a: fa, b: fb };
      c.change.a = c.what.a;
      c.change.b = c.what.b;
    }
    const one: Comparison = {
      type: 'contradiction',
      a: { article: A.facts.article, start: sa, end: ea, text: '' },
      b: { article: B.facts.article, start: sb, end: eb, text: '' },
      similarity: roundSimilarity(c.score),
      kind: c.kind,
      message: alignedMessage(c.kind, c.what, A.facts.article, quoter.sentence(A, sa, ea, 160, c.what.a), B.facts.article, quoter.sentence(B, sb, eb, 160, c.what.b)),
    };
    // Its sides are filled now, while the two bodies its message just quoted are among the kept ones: these
    // come story by story (the original, then one copy after another), where the sweep of a flush over the
    // group's articles read many of them again (10k: 22,600 bodies read in the whole comparison, 20,000 now).
    quoter.fill(A, one.a);
    quoter.fill(B, one.b);
    push(one);
  }
  stories.contradictions.length = 0;
  flush();
  lap('alignedCopies');

  const table = buildClaimTable(facts, isExactCopy, sameGroup, stories.carriedSentences);
  lap('claimTable');
  const reported = new Set<number>(); // claim pairs already judged contradictory (i · claims + j)
  const linked = new Set<number>(); // article pairs with any sentence-level comparison
  const pairKey = (a: number, b: number): number => (a < b ? a * n + b : b * n + a);
  const shared = new Map<number, Array<{ i: number; j: number; similarity: number }>>();
  const corroborators = new Map<number, Set<number>>(); // claim id → articles
  const contradicted = new Set<number>();

  // Contradictions wait until every candidate pair is scored: a claim is only held against its closest
  // statement in the other article (an article that gives both "$50" and "$60" in two similar sentences
  // does not contradict a copy that kept one of them).
  const pending: Array<{ i: number; j: number; similarity: number; found: NonNullable<ReturnType<typeof findContradiction>> }> = [];
  const best = new Map<number, number>(); // claim id * n + other article → best similarity
  const noteBest = (i: number, j: number, similarity: number): void => {
    const ki = i * n + table.article[j]!;
    const kj = j * n + table.article[i]!;
    if ((best.get(ki) ?? -1) < similarity) best.set(ki, similarity);
    if ((best.get(kj) ?? -1) < similarity) best.set(kj, similarity);
  };
  const addContradiction = (i: number, j: number, related: boolean, similarity: number): boolean => {
    if (sameGroup(table.article[i]!, table.article[j]!)) return false; // copies: the aligned pass compared them
    const found = findContradiction(table.claim(i), table.claim(j), related, CONTRADICTION_DEFAULTS);
    if (!found) return false;
    const key = i * table.size + j;
    if (!reported.has(key)) {
      reported.add(key);
      pending.push({ i, j, similarity, found });
    }
    return true;
  };
  const emitContradictions = (): void => {
    for (const { i, j, similarity, found } of pending) {
      // Status conflicts are matched on names, not wording: the closest-statement rule does not apply to them.
      const closest = similarity >= (best.get(i * n + table.article[j]!) ?? 0) && similarity >= (best.get(j * n + table.article[i]!) ?? 0);
      if (!closest && found.kind !== 'status') continue;
      const a = table.claim(i);
      const b = table.claim(j);
      const fa = facts[table.article[i]!]!;
      const fb = facts[table.article[j]!]!;
      push({
        type: 'contradiction',
        a: side(fa, a),
        b: side(fb, b),
        similarity: roundSimilarity(similarity),
        kind: found.kind,
        message: contradictionMessage(found.kind, found.difference, fa.facts.article, quoter.sentence(fa, a.start, a.end, 160, found.kind === 'negation' || found.kind === 'entity' ? undefined : found.difference.a), fb.facts.article, quoter.sentence(fb, b.start, b.end, 160, found.kind === 'negation' || found.kind === 'entity' ? undefined : found.difference.b)),
      });
      contradicted.add(i).add(j);
      linked.add(pairKey(table.article[i]!, table.article[j]!));
    }
  };

  const addShared = (i: number, j: number, similarity: number): void => {
    const ai = table.article[i]!;
    const aj = table.article[j]!;
    if (sameGroup(ai, aj)) return; // copies do not corroborate each other
    let set = corroborators.get(i);
    if (!set) corroborators.set(i, (set = new Set()));
    set.add(aj);
    let back = corroborators.get(j);
    if (!back) corroborators.set(j, (back = new Set()));
    back.add(ai);
    const key = pairKey(ai, aj);
    let list = shared.get(key);
    if (!list) shared.set(key, (list = []));
    list.push({ i, j, similarity });
    if (list.length > perPair * 4) {
      list.sort((x, y) => y.similarity - x.similarity);
      list.length = perPair;
    }
  };

  const claimPairsScored = forEachCandidatePair(table, CANDIDATE_DEFAULTS, (i, j) => {
    // Copies of one story were aligned sentence by sentence: their claim pairs can neither contradict nor
    // corroborate, nor be any claim's closest statement in an article of another story.
    if (sameGroup(table.article[i]!, table.article[j]!)) return;
    const similarity = dice(table.terms[i]!, table.terms[j]!);
    noteBest(i, j, similarity);
    if (similarity < 0.3) return;
    if (addContradiction(i, j, false, similarity)) return;
    if (similarity >= sharedThreshold && sharesName(table.claim(i), table.claim(j))) addShared(i, j, similarity);
  });
  for (const [first, again] of table.repeats) addShared(first, again, 1);
  lap('claimPairs');

  // Articles on the same story: status conflicts across the whole pair, and a link when nothing else joined them.
  const related = findRelatedArticles(facts, isExactCopy, RELATED_DEFAULTS);
  const claimsOf = articleClaimIds(table, n);
  const links: Array<{ a: number; b: number; names: string[]; best: { i: number; j: number; similarity: number } }> = [];
  const statusClaims = claimsOf.map((ids) => ids.filter((id) => table.hasStatus(id)));
  const pendingPairs = new Set(pending.map(({ i, j }) => pairKey(table.article[i]!, table.article[j]!)));
  for (const { a, b, names } of related) {
    // Status conflicts are matched on names, not wording, so only here are they looked for (few claims state a status).
    for (const i of statusClaims[a]!) {
      for (const j of statusClaims[b]!) if (addContradiction(i, j, true, dice(table.terms[i]!, table.terms[j]!))) pendingPairs.add(pairKey(a, b));
    }
    // A link is only needed when nothing else joins the two articles.
    const key = pairKey(a, b);
    if (shared.has(key) || pendingPairs.has(key) || sameGroup(a, b)) continue;
    let best: { i: number; j: number; similarity: number } | null = null;
    for (const i of claimsOf[a]!) {
      for (const j of claimsOf[b]!) {
        const similarity = dice(table.terms[i]!, table.terms[j]!);
        if (similarity >= relatedThreshold && (!best || similarity > best.similarity) && sharesName(table.claim(i), table.claim(j))) best = { i, j, similarity };
      }
    }
    if (best) links.push({ a, b, names, best });
  }
  lap('relatedArticles');
  emitContradictions();
  for (const { a, b, names, best } of links) {
    const key = pairKey(a, b);
    if (linked.has(key) || shared.has(key) || sameGroup(a, b)) continue;
    const ca = table.claim(best.i);
    const cb = table.claim(best.j);
    push({ type: 'shared-claim', a: side(facts[a]!, ca), b: side(facts[b]!, cb), similarity: roundSimilarity(best.similarity), kind: null, message: relatedMessage(names, quoter.sentence(facts[a]!, ca.start, ca.end, 120), quoter.sentence(facts[b]!, cb.start, cb.end, 120)) });
  }
  flush();

  for (const list of shared.values()) {
    list.sort((x, y) => y.similarity - x.similarity);
    for (const { i, j, similarity } of list.slice(0, perPair)) {
      const fa = facts[table.article[i]!]!;
      const fb = facts[table.article[j]!]!;
      const a = table.claim(i);
      const b = table.claim(j);
      push({ type: 'shared-claim', a: side(fa, a), b: side(fb, b), similarity: roundSimilarity(similarity), kind: null, message: sharedClaimMessage(similarity, fa.facts.article, quoter.sentence(fa, a.start, a.end), fb.facts.article, quoter.sentence(fb, b.start, b.end)) });
    }
  }

  // Quotes and positions from the bodies where they are at hand (line/column from the facts either way).
  flush();
  lap('output');
  return {
    comparisons,
    clusters: stories.clusters,
    corroboration: tally(facts, table, corroborators, contradicted),
    stats: { articles: n, claims: table.size, articlePairsScored: copies.candidates + related.length, claimPairsScored, relatedPairs: related.length, phaseMs, phaseCpuMs },
  };
}

function side(f: FactsView, c: Claim): Comparison['a'] {
  return { article: f.facts.article, start: c.start, end: c.end, text: '' };
}

function sharesName(a: Claim, b: Claim): boolean {
  return a.entities.some((x) => b.entities.some((y) => sameEntity(x.key, y.key)));
}

function articleClaimIds(table: ClaimTable, n: number): number[][] {
  const out: number[][] = Array.from({ length: n }, () => []);
  table.article.forEach((a, id) => out[a]!.push(id));
  return out;
}

const noCorroboration = (): Corroboration => ({ corroboratedClaims: 0, corroboratingArticles: 0, contradictedClaims: 0 });

/**
 * What compareBatch gives a batch of one article (or none), known without its facts: there is nothing to compare
 * it with. A one-article check skips building the facts (test/compare-lone.test.ts holds the two equal).
 */
export function loneOutcome(ids: readonly string[]): Pick<CompareOutput, 'comparisons' | 'clusters' | 'corroboration'> {
  if (ids.length > 1) throw new RangeError(`loneOutcome is for one article, given ${ids.length}`);
  return { comparisons: [], clusters: [], corroboration: new Map(ids.map((id) => [id, noCorroboration()])) };
}

function tally(facts: readonly FactsView[], table: ClaimTable, corroborators: Map<number, Set<number>>, contradicted: Set<number>): Map<string, Corroboration> {
  const out = new Map<string, Corroboration>();
  const others = new Map<number, Set<number>>();
  facts.forEach(({ facts: f }) => out.set(f.article, noCorroboration()));
  for (const [claim, articles] of corroborators) {
    const a = table.article[claim]!;
    out.get(facts[a]!.facts.article)!.corroboratedClaims++;
    let set = others.get(a);
    if (!set) others.set(a, (set = new Set()));
    for (const b of articles) set.add(b);
  }
  for (const [a, set] of others) out.get(facts[a]!.facts.article)!.corroboratingArticles = set.size;
  for (const claim of contradicted) out.get(facts[table.article[claim]!]!.facts.article)!.contradictedClaims++;
  return out;
}
