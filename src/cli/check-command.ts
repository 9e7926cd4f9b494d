import { realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkBatch, defaultJobs } from '../engine/check-batch.js';
import { loadArticles } from '../input/read-articles.js';
import { formatByName, type RuleInfo } from '../report/formats/index.js';
import type { Report, Verdict } from '../types.js';
import { useColor } from './color.js';
import { loadSetup } from './setup.js';
import { UsageError } from './usage-error.js';

export interface CheckOptions {
  /** A name from the format registry (src/report/formats/index.ts). */
  format: string;
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
  const format = formatByName(opts.format);
  if (!format) throw new UsageError(`--format ${opts.format}: unknown format`);
  const { config, rules } = loadSetup(opts);
  const { articles, errors } = loadArticles(paths);
  if (opts.out && articles.some((a) => a.source !== '-' && samePath(a.source.replace(/(:\d+|#\d+)$/, ''), opts.out!))) {
    throw new UsageError(`--out ${opts.out}: that is one of the input files; credlint never writes over its input`);
  }
  const progress = !opts.quiet && process.stderr.isTTY && articles.length > 20;
  const report = await checkBatch(articles, errors, rules, config, {
    compare: opts.compare,
    jobs,
    workerSetup: { configFile: config.file, extraRuleDirs: opts.rules },
    onProgress: progress ? (done, total) => process.stderr.write(`\rchecked ${done}/${total}`) : undefined,
  });
  if (progress) process.stderr.write('\n');
  const rendered = format.render(report, {
    color: useColor({ flag: opts.color, toFile: Boolean(opts.out), isTTY: process.stdout.isTTY === true, env: process.env }),
    quiet: opts.quiet,
    failOn: opts.failOn,
    rules: rules.map(ruleInfo),
    // Only the HTML page shows the articles' text; the JSON contract never carries bodies.
    texts: format.name === 'html' ? new Map(articles.map((a) => [a.id, a.body])) : undefined,
  });
  if (opts.out) writeFileSync(opts.out, rendered);
  else process.stdout.write(rendered);
  if (!opts.quiet) for (const e of report.errors) process.stderr.write(`credlint: ${e.source}: ${e.message}\n`);
  return exitCode(report, opts.failOn);
}

function ruleInfo(r: RuleInfo & { examples?: unknown }): RuleInfo {
  return { id: r.id, category: r.category, severity: r.severity, description: r.description, message: r.message, enabled: r.enabled, examples: r.examples as RuleInfo['examples'] };
}

export function exitCode(report: Report, failOn?: Verdict): number {
  if (report.errors.length) return 2;
  if (failOn && report.articles.some((a) => RANK[a.verdict] >= RANK[failOn])) return 1;
  return 0;
}
