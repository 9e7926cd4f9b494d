// The CLI's inlining budget for batches (src/cli/batch-compiler-flags.ts): set once, never over a user's own choice
// of the same V8 flag, and not for a one-article run.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tuneCompilerForBatch, userSet } from '../src/cli/batch-compiler-flags.js';
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
