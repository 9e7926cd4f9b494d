import { writeFileSync } from 'node:fs';
import { applyBaseline, BaselineError, buildBaseline, readBaseline } from '../gate/baseline.js';
import type { Config } from '../rules/config.js';
import { TOOL_VERSION } from '../report/version.js';
import type { Article, Report } from '../types.js';
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

/**
 * --write-baseline records today's flags; --baseline keeps only what is new counted (the rest stays in the
 * report, marked suppressed). Writing comes first, so both together refresh a baseline and report against the old one.
 */
export function applyGateOptions(report: Report, articles: readonly Article[], config: Config, opts: GateOptions, baseline: ReturnType<typeof readBaseline> | null): Report {
  const bodies = new Map(articles.map((a) => [a.id, a.body]));
  if (opts.writeBaseline) {
    const b = buildBaseline(report, bodies, `credlint ${TOOL_VERSION}`);
    writeFileSync(opts.writeBaseline, `${JSON.stringify(b, null, 1)}\n`);
    if (!opts.quiet) {
      const n = Object.values(b.articles).reduce((s, es) => s + es.reduce((t, e) => t + e.count, 0), 0);
      process.stderr.write(`credlint: baseline of ${n} flag(s) in ${Object.keys(b.articles).length} article(s) written to ${opts.writeBaseline}\n`);
    }
  }
  if (!baseline) return report;
  const out = applyBaseline(report, baseline, opts.baseline!, bodies, config.scoring);
  if (!opts.quiet) process.stderr.write(`credlint: baseline ${opts.baseline}: ${out.new} new flag(s), ${out.matched} already in the baseline, ${out.gone} baseline flag(s) gone\n`);
  return out.report;
}

/** Warnings that count (not suppressed inline or by the baseline). */
export function countedWarnings(report: Report): number {
  let n = 0;
  for (const a of report.articles) for (const f of a.flags) if (f.severity === 'warning' && !f.suppressed) n++;
  return n;
}
