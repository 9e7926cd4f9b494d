import { describe, expect, it } from 'vitest';
import type { RuleExample } from '../src/detectors/detector.js';
import { checkArticle } from '../src/engine/check-article.js';
import { defaultConfig } from '../src/rules/config.js';
import { article, builtinRules } from './helpers/run.js';

// Every rule's documented examples are executed: a rule's docs and its behaviour cannot drift apart.
const asObject = (e: RuleExample): { text: string; flagged?: string; publishedAt?: string } => (typeof e === 'string' ? { text: e } : e);

describe.each(builtinRules().map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  const run = (e: RuleExample) => {
    const ex = asObject(e);
    return checkArticle(article(ex.text, { publishedAt: ex.publishedAt ?? null, publishedAtOrigin: ex.publishedAt ? 'record' : null }), [rule], defaultConfig()).result.flags.filter((f) => f.ruleId === rule.id);
  };
  it.each((rule.examples?.flag ?? []).map((e) => [asObject(e).text.slice(0, 60), e] as const))('flags %j', (_t, e) => {
    const flags = run(e);
    expect(flags.length, 'expected at least one flag').toBeGreaterThan(0);
    const want = asObject(e).flagged;
    if (want) {
      const body = asObject(e).text;
      expect(flags.map((f) => body.slice(f.start, f.end))).toContain(want);
    }
  });
  it.each((rule.examples?.pass ?? []).map((e) => [asObject(e).text.slice(0, 60), e] as const))('passes %j', (_t, e) => {
    expect(run(e).map((f) => f.text)).toEqual([]);
  });
});
