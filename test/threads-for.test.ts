// How many checking threads a batch gets: -j is a maximum, and each thread beyond the first needs 2,000 articles
// of its own (a new isolate compiles the hot code again); the CLI checks and compares a batch of under 300
// articles on its main thread. The CLI opens its pool early from the file's size and resizes it once the articles
// are counted; the report depends on none of it.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { batchThreads } from '../src/cli/check-command.js';
import { articlesPerThread, threadsFor } from '../src/engine/check-batch.js';
import { CLI, ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/tmp.js';

const PRELOAD = join(ROOT, 'scripts', 'thread-cpu.mjs');
const onLinux = existsSync('/proc/self/task');
const twoCores = availableParallelism() >= 2;
const masked = (s: string): string => s.replace(/"durationMs": ?\d+/g, '"durationMs":0');

describe('threadsFor', () => {
  it('gives none under 16 articles (one when forced), one up to 3,999, then one per 2,000, never more than -j', () => {
    expect(threadsFor(15, 2, false, 2000)).toBe(0);
    expect(threadsFor(15, 2, true, 2000)).toBe(1);
    expect(threadsFor(16, 2, false, 2000)).toBe(1);
    expect(threadsFor(1000, 2, false, 2000)).toBe(1);
    expect(threadsFor(3999, 2, false, 2000)).toBe(1);
    expect(threadsFor(4000, 2, false, 2000)).toBe(2);
    expect(threadsFor(100_000, 2, false, 2000)).toBe(2);
    expect(threadsFor(6000, 8, false, 2000)).toBe(3);
    expect(threadsFor(100_000, 1, false, 2000)).toBe(1);
    // A stream of unknown length gets -j.
    expect(threadsFor(undefined, 2, false, 2000)).toBe(2);
  });

  it("takes the caller's figure for a batch checked on the calling thread, or the per-thread figure when that is lower", () => {
    // The CLI's figure (check-command.ts): a batch under 300 articles is checked on the main thread.
    expect(threadsFor(299, 2, false, 2000, 300)).toBe(0);
    expect(threadsFor(300, 2, false, 2000, 300)).toBe(1);
    expect(threadsFor(2, 2, true, 2000, 300)).toBe(1);
    // CREDLINT_ARTICLES_PER_THREAD=16 (tests): threads from 16 articles whatever the caller's figure.
    expect(threadsFor(40, 2, false, 16, 300)).toBe(2);
    expect(threadsFor(15, 2, false, 16, 300)).toBe(0);
    expect(threadsFor(undefined, 2, false, 2000, 300)).toBe(2);
  });

  it("puts a batch whose rules run user patterns on a thread at any size: only there can the hard guard stop one", () => {
    // A polynomial user pattern passes the load-time check and can run far past the budget inside one call.
    for (const n of [1, 2, 15]) expect(batchThreads(n, 2, false, true)).toBe(1);
    expect(batchThreads(2, 1, false, true)).toBe(1);
    expect(batchThreads(2, 2, true, false)).toBe(1);
    expect(batchThreads(2, 2, false, false)).toBe(0);
  });

  it('reads the figure from CREDLINT_ARTICLES_PER_THREAD when it is a whole number of at least 1', () => {
    expect(articlesPerThread({})).toBe(2000);
    expect(articlesPerThread({ CREDLINT_ARTICLES_PER_THREAD: '16' })).toBe(16);
    for (const bad of ['0', '-3', '2.5', 'many', '']) expect(articlesPerThread({ CREDLINT_ARTICLES_PER_THREAD: bad })).toBe(2000);
  });
});

describe('the CLI sizes its checking threads by the batch', () => {
  const t = tempDir();
  const bodies = ['clean-council-budget.txt', 'scraped-harbour-page.txt', 'spun-renewables.md', 'garbled-encoding.txt'].map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));
  /** A JSONL batch of `n` articles from the samples, each body cut or repeated to about `chars` characters. */
  const batch = (name: string, n: number, chars: number): string => {
    const lines = Array.from({ length: n }, (_, i) => {
      const b = bodies[i % bodies.length]!;
      const body = (b.repeat(Math.ceil(chars / b.length)).slice(0, chars) + ` Story ${i}.`).trim();
      return JSON.stringify({ id: `a${i}`, url: `https://example.org/${i % 3}/story-${i}`, body });
    });
    return t.put(name, lines.join('\n') + '\n');
  };
  /** The checking and comparison threads' counts and the report of one run with the thread-CPU preload. */
  const run = (file: string, perThread: string | undefined, extra: string[] = ['--format', 'jsonl']) => {
    const env = { ...process.env };
    delete env.CREDLINT_ARTICLES_PER_THREAD;
    if (perThread !== undefined) env.CREDLINT_ARTICLES_PER_THREAD = perThread;
    const r = spawnSync(process.execPath, ['--import', PRELOAD, CLI, 'check', file, ...extra, '-j', '2', '--quiet'], { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 1 << 27 });
    const line = /bench-thread-cpu (\{.*\})/.exec(r.stderr);
    expect(line, r.stderr).not.toBeNull();
    const threads = JSON.parse(line![1]!) as { checking: number[]; comparison: number[] };
    return { status: r.status, stdout: masked(r.stdout), checking: threads.checking.length, comparison: threads.comparison.length };
  };

  it.skipIf(!onLinux || !twoCores)('checks and compares 40 articles on the main thread by default, on two threads when each thread needs only 16', () => {
    const file = batch('small.jsonl', 40, 1500);
    const main = run(file, undefined);
    const two = run(file, '16');
    expect([main.checking, main.comparison]).toEqual([0, 0]);
    expect([two.checking, two.comparison]).toEqual([2, 1]);
    // The batch is made of copies of four samples: the comparison has pairs to report, and reports the same.
    expect(main.stdout).toMatch(/"type":"comparison"/);
    expect(two.status).toBe(main.status);
    expect(two.stdout).toBe(main.stdout);
  });

  it.skipIf(!onLinux || !twoCores)('checks a small batch on a thread when --article-timeout asks for the hard guard, with the same report', () => {
    const file = batch('guarded.jsonl', 40, 1500);
    const main = run(file, undefined, ['--format', 'json']);
    const guarded = run(file, undefined, ['--format', 'json', '--article-timeout', '10']);
    expect([main.checking, main.comparison]).toEqual([0, 0]);
    expect([guarded.checking, guarded.comparison]).toEqual([1, 1]);
    expect(guarded.stdout).toBe(main.stdout);
  });

  it.skipIf(!onLinux || !twoCores)('keeps a small batch on a thread when a user pack brings patterns (the hard guard), not when it brings phrases only', () => {
    const file = batch('user-rules.jsonl', 40, 1500);
    const rule = (type: string, options: object) => ({ id: 'spacing/harbour', category: 'spacing', severity: 'info', message: 'm', description: 'd', type, options, examples: { flag: [{ text: 'The Harbour Board met.', flagged: 'Harbour' }], pass: ['The board met.'] } });
    t.put('patterns/user.json', JSON.stringify({ name: 'user', rules: [rule('pattern', { pattern: '[Hh]arbou?r' })] }));
    t.put('phrases/user.json', JSON.stringify({ name: 'user', rules: [rule('phrase', { phrases: [{ phrase: 'harbour' }] })] }));
    const patterns = run(file, undefined, ['--format', 'jsonl', '--rules', join(t.dir, 'patterns')]);
    const phrases = run(file, undefined, ['--format', 'jsonl', '--rules', join(t.dir, 'phrases')]);
    for (const r of [patterns, phrases]) expect(r.stdout).toMatch(/"ruleId":"spacing\/harbour"/);
    expect(patterns.checking).toBe(1);
    expect(phrases.checking).toBe(0);
  });

  it.skipIf(!onLinux || !twoCores)('grows the early pool when the counted articles are worth more threads than the file size said', () => {
    // 300 KB of short articles: estimated at 75 articles (one thread at 64 per thread), counted 300 (two).
    const file = batch('short.jsonl', 300, 900);
    // At least 256,000 bytes: the CLI opens its pool before the first pass (and sizes it by the estimate).
    expect(statSync(file).size).toBeGreaterThanOrEqual(256_000);
    expect(statSync(file).size).toBeLessThan(64 * 2 * 4000);
    const grown = run(file, '64');
    expect(grown.checking).toBe(2);
    expect(grown.stdout).toBe(run(file, undefined).stdout);
  });

  it.skipIf(!onLinux || !twoCores)('shrinks the early pool when the counted articles are worth fewer threads than the file size said', () => {
    // 280 KB of long articles: estimated at 70 articles (two threads at 16 per thread), counted 20 (one).
    const file = batch('long.jsonl', 20, 14_000);
    expect(statSync(file).size).toBeGreaterThanOrEqual(2 * 16 * 4000);
    // The surplus thread is terminated before it checks anything (CheckPool.resize, test/worker-pool.test.ts):
    // the run ends normally with the one-thread report.
    const shrunk = run(file, '16');
    expect(shrunk.status).not.toBeNull();
    expect(shrunk.stdout).toBe(run(file, '100000').stdout);
  });
});
