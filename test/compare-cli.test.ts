import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeAlteredCopies, scoreReport } from '../scripts/altered-copies.mjs';
import { assertValidReport } from './helpers/report-schema.js';
import { cli, cliReport, HAS_SHARED, newsPages, SHARED } from './helpers/run.js';

const seeds = HAS_SHARED ? [join(SHARED, 'corpus', 'seeds', 'belarus-sco-membership.txt'), join(SHARED, 'corpus', 'seeds', 'lukashenko-tianjin.txt')] : [];
const dir = mkdtempSync(join(tmpdir(), 'credlint-compare-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!HAS_SHARED)('the built CLI compares articles', () => {
  it('credlint compare A B prints each pair with both sides located and quoted', () => {
    const r = cli(['compare', ...seeds, '--no-color']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('contradiction (status)');
    expect(r.stdout).toMatch(/A .*belarus-sco-membership\.txt:\d+:\d+ {2}".*membership is still pending/);
    expect(r.stdout).toMatch(/B .*lukashenko-tianjin\.txt:40:1 {2}"President Alexander Lukashenko/);
    expect(r.stdout).toContain('“membership is still pending” against “fellow member states”');
  });

  it('credlint compare --format json prints the same report object as check', () => {
    const r = cli(['compare', ...seeds, '--format', 'json']);
    const report = JSON.parse(r.stdout);
    assertValidReport(report);
    expect(report.articles).toHaveLength(2);
    expect(report.comparisons.some((c: { type: string; kind: string }) => c.type === 'contradiction' && c.kind === 'status')).toBe(true);
  });

  it('credlint compare refuses anything but two articles', () => {
    expect(cli(['compare', seeds[0]!]).status).toBe(2);
  });

  it('check compares by default and --no-compare skips it', () => {
    expect(cliReport(seeds).report.comparisons.length).toBeGreaterThan(0);
    expect(cliReport([...seeds, '--no-compare']).report.comparisons).toEqual([]);
  });

  it('a small altered-copies sample through check: changes found, nothing between unrelated articles, corroboration in stats', () => {
    const pages = newsPages();
    const { records, truth } = makeAlteredCopies(pages, { count: 9, seed: 3 });
    const originals = new Set(truth.map((t: { original: string }) => t.original));
    // The altered pairs plus 20 unrelated articles as distractors.
    const sample = records.filter((r: { id: string }, i: number) => originals.has(r.id) || r.id.endsWith('~altered') || i < 20);
    const file = join(dir, 'altered.jsonl');
    writeFileSync(file, sample.map((r: unknown) => JSON.stringify(r)).join('\n') + '\n');
    const { report } = cliReport([file, '-q']);
    const s = scoreReport(report, truth);
    expect(s.recall).toBeGreaterThanOrEqual(0.6);
    expect(s.falses.filter((f: { why: string }) => f.why === 'unrelated articles')).toEqual([]);
    for (const a of report.articles) expect(typeof a.stats.corroboratedClaims).toBe('number');
  });
});
