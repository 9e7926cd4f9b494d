// `credlint check` run in this process: the same command code (loaders, pipeline, report) without a
// process spawn, for the many loader and option tests. A handful of tests still spawn the built CLI.
import { Readable } from 'node:stream';
import { runCheck, type CheckOptions } from '../../src/cli/check-command.js';
import { UsageError } from '../../src/cli/usage-error.js';
import type { Report } from '../../src/types.js';
import { assertValidReport } from './report-schema.js';

export async function checkHere(paths: string[], options: Partial<CheckOptions> & { input?: string | Uint8Array } = {}): Promise<{ status: number; stdout: string; stderr: string }> {
  const { input, ...rest } = options;
  let stdout = '';
  let stderr = '';
  const opts: CheckOptions = { format: 'json', rules: [], compare: true, color: false, jobs: '1', ...rest };
  const stdin = Readable.from(input === undefined ? [] : [Buffer.from(input)]) as AsyncIterable<Buffer>;
  let status: number;
  try {
    status = await runCheck(paths, opts, { stdout: { write: async (s) => void (stdout += s), close: async () => {} }, stderr: (s) => void (stderr += s), stdin });
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    stderr += `credlint: ${e.message}\n`;
    status = 2;
  }
  return { status, stdout, stderr };
}

/** In-process `check ... --format json`, parsed and validated against the report schema. */
export async function reportHere(paths: string[], options: Partial<CheckOptions> & { input?: string | Uint8Array } = {}): Promise<{ status: number; report: Report; stderr: string }> {
  const r = await checkHere(paths, { ...options, format: 'json' });
  let report: Report;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`no JSON report (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  }
  assertValidReport(report);
  return { status: r.status, report, stderr: r.stderr };
}
