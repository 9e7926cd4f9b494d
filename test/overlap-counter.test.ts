// The overlap counter's hits in flat typed storage (session 8), against the plain computation: a Map of counts
// and a list of the items in the order first met, probe after probe, with probes that grow past the storage.
import { describe, expect, it } from 'vitest';
import { OverlapCounter } from '../src/compare/overlap-counter.js';
import { mulberry32 } from '../scripts/lib/random.mjs';

describe('OverlapCounter', () => {
  it('lists each probe its items in the order first met, with their counts, as a Map would', () => {
    const rnd = mulberry32(3);
    const counter = new OverlapCounter(16);
    for (let probe = 0; probe < 400; probe++) {
      const size = 16 + probe * 3;
      counter.ensure(size);
      counter.begin(probe);
      const counts = new Map<number, number>();
      // Some probes meet more items than the first storage holds (64), most a few.
      const adds = probe % 7 === 0 ? 600 : Math.floor(rnd() * 40);
      for (let k = 0; k < adds; k++) {
        const item = Math.floor(rnd() * size);
        counter.add(item);
        counts.set(item, (counts.get(item) ?? 0) + 1);
      }
      const order = [...counts.keys()];
      expect(counter.hitCount).toBe(order.length);
      expect(counter.hits).toEqual(order);
      for (let h = 0; h < counter.hitCount; h++) expect(counter.shared(counter.hit(h))).toBe(counts.get(order[h]!));
      expect(counter.shared(size + 1)).toBe(0);
    }
  });
});
