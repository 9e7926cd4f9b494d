import { describe, expect, it } from 'vitest';
import { compareBatch } from '../src/compare/compare.js';
import { buildFacts, type ArticleFacts } from '../src/facts/facts.js';
import { buildReport } from '../src/report/build-report.js';
import { renderText } from '../src/report/formats/text.js';
import { buildDoc } from '../src/text/doc.js';
import type { Comparison } from '../src/types.js';
import { assertValidReport } from './helpers/report-schema.js';
import { article, HAS_SHARED, newsPages } from './helpers/run.js';

const factsOf = (id: string, body: string, publishedAt: string | null = null): ArticleFacts => buildFacts(buildDoc(article(body, { id, source: id })), [], publishedAt);
const contradictions = (cs: Comparison[]): Comparison[] => cs.filter((c) => c.type === 'contradiction');

// A wire story of four paragraphs (written for this test), and rewrites of it.
const ORIGINAL = [
  'Ferry operators in the islands said on Monday that passenger numbers rose 5% last year, the third year of growth.',
  'The regional council approved a plan to build two new terminals at Port Ellis and Carrow by 2027. The plan will cost $1.2 billion, officials said.',
  'Council leader Maria Okonjo said the harbour would reopen on Oct. 3 after repairs to the breakwater. “We will not raise fares this winter,” Okonjo told reporters.',
  'Freight volumes fell slightly over the same period, with ferries carrying 30 to 50 percent of the islands’ goods.',
].join('\n\n');

function swap(body: string, from: string, to: string): string {
  expect(body).toContain(from);
  return body.replace(from, to);
}

function run(copyBody: string, bodies = true) {
  const a = factsOf('orig', ORIGINAL, '2024-01-01');
  const b = factsOf('copy', copyBody, '2024-01-05');
  const text = new Map([['orig', ORIGINAL], ['copy', copyBody]]);
  return compareBatch([b, a], { enabled: true }, bodies ? (id) => text.get(id) : undefined);
}

describe('aligned comparison of copies', () => {
  it('each kind of change is one contradiction on the changed sentence, with both spans', () => {
    const cases: Array<[string, string, string]> = [
      ['passenger numbers rose 5%', 'passenger numbers fell 5%', 'antonym'],
      ['approved a plan', 'rejected a plan', 'antonym'],
      ['30 to 50 percent', '80 percent', 'number'],
      ['on Oct. 3', 'on Oct. 9', 'date'],
      ['would reopen', 'would not reopen', 'negation'],
      ['Council leader Maria Okonjo said', 'Council leader Peter Lanham said', 'attribution'],
      ['at Port Ellis and Carrow', 'at Port Ellis and Dunmore', 'entity'],
    ];
    for (const [from, to, kind] of cases) {
      const copy = swap(ORIGINAL, from, to);
      const found = contradictions(run(copy).comparisons);
      expect(found.map((c) => c.kind), `${from} → ${to}`).toEqual([kind]);
      const c = found[0]!;
      const [o, k] = c.a.article === 'orig' ? [c.a, c.b] : [c.b, c.a];
      expect(ORIGINAL.slice(o.start, o.end)).toContain(from.split(' ')[0]);
      expect(copy.slice(k.start, k.end)).toContain(to.split(' ').at(-1));
      expect(k.text.length).toBeGreaterThan(0);
      expect(k.line).toBe(copy.slice(0, k.start).split('\n').length);
    }
  });

  it('paraphrases of the same facts are not contradictions', () => {
    let copy = swap(ORIGINAL, 'rose 5%', 'increased by five percent');
    copy = swap(copy, 'on Oct. 3', 'on 3 October');
    copy = swap(copy, '$1.2 billion', '1,200 million dollars');
    copy = swap(copy, 'Maria Okonjo said', 'Maria Okonja said'); // a transliteration
    const out = run(copy);
    expect(contradictions(out.comparisons)).toEqual([]);
    expect(out.clusters).toHaveLength(1);
    expect(out.clusters[0]!.copies[0]!.changes).toEqual([]);
  });

  it('a shorter rewrite in another order: found, the earliest version named, and what it carries summarised', () => {
    const paras = ORIGINAL.split('\n\n');
    const copy = [paras[2], swap(paras[0]!, 'rose', 'fell')].join('\n\n');
    const out = run(copy);
    expect(contradictions(out.comparisons).map((c) => c.kind)).toEqual(['antonym']);
    const [cluster] = out.clusters;
    expect(cluster!.original).toBe('orig');
    expect(cluster!.articles).toEqual(['orig', 'copy']);
    const cp = cluster!.copies[0]!;
    expect(cp.carriedFrom).toBe(1);
    expect(cp.carries).toBeLessThan(0.7);
    expect(cp.droppedSentences).toBe(3);
    expect(cp.changes.map((c) => [c.kind, c.a, c.b])).toEqual([['antonym', 'rose', 'fell']]);
    const report = buildReport([], out.comparisons, [], 1, out.clusters);
    assertValidReport(report);
    expect(renderText(report)).toMatch(/story-1: 2 versions, earliest "orig"[\s\S]*opposite word "rose" → "fell"/);
  });

  it('works from facts alone (as from shards): same findings, located by line, quoted where bodies are given', () => {
    const copy = swap(ORIGINAL, '30 to 50 percent', '80 percent');
    const shipped = [factsOf('copy', copy), factsOf('orig', ORIGINAL)].map((f) => JSON.parse(JSON.stringify(f)) as ArticleFacts);
    const bare = compareBatch(shipped, { enabled: true });
    const full = run(copy);
    const key = (cs: Comparison[]) => contradictions(cs).map((c) => [c.kind, c.a.start, c.b.start, c.a.line, c.b.line].join());
    expect(key(bare.comparisons)).toEqual(key(full.comparisons));
    const c = contradictions(bare.comparisons)[0]!;
    expect(c.a.text).toBe('');
    expect(c.message).toContain('80 percent');
    expect(c.message).toMatch(/line \d+/);
  });
});

