// The batch comparison runs on its own thread with a capped heap, fed as results arrive. What must hold:
// its results are those of the serial comparison over the same facts, and its failure (out of memory,
// an exception) costs one error entry, never the per-article report.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareBatch } from '../src/compare/compare.js';
import { CompareSession } from '../src/compare/session.js';
import type { ArticleFacts } from '../src/facts/facts.js';
import { reportFromJsonl } from '../src/report/formats/jsonl.js';
import type { Report } from '../src/types.js';
import { assertValidReport } from './helpers/report-schema.js';
import { CLI, HAS_SHARED, newsPages, ROOT } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

const tmp = tempDir();

const WIRE = join(ROOT, 'samples', 'wire-batch.jsonl');

function run(args: string[], env: Record<string, string> = {}, input = ''): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args], { cwd: ROOT, input, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 28 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function comparisonErrors(report: Report): Report['errors'] {
  return report.errors.filter((e) => e.source === 'comparison');
}

describe('a comparison that fails', () => {
  const whole = run([WIRE, '--format', 'json', '-q']);
  const baseline = JSON.parse(whole.stdout) as Report;

  it('out of memory (heap capped for the test): the report is complete and valid, with one error naming the cap, exit 2', () => {
    for (const format of ['json', 'jsonl']) {
      const r = run([WIRE, '--format', format, '-q', '--compare-memory', '32'], { CREDLINT_TEST_COMPARE_FAULT: 'oom' });
      const report = format === 'json' ? (JSON.parse(r.stdout) as Report) : reportFromJsonl(r.stdout);
      assertValidReport(report);
      expect(r.status).toBe(2);
      expect(report.articles.map((a) => a.id)).toEqual(baseline.articles.map((a) => a.id));
      expect(report.articles.map((a) => a.flags.length)).toEqual(baseline.articles.map((a) => a.flags.length));
      expect(report.comparisons).toEqual([]);
      const errors = comparisonErrors(report);
      expect(errors).toHaveLength(1);
      expect(errors[0]!.message).toMatch(/ran out of memory .*capped at 32 MB/);
    }
  });

  it('an exception in the comparison: the report is complete and valid, with the error, exit 2', () => {
    const r = run([WIRE, '--format', 'json', '-q'], { CREDLINT_TEST_COMPARE_FAULT: 'throw' });
    const report = JSON.parse(r.stdout) as Report;
    assertValidReport(report);
    expect(r.status).toBe(2);
    expect(report.articles).toHaveLength(baseline.articles.length);
    expect(comparisonErrors(report).map((e) => e.message)).toEqual([expect.stringMatching(/^the cross-document comparison failed; per-article results are complete: it threw: test fault/)]);
  });

  it('a comparison thread that is gone without a word (no error, no exit event): the report is still written, with the error', () => {
    const r = run([WIRE, '--format', 'jsonl', '-q'], { CREDLINT_TEST_COMPARE_FAULT: 'silent' });
    const report = reportFromJsonl(r.stdout);
    assertValidReport(report);
    expect(r.status).toBe(2);
    expect(report.articles).toHaveLength(baseline.articles.length);
    expect(comparisonErrors(report).map((e) => e.message)).toEqual([expect.stringMatching(/stopped without a word, most likely out of memory .*capped at 1536 MB/)]);
  });

  it('a heap cap that is not a number of MB is a usage error', () => {
    const r = run([WIRE, '--compare-memory', 'lots']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--compare-memory lots: expected a whole number of MB/);
  });
});

describe.skipIf(!HAS_SHARED)('the comparison thread gives what the serial comparison gives', () => {
  const pages = HAS_SHARED ? newsPages() : [];
  const file = join(tmp.dir, 'news.jsonl');
  const factsFile = join(tmp.dir, 'news-facts.jsonl');
  if (HAS_SHARED) writeFileSync(file, pages.map((p) => JSON.stringify({ id: p.id, body: p.body })).join('\n') + '\n');
  let fromFile: Report | null = null;

  it('on the 181 news bodies: the same comparisons, clusters and corroboration, quoted from the bodies', () => {
    const r = run([file, '--format', 'json', '-q', '-j', '2', '--emit-facts', factsFile]);
    const report = JSON.parse(r.stdout) as Report;
    fromFile = report;
    assertValidReport(report);
    expect(comparisonErrors(report)).toEqual([]);
    const facts = readFileSync(factsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { facts: ArticleFacts }).facts);
    const bodies = new Map(pages.map((p) => [p.id, p.body]));
    const serial = compareBatch(facts, { enabled: true }, (id) => bodies.get(id));
    expect(serial.comparisons.length).toBeGreaterThan(50);
    expect(JSON.stringify(report.comparisons)).toBe(JSON.stringify(serial.comparisons.map((c) => ({ ...c }))));
    expect(report.clusters ?? []).toEqual(serial.clusters);
    for (const a of report.articles) expect(a.stats.corroboratedClaims).toBe(serial.corroboration.get(a.id)!.corroboratedClaims);
  });

  it('from standard input (bodies cannot be read again): quoted the same in --format json', () => {
    fromFile ??= JSON.parse(run([file, '--format', 'json', '-q', '-j', '2']).stdout) as Report;
    const fromStdin = JSON.parse(run(['-', '--format', 'json', '-q', '-j', '2'], {}, readFileSync(file, 'utf8')).stdout) as Report;
    expect(fromStdin.comparisons.map((c) => c.message)).toEqual(fromFile!.comparisons.map((c) => c.message));
    expect(fromStdin.comparisons.map((c) => c.a.text)).toEqual(fromFile!.comparisons.map((c) => c.a.text));
  });

  it('a session fed one article at a time equals compareBatch over the whole batch', () => {
    const facts = readFileSync(factsFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => (JSON.parse(l) as { facts: ArticleFacts }).facts);
    const session = new CompareSession({ enabled: true });
    for (const f of facts) session.add(structuredClone(f));
    const incremental = session.finish();
    const whole = compareBatch(facts, { enabled: true });
    expect(incremental.comparisons).toEqual(whole.comparisons);
    expect(incremental.clusters).toEqual(whole.clusters);
    expect([...incremental.corroboration]).toEqual([...whole.corroboration]);
  });
});
