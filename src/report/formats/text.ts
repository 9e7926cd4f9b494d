import { escapeStrings } from '../escape-control.js';
import { literal } from '../format-message.js';
import type { ArticleResult, Comparison, Flag, Report, Verdict } from '../../types.js';
import { isSuppressed, severityCounts, whereSide, type SideAt } from './flag-fields.js';
import type { Format, RenderOptions } from './options.js';
import { renderStoryClusters } from './story-clusters-text.js';

const RANK: Record<Verdict, number> = { pass: 0, review: 1, fail: 2 };
const TABLE_ROWS = 20;

type Paint = (code: string, s: string) => string;
const painter = (on: boolean): Paint => (on ? (code, s) => `\x1b[${code}m${s}\x1b[0m` : (_code, s) => s);

const VERDICT_COLOUR: Record<Verdict, string> = { pass: '32', review: '33', fail: '31' };
const SEVERITY_COLOUR = { error: '31', warning: '33', info: '36' } as const;

/**
 * For a person at a terminal: per article its verdict and score and one line per flag
 * (`line:col  severity  rule  message  "flagged text" -> suggestion`), then the comparisons and a summary.
 * `quiet` keeps only what fails: articles at or past the gate, their errors and warnings.
 * Every string of the report is shown escaped to one line (escape-control.ts): ids, titles, paths and messages
 * come from records and rule packs, and a line break or control character in one could forge or hide output.
 */
export function renderText(given: Report, options: RenderOptions = {}): string {
  const report = escapeStrings(given);
  const paint = painter(options.color === true);
  const failOn = options.failOn ?? 'review';
  const quiet = options.quiet === true;
  const out: string[] = [];
  for (const a of report.articles) {
    if (quiet && RANK[a.verdict] < RANK[failOn]) continue;
    out.push(...article(a, paint, quiet), '');
  }
  const comparisons = quiet ? report.comparisons.filter((c) => c.type === 'contradiction') : report.comparisons;
  if (comparisons.length) {
    out.push(paint('1', 'Comparisons'));
    const sources = new Map(report.articles.map((a) => [a.id, a.source]));
    for (const c of comparisons) out.push(...comparison(c, sources, paint));
    out.push('');
  }
  if (!quiet) out.push(...renderStoryClusters(report, paint));
  for (const e of report.errors) out.push(`${paint('31', 'input error')} ${e.source}: ${e.message}`);
  if (report.errors.length) out.push('');
  out.push(...summary(report, paint));
  return `${out.join('\n')}\n`;
}

function article(a: ArticleResult, paint: Paint, quiet: boolean): string[] {
  const head = `${paint('1', a.source)}${a.id !== a.source ? ` (${a.id})` : ''}  ${paint(`1;${VERDICT_COLOUR[a.verdict]}`, a.verdict.toUpperCase())}  ${a.score}/100`;
  const meta = [
    a.title ? `"${a.title}"` : null,
    a.publishedAt ? `published ${a.publishedAt}${a.publishedAtOrigin ? ` (${a.publishedAtOrigin})` : ''}` : null,
    `language ${a.language}`,
    `${a.stats.words ?? 0} words`,
  ]
    .filter(Boolean)
    .join(', ');
  const lines = [head, `  ${paint('2', meta)}`];
  const flags = quiet ? a.flags.filter((f) => f.severity !== 'info' && !isSuppressed(f)) : a.flags;
  const at = (f: Flag): string => `${f.line}:${f.column}`;
  const wAt = Math.max(0, ...flags.map((f) => at(f).length));
  const wRule = Math.max(0, ...flags.map((f) => f.ruleId.length));
  for (const f of flags) {
    const sev = paint(SEVERITY_COLOUR[f.severity], f.severity.padEnd(7));
    const fix = f.suggestion !== undefined ? ` -> ${literal(f.suggestion)}` : '';
    const tail = isSuppressed(f) ? `  ${paint('2', '(suppressed)')}` : '';
    const line = `  ${at(f).padEnd(wAt)}  ${sev}  ${paint('2', f.ruleId.padEnd(wRule))}  ${f.message}  ${paint('2', literal(f.text))}${fix}${tail}`;
    lines.push(isSuppressed(f) ? paint('2', line) : line);
  }
  if (flags.length === 0) lines.push(`  ${a.flags.length ? 'no errors or warnings' : 'no problems found'}`);
  return lines;
}

