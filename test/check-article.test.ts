import { describe, expect, it } from 'vitest';
import { checkArticle } from '../src/engine/check-article.js';
import { defaultConfig } from '../src/rules/config.js';
import { article, builtinRules } from './helpers/run.js';

describe('checkArticle', () => {
  it('skips rules written for other languages and says so in an info note instead of raising alarms', () => {
    const french = 'Le ministre a déclaré mardi que les négociations reprendraient la semaine prochaine , après une longue pause . Les syndicats ont salué cette annonce .';
    const r = checkArticle(article(french), builtinRules(), defaultConfig()).result;
    expect(r.language).toBe('fra');
    expect(r.skippedRules).toContain('spacing/space-before-punctuation');
    expect(r.flags.some((f) => f.ruleId === 'spacing/space-before-punctuation')).toBe(false);
    const note = r.flags.find((f) => f.ruleId === 'language/rules-skipped')!;
    expect(note.severity).toBe('info');
    expect(note.message).toMatch(/"fra".*spacing\/space-before-punctuation/);
  });

  it('runs the same rule on English text', () => {
    const english = 'The minister said on Tuesday that the talks would resume next week , after a long pause . The unions welcomed the news .';
    const r = checkArticle(article(english), builtinRules(), defaultConfig()).result;
    expect(r.flags.filter((f) => f.ruleId === 'spacing/space-before-punctuation')).toHaveLength(3);
  });

  it('is deterministic and does not modify the article', () => {
    const a = article('Prices rose in Tianjin,China on Monday.The market closed early.');
    const frozen = JSON.stringify(a);
    const one = checkArticle(a, builtinRules(), defaultConfig());
    const two = checkArticle(a, builtinRules(), defaultConfig());
    expect(JSON.stringify(a)).toBe(frozen);
    expect(two).toEqual(one);
  });

  it('orders flags by position and fills line, column and the exact text', () => {
    const body = 'First line.\nPrices rose in Tianjin,China.The market closed.';
    const r = checkArticle(article(body), builtinRules(), defaultConfig()).result;
    expect(r.flags.filter((f) => f.category === 'spacing').map((f) => [f.line, f.column, f.text])).toEqual([[2, 23, ','], [2, 29, '.']]);
    expect(r.flags.map((f) => f.start)).toEqual([...r.flags.map((f) => f.start)].sort((a, b) => a - b));
    for (const f of r.flags) expect(body.slice(f.start, f.end)).toBe(f.text);
  });
});
