import { describe, expect, it } from 'vitest';
import { compareBatch, compareFacts } from '../src/compare/compare.js';
import { buildFacts, type ArticleFacts } from '../src/facts/facts.js';
import { buildDoc } from '../src/text/doc.js';
import type { Comparison } from '../src/types.js';
// The altered-copies generator is the same one the evaluation script runs.
import { makeAlteredCopies, scoreReport, splitSentences } from '../scripts/altered-copies.mjs';
import { article, HAS_SHARED, newsPages, seed, type Page } from './helpers/run.js';

// Facts are pure functions of (id, body): computed once per text for the whole file.
const cache = new Map<string, ArticleFacts>();
const factsOf = (id: string, body: string): ArticleFacts => {
  const key = `${id}\u0000${body}`;
  let f = cache.get(key);
  if (!f) cache.set(key, (f = buildFacts(buildDoc(article(body, { id, source: id })), [], null)));
  return f;
};
const between = (cs: Comparison[], a: string, b: string): Comparison[] => cs.filter((c) => (c.a.article === a && c.b.article === b) || (c.a.article === b && c.b.article === a));
const contradictions = (cs: Comparison[]): Comparison[] => cs.filter((c) => c.type === 'contradiction');

/** A real article with one sentence replaced, and the sentence's offsets in both. */
function alterSentence(body: string, find: RegExp, replace: string): { copy: string; span: [number, number] } {
  const s = splitSentences(body).find((x: { text: string }) => find.test(x.text))!;
  const changed = s.text.replace(find, replace);
  expect(changed).not.toBe(s.text);
  return { copy: body.slice(0, s.start) + changed + body.slice(s.end), span: [s.start, s.end] };
}

