// The related-articles pass as it was before its names became numbers (session 8): the specification
// test/compare-related.test.ts holds findRelatedArticles' counting to (both keep their pairs through keepRelated).
import type { FactsView } from '../../src/compare/facts-view.js';
import { OverlapCounter } from '../../src/compare/overlap-counter.js';
import { keepRelated, RELATED_DEFAULTS, type RelatedOptions } from '../../src/compare/related-articles.js';

/** Pairs [a, b] (a < b) of articles sharing several names that are rare in the batch, with the shared names. */
export function plainRelatedArticles(facts: readonly FactsView[], skip: (article: number) => boolean, options: RelatedOptions = RELATED_DEFAULTS): Array<{ a: number; b: number; names: string[] }> {
  const df = new Map<string, number>();
  facts.forEach((f, i) => {
    if (!skip(i)) for (const e of f.facts.entities) df.set(e, (df.get(e) ?? 0) + 1);
  });
  const postings = new Map<string, number[]>();
  const out: Array<{ a: number; b: number; names: string[] }> = [];
  const overlap = new OverlapCounter(facts.length);
  facts.forEach((f, b) => {
    if (skip(b)) return;
    overlap.begin(b);
    const rare = f.facts.entities.filter((e) => df.get(e)! <= options.postingCap && df.get(e)! >= 2);
    for (const e of rare) {
      const list = postings.get(e);
      if (list) {
        for (const a of list) overlap.add(a);
        list.push(b);
      } else postings.set(e, [b]);
    }
    keepRelated(facts, overlap, b, rare, options, out);
  });
  return out;
}
