// The CLI's V8 settings for batches (src/cli/batch-v8-flags.ts): the inlining budget, set once, never over a user's own choice
// of the same V8 flag, and not for a one-article run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tuneCompilerForBatch, userSet } from '../src/cli/batch-v8-flags.js';
import { CLI, ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/tmp.js';

describe('tuneCompilerForBatch', () => {
  it('leaves the flag to a user who set it on the command line or in NODE_OPTIONS, and sets it once', () => {
    expect(userSet(['--max-inlined-bytecode-size-cumulative=400'], undefined)).toBe(true);
    expect(userSet([], '--max-old-space-size=4096 --max_inlined_bytecode_size_cumulative=300')).toBe(true);
    expect(userSet(['--max-old-space-size=4096'], '--no-warnings')).toBe(false);
    expect(tuneCompilerForBatch(['--max-inlined-bytecode-size-cumulative=400'], undefined)).toBe(false);
    expect(tuneCompilerForBatch([], '--max-old-space-size=4096')).toBe(true);
    expect(tuneCompilerForBatch([], undefined)).toBe(false);
  });

  it('gives the same report for a batch with the budget as without it', () => {
    const t = tempDir();
    const bodies = ['clean-council-budget.txt', 'scraped-harbour-page.txt', 'spun-renewables.md', 'garbled-encoding.txt'].map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));
    const file = t.put('b.jsonl', Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `a${i}`, body: bodies[i % 4] + ` Story ${i}.` })).join('\n') + '\n');
    const run = (nodeArgs: string[]) => spawnSync(process.execPath, [...nodeArgs, CLI, 'check', file, '--format', 'jsonl', '--quiet'], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const tuned = run([]);
    // The user's own choice (V8's default) wins: the run without the budget.
    const plain = run(['--max-inlined-bytecode-size-cumulative=920']);
    const masked = (s: string): string => s.replace(/"durationMs":\d+/g, '"durationMs":0');
    expect(tuned.status).toBe(plain.status);
    expect(masked(tuned.stdout)).toBe(masked(plain.stdout));
  });
});

describe('a larger initial heap for the comparison thread alone', () => {
  // Child processes on the built modules: V8 flags are process-wide, and the comparison thread exists only in dist.
  const dist = (path: string): string => JSON.stringify(join(ROOT, 'dist', path));

  it('gives the next thread a heap that grows to 150 MB with fewer full collections, and the threads after V8\'s own', () => {
    const t = tempDir();
    // A thread that keeps 150 MB of small arrays alive, as the comparison thread keeps its facts, and counts its own
    // full (major) collections.
    const keep = t.put('keep.cjs', `
      const { parentPort } = require('node:worker_threads');
      const { PerformanceObserver, constants } = require('node:perf_hooks');
      let majors = 0;
      new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majors++; }).observe({ entryTypes: ['gc'] });
      const kept = [];
      for (let i = 0; i < 150 * 1024; i++) kept.push(new Array(120).fill(i));
      setTimeout(() => parentPort.postMessage(majors), 50);
    `);
    const main = t.put('main.mjs', `
      import { Worker } from 'node:worker_threads';
      const { largerHeapForNextThread } = await import(${dist('cli/batch-v8-flags.js')});
      const run = (before) => new Promise((done) => {
        const after = before();
        const w = new Worker(${JSON.stringify(keep)});
        w.once('online', after);
        w.once('message', (m) => w.terminate().then(() => done(m)));
      });
      const userArgs = process.argv[2] === 'user' ? ['--initial-old-space-size=0'] : [];
      const larger = await run(() => largerHeapForNextThread(userArgs, undefined));
      const next = await run(() => () => {});
      console.log(JSON.stringify({ larger, next }));
    `);
    const majors = (mode: string): { larger: number; next: number } => {
      const r = spawnSync(process.execPath, [main, mode], { cwd: ROOT, encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return JSON.parse(r.stdout) as { larger: number; next: number };
    };
    const ours = majors('ours');
    expect(ours.next).toBeGreaterThan(0);
    expect(ours.larger).toBeLessThan(ours.next);
    // A user who set the flag keeps V8's sizing for every thread: full collections as it grows (how many varies
    // with the machine's load by one or so).
    const theirs = majors('user');
    expect(theirs.larger).toBeGreaterThan(0);
    expect(theirs.next).toBeGreaterThan(0);
  });

  it('the comparison calls aroundThreadStart once before its thread starts and its end once the thread runs', () => {
    const script = `
      const { createChecker } = await import(${dist('index.js')});
      const { BatchComparison } = await import(${dist('engine/batch-comparison.js')});
      const checker = createChecker();
      const events = [];
      const comparison = new BatchComparison({
        options: checker.config.compare,
        aroundThreadStart: () => { events.push('before'); return () => events.push('running'); },
      });
      const body = (await import('node:fs')).readFileSync(${JSON.stringify(join(ROOT, 'samples', 'clean-council-budget.txt'))}, 'utf8');
      // A copy with its last sentence changed: the comparison finds the pair.
      for (const [i, text] of [body, body.replace(/[^.]+\.\s*$/, ' The vote is in May.'), 'A different story about the harbour.'].entries()) {
        const out = checker.check({ id: 'a' + i, source: 'a' + i, title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body: text });
        comparison.add({ facts: out.facts, length: text.length, body: text });
      }
      let found = 0;
      const outcome = await comparison.finish((chunk) => { found += Array.isArray(chunk) ? chunk.length : 1; });
      await comparison.close();
      console.log(JSON.stringify({ events, comparisons: found + outcome.comparisons.length, error: outcome.error }));
    `;
    // A file, not `--input-type=module -e`: the threads inherit node's options, and that one is refused there.
    const file = tempDir().put('compare.mjs', script);
    const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const { events, comparisons, error } = JSON.parse(r.stdout) as { events: string[]; comparisons: number; error?: string };
    expect(error).toBeUndefined();
    expect(events).toEqual(['before', 'running']);
    expect(comparisons).toBeGreaterThan(0);
  });
});
