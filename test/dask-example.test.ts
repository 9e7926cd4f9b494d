// examples/dask on a local Dask cluster gives the report one local run gives. Needs Debian's python3-distributed.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Report } from '../src/types.js';
import { jsonl, relatedBatch } from './helpers/corpus.js';
import { CLI, ROOT } from './helpers/paths.js';
import { assertValidReport } from './helpers/report-schema.js';
import { tempDir } from './helpers/tmp.js';

const PYTHON = '/usr/bin/python3';
const hasDask = spawnSync(PYTHON, ['-c', 'import distributed'], { stdio: 'ignore' }).status === 0;
if (!hasDask) console.warn('dask example test skipped: python3-distributed is not installed (apt install python3-distributed)');
const t = tempDir();

describe.skipIf(!hasDask)('examples/dask', () => {
  it('maps shards through credlint on a local cluster and compares the gathered facts: the same report as one run', () => {
    const input = t.put('archive.jsonl', jsonl(relatedBatch()));
    const out = join(t.dir, 'report.json');
    const job = spawnSync(PYTHON, [join(ROOT, 'examples', 'dask', 'credlint_dask.py'), '--input', input, '--shards', '4', '--workers', '2', '--credlint', CLI, '--out', out], { cwd: ROOT, encoding: 'utf8', timeout: 400_000 });
    expect(job.status, job.stderr.slice(-2000)).toBe(0);
    const local = spawnSync(process.execPath, [CLI, 'check', input, '--format', 'json'], { cwd: ROOT, encoding: 'utf8' });
    const a = JSON.parse(local.stdout) as Report;
    const b = JSON.parse(readFileSync(out, 'utf8')) as Report;
    assertValidReport(b);
    expect(a.comparisons.length).toBeGreaterThan(0);
    const zero = (r: Report) => ({ ...r, summary: { ...r.summary, durationMs: 0 } });
    expect(zero(b)).toEqual(zero(a));
  }, 420_000);
});
