import { describe, expect, it } from 'vitest';
import type { RuleExample } from '../src/detectors/detector.js';
import { checkArticle } from '../src/engine/check-article.js';
import { defaultConfig } from '../src/rules/config.js';
import { article, builtinRules } from './helpers/run.js';

// Every rule's documented examples are executed, as a rule tester does: a rule's docs and its behaviour
// cannot drift apart. An example may pin the flagged text, the suggestion and the message; a `pass`
// example the language filter skipped proves nothing, so it fails.
type Example = Exclude<RuleExample, string>;
const asObject = (e: RuleExample): Example => (typeof e === 'string' ? { text: e } : e);

describe.each(builtinRules().map((r) => [r.id, r] as const))('%s', (_id, rule) => {
  const run = (e: RuleExample) => {
    const ex = asObject(e);
    const { flags } = checkArticle(article(ex.text, { publishedAt: ex.publishedAt ?? null, publishedAtOrigin: ex.publishedAt ? 'record' : null }), [rule], defaultConfig()).result;
    const skipped = flags.some((f) => f.ruleId === 'language/rules-skipped' && f.message.includes(rule.id));
    return { flags: flags.filter((f) => f.ruleId === rule.id), skipped };
  };
  it.each((rule.examples?.flag ?? []).map((e) => [asObject(e).text.slice(0, 60), e] as const))('flags %j', (_t, e) => {
    const { flags, skipped } = run(e);
    expect(skipped, 'the language filter skipped the rule on its own example').toBe(false);
    expect(flags.length, 'expected at least one flag').toBeGreaterThan(0);
    const ex = asObject(e);
    const body = ex.text;
    let target = flags[0]!;
    if (ex.flagged) {
      expect(flags.map((f) => body.slice(f.start, f.end))).toContain(ex.flagged);
      target = flags.find((f) => body.slice(f.start, f.end) === ex.flagged)!;
    }
    if (ex.suggestion !== undefined) expect(target.suggestion).toBe(ex.suggestion);
    if (ex.message !== undefined) expect(target.message).toContain(ex.message);
  });
  it.each((rule.examples?.pass ?? []).map((e) => [asObject(e).text.slice(0, 60), e] as const))('passes %j', (_t, e) => {
    const { flags, skipped } = run(e);
    expect(skipped, 'the language filter skipped the rule, so this example proves nothing: write it in a language the rule runs on').toBe(false);
    expect(flags.map((f) => f.text)).toEqual([]);
  });
});
