import { describe, expect, it } from 'vitest';
import { createProgress } from '../src/cli/progress.js';

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
