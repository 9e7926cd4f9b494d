// What a library caller hands over is someone else's data: bad values are normalised or refused the way the CLI
// and the service treat a record, never a crash, and every report still validates. Runs the built package
// (dist/), since checkBatch and checkStream start worker threads from it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, createChecker, normalizeArticle, toArticle, type Report, type StreamResult } from '../dist/index.js';
import { assertValidReport } from './helpers/report-schema.js';
import { tempDir } from './helpers/tmp.js';

const story = 'The council met on Tuesday and approved the budget. The vote was close, officials said.';

describe('library input normalisation', () => {
  const checker = createChecker({ configFile: null });

  it('normalises what a record would have normalised, with a warning for each value dropped', () => {
    const cases: Array<[Record<string, unknown>, Record<string, unknown>, RegExp | null]> = [
      [{ publishedAt: 1e20 }, { publishedAt: null, publishedAtOrigin: null }, /"publishedAt" 100000000000000000000 is not a date/],
      [{ publishedAt: '+033658-09-01' }, { publishedAt: null }, /"publishedAt" "\+033658-09-01" is not a date/],
      [{ publishedAt: '2024-02-30' }, { publishedAt: null }, /not a date/],
      [{ publishedAt: 1_700_000_000 }, { publishedAt: '2023-11-14', publishedAtOrigin: 'record' }, null],
      [{ id: '' }, { id: 'article-3', source: 'article-3' }, /"id" "" is not a usable id; the article is called article-3/],
      [{ id: 42 }, { id: '42' }, null],
      [{ id: { a: 1 } }, { id: 'article-3' }, /is not a usable id/],
      [{ title: 7, url: ['x'], publisher: false }, { title: null, url: null, publisher: null }, /"title" must be a string, found number/],
      [{ format: 'pdf' }, { format: 'txt' }, /"format" "pdf" is not one of/],
      [{ comments: [{ offset: 9999, text: 'x' }] }, {}, /"comments" must be an array/],
    ];
    for (const [fields, expected, warning] of cases) {
      const r = normalizeArticle({ body: story, ...fields }, 2);
      expect('article' in r).toBe(true);
      if (!('article' in r)) continue;
      expect(r.article).toMatchObject(expected);
      if (fields.comments) expect(r.article.comments).toBeUndefined();
      if (warning) expect(r.warnings).toEqual(expect.arrayContaining([expect.stringMatching(warning)]));
      else expect(r.warnings).toEqual([]);
    }
  });

  it('refuses what cannot be checked with the reason; check() throws a TypeError naming it', () => {
    for (const [input, reason] of [
      [{ id: 'n', body: 42 }, /"body" must be a string, found number/],
      [{ body: '   ' }, /"body" is empty/],
      [null, /expected an article object, found null/],
      ['text', /expected an article object, found string/],
    ] as const) {
      const r = normalizeArticle(input, 0);
      expect(r).toEqual({ problem: expect.stringMatching(reason), id: expect.any(String) });
      expect(() => checker.check(input as never)).toThrow(TypeError);
      expect(() => checker.check(input as never)).toThrow(reason);
    }
    expect(() => toArticle({ id: 'n', body: 42 } as never)).toThrow(/article n cannot be checked: "body" must be a string/);
  });

  it('checkBatch: bad values become report errors, the other articles are checked and compared, the report validates', async () => {
    const inputs = [
      { id: 'a', body: story, publishedAt: 1e20 },
      { id: '', body: `${story} A second paragraph follows.`, publishedAt: '+033658-09-01' },
      { id: 7, body: story, title: 3 },
      { id: 'bad', body: 42 },
      { id: 'a', body: `${story} Another copy.` },
    ];
    const report: Report = await checker.checkBatch(inputs as never);
    assertValidReport(report);
    expect(report.articles.map((a) => a.id)).toEqual(['a', 'article-2', '7', 'a#2']);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        { source: 'bad', article: 'bad', message: 'could not be checked: "body" must be a string, found number' },
        expect.objectContaining({ article: 'a', message: expect.stringMatching(/publishedAt.*not a date/) }),
        expect.objectContaining({ article: 'article-2', message: expect.stringMatching(/not a usable id/) }),
        expect.objectContaining({ article: '7', message: expect.stringMatching(/"title" must be a string/) }),
      ]),
    );
    expect(report.comparisons.length).toBeGreaterThan(0);
  });

  it('checkStream: an input that cannot be checked comes out in its place, as an error', async () => {
    const inputs = [{ id: 'one', body: story }, { id: 'two', body: null }, { id: 'three', body: story, publishedAt: 1e20 }, 5];
    const out: StreamResult[] = [];
    for await (const r of checker.checkStream(inputs as never)) out.push(r);
    expect(out.map((r) => [r.article.id, 'output' in r])).toEqual([
      ['one', true],
      ['two', false],
      ['three', true],
      ['article-4', false],
    ]);
    expect(out[1]).toMatchObject({ error: '"body" must be a string, found null' });
    expect(out[2]!.errors).toEqual([expect.objectContaining({ article: 'three', message: expect.stringMatching(/not a date/) })]);
  });
});

