import type { FactsView } from './facts-view.js';
import { OverlapCounter } from './overlap-counter.js';

export interface RelatedOptions {
  /** Names two articles must share to be about the same story. */
  minSharedNames: number;
  /** Names in more articles than this (a country, a president) say little about the story. */
  postingCap: number;
  /** Most related articles kept per article (the ones sharing most names). */
  perArticle: number;
}

export const RELATED_DEFAULTS: RelatedOptions = { minSharedNames: 4, postingCap: 50, perArticle: 10 };

/**
 * Pairs [a, b] (a < b) of articles sharing several names that are rare in the batch, with the shared names. Each
 * name is counted and posted as a number (one Map lookup per mention, where counting, filtering and posting by
 * name took five), the postings in one flat array sized by the counts; the order of every step is the plain
 * pass's (test/helpers/plain-related.ts).
 */
export function findRelatedArticles(facts: readonly FactsView[], skip: (article: number) => boolean, options: RelatedOptions = RELATED_DEFAULTS): Array<{ a: number; b: number; names: string[] }> {
  const n = facts.length;
  const idOf = new Map<string, number>();
  const df: number[] = [];
  // Each article's mentions as name numbers, in its entities' order (a skipped article has none).
  const from = new Int32Array(n + 1);
  let mentions = 0;
  for (let i = 0; i < n; i++) if (!skip(i)) mentions += facts[i]!.facts.entities.length;
  const ids = new Int32Array(mentions);
  let m = 0;
  for (let i = 0; i < n; i++) {
    from[i] = m;
    if (skip(i)) continue;
    for (const e of facts[i]!.facts.entities) {
      let id = idOf.get(e);
      if (id === undefined) {
        id = df.length;
        idOf.set(e, id);
        df.push(0);
      }
      df[id]!++;
      ids[m++] = id;
    }
  }
  from[n] = m;
  idOf.clear();
  const rareId = (id: number): boolean => df[id]! <= options.postingCap && df[id]! >= 2;
  // Postings of the rare names only: each takes one slot per mention.
  const start = new Int32Array(df.length + 1);
  for (let id = 0; id < df.length; id++) start[id + 1] = start[id]! + (rareId(id) ? df[id]! : 0);
  const fill = start.slice(0, df.length);
  const postings = new Int32Array(start[df.length]!);
  const out: Array<{ a: number; b: number; names: string[] }> = [];
  const overlap = new OverlapCounter(n);
  for (let b = 0; b < n; b++) {
    if (skip(b)) continue;
    overlap.begin(b);
    const entities = facts[b]!.facts.entities;
    const rare: string[] = [];
    for (let k = from[b]!; k < from[b + 1]!; k++) {
      const id = ids[k]!;
      if (!rareId(id)) continue;
      rare.push(entities[k - from[b]!]!);
      for (let p = start[id]!; p < fill[id]!; p++) overlap.add(postings[p]!);
      postings[fill[id]!++] = b;
    }
    keepRelated(facts, overlap, b, rare, options, out);
  }
  return out;
}

/**
 * The articles counted in `overlap` that share enough of b's rare names, most shared first, at most `perArticle`,
 * each pushed onto `out` with the names it shares (in b's order). Shared with the plain pass the tests hold the
 * counting to (test/helpers/plain-related.ts), which only differs in how it counts.
 */
export function keepRelated(facts: readonly FactsView[], overlap: OverlapCounter, b: number, rare: readonly string[], options: RelatedOptions, out: Array<{ a: number; b: number; names: string[] }>): void {
  overlap.hits
    .filter((a) => overlap.shared(a) >= options.minSharedNames)
    .sort((x, y) => overlap.shared(y) - overlap.shared(x))
    .slice(0, options.perArticle)
    .forEach((a) => {
      const names = rare.filter((e) => facts[a]!.facts.entities.includes(e));
      out.push({ a, b, names });
    });
}
