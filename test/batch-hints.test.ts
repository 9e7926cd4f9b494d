import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HintCollector } from '../src/engine/batch-hints.js';
import { isSpaceCode, LINE_KEY_MAX, lineKey } from '../src/text/line-key.js';
import { article, ROOT } from './helpers/run.js';

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

  it('counts a line once per article however often the article repeats it, also after lines were forgotten', () => {
    const c = new HintCollector();
    // 30% of 10 articles is 3: a line three times in each of two articles is in two, not template.
    for (let i = 0; i < 10; i++) c.add(article(i < 2 ? 'Share this story\nBody.\nShare this story\nShare  this story' : `Body ${word(i)}.`, { publisher: 'P' }));
    expect(c.finish()(article('x', { publisher: 'P' })).templateLines.size).toBe(0);
    const d = new HintCollector();
    // Past a forgetting (every 2,000 articles), a line new in one article is counted once there too.
    for (let i = 0; i < 4001; i++) d.add(article(i >= 3000 && i % 2 === 0 ? `Read more\nBody ${word(i)}.\nRead more` : `Body ${word(i)}.`, { publisher: 'P' }));
    const lines = (d as unknown as { perSource: Map<string, { lines: Map<string, number[]> }> }).perSource.get('p')!.lines;
    expect(lines.get('read more')![0]).toBe(501);
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

/** The computation the collector's line scanning and lineKey's fast path stand for: every line split out, trimmed and folded by the two patterns. */
const referenceKey = (line: string): string => {
  const t = line.trim();
  return t.length === 0 || t.length > LINE_KEY_MAX ? '' : t.toLowerCase().replace(/\d+/g, '0').replace(/\s+/g, ' ');
};
function referenceTemplates(bodies: Array<{ body: string; publisher: string }>): Map<string, string[]> {
  const counts = new Map<string, Map<string, number>>();
  for (const { body, publisher } of bodies) {
    const seen = new Set<string>();
    let m = counts.get(publisher.toLowerCase());
    if (!m) counts.set(publisher.toLowerCase(), (m = new Map()));
    for (const line of body.split(/\r\n|\r|\n/)) {
      const k = referenceKey(line);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      m.set(k, (m.get(k) ?? 0) + 1);
    }
  }
  const out = new Map<string, string[]>();
  for (const [p, m] of counts) {
    const articles = bodies.filter((b) => b.publisher.toLowerCase() === p).length;
    const min = Math.max(3, Math.ceil(0.3 * articles));
    out.set(p, [...m].filter(([, n]) => n >= min).map(([k]) => k).sort());
  }
  return out;
}

/** Text made of the characters line keys care about: digits, every kind of white space, case, long runs. */
function generatedBody(rand: () => number): string {
  const pieces = ['a', 'B', 'É', 'ß', 'İ', '7', '42', ' ', '  ', '\t', '\u00a0', '\u2003', '\u3000', '\ufeff', '\v', '\f', '\n', '\n', '\n\n', '\r\n', '\r', 'Footer © 2024', 'x'.repeat(199), 'y'.repeat(201), ' '.repeat(3) + 'z'.repeat(205)];
  let s = '';
  const n = Math.floor(rand() * 40);
  for (let i = 0; i < n; i++) s += pieces[Math.floor(rand() * pieces.length)];
  return s;
}

describe('template lines: the fast paths give what splitting and folding every line gives', () => {
  it('lineKey equals the two-pattern fold on generated lines', () => {
    let x = 7;
    const rand = (): number => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let i = 0; i < 20_000; i++) {
      const line = generatedBody(rand).replace(/[\r\n]/g, ' ');
      expect(lineKey(line)).toBe(referenceKey(line));
    }
  });

  it('isSpaceCode is \\s for every UTF-16 code unit', () => {
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) expect(c).toBe(-1);
  });

  it('the collector keeps the same template lines as the reference, generated and real bodies', () => {
    let x = 11;
    const rand = (): number => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const real = ['clean-council-budget.txt', 'scraped-harbour-page.txt', 'spun-renewables.md', 'garbled-encoding.txt'].map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));
    // A pool of lines each body draws from, so lines recur often enough to be template, joined by every kind of line break.
    const edges = ['k'.repeat(185), 'k'.repeat(200), 'k'.repeat(201), ` ${'w'.repeat(199)} `, `\t${'v'.repeat(200)}`, `${'u'.repeat(200)}\u3000`, `\u00a0${'t'.repeat(201)}`];
    const pool = [...edges, ...Array.from({ length: 40 }, () => generatedBody(rand))];
    const breaks = ['\n', '\n', '\n\n', '\r\n', '\r'];
    const bodies: Array<{ body: string; publisher: string }> = [];
    for (let i = 0; i < 1800; i++) {
      let body = i % 7 === 0 ? real[i % real.length]! : '';
      for (const line of pool) if (rand() < 0.5) body += line + breaks[Math.floor(rand() * breaks.length)]!;
      bodies.push({ body: i % 3 === 0 ? body.replace(/\r\n?/g, '\n') : body, publisher: `Source ${i % 4}` });
    }
    const c = new HintCollector();
    for (const b of bodies) c.add(article(b.body, { publisher: b.publisher }));
    const hintsFor = c.finish();
    const expected = referenceTemplates(bodies);
    let nonEmpty = 0;
    for (const [p, lines] of expected) {
      nonEmpty += lines.length;
      expect([...hintsFor(article('', { publisher: p })).templateLines].sort()).toEqual(lines);
    }
    expect(nonEmpty).toBeGreaterThan(20);
  });
});