describe('library configuration', () => {
  it('takes a configuration object as a .credlintrc.json holds it, filled in from the defaults', () => {
    const withDefaults = createChecker({ configFile: null });
    const someRule = withDefaults.rules.find((r) => r.enabled)!.id;
    const c = createChecker({ config: { rules: { [someRule]: 'off' } } });
    expect(c.rules.find((r) => r.id === someRule)!.enabled).toBe(false);
    expect(c.config.scoring).toEqual(withDefaults.config.scoring);
    expect(c.check({ body: story }).result.verdict).toBeTypeOf('string');
  });

  it('refuses an invalid configuration object with a ConfigError naming the JSON pointer', () => {
    expect(() => createChecker({ config: { scoring: { pass: 'high' } } as never })).toThrow(ConfigError);
    expect(() => createChecker({ config: { scoring: { pass: 'high' } } as never })).toThrow(/\/scoring\/pass/);
    expect(() => createChecker({ config: { scoring: { pass: 10, fail: 50 } } })).toThrow(/"fail" \(50\) must not be above "pass" \(10\)/);
  });
});

describe('library time budget with user patterns', () => {
  const t = tempDir();
  it('checkBatch stops an article stuck in a polynomial user pattern at the budget, even in a small batch with jobs 1', async () => {
    // `\s*` four times over a long run of spaces that is not followed by the literal: O(n^4) backtracking,
    // which the load-time check (exponential only) lets through. Before, this batch ran on the calling thread forever.
    const packs = join(t.dir, 'packs');
    mkdirSync(packs, { recursive: true });
    writeFileSync(
      join(packs, 'slow.json'),
      JSON.stringify({
        name: 'slow',
        rules: [{ id: 'spacing/slow-user', category: 'spacing', severity: 'info', message: 'm', description: 'd', type: 'pattern', options: { pattern: '\\s*\\s*\\s*\\s*x' }, examples: { flag: ['  x'], pass: [] } }],
      }),
    );
    const slow = createChecker({ configFile: null, rulesDirs: [packs], articleTimeoutMs: 1000 });
    const report = await slow.checkBatch([
      { id: 'ok', body: story },
      { id: 'stuck', body: `${story}${' '.repeat(3000)}y. Then x.` },
    ]);
    assertValidReport(report);
    expect(report.articles.map((a) => a.id)).toEqual(['ok']);
    expect(report.errors).toEqual([expect.objectContaining({ article: 'stuck', message: expect.stringMatching(/longer than 1 s/) })]);
    const streamed: StreamResult[] = [];
    for await (const r of slow.checkStream([{ id: 'stuck', body: `${story}${' '.repeat(3000)}y. Then x.` }])) streamed.push(r);
    expect(streamed).toEqual([expect.objectContaining({ error: expect.stringMatching(/longer than 1 s/) })]);
  }, 60_000);
});

describe('library arguments', () => {
  const checker = createChecker({ configFile: null });

  it('compare names a malformed facts record (from another shard or process) instead of failing deep in the joins', () => {
    const good = checker.check({ id: 'a', body: story }).facts;
    expect(checker.compare([good, { ...good, article: 'b' }]).comparisons.length).toBeGreaterThan(0);
    expect(() => checker.compare([good, { article: 'x' } as never])).toThrow(/^credlint: compare: facts\[1\] \(x\): "language" is not a string$/);
    expect(() => checker.compare(null as never)).toThrow(TypeError);
  });

  it('rulesDirs must be a list (a string was read character by character, "/" among the folders)', () => {
    expect(() => createChecker({ configFile: null, rulesDirs: '/tmp' as never })).toThrow(/rulesDirs must be an array of folder paths/);
  });

  it('checkBatch rejects input errors that are not { source, message } (the report would not validate)', async () => {
    await expect(checker.checkBatch([{ body: story }], [{ bogus: true } as never])).rejects.toThrow(/inputErrors must be an array of \{ source, message \}/);
    const report = await checker.checkBatch([{ body: story }], [{ source: 'feed', message: 'one record was dropped upstream' }]);
    assertValidReport(report);
    expect(report.errors).toEqual([{ source: 'feed', message: 'one record was dropped upstream' }]);
  });
});
