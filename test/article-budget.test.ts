// The time budget on the calling thread (a batch under 16 articles, the library's one-thread stream): no
// thread to terminate, so the engine checks the clock between rules and analyses and stops the article
// there. Runs the built code with the test-only fault detector (as the workers and the CLI do).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ArticleOverBudget, checkArticle } from '../dist/engine/check-article.js';
import { checkEachCompact, errorsOf } from '../dist/engine/check-batch.js';
import { defaultConfig } from '../dist/rules/config.js';
import { loadRules } from '../dist/rules/load-rules.js';
import { article, ROOT } from './helpers/run.js';

await import(join(ROOT, 'test', 'fixtures', 'faults', 'fault-detectors.mjs'));

const config = defaultConfig();
const rules = loadRules(config);
const story = 'The council approved the new budget on Tuesday. The vote was close, with five members against.\n\nThe mayor said the plan would be reviewed next year.';
// The first article on a thread warms up the rules (patterns, the date parser): not what these tests time.
const warm = (): void => void checkArticle(article(story), rules, config);

describe('the time budget on the calling thread', () => {
  it('stops an article at the first check after its budget, naming the rule it was in and the budget', () => {
    warm();
    const slow = article(`${story}\nCREDLINT-TEST-SLOW-400`, { id: 'slow' });
    let thrown: unknown;
    try {
      checkArticle(slow, rules, config, null, { ms: 150 });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(ArticleOverBudget);
    expect(thrown).toMatchObject({ ruleId: 'attribution/vague-attribution', budgetMs: 150, message: 'checking took longer than 0.15 s (the time budget per article); stopped in rule attribution/vague-attribution' });
    // Within its budget the same article is checked in full, as without one.
    expect(checkArticle(slow, rules, config, null, { ms: 10_000 }).result).toEqual(checkArticle(slow, rules, config).result);
  });

  it('a batch checked here: the slow article is an error with its rule, the others are checked', async () => {
    warm();
    const batch = [article(story, { id: 'one' }), article(`${story}\nCREDLINT-TEST-SLOW-400`, { id: 'slow' }), article(story, { id: 'three' })];
    const seen: Array<{ id: string; ok: boolean; errors: unknown[] }> = [];
    for await (const { article: a, checked } of checkEachCompact(batch, () => null, { rules, config }, 0, { articleTimeoutMs: 150 })) {
      seen.push({ id: a.id, ok: 'output' in checked, errors: errorsOf(a, checked) });
    }
    expect(seen.map((s) => [s.id, s.ok])).toEqual([['one', true], ['slow', false], ['three', true]]);
    expect(seen[1]!.errors).toEqual([{ source: 'test', article: 'slow', ruleId: 'attribution/vague-attribution', message: expect.stringMatching(/^could not be checked: checking took longer than 0\.15 s .*stopped in rule attribution\/vague-attribution$/) }]);
  });
});
