import { realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkBatch, defaultJobs } from '../engine/check-batch.js';
import { preloadsOf } from '../engine/preload.js';
import { loadArticles } from '../input/read-articles.js';
import { renderJson } from '../report/formats/json.js';
import { renderText } from '../report/formats/text.js';
import type { Report, Verdict } from '../types.js';
import { loadSetup } from './setup.js';
import { UsageError } from './usage-error.js';

export interface CheckOptions {
  format: 'json' | 'text';
  out?: string;
  failOn?: 'review' | 'fail';
  rules: string[];
  config?: string;
  compare: boolean;
  color: boolean;
  quiet?: boolean;
  jobs?: string;
}

const RANK: Record<Verdict, number> = { pass: 0, review: 1, fail: 2 };

function samePath(a: string, b: string): boolean {
  const real = (p: string): string => {
    try {
      return realpathSync(p);
    } catch {
      return resolve(p);
    }
  };
  return real(a) === real(b);
}

/** `credlint check`: returns the exit code (0 ok, 1 gate failed, 2 usage or input errors). */
export async function runCheck(paths: string[], opts: CheckOptions): Promise<number> {
  if (paths.length === 0) throw new UsageError('check: name at least one file, folder or glob (or "-" for standard input)');
  const jobs = opts.jobs === undefined ? defaultJobs() : Number(opts.jobs);
  if (!Number.isInteger(jobs) || jobs < 1) throw new UsageError(`--jobs ${opts.jobs}: expected a whole number of threads, 1 or more`);
  const { config, rules } = loadSetup(opts);
  const { articles, errors } = loadArticles(paths);
  if (opts.out && articles.some((a) => a.source !== '-' && samePath(a.source.replace(/(:\d+|#\d+)$/, ''), opts.out!))) {
    throw new UsageError(`--out ${opts.out}: that is one of the input files; credlint never writes over its input`);
  }
  const progress = !opts.quiet && process.stderr.isTTY && articles.length > 20;
  const report = await checkBatch(articles, errors, rules, config, {
    compare: opts.compare,
    jobs,
    workerSetup: { configFile: config.file, extraRuleDirs: opts.rules, preload: preloadsOf() },
    onProgress: progress ? (done, total) => process.stderr.write(`\rchecked ${done}/${total}`) : undefined,
  });
  if (progress) process.stderr.write('\n');
  const rendered = opts.format === 'text' ? renderText(report, { color: opts.color && !opts.out && process.stdout.isTTY === true }) : renderJson(report);
  if (opts.out) writeFileSync(opts.out, rendered);
  else process.stdout.write(rendered);
  if (!opts.quiet) for (const e of report.errors) process.stderr.write(`credlint: ${e.source}: ${e.message}\n`);
  return exitCode(report, opts.failOn);
}

export function exitCode(report: Report, failOn?: Verdict): number {
  if (report.errors.length) return 2;
  if (failOn && report.articles.some((a) => RANK[a.verdict] >= RANK[failOn])) return 1;
  return 0;
}