function comparison(c: Comparison, sources: Map<string, string>, paint: Paint): string[] {
  const label = c.type === 'contradiction' ? paint('31', `contradiction (${c.kind})`) : c.type;
  const a = c.a as SideAt;
  const b = c.b as SideAt;
  return [`  ${label}  ${whereSide(a, sources.get(a.article))} <-> ${whereSide(b, sources.get(b.article))}  similarity ${c.similarity.toFixed(2)}`, `    ${c.message}`];
}

/** A table of the worst articles and of the flags by category, then the one-line totals. */
function summary(report: Report, paint: Paint): string[] {
  const out: string[] = [];
  const s = report.summary;
  if (report.articles.length > 1) {
    const worst = [...report.articles].sort((x, y) => RANK[y.verdict] - RANK[x.verdict] || x.score - y.score);
    const rows = worst.slice(0, TABLE_ROWS).map((a) => {
      const n = severityCounts(a);
      return [a.verdict, String(a.score), String(n.error), String(n.warning), String(n.info), a.source];
    });
    out.push(paint('1', 'Articles, worst first'), ...table(['verdict', 'score', 'errors', 'warnings', 'info', 'article'], rows, [1, 2, 3, 4], (row, text) => (row[0] ? paint(VERDICT_COLOUR[row[0] as Verdict], text) : text)));
    if (worst.length > TABLE_ROWS) out.push(`  … and ${worst.length - TABLE_ROWS} more`);
    out.push('');
  }
  const cats = new Map<string, { flags: number; error: number; warning: number; info: number; articles: number }>();
  for (const a of report.articles) {
    const seen = new Set<string>();
    for (const f of a.flags) {
      if (isSuppressed(f)) continue;
      const c = cats.get(f.category) ?? { flags: 0, error: 0, warning: 0, info: 0, articles: 0 };
      c.flags++;
      c[f.severity]++;
      if (!seen.has(f.category)) c.articles++;
      seen.add(f.category);
      cats.set(f.category, c);
    }
  }
  if (cats.size) {
    const rows = [...cats].sort((x, y) => y[1].flags - x[1].flags).map(([name, c]) => [name, String(c.flags), String(c.error), String(c.warning), String(c.info), String(c.articles)]);
    out.push(paint('1', 'Flags by category'), ...table(['category', 'flags', 'errors', 'warnings', 'info', 'articles'], rows, [1, 2, 3, 4, 5]), '');
  }
  const comparisons = report.comparisons.length ? `; ${report.comparisons.length} comparison(s)` : '';
  out.push(
    `${s.articles} article(s): ${paint('32', `${s.verdicts.pass} pass`)}, ${paint('33', `${s.verdicts.review} review`)}, ${paint('31', `${s.verdicts.fail} fail`)}` +
      `${s.errors ? `; ${s.errors} input error(s)` : ''}${comparisons} (${s.durationMs} ms)`,
  );
  return out;
}

/** Plain aligned columns (numbers right-aligned), two spaces of indent. */
function table(head: string[], rows: string[][], numeric: number[], tint: (row: string[], text: string) => string = (_r, t) => t): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]): string =>
    `  ${r
      .map((cell, i) => (i === r.length - 1 ? cell : numeric.includes(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')}`;
  return [fmt(head), ...rows.map((r) => tint(r, fmt(r)))];
}

export const textFormat: Format = {
  name: 'text',
  description: 'for a person at a terminal: verdict, score and one line per flag, a summary table (colour on a TTY; --quiet: only what fails)',
  extension: 'txt',
  render: renderText,
};
