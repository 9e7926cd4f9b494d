// The pool runs the built code (dist/), as the CLI and the service do: worker threads load compiled files.
import { afterAll, describe, expect, it } from 'vitest';
import { ArticleTimeoutError, CheckPool, QueueFullError, WorkerCrashError } from '../dist/engine/worker-pool.js';
import { checkArticle } from '../src/engine/check-article.js';
import { defaultConfig } from '../src/rules/config.js';
import { article, builtinRules, ROOT } from './helpers/run.js';
import { join } from 'node:path';

const setup = { configFile: null, extraRuleDirs: [], preload: [join(ROOT, 'test', 'fixtures', 'faults', 'fault-detectors.mjs')] };
const story = 'The council approved the new budget on Tuesday.The vote was close , with five members against.\n\nThe mayor said the plan would be reviewed next year.';

describe('CheckPool', () => {
  const pool = new CheckPool({ size: 2, setup });
  afterAll(() => pool.close());

  it('gives the same output as checking on this thread, with template lines sent once per source', async () => {
    const a = article(story, { id: 'a' });
    const hints = { templateLines: new Set(['the mayor said the plan would be reviewed next year.']) };
    const [x, y] = await Promise.all([pool.check(a, hints), pool.check({ ...a, id: 'b' }, hints)]);
    const here = checkArticle(a, builtinRules(), defaultConfig(), hints);
    expect(x.result).toEqual(here.result);
    expect(y.result.flags).toEqual(here.result.flags);
  });

  it('resizes: new workers check at once, surplus idle ones are terminated', async () => {
    const grown = new CheckPool({ size: 1, setup });
    try {
      grown.resize(2);
      expect(grown.size).toBe(2);
      const outs = await Promise.all(['r1', 'r2', 'r3'].map((id) => grown.check(article(story, { id }))));
      expect(outs.map((o) => o.result.id)).toEqual(['r1', 'r2', 'r3']);
      grown.resize(1);
      expect(grown.size).toBe(1);
      expect((grown as unknown as { slots: unknown[] }).slots).toHaveLength(1);
      expect((await grown.check(article(story, { id: 'after' }))).result.id).toBe('after');
      expect(() => grown.resize(0)).toThrow(RangeError);
    } finally {
      await grown.close();
    }
  });

  it('stops an article over its budget, replaces the worker and goes on', async () => {
    const spin = pool.check(article(`${story}\nCREDLINT-TEST-SPIN`, { id: 'spin' }), null, { timeoutMs: 300 });
    const fine = pool.check(article(story, { id: 'fine' }));
    await expect(spin).rejects.toBeInstanceOf(ArticleTimeoutError);
    expect((await fine).result.id).toBe('fine');
    expect((await pool.check(article(story, { id: 'after' }))).result.id).toBe('after');
  });

  it('a worker stops an article past its budget itself, naming the rule, and is not replaced', async () => {
    const threads = [...(pool as unknown as { slots: Array<{ worker: unknown }> }).slots.map((s) => s.worker)];
    const slow = pool.check(article(`${story}\nCREDLINT-TEST-SLOW-1000`, { id: 'slow' }), null, { timeoutMs: 400 });
    await expect(slow).rejects.toMatchObject({ constructor: ArticleTimeoutError, ruleId: 'attribution/vague-attribution', message: expect.stringMatching(/longer than 0\.4 s.*stopped in rule attribution\/vague-attribution/) });
    expect((await pool.check(article(story, { id: 'next' }))).result.id).toBe('next');
    expect((pool as unknown as { slots: Array<{ worker: unknown }> }).slots.map((s) => s.worker)).toEqual(threads);
  });

  it('turns a worker that dies into that article\'s error; the others are checked', async () => {
    const outcomes = await Promise.allSettled([1, 2, 3, 4, 5].map((i) => pool.check(article(i === 3 ? `${story}\nCREDLINT-TEST-CRASH` : story, { id: `n${i}` }))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(WorkerCrashError);
    expect(pool.pending).toBe(0);
  });

  it('a worker out of memory is replaced and its article an error', async () => {
    const small = new CheckPool({ size: 1, setup, resourceLimits: { maxOldGenerationSizeMb: 96 } });
    try {
      const oom = small.check(article(`${story}\nCREDLINT-TEST-OOM`, { id: 'oom' }));
      const next = small.check(article(story, { id: 'next' }));
      await expect(oom).rejects.toBeInstanceOf(WorkerCrashError);
      expect((await next).result.id).toBe('next');
    } finally {
      await small.close();
    }
  }, 60_000);

  it('keeps one failing rule to that rule: the article keeps every other flag', async () => {
    const out = await pool.check(article(`${story}\nCREDLINT-TEST-THROW`, { id: 't' }));
    expect(out.ruleErrors).toEqual([{ ruleId: expect.stringMatching(/short/), message: 'test detector exploded' }]);
    expect(out.result.flags.some((f) => f.category === 'spacing')).toBe(true);
  });

  it('refuses work beyond a bounded queue', async () => {
    const small = new CheckPool({ size: 1, setup, maxQueue: 1 });
    try {
      const first = small.check(article(story, { id: '1' }));
      const second = small.check(article(story, { id: '2' }));
      await expect(small.check(article(story, { id: '3' }))).rejects.toBeInstanceOf(QueueFullError);
      await Promise.all([first, second]);
    } finally {
      await small.close();
    }
  });
});

describe('CheckPool with two articles per worker', () => {
  it('an article waiting behind one that overruns or kills its worker is checked, not lost', async () => {
    const pool = new CheckPool({ size: 1, setup, perWorker: 2 });
    try {
      const spin = pool.check(article(`${story}\nCREDLINT-TEST-SPIN`, { id: 'spin' }), null, { timeoutMs: 300 });
      const behindSpin = pool.checkCompact(article(story, { id: 'behind-spin' }));
      await expect(spin).rejects.toBeInstanceOf(ArticleTimeoutError);
      expect((await behindSpin).id).toBe('behind-spin');
      const outcomes = await Promise.allSettled(['c1', 'crash', 'c2', 'c3'].map((id) => pool.check(article(id === 'crash' ? `${story}\nCREDLINT-TEST-CRASH` : story, { id }))));
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WorkerCrashError);
      expect(pool.pending).toBe(0);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('the compact answer is the same result, serialised once', async () => {
    const pool = new CheckPool({ size: 1, setup, perWorker: 2 });
    try {
      const a = article(story, { id: 'same' });
      const [full, compact] = await Promise.all([pool.check(a), pool.checkCompact(a)]);
      expect(JSON.parse(compact.resultJson)).toEqual(JSON.parse(JSON.stringify(full.result)));
      expect(compact.facts).toEqual(full.facts);
      expect(compact.verdict).toBe(full.result.verdict);
      // A batch that neither compares nor writes facts does not have them built: the same result.
      const bare = await pool.checkCompact(a, null, { facts: false });
      expect(bare.facts).toBeUndefined();
      expect(bare.resultJson).toBe(compact.resultJson);
    } finally {
      await pool.close();
    }
  });
});
