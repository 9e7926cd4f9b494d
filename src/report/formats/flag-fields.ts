// Fields the report gains over time (schema 1.1.0 and the gating and compare work) read defensively:
// renderers show them when present and fall back to what every report has.
import type { ArticleResult, ComparisonSide, Flag } from '../../types.js';

export interface Suppression {
  /** `inSource`: a credlint-disable comment; `external`: a baseline or configuration. */
  kind: 'inSource' | 'external';
  justification?: string;
}

/** The suppression marker a gating step put on a flag (true, a string reason, or an object), if any. */
export function suppressionOf(flag: Flag): Suppression | null {
  // Read as unknown: the gating step's Suppression type ({kind: 'inline'|'baseline', reason, ...}) or older shapes.
  const s: unknown = (flag as unknown as { suppressed?: unknown }).suppressed;
  if (s === undefined || s === null || s === false) return null;
  if (typeof s === 'string') return { kind: /baseline|config/i.test(s) ? 'external' : 'inSource', justification: s };
  if (typeof s === 'object') {
    const o = s as Record<string, unknown>;
    const by = String(o.kind ?? o.by ?? o.source ?? o.via ?? '');
    const why = o.justification ?? o.reason ?? o.comment ?? o.rule;
    const kind = /baseline|config|external/i.test(by) ? 'external' : 'inSource';
    return why !== undefined ? { kind, justification: String(why) } : { kind };
  }
  return { kind: 'inSource' };
}

export const isSuppressed = (flag: Flag): boolean => suppressionOf(flag) !== null;

/** End line and column (exclusive), from the report when it has them (1.1.0), else from the flag's own text. */
export function endOf(flag: Flag): { endLine: number; endColumn: number } {
  if (flag.endLine !== undefined && flag.endColumn !== undefined) return { endLine: flag.endLine, endColumn: flag.endColumn };
  const whole = flag.text.length === flag.end - flag.start;
  if (whole) {
    const breaks = [...flag.text.matchAll(/\r\n|\r|\n/g)];
    if (breaks.length) {
      const last = breaks[breaks.length - 1]!;
      return { endLine: flag.line + breaks.length, endColumn: flag.text.length - (last.index! + last[0].length) + 1 };
    }
  }
  return { endLine: flag.line, endColumn: flag.column + (flag.end - flag.start) };
}

/** A comparison side with the line/column the compare step may add; absent on older reports. */
export type SideAt = ComparisonSide & { line?: number; column?: number; endLine?: number; endColumn?: number };

/** `file:line:column` when the side carries its position, else `article@offset`. */
export function whereSide(side: SideAt, source?: string): string {
  const name = source ?? side.article;
  return side.line !== undefined ? `${name}:${side.line}:${side.column ?? 1}` : `${name} @${side.start}`;
}

const SEVERITY_RANK = { error: 0, warning: 1, info: 2 } as const;

/** Worst first: severity, then position. */
export function bySeverity(a: Flag, b: Flag): number {
  return SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.start - b.start;
}

/** Error, warning and info counts of the flags that count (suppressed ones left out). */
export function severityCounts(a: ArticleResult): { error: number; warning: number; info: number; suppressed: number } {
  const n = { error: 0, warning: 0, info: 0, suppressed: 0 };
  for (const f of a.flags) {
    if (isSuppressed(f)) n.suppressed++;
    else n[f.severity]++;
  }
  return n;
}
