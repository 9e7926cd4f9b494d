import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ArticleResult, Category } from '../src/types.js';
import { cli, cliReport, ROOT } from './helpers/run.js';

// The README's first command: `npx credlint check samples/`. Each sample shows a defect family.
describe('the samples folder, as the README runs it', () => {
  const { status, report } = cliReport(['samples/']);
  const byId = new Map(report.articles.map((a) => [a.id, a]));
  const categories = (a: ArticleResult | undefined): Set<Category> => new Set((a?.flags ?? []).map((f) => f.category));

  it('prints a valid report for every sample file, with no input errors', () => {
    expect(status).toBe(0);
    expect(report.errors).toEqual([]);
    const files = readdirSync(join(ROOT, 'samples'));
    for (const f of files) expect(report.articles.some((a) => a.source.startsWith(`samples/${f}`)), f).toBe(true);
  });

  it('passes the clean article without a single flag', () => {
    const clean = byId.get('samples/clean-council-budget.txt')!;
    expect(clean.flags).toEqual([]);
    expect(clean.verdict).toBe('pass');
  });

  it.each([
    ['samples/garbled-encoding.txt', ['encoding', 'spacing'], 'fail'],
    ['samples/scraped-harbour-page.txt', ['chrome', 'spacing'], 'review'],
    // 13 flags in 151 words: by density (scoring 1.1.0) a fail, where raw counts made it a review.
    ['samples/spun-renewables.md', ['tortured-phrase', 'boilerplate', 'repetition'], 'fail'],
    ['recycled-ferry-story', ['dates'], 'review'],
    ['samples/harbour-page.html', ['chrome'], 'pass'],
  ] as const)('%s shows %j (verdict %s)', (id, expected, verdict) => {
    const a = byId.get(id);
    for (const c of expected) expect(categories(a).has(c), `${id}: ${c}`).toBe(true);
    expect(a!.verdict).toBe(verdict);
  });

  it('finds the two wire stories that disagree on the number of ships, and not the unrelated one', () => {
    const contradictions = report.comparisons.filter((c) => c.type === 'contradiction');
    expect(contradictions.map((c) => [c.a.article, c.b.article, c.kind])).toEqual([['wire-a', 'wire-b', 'number']]);
    expect(report.comparisons.some((c) => c.a.article === 'wire-c' || c.b.article === 'wire-c')).toBe(false);
  });

  it('reads the HTML page: title, date and canonical URL from the markup, scripts and styles dropped', () => {
    const page = byId.get('samples/harbour-page.html')!;
    expect(page.publishedAt).toBe('2024-09-17');
    expect(page.url).toBe('https://riverton-post.example/2024/09/17/cranes-arrive');
    expect(page.flags.map((f) => f.text).join(' ')).not.toMatch(/analytics|font-family/);
  });

  it('--fail-on review turns the samples into a failing gate', () => {
    expect(cli(['check', 'samples/', '--fail-on', 'review', '--quiet']).status).toBe(1);
    expect(cli(['check', 'samples/clean-council-budget.txt', '--fail-on', 'review']).status).toBe(0);
  });
});
