import { checkBatch } from '../engine/check-batch.js';
import { loadArticles } from '../input/read-articles.js';
import { escapeLine } from '../report/escape-control.js';
import { renderJson } from '../report/formats/json.js';
import { lineStarts, positionOf, segmentLines } from '../text/lines.js';
import type { Article, Comparison, Report } from '../types.js';
import { loadSetup } from './setup.js';
import { UsageError } from './usage-error.js';
import { clipText } from '../text/surrogates.js';

export interface CompareCommandOptions {
  format: 'json' | 'text';
  rules: string[];
  config?: string;
  color: boolean;
  quiet?: boolean;
}

const paint = (on: boolean, code: string, s: string): string => (on ? `\x1b[${code}m${s}\x1b[0m` : s);

/**
 * `credlint compare A B`: checks two articles (two files, or one file holding exactly two records) and
 * prints what the comparison found between them. Exit 0 whatever is found; 2 on usage or input errors.
 */
export async function runCompare(paths: string[], opts: CompareCommandOptions): Promise<number> {
  if (paths.length < 1 || paths.length > 2) throw new UsageError('compare: name two articles (two files, or one file with two records)');
  const { config, rules } = loadSetup(opts);
  const loaded = loadArticles(paths);
  if (loaded.articles.length !== 2) {
    throw new UsageError(`compare: needs exactly two articles; ${paths.join(' and ')} ${paths.length === 1 ? 'holds' : 'hold'} ${loaded.articles.length === 1 ? 'one' : loaded.articles.length}`);
  }
  const report = await checkBatch(loaded.articles, loaded.errors, rules, config, { compare: true });
  if (!opts.quiet) for (const e of report.errors) process.stderr.write(`credlint: ${escapeLine(`${e.source}: ${e.message}`)}\n`);
  process.stdout.write(opts.format === 'json' ? renderJson(report) : renderPairs(report, loaded.articles, opts.color && process.stdout.isTTY === true));
  return report.errors.length ? 2 : 0;
}

/** The comparisons of a two-article report, each with both sides located (line:column) and quoted. */
export function renderPairs(report: Report, articles: Article[], color: boolean): string {
  const byId = new Map(articles.map((a) => [a.id, a]));
  const where = (side: Comparison['a']): string => {
    const a = byId.get(side.article);
    if (!a) return side.article;
    const p = positionOf(lineStarts(segmentLines(a.body)), side.start);
    return `${escapeLine(a.source)}:${p.line}:${p.column}`;
  };
  const [a, b] = articles;
  const out: string[] = [`${paint(color, '1', 'A')} ${escapeLine(a!.source)}`, `${paint(color, '1', 'B')} ${escapeLine(b!.source)}`, ''];
  const order = { contradiction: 0, 'near-duplicate': 1, 'shared-claim': 2 } as const;
  const list = [...report.comparisons].sort((x, y) => order[x.type] - order[y.type] || y.similarity - x.similarity);
  for (const c of list) {
    const label = c.type === 'contradiction' ? paint(color, '31', `contradiction (${c.kind})`) : c.type === 'near-duplicate' ? paint(color, '33', 'near-duplicate') : paint(color, '36', 'shared claim');
    const [sa, sb] = c.a.article === a!.id ? [c.a, c.b] : [c.b, c.a];
    out.push(`${label}  similarity ${c.similarity.toFixed(2)}`);
    out.push(`  A ${where(sa)}  ${paint(color, '2', quoted(sa.text))}`);
    out.push(`  B ${where(sb)}  ${paint(color, '2', quoted(sb.text))}`);
    out.push(`  ${escapeLine(c.message)}`, '');
  }
  if (!list.length) out.push('No shared statements, copies or contradictions found between the two articles.', '');
  const counts = Object.entries(report.summary.comparisons).map(([k, n]) => `${n} ${k}`).join(', ');
  out.push(`${list.length} comparison(s)${counts ? `: ${counts}` : ''} (${report.summary.durationMs} ms)`);
  return `${out.join('\n')}\n`;
}

/** A side's text quoted on one line: JSON escapes the C0 controls, escapeLine the C1 controls and bidirectional overrides JSON leaves. */
const quoted = (s: string): string => escapeLine(JSON.stringify(flat(s)));

function flat(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return clipText(t, 200);
}
