import { describe, expect, it } from 'vitest';
import { check, HAS_SHARED, newsPages, seed } from './helpers/run.js';

const LONG = (s: string): string => `${s} The announcement came after months of talks between the two governments, officials said on Tuesday.`;

describe('tortured-phrase packs', () => {
  it('flags the spun terms of the founding article with the established term as the fix', () => {
    const flags = check(seed('lukashenko-tianjin.txt'), 'tortured-phrase/').flags;
    const byText = new Map(flags.map((f) => [f.text, f.suggestion]));
    expect(byText.get('Facts Technology')).toBe('Information Technology');
    expect(byText.get('lasting energy')).toBe('sustainable energy');
    expect(flags.some((f) => f.text === 'expected to purposeful')).toBe(true);
    expect(flags.some((f) => /Belt and Road|Central Asian/.test(f.text))).toBe(false);
  });
  it('flags published fingerprints, honouring their AND condition', () => {
    const withContext = check(LONG('Unlike the deep learning systems bought last year, the profound learning model read all the scans.'), 'tortured-phrase/');
    expect(withContext.flags.map((f) => f.suggestion)).toContain('deep learning');
    const without = check(LONG('The profound learning curve of the new job surprised her at first, she said.'), 'tortured-phrase/');
    expect(without.flags).toEqual([]);
  });
  it('needs two different swapped terms before flagging generated swaps', () => {
    const one = check(LONG('The company invests in lasting energy projects across the region.'), 'tortured-phrase/synonym');
    expect(one.flags.filter((f) => f.category === 'tortured-phrase')).toEqual([]);
    const two = check(LONG('The company invests in lasting energy projects while curiosity rates keep rising.'), 'tortured-phrase/synonym');
    expect(two.flags.map((f) => f.text)).toEqual(['lasting energy', 'curiosity rates']);
    expect(two.flags[1]!.suggestion).toMatch(/^interest rates?$/);
  });
  it('flags an adjective where an infinitive needs its verb, not adverbs or prepositional "to"', () => {
    const bad = check(LONG('Both nations are expected to purposeful on the economic frameworks that govern trade.'), 'tortured-phrase/broken');
    expect(bad.flags.map((f) => f.text)).toEqual(['expected to purposeful']);
    const good = check(LONG('Both nations are expected to significantly expand trade, returning to normal levels due to unforeseen demand.'), 'tortured-phrase/broken');
    expect(good.flags).toEqual([]);
  });
});

describe.skipIf(!HAS_SHARED)('tortured phrases on real news', () => {
  it('never fires on the clean news bodies (budget 0.05 per 1,000 words)', () => {
    let flags = 0;
    let words = 0;
    const t0 = performance.now();
    const pages = newsPages();
    for (const p of pages) {
      words += p.body.split(/\s+/).length;
      flags += check(p.body, 'tortured-phrase/').flags.filter((f) => f.category === 'tortured-phrase').length;
    }
    expect((1000 * flags) / words).toBeLessThan(0.05);
    // Thousands of phrases, yet milliseconds per article including the text model (lazy compilation,
    // first-word index); compiling every phrase up front used to cost seconds.
    expect((performance.now() - t0) / pages.length).toBeLessThan(100);
  });
});
