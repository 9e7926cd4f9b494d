import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/cli/progress.js';
import { CLI } from './helpers/paths.js';
import { tempDir } from './helpers/tmp.js';

const fakeStream = (isTTY: boolean) => {
  const writes: string[] = [];
  return { writes, stream: { isTTY, write: (s: string) => (writes.push(s), true) } as unknown as NodeJS.WriteStream };
};

describe('progress line', () => {
  it('on a terminal: done of total, rate and time left, redrawn in place, ended with a newline', () => {
    const { writes, stream } = fakeStream(true);
    const p = createProgress(10, true, stream);
    for (let i = 1; i <= 10; i++) p.tick(i);
    p.end();
    expect(writes[0]).toMatch(/^\rchecked 1\/10 · [\d.]+ articles\/s · \d+s left\x1b\[K$/);
    expect(writes.at(-2)).toMatch(/^\rchecked 10\/10 · [\d.]+ articles\/s\x1b\[K$/);
    expect(writes.at(-1)).toBe('\n');
  });

  it('without a known total: done and rate only', () => {
    const { writes, stream } = fakeStream(true);
    createProgress(undefined, true, stream).tick(3);
    expect(writes[0]).toMatch(/^\rchecked 3 · /);
    expect(writes[0]).not.toMatch(/left/);
  });

  it('nothing when standard error is not a terminal, or with --quiet', () => {
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const { writes, stream } = fakeStream(tty);
      const p = createProgress(5, enabled, stream);
      p.tick(5);
      p.end();
      expect(writes).toEqual([]);
    }
  });
});

describe('progress line after the last article', () => {
  it('says the run is comparing, on the same line, keeping the count and rate; then ends the line', () => {
    const { writes, stream } = fakeStream(true);
    const p = createProgress(10, true, stream);
    for (let i = 1; i <= 9; i++) p.tick(i); // one input error: 9 of 10 checked
    p.stage('comparing…');
    p.end();
    expect(writes.at(-2)).toMatch(/^\rchecked 9\/10 · [\d.]+ articles\/s · comparing…\x1b\[K$/);
    expect(writes.at(-1)).toBe('\n');
  });

  it('draws no stage on a run that showed no line', () => {
    for (const [tty, enabled] of [[false, true], [true, false]] as const) {
      const { writes, stream } = fakeStream(tty);
      const p = createProgress(5, enabled, stream);
      p.stage('comparing…');
      p.end();
      expect(writes).toEqual([]);
    }
    const { writes, stream } = fakeStream(true);
    const p = createProgress(5, true, stream);
    p.stage('comparing…');
    p.end();
    expect(writes).toEqual([]);
  });
});

// The CLI itself, with standard error on a terminal (util-linux `script` gives the run a pseudo-terminal).
const SCRIPT = ['/usr/bin/script', '/bin/script'].find((p) => existsSync(p));
describe.skipIf(!SCRIPT)('progress line of the CLI on a terminal', () => {
  const tmp = tempDir();
  it('counts the articles, then says it is comparing, then ends its line; the report on --out is unchanged', () => {
    const dir = tmp.dir;
    const records = Array.from({ length: 30 }, (_, i) => JSON.stringify({ id: `a${i}`, body: `Story ${i}. The council approved a budget of ${i + 40} million dollars on Tuesday, officials said. The vote was nine to four.` }));
    writeFileSync(join(dir, 'batch.jsonl'), `${records.join('\n')}\n`);
    const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check ${JSON.stringify(join(dir, 'batch.jsonl'))} --out ${JSON.stringify(join(dir, 'tty.json'))}`;
    const r = spawnSync(SCRIPT!, ['-qec', cmd, '/dev/null'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\r').map((l) => l.replace(/\x1b\[K/g, '').trim()).filter(Boolean);
    expect(lines.some((l) => /^checked 30\/30 · [\d.]+ articles\/s$/.test(l))).toBe(true);
    expect(lines.at(-1)).toMatch(/^checked 30\/30 · [\d.]+ articles\/s · comparing…$/);
    const quiet = spawnSync(process.execPath, [CLI, 'check', join(dir, 'batch.jsonl'), '--out', join(dir, 'plain.json')], { encoding: 'utf8' });
    expect(quiet.stderr).toBe('');
    const masked = (f: string): string => readFileSync(join(dir, f), 'utf8').replace(/"durationMs": \d+/, '');
    expect(masked('tty.json')).toBe(masked('plain.json'));
  });
});
