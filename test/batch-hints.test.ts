import { describe, expect, it } from 'vitest';
import { HintCollector } from '../src/engine/batch-hints.js';
import { article } from './helpers/run.js';

const FOOTER = '© 2024 Example News. All rights reserved.';
/** A word unique to n (line keys fold digits, so numbers would not make lines unique). */
const word = (n: number): string => {
  let s = '';
  do {
    s += String.fromCharCode(97 + (n % 26));
    n = Math.floor(n / 26);
  } while (n > 0);
  return s;
};

describe('template lines learned one article at a time', () => {
  it('keeps a footer that recurs across a source and forgets one-off lines, so counts stay bounded', () => {
    const c = new HintCollector();
    for (let i = 0; i < 10_000; i++) {
      const lines = [`Story ${word(i)} opens with its own words.`, `Its second line ${word(i * 7 + 3)} is also unique.`];
      if (i % 2 === 0) lines.push(FOOTER.replace('2024', String(2000 + (i % 20))));
      c.add(article(lines.join('\n'), { publisher: 'Example News' }));
    }
    const lines = (c as unknown as { perSource: Map<string, { lines: Map<string, unknown> }> }).perSource.get('example news')!.lines;
    // Without forgetting, 20,000 unique lines would be counted; with it, about the last window's worth.
    expect(lines.size).toBeLessThan(6000);
    const hints = c.finish()(article('x', { publisher: 'Example News' }));
    expect([...hints.templateLines]).toEqual(['© 0 example news. all rights reserved.']);
  });

  it('keeps sources apart: a line frequent in one source is not a template line of another', () => {
    const c = new HintCollector();
    for (let i = 0; i < 10; i++) {
      c.add(article(`Body ${word(i)}.\nSubscribe to the Daily Wire newsletter`, { url: 'https://www.dailywire.example/a' }));
      c.add(article(`Other ${word(i)}.\nSubscribe to the Daily Wire newsletter`, { url: `https://site${i}.example/a` }));
    }
    const hintsFor = c.finish();
    expect(hintsFor(article('', { url: 'https://dailywire.example/b' })).templateLines.size).toBe(1);
    expect(hintsFor(article('', { url: 'https://site3.example/b' })).templateLines.size).toBe(0);
  });
});