describe.skipIf(!HAS_SHARED)('aligned comparison on real articles', () => {
  it('unchanged copies of real articles (reordered, shortened) raise no contradiction', () => {
    const pages = newsPages().slice(0, 40);
    const facts: ArticleFacts[] = [];
    for (const p of pages) {
      const paras = p.body.split(/\n+/).filter((x) => x.trim().length > 40);
      if (paras.length < 3) continue;
      facts.push(factsOf(p.id, p.body, '2024-01-01'), factsOf(`${p.id}~copy`, [paras[2], paras[0], paras[1]].join('\n\n'), '2024-02-01'));
    }
    const out = compareBatch(facts, { enabled: true });
    expect(contradictions(out.comparisons)).toEqual([]);
    expect(out.clusters.length).toBeGreaterThan(facts.length / 2 - 5);
    for (const cl of out.clusters) expect(cl.original.endsWith('~copy')).toBe(false);
  });
});

// A second story (written for this test): a timeline, a permission, a product's model number and a numbered list.
const SECOND = [
  'The city council voted on Tuesday to ban e-scooters from the old town before the summer season, officials said.',
  'Scooters are allowed on the river path for now, a spokesperson for the council told reporters.',
  'The operator said its Model 3 scooter would stay in service in the suburbs until the end of March.',
  'The council gave its reasons in a statement:',
  '1. Pedestrians have complained for months about scooters left across the pavements.',
  '2. Three riders were injured on the cobbled streets of the old town last year.',
].join('\n\n');

describe('aligned comparison: opposites beyond WordNet, figures in names, renumbered items', () => {
  const runSecond = (copy: string) => {
    const a = factsOf('orig', SECOND, '2024-01-01');
    const b = factsOf('copy', copy, '2024-01-05');
    const text = new Map([['orig', SECOND], ['copy', copy]]);
    return compareBatch([a, b], { enabled: true }, (id) => text.get(id));
  };
  it('each change is one contradiction on the changed sentence, both sides quoted with the changed words', () => {
    const cases: Array<[string, string, string, string, string]> = [
      // [from, to, kind, what the original says, what the copy says]
      ['before the summer', 'after the summer', 'antonym', 'before', 'after'],
      ['are allowed on', 'are banned on', 'antonym', 'allowed', 'banned'],
      ['Model 3 scooter', 'Model 5 scooter', 'number', '3', '5'],
      ['2. Three riders', '4. Three riders', 'number', '2', '4'],
    ];
    for (const [from, to, kind, was, is] of cases) {
      const copy = swap(SECOND, from, to);
      const out = runSecond(copy);
      const found = contradictions(out.comparisons);
      expect(found.map((c) => c.kind), `${from} → ${to}`).toEqual([kind]);
      const c = found[0]!;
      const [o, k] = c.a.article === 'orig' ? [c.a, c.b] : [c.b, c.a];
      expect(SECOND.slice(o.start, o.end), from).toContain(from);
      expect(copy.slice(k.start, k.end), to).toContain(to);
      expect(c.message).toContain(`(“${was}” → “${is}”)`);
      expect(out.clusters[0]!.copies[0]!.changes.map((x) => [x.kind, x.a, x.b])).toEqual([[kind, was, is]]);
    }
  });

  it('the same list and names restated are no change', () => {
    // Synonyms in the WordNet table and the curated pairs' own words in their places: nothing turned around.
    let copy = swap(SECOND, 'voted on Tuesday', 'decided on Tuesday');
    copy = swap(copy, 'told reporters', 'said');
    expect(contradictions(runSecond(copy).comparisons)).toEqual([]);
  });
});