describe.skipIf(!HAS_SHARED)('comparison on real articles', () => {
  const pages = HAS_SHARED ? newsPages() : [];
  const byId = new Map(pages.map((p: Page) => [p.id, p]));
  const wework = byId.get('06e5123e4ef7cfb4')!; // "...charge WeWork almost $6 million to use his trademark..."

  it('a copy with one figure changed: a number contradiction on exactly that sentence, quoting both', () => {
    const { copy, span } = alterSentence(wework.body, /almost \$6 million/, 'almost $9 million');
    const cs = compareFacts([factsOf('orig', wework.body), factsOf('copy', copy)], { enabled: true });
    const found = contradictions(cs);
    expect(found).toHaveLength(1);
    expect(found[0]!.kind).toBe('number');
    for (const side of [found[0]!.a, found[0]!.b]) expect(side.start < span[1] && side.end > span[0]).toBe(true);
    expect(found[0]!.message).toContain('$6 million');
    expect(found[0]!.message).toContain('$9 million');
    // The rest is the same text: the pair is also reported as a near-duplicate.
    expect(cs.some((c) => c.type === 'near-duplicate')).toBe(true);
  });

  it('a negated sentence and a changed date are found, with their kinds', () => {
    // Sentences that name someone (a capitalised word after the first) and say what they did not do / when.
    const NEG = /\b(was|did|is|has) not\b/;
    const DATE = /\b(January|February|March|April|June|July|August|September|October|November|December) (\d{1,2}), (20\d\d)\b/;
    const named = (re: RegExp) => (t: string): boolean => re.test(t) && /\s[A-Z][a-z]+/.test(t.replace(re, '')) && t.split(' ').length >= 12;
    for (const [re, replace, kind] of [
      [NEG, '$1', 'negation'],
      [DATE, '$1 28, $3', 'date'],
    ] as const) {
      const page = pages.find((p) => splitSentences(p.body).some((x: { text: string }) => named(re)(x.text)))!;
      const target = splitSentences(page.body).find((x: { text: string }) => named(re)(x.text))!;
      const copy = page.body.slice(0, target.start) + target.text.replace(re, replace) + page.body.slice(target.end);
      const found = contradictions(compareFacts([factsOf('orig', page.body), factsOf('copy', copy)], { enabled: true }));
      expect(found.map((c) => c.kind), target.text).toEqual([kind]);
      expect(found[0]!.b.start < target.end + 5 && found[0]!.b.end > target.start).toBe(true);
    }
  });

  it('a different place in the same role is an entity contradiction; a rounded figure is not a contradiction', () => {
    const page = pages.find((p) => p.body.includes('Medicaid expansion in Louisiana'))!;
    const moved = alterSentence(page.body, /expansion in Louisiana/, 'expansion in Mississippi');
    const found = contradictions(compareFacts([factsOf('orig', page.body), factsOf('copy', moved.copy)], { enabled: true }));
    expect(found.map((c) => c.kind)).toEqual(['entity']);
    expect(found[0]!.message).toMatch(/louisiana.*mississippi/i);
    const rounded = alterSentence(wework.body, /\$6\.5 billion/, '$6.48 billion');
    expect(contradictions(compareFacts([factsOf('orig', wework.body), factsOf('copy', rounded.copy)], { enabled: true }))).toEqual([]);
  });

  it('an unchanged copy is a near-duplicate with no contradiction, and copies do not corroborate each other', () => {
    const shorter = splitSentences(wework.body).filter((_: unknown, i: number) => i % 4 !== 3).map((s: { text: string }) => s.text).join(' ');
    const out = compareBatch([factsOf('orig', wework.body), factsOf('copy', shorter)], { enabled: true });
    expect(contradictions(out.comparisons)).toEqual([]);
    const dup = out.comparisons.find((c) => c.type === 'near-duplicate')!;
    expect(dup.similarity).toBeGreaterThan(0.5);
    expect(out.corroboration.get('orig')!.corroboratedClaims).toBe(0);
  });

  it('181 unrelated clean articles in one batch: no contradictions, and related stories linked', () => {
    const out = compareBatch(pages.map((p) => factsOf(p.id, p.body)), { enabled: true });
    expect(contradictions(out.comparisons)).toEqual([]);
    expect(out.comparisons.filter((c) => c.type === 'near-duplicate')).toEqual([]);
    // The corpus holds several reports of one story (two on the WeWork inquiry): they corroborate each other.
    expect(between(out.comparisons, '06e5123e4ef7cfb4', '1ace8c85aaee21b9').length).toBeGreaterThan(0);
    expect(out.corroboration.get('06e5123e4ef7cfb4')!.corroboratingArticles).toBeGreaterThan(0);
    // Linear work: scored pairs stay a small multiple of the batch, far from the 16,290 article pairs.
    expect(out.stats.articlePairsScored).toBeLessThan(pages.length * 4);
  });

  it('the two founding articles: related, and disagreeing on Belarus’s membership status', () => {
    const a = factsOf('belarus', seed('belarus-sco-membership.txt'));
    const b = factsOf('tianjin', seed('lukashenko-tianjin.txt'));
    const cs = compareFacts([a, b], { enabled: true });
    const status = cs.find((c) => c.type === 'contradiction' && c.kind === 'status')!;
    expect(status).toBeDefined();
    const [sa, sb] = status.a.article === 'belarus' ? [status.a, status.b] : [status.b, status.a];
    expect(seed('belarus-sco-membership.txt').slice(sa.start, sa.end)).toContain('membership is still pending');
    expect(seed('lukashenko-tianjin.txt').slice(sb.start, sb.end)).toContain('fellow member states');
  });

  it('two articles about different events with different dates are not a contradiction', () => {
    const one = factsOf('one', 'The Senate approved the budget bill on March 3, 2019, after a long debate led by Senator Mitch McConnell.');
    const two = factsOf('two', 'Senator Mitch McConnell announced on March 9, 2019 that he would retire from politics at the end of his term.');
    expect(contradictions(compareFacts([one, two], { enabled: true }))).toEqual([]);
  });

  it('altered copies of 30 real articles among all 181: most changes found, none between unrelated articles', () => {
    const { records, truth } = makeAlteredCopies(pages, { count: 30, seed: 11 });
    const out = compareBatch(records.map((r: { id: string; body: string }) => factsOf(r.id, r.body)), { enabled: true });
    const s = scoreReport({ comparisons: out.comparisons }, truth);
    expect(s.recall).toBeGreaterThanOrEqual(0.7);
    expect(s.falses.filter((f: { why: string }) => f.why === 'unrelated articles')).toEqual([]);
    expect(s.falses.length).toBeLessThanOrEqual(2);
  });
});
