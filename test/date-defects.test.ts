import { describe, expect, it } from 'vitest';
import { checkArticle } from '../src/engine/check-article.js';
import { defaultConfig } from '../src/rules/config.js';
// The generator is plain JavaScript shared with scripts/measure-date-defects.mjs.
// @ts-expect-error no type declarations for the .mjs generator
import { injectDateDefect, KINDS, score } from '../scripts/date-defects/inject.mjs';
import { article, builtinRules, HAS_SHARED, newsPages } from './helpers/run.js';

interface Case {
  id: string;
  body: string;
  publishedAt?: string;
  span: { start: number; end: number };
  kind: string;
}

describe.skipIf(!HAS_SHARED)('injected date defects on a sample of clean bodies', () => {
  const pages = newsPages().filter((_, i) => i % 9 === 0);
  const cases: Case[] = pages.flatMap((p, i) => (KINDS as string[]).map((k, j) => injectDateDefect(p, k, 7 + i * 7 + j) as Case | null)).filter((c): c is Case => c !== null);
  const rules = builtinRules().filter((r) => r.category === 'dates');
  const flags = new Map(
    cases.map((c) => [c.id, checkArticle(article(c.body, { id: c.id, publishedAt: c.publishedAt ?? null, publishedAtOrigin: c.publishedAt ? 'record' : null }), rules, defaultConfig()).result.flags]),
  );

  it('the generator puts each defect at the span it reports', () => {
    for (const c of cases) expect(c.body.slice(c.span.start, c.span.end)).toMatch(/\d|^[A-Z][a-z]+$/);
    expect(new Set(cases.map((c) => c.kind))).toEqual(new Set(KINDS));
  });
  it('finds nearly every defect at its span, with few other flags', () => {
    const s = score(cases, flags);
    expect(s.recall).toBeGreaterThanOrEqual(0.9);
    expect(s.precision).toBeGreaterThanOrEqual(0.8);
  });
  it('the same bodies without defects get no dates flags', () => {
    for (const p of pages) expect(checkArticle(article(p.body), rules, defaultConfig()).result.flags.filter((f) => f.category === 'dates')).toEqual([]);
  });
});
