import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import { cliReport, HAS_SHARED, SHARED } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

// The scoring defaults against the shared data, through the CLI as the evaluation scripts run it:
// clean professional bodies pass, the founding articles get the verdicts their expected.json names.
describe.skipIf(!HAS_SHARED)('scoring calibration on the shared corpora (skipped without ../shared)', () => {
  const t = tempDir();
  const run = (set: string): Report => {
    const pages = readFileSync(join(SHARED, 'corpus', set, 'pages.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; body: string; url?: string });
    const file = t.put(`${set}.jsonl`, pages.map((p) => JSON.stringify({ id: p.id, body: p.body, ...(p.url ? { url: p.url } : {}) })).join('\n') + '\n');
    return cliReport([file, '-j', '1', '--no-compare']).report;
  };
  const passRate = (r: Report): number => r.summary.verdicts.pass / r.summary.articles;

  it('at least 95% of the 181 clean news bodies pass', () => {
    const r = run('news-pages');
    expect(r.summary.articles).toBe(181);
    expect(passRate(r)).toBeGreaterThanOrEqual(0.95);
  });
  it('at least 95% of the 99 clean blog bodies pass', () => {
    const r = run('blog-pages');
    expect(r.summary.articles).toBe(99);
    expect(passRate(r)).toBeGreaterThanOrEqual(0.95);
  });
  it('the founding articles get their expected verdicts', () => {
    const dir = join(SHARED, 'corpus', 'seeds');
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')).articles as Record<string, { verdict: string[] }>;
    const { report } = cliReport(Object.keys(expected).map((f) => join(dir, f)));
    for (const a of report.articles) {
      const name = a.source.split(/[\\/]/).pop()!;
      expect(expected[name]!.verdict, name).toContain(a.verdict);
    }
  });
});
