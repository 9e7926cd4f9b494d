// Related articles found with names as numbers and flat postings (session 8), against the pass that counted and
// posted them by name (test/helpers/plain-related.ts): the same pairs, in the same order, with the same names.
import { describe, expect, it } from 'vitest';
import type { FactsView } from '../src/compare/facts-view.js';
import { findRelatedArticles, RELATED_DEFAULTS } from '../src/compare/related-articles.js';
import { mulberry32 } from '../scripts/lib/random.mjs';
import { plainRelatedArticles } from './helpers/plain-related.js';

/** Articles that only carry names (all the pass reads): stories sharing rare names, common names everywhere. */
function batch(seed: number, n: number): { views: FactsView[]; skipped: Set<number> } {
  const rnd = mulberry32(seed);
  const views: FactsView[] = [];
  const skipped = new Set<number>();
  for (let i = 0; i < n; i++) {
    const story = Math.floor(rnd() * (n / 6));
    const names: string[] = [];
    for (let k = 0; k < 3 + Math.floor(rnd() * 12); k++) {
      const r = rnd();
      // a story's own names, a few names in very many articles, and names from anywhere
      names.push(r < 0.55 ? `story${story}-${Math.floor(rnd() * 8)}` : r < 0.75 ? `common${Math.floor(rnd() * 4)}` : `name${Math.floor(rnd() * n)}`);
    }
    // Facts from other shards may name one twice: counted and posted as often as named.
    views.push({ facts: { entities: rnd() < 0.9 ? [...new Set(names)] : names } } as unknown as FactsView);
    if (rnd() < 0.1) skipped.add(i);
  }
  return { views, skipped };
}

describe('findRelatedArticles', () => {
  it('finds the pairs and names the by-name pass finds, in its order', () => {
    let pairs = 0;
    for (const [seed, n] of [[1, 50], [2, 400], [3, 1500]] as const) {
      const { views, skipped } = batch(seed, n);
      const skip = (i: number): boolean => skipped.has(i);
      for (const options of [RELATED_DEFAULTS, { minSharedNames: 2, postingCap: 12, perArticle: 3 }]) {
        const got = findRelatedArticles(views, skip, options);
        expect(got).toEqual(plainRelatedArticles(views, skip, options));
        pairs += got.length;
      }
    }
    expect(pairs).toBeGreaterThan(500);
  });
});
