import { applyBaseline, BaselineError, buildBaseline, readBaseline, type Baseline } from '../gate/baseline.js';
import type { Config } from '../rules/config.js';
import { escapeLine } from '../report/escape-control.js';
import { TOOL_VERSION } from '../report/version.js';
import type { Article, Report } from '../types.js';
import { writeOutput } from './output.js';
import { UsageError } from './usage-error.js';

export interface GateOptions {
  baseline?: string;
  writeBaseline?: string;
  maxWarnings?: string;
  quiet?: boolean;
}

/** --max-warnings N as a number; a usage error when it is not a whole number. */
export function maxWarningsOf(opts: GateOptions): number | undefined {
  if (opts.maxWarnings === undefined) return undefined;
  const n = Number(opts.maxWarnings);
  if (!Number.isInteger(n) || n < 0) throw new UsageError(`--max-warnings ${opts.maxWarnings}: expected a whole number, 0 or more`);
  return n;
}

/** Reads --baseline before any article is checked, so a bad file stops the run at once. */
export function loadBaselineOption(opts: GateOptions): ReturnType<typeof readBaseline> | null {
  if (!opts.baseline) return null;
  try {
    return readBaseline(opts.baseline);
  } catch (e) {
    if (e instanceof BaselineError) throw new UsageError(`--baseline ${e.message}`);
    throw e;
  }
}

/** What the gate options made of a report; `baselineUnwritten` when --write-baseline failed (said on standard error). */
export interface Gated {
  report: Report;
  baselineUnwritten: boolean;
}

/**
 * --write-baseline records today's flags; --baseline keeps only what is new counted (the rest stays in the
 * report, marked suppressed). Writing comes first, so both together (two files: an input is never written over)
 * make the next baseline and report against the old one.
 * A baseline that cannot be written is one line on `stderr`: the report is still made (the caller exits 2).
 */
export function applyGateOptions(report: Report, articles: readonly Article[], config: Config, opts: GateOptions, baseline: ReturnType<typeof readBaseline> | null, stderr: (s: string) => void): Gated {
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  const baselineUnwritten = opts.writeBaseline ? !writeBaselineFile(opts.writeBaseline, buildBaseline(report, bodies, `credlint ${TOOL_VERSION}`, opts.writeBaseline), opts.quiet, stderr) : false;
  if (!baseline) return { report, baselineUnwritten };
  const out = applyBaseline(report, baseline, opts.baseline!, bodies, config.scoring);
  if (!opts.quiet) stderr(`credlint: baseline ${opts.baseline}: ${out.new} new flag(s), ${out.matched} already in the baseline, ${out.gone} baseline flag(s) gone\n`);
  // Said even with --quiet: a gate whose baseline matches nothing counts every old flag as new, and nobody sees why.
  const held = Object.keys(baseline.articles).length;
  if (out.articlesFound === 0 && held > 0 && report.articles.length > 0) {
    stderr(`credlint: baseline ${opts.baseline}: none of its ${held} article(s) is in this run (files are known by their path from the baseline's folder, records by their id)\n`);
  }
  return { report: out.report, baselineUnwritten };
}

/** Writes the baseline; false (and the one line why, even with --quiet: the user asked for the file) when it cannot be. */
function writeBaselineFile(path: string, b: Baseline, quiet: boolean | undefined, stderr: (s: string) => void): boolean {
  try {
    writeOutput({ option: '--write-baseline', path }, `${JSON.stringify(b, null, 1)}\n`);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    stderr(`credlint: ${escapeLine(e.message)}\n`);
    return false;
  }
  if (!quiet) {
    const n = Object.values(b.articles).reduce((s, es) => s + es.reduce((t, e) => t + e.count, 0), 0);
    stderr(`credlint: baseline of ${n} flag(s) in ${Object.keys(b.articles).length} article(s) written to ${path}\n`);
  }
  return true;
}

/** Warnings that count (not suppressed inline or by the baseline). */
export function countedWarnings(report: Report): number {
  let n = 0;
  for (const a of report.articles) for (const f of a.flags) if (f.severity === 'warning' && !f.suppressed) n++;
  return n;
}
