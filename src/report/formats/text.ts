import { literal } from '../../engine/format-message.js';
import type { ArticleResult, Comparison, Report } from '../../types.js';
import { renderStoryClusters } from './story-clusters-text.js';

export interface TextOptions {
  color: boolean;
}

const paint = (on: boolean, code: string, s: string): string => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/** A readable listing: per article, its verdict and each flag at line:column with rule, message and text. */
export function renderText(report: Report, options: TextOptions = { color: false }): string {
  const c = options.color;
  const out: string[] = [];
  for (const a of report.articles) out.push(...article(a, c), '');
  if (report.comparisons.length) {
    out.push(paint(c, '1', 'Comparisons'));
    for (const cmp of report.comparisons) out.push(...comparison(cmp, c));
    out.push('');
  }
  out.push(...renderStoryClusters(report, (code, t) => paint(c, code, t)));
  for (const e of report.errors) out.push(`${paint(c, '31', 'error')} ${e.source}: ${e.message}`);
  const s = report.summary;
  out.push(
    `${s.articles} article(s): ${s.verdicts.pass} pass, ${s.verdicts.review} review, ${s.verdicts.fail} fail` +
      `${s.errors ? `; ${s.errors} input error(s)` : ''}${report.comparisons.length ? `; ${report.comparisons.length} comparison(s)` : ''} (${s.durationMs} ms)`,
  );
  return `${out.join('\n')}\n`;
}

function article(a: ArticleResult, c: boolean): string[] {
  const colour = a.verdict === 'pass' ? '32' : a.verdict === 'review' ? '33' : '31';
  const head = `${paint(c, '1', a.source)}${a.id !== a.source ? ` (${a.id})` : ''}  ${paint(c, colour, a.verdict.toUpperCase())} ${a.score}/100`;
  const meta = [a.title ? `"${a.title}"` : null, a.publishedAt ? `published ${a.publishedAt}${a.publishedAtOrigin ? ` (${a.publishedAtOrigin})` : ''}` : null, `language ${a.language}`, `${a.stats.words ?? 0} words`]
    .filter(Boolean)
    .join(', ');
  const lines = [head, `  ${paint(c, '2', meta)}`];
  const width = Math.max(0, ...a.flags.map((f) => `${f.line}:${f.column}`.length));
  for (const f of a.flags) {
    const sev = f.severity === 'error' ? paint(c, '31', 'error  ') : f.severity === 'warning' ? paint(c, '33', 'warning') : paint(c, '36', 'info   ');
    lines.push(`  ${`${f.line}:${f.column}`.padEnd(width)}  ${sev}  ${f.message}  ${paint(c, '2', f.ruleId)}`);
    const fix = f.suggestion !== undefined ? `  → ${literal(f.suggestion)}` : '';
    lines.push(`  ${' '.repeat(width)}  ${paint(c, '2', `${literal(f.text)}${fix}`)}`);
  }
  if (a.flags.length === 0) lines.push('  no problems found');
  return lines;
}

function comparison(cmp: Comparison, c: boolean): string[] {
  const label = cmp.type === 'contradiction' ? paint(c, '31', `contradiction (${cmp.kind})`) : cmp.type;
  return [
    `  ${label}  ${cmp.a.article} ↔ ${cmp.b.article}  similarity ${cmp.similarity.toFixed(2)}`,
    `    ${cmp.message}`,
  ];
}
