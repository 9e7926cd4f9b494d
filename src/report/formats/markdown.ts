import { literal } from '../format-message.js';
import type { ArticleResult, Comparison, Flag, Report, Verdict } from '../../types.js';
import { bySeverity, isSuppressed, severityCounts, whereSide, type SideAt } from './flag-fields.js';
import type { Format, RenderOptions } from './options.js';
import { clipText } from '../../text/surrogates.js';

/** GitHub's limit on a comment is 65,536 characters; leave room for whatever wraps ours. */
export const MARKDOWN_BUDGET = 65_000;
const TABLE_ROWS = 100;
/** Flags listed per article: fewer when many articles fail, so more of them fit the comment. */
const flagsPerArticle = (failing: number): number => (failing <= 10 ? 10 : failing <= 40 ? 5 : 3);
const CONTRADICTIONS = 20;
const CELL_MAX = 160;

const RANK: Record<Verdict, number> = { pass: 0, review: 1, fail: 2 };
const MARK: Record<Verdict, string> = { pass: '✅', review: '⚠️', fail: '❌' };

/** Text safe inside a Markdown table cell: no pipes, line breaks, HTML or emphasis. */
export function cell(s: string, max = CELL_MAX): string {
  const flat = s.replace(/\s+/g, ' ').trim();
  const short = clipText(flat, max);
  return short.replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A pull-request comment: the verdict table (worst first), the contradictions, and for each article that
 * does not pass its worst flags in a collapsed <details>; cut to `maxChars` with a note of what was left out.
 */
export function renderMarkdown(report: Report, options: RenderOptions = {}): string {
  const budget = options.maxChars ?? MARKDOWN_BUDGET;
  const s = report.summary;
  const worst = [...report.articles].sort((x, y) => RANK[y.verdict] - RANK[x.verdict] || x.score - y.score);
  // The title is the caller's: flattened as a cell is, so a line break in it cannot start a heading of its own.
  const head = [
    `## ${cell(options.title ?? 'credlint', 200)}: ${s.articles} article${s.articles === 1 ? '' : 's'} — ${s.verdicts.fail} fail, ${s.verdicts.review} review, ${s.verdicts.pass} pass`,
    '',
    ...(s.errors ? [`${s.errors} input error${s.errors === 1 ? '' : 's'}: ${report.errors.slice(0, 5).map((e) => `${cell(e.source, 80)} (${cell(e.message, 100)})`).join('; ')}${s.errors > 5 ? '; …' : ''}`, ''] : []),
  ].join('\n');

  const parts: string[] = [head];
  let used = utf8Length(head);
  // The closing note is at most a few hundred characters; keep room for it whatever is cut.
  const room = budget - 600;
  const cut = { rows: 0, contradictions: 0, details: 0 };
  // Counted in UTF-8 bytes, the strictest reading of a platform's "characters" (emoji and quotes are several).
  const add = (text: string): boolean => {
    const size = utf8Length(text) + 1;
    if (used + size > room) return false;
    parts.push(text);
    used += size;
    return true;
  };

  if (worst.length) {
    add('|  | article | verdict | score | errors | warnings | info | most flagged |\n| --- | --- | --- | ---: | ---: | ---: | ---: | --- |');
    worst.forEach((a, i) => {
      if (i >= TABLE_ROWS || !add(row(a))) cut.rows++;
    });
    add('');
  }

  const contradictions = report.comparisons.filter((c) => c.type === 'contradiction');
  if (contradictions.length) {
    const sources = new Map(report.articles.map((a) => [a.id, a.source]));
    add(`### Contradictions between articles (${contradictions.length})\n`);
    contradictions.forEach((c, i) => {
      if (i >= CONTRADICTIONS || !add(contradiction(c, sources))) cut.contradictions++;
    });
    add('');
  }

  const failing = worst.filter((a) => a.verdict !== 'pass' || a.flags.some((f) => f.severity === 'error' && !isSuppressed(f)));
  if (failing.length) add('### Worst flags per article\n');
  const perArticle = flagsPerArticle(failing.length);
  for (const a of failing) if (!add(details(a, perArticle))) cut.details++;

  const notes: string[] = [];
  if (cut.rows) notes.push(`${cut.rows} of ${worst.length} table rows (the best-scoring articles)`);
  if (cut.details) notes.push(`the flags of ${cut.details} of ${failing.length} articles`);
  if (cut.contradictions) notes.push(`${cut.contradictions} of ${contradictions.length} contradictions`);
  const footer = notes.length
    ? `> ✂️ Cut to fit ${budget.toLocaleString('en-US')} characters: ${notes.join(', ')} not shown. The full list is in \`credlint check --format html\` or \`--format json\`.`
    : `<sub>${report.tool.name} ${report.tool.version} · report schema ${report.schemaVersion}</sub>`;
  parts.push(footer);
  return `${parts.join('\n')}\n`;
}

function row(a: ArticleResult): string {
  const n = severityCounts(a);
  const cats = Object.entries(a.categories)
    .sort((x, y) => y[1]!.flags - x[1]!.flags)
    .slice(0, 3)
    .map(([c, t]) => `${c} (${t!.flags})`)
    .join(', ');
  return `| ${MARK[a.verdict]} | ${cell(a.title ? `${a.source} — ${a.title}` : a.source, 90)} | ${a.verdict} | ${a.score} | ${n.error} | ${n.warning} | ${n.info} | ${cell(cats)} |`;
}

function contradiction(c: Comparison, sources: Map<string, string>): string {
  const a = c.a as SideAt;
  const b = c.b as SideAt;
  return `- **${c.kind ?? 'contradiction'}** ${cell(c.message, 300)}\n  - ${cell(whereSide(a, sources.get(a.article)), 100)}: “${cell(a.text, 200)}”\n  - ${cell(whereSide(b, sources.get(b.article)), 100)}: “${cell(b.text, 200)}”`;
}

// 65,000 as toLocaleString('en-US') writes it, without loading ICU's number formats when the module loads
// (12 ms of every CLI start, for a line of --help).
function thousands(n: number): string {
  return String(n).replace(/\B(?=(?:\d{3})+$)/g, ',');
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/** The worst flags, one per rule first (so ten chrome lines do not hide the one spun phrase), then the rest by severity. */
export function worstFlags(flags: readonly Flag[], max: number): Flag[] {
  const ranked = flags.filter((f) => !isSuppressed(f)).sort(bySeverity);
  const seen = new Set<string>();
  const first: Flag[] = [];
  const rest: Flag[] = [];
  for (const f of ranked) (seen.has(f.ruleId) ? rest : first).push(f), seen.add(f.ruleId);
  return [...first, ...rest].slice(0, max).sort(bySeverity);
}

function details(a: ArticleResult, max: number): string {
  const n = severityCounts(a);
  const shown = worstFlags(a.flags, max);
  const counted = n.error + n.warning + n.info;
  const lines = [
    `<details><summary>${MARK[a.verdict]} <b>${cell(a.source, 120)}</b> — ${a.verdict}, ${a.score}/100: ${n.error} errors, ${n.warning} warnings, ${n.info} info${n.suppressed ? `, ${n.suppressed} suppressed` : ''}</summary>`,
    '',
    '| at | severity | rule | message | flagged | suggestion |',
    '| --- | --- | --- | --- | --- | --- |',
    ...shown.map(flagRow),
  ];
  if (counted > shown.length) lines.push('', `${counted - shown.length} more flag${counted - shown.length === 1 ? '' : 's'} not listed.`);
  lines.push('', '</details>', '');
  return lines.join('\n');
}

function flagRow(f: Flag): string {
  const quote = (s: string): string => cell(literal(s), 80);
  return `| ${f.line}:${f.column} | ${f.severity} | ${cell(f.ruleId)} | ${cell(f.message, 220)} | ${quote(f.text)} | ${f.suggestion !== undefined ? quote(f.suggestion) : ''} |`;
}

export const markdownFormat: Format = {
  name: 'markdown',
  description: `a pull-request comment: verdict table, worst flags per article in collapsed <details>, at most ${thousands(MARKDOWN_BUDGET)} characters`,
  extension: 'md',
  render: renderMarkdown,
};
