// The bench's CPU-by-thread preload (scripts/thread-cpu.mjs): on a real two-thread run it tells the checking
// threads and the comparison thread from the main thread and V8's own helper threads, and it changes nothing in
// the report. Figures themselves belong to `npm run bench`, not here.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/tmp.js';

const PRELOAD = join(ROOT, 'scripts', 'thread-cpu.mjs');
const onLinux = existsSync('/proc/self/task');
const masked = (s: string): string => s.replace(/"durationMs":\d+/g, '"durationMs":0');

describe('scripts/thread-cpu.mjs', () => {
  const t = tempDir();

  it.skipIf(!onLinux)('names each checking thread and the comparison thread of a -j 2 run, and leaves the report as it is', () => {
    // Enough articles for two checking threads (16 per thread at least), from the repository's own samples.
    const bodies = ['clean-council-budget.txt', 'scraped-harbour-page.txt', 'spun-renewables.md', 'garbled-encoding.txt'].map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));
    const lines = Array.from({ length: 40 }, (_, i) => JSON.stringify({ id: `a${i}`, url: `https://example.org/${i % 3}/story-${i}`, body: bodies[i % bodies.length] }));
    const batch = t.put('batch.jsonl', lines.join('\n') + '\n');
    const args = ['check', batch, '--format', 'jsonl', '-j', '2', '--quiet'];
    const measured = spawnSync(process.execPath, ['--import', PRELOAD, CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    const plain = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(measured.status).toBe(plain.status);
    expect(masked(measured.stdout)).toBe(masked(plain.stdout));
    const line = /bench-thread-cpu (\{.*\})/.exec(measured.stderr);
    expect(line, measured.stderr).not.toBeNull();
    const threads = JSON.parse(line![1]!) as { main: number; checking: number[]; comparison: number[]; other: number[]; helpers: number };
    // -j is capped at the cores: one checking thread on a one-core machine.
    expect(threads.checking).toHaveLength(Math.min(2, availableParallelism()));
    expect(threads.comparison).toHaveLength(1);
    expect(threads.other).toEqual([]);
    for (const ms of [threads.main, ...threads.checking, ...threads.comparison, threads.helpers]) expect(ms).toBeGreaterThanOrEqual(0);
    // The main thread loads the rules and reads the batch: it cannot have used no CPU at all.
    expect(threads.main).toBeGreaterThan(0);
    expect(measured.stderr).toMatch(new RegExp(`bench-main-thread-cpu-ms ${threads.main}\\n`));
  });
});
