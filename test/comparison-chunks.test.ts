// The comparison thread renders a JSONL stream's comparison lines itself: a chunk must be the lines the main
// thread wrote from the objects (renderComparisonLine, in order) and count the same per type, in the order
// SummaryCounter meets them one by one, however the comparisons are cut into chunks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareBatch } from '../src/compare/compare.js';
import { comparisonChunk } from '../src/engine/comparison-chunks.js';
import { checkArticle } from '../src/engine/check-article.js';
import { renderComparisonLine, SummaryCounter } from '../src/report/formats/jsonl.js';
import { defaultConfig } from '../src/rules/config.js';
import { article, builtinRules, ROOT } from './helpers/run.js';

describe('comparison chunks rendered on the comparison thread', () => {
  const wire = readFileSync(join(ROOT, 'samples', 'wire-batch.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; body: string });
  const facts = wire.map((r) => checkArticle(article(r.body, { id: r.id, format: 'jsonl' }), builtinRules(), defaultConfig()).facts);
  const bodies = new Map(wire.map((r) => [r.id, r.body]));
  const comparisons = compareBatch(facts, { enabled: true }, (id) => bodies.get(id)).comparisons;

  it('has comparisons of more than one type to cut', () => {
    expect(new Set(comparisons.map((c) => c.type)).size).toBeGreaterThan(1);
  });

  for (const size of [1, 2, 3, 1000]) {
    it(`cut ${size} at a time: the same bytes and the same summary counts as the objects written one by one`, () => {
      const one = new SummaryCounter();
      let expected = '';
      for (const c of comparisons) {
        one.comparison(c);
        expected += renderComparisonLine(c);
      }
      const chunked = new SummaryCounter();
      let got = '';
      for (let i = 0; i < comparisons.length; i += size) {
        const chunk = comparisonChunk(comparisons, i, Math.min(comparisons.length, i + size));
        chunked.comparisonsCounted(chunk.counts);
        got += chunk.lines;
      }
      expect(got).toBe(expected);
      expect(JSON.stringify(chunked.finish(0))).toBe(JSON.stringify(one.finish(0)));
    });
  }
});
