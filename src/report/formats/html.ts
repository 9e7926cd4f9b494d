import { CATEGORY_COLOURS, escapeHtml as esc, HIGHLIGHT_CSS, HIGHLIGHT_SCRIPT } from '../html/highlight.js';
import { PAGE_CSS } from '../html/page-css.js';
import { REPORT_SCRIPT } from '../html/report-script.js';
import type { Report, Verdict } from '../../types.js';
import { isSuppressed } from './flag-fields.js';
import type { Format, RenderOptions } from './options.js';

/** Articles rendered at once: the page opens fast on a batch of thousands and stays smooth to scroll. */
export const HTML_PAGE_SIZE = 10;

/**
 * One self-contained HTML file (no network, no external assets): the batch summary with a chart of
 * scores, an index of the articles, each article's text with its flags highlighted by category (from
 * `options.texts`; without them the flags are listed alone), comparisons side by side, filters and
 * keyboard navigation. The report and texts travel as JSON in the page and the page renders one page of
 * articles at a time.
 */
export function renderHtml(report: Report, options: RenderOptions = {}): string {
  const title = options.title ?? `credlint report: ${report.summary.articles} article${report.summary.articles === 1 ? '' : 's'}`;
  const texts: Record<string, string> = {};
  if (options.texts) for (const a of report.articles) {
    const t = options.texts.get(a.id);
    if (t !== undefined) texts[a.id] = t;
  }
  const rules: Record<string, string> = {};
  for (const r of options.rules ?? []) rules[r.id] = r.description;
  const categories = Object.keys(report.summary.categories).sort();
  // Shared claims are corroboration, not problems, and can run to hundreds in a batch: off until asked for.
  const data = { report, texts, rules, categories, pageSize: HTML_PAGE_SIZE, comparisonPageSize: 25, wideSpan: 600, foldLines: 6, showSharedClaims: false };
  const hasSuppressed = report.articles.some((a) => a.flags.some(isSuppressed));
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${HIGHLIGHT_CSS}${PAGE_CSS}</style>
</head>
<body>
<header class="top"><h1>${esc(title)}</h1><div class="sub">${esc(report.tool.name)} ${esc(report.tool.version)} · report schema ${esc(report.schemaVersion)} · checked in ${(report.summary.durationMs / 1000).toFixed(1)} s</div></header>
${summary(report)}
${toolbar(report, categories, hasSuppressed)}
<section class="block index-block"><h2>Articles <small id="cl-index-count"></small></h2>
<div class="index-wrap"><table class="index"><thead><tr><th>#</th><th>verdict</th><th>score</th><th>errors</th><th>warnings</th><th>info</th><th>article</th></tr></thead><tbody id="cl-index-body"></tbody></table></div></section>
${pager('articles')}
<main id="cl-articles"></main>
${pager('articles')}
${report.comparisons.length ? `<section class="block"><h2>Comparisons between articles (${report.comparisons.length})</h2>${pager('comparisons')}<div id="cl-comparisons"></div>${pager('comparisons')}</section>` : ''}
<p class="help">Keys: <kbd>j</kbd>/<kbd>n</kbd> next flag, <kbd>k</kbd>/<kbd>p</kbd> previous flag, <kbd>]</kbd>/<kbd>[</kbd> next/previous page, <kbd>/</kbd> search, <kbd>Esc</kbd> clear. Hover a highlight for its message; click a flag in a list to find it in the text. Site chrome is struck through; suggested fixes are shown in green after the text they replace. Long spans (a whole paragraph) are outlined only when selected.</p>
<script id="cl-data" type="application/json">${scriptSafeJson(data)}</script>
<script>${HIGHLIGHT_SCRIPT}</script>
<script>${REPORT_SCRIPT}</script>
</body>
</html>
`;
}

/** JSON that cannot end the <script> element it sits in. */
function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

const VERDICTS: Verdict[] = ['pass', 'review', 'fail'];
const VERDICT_FILL: Record<Verdict, string> = { pass: '#2e7d32', review: '#e0a100', fail: '#c62828' };

function summary(report: Report): string {
  const s = report.summary;
  const tiles = VERDICTS.map((v) => `<div class="tile ${v}"><b>${s.verdicts[v]}</b>${v}</div>`).join('') + (s.errors ? `<div class="tile errors"><b>${s.errors}</b>input errors</div>` : '');
  const cats = Object.entries(s.categories).sort((x, y) => y[1]! - x[1]!);
  const articlesWith = new Map<string, number>();
  for (const a of report.articles) for (const c of Object.keys(a.categories)) articlesWith.set(c, (articlesWith.get(c) ?? 0) + 1);
  const catRows = cats.map(([c, n]) => `<tr class="c-${esc(c)}"><td><span class="sw"></span>${esc(c)}</td><td class="n">${n}</td><td class="n">${articlesWith.get(c) ?? 0}</td></tr>`).join('');
  const cmp = Object.entries(s.comparisons).map(([t, n]) => `${n} ${esc(t)}`).join(', ');
  const errors = report.errors.length
    ? `<details${report.errors.length <= 5 ? ' open' : ''}><summary>${report.errors.length} input error(s)</summary><ul>${report.errors.map((e) => `<li><code>${esc(e.source)}</code>: ${esc(e.message)}</li>`).join('')}</ul></details>`
    : '';
  return `<section class="block"><h2>Summary</h2><div class="summary">
<div><div class="tiles">${tiles}</div><p>${s.articles} article(s)${cmp ? `; comparisons: ${cmp}` : ''}</p>${errors}</div>
${chart(report)}
${cats.length ? `<table class="cats"><thead><tr><th>category</th><th>flags</th><th>articles</th></tr></thead><tbody>${catRows}</tbody></table>` : '<p>No flags.</p>'}
</div></section>`;
}

/** A histogram of scores in tens, each bar split by verdict (the thresholds are configurable, the verdicts are the report's). */
function chart(report: Report): string {
  const bins = Array.from({ length: 10 }, () => ({ pass: 0, review: 0, fail: 0 }));
  for (const a of report.articles) bins[Math.min(9, Math.floor(a.score / 10))]![a.verdict]++;
  const max = Math.max(1, ...bins.map((b) => b.pass + b.review + b.fail));
  const W = 28;
  const H = 100;
  const bars = bins
    .map((b, i) => {
      let y = H;
      const parts = VERDICTS.map((v) => {
        const h = (b[v] / max) * H;
        y -= h;
        return h > 0 ? `<rect x="${i * W + 2}" y="${y.toFixed(1)}" width="${W - 4}" height="${h.toFixed(1)}" fill="${VERDICT_FILL[v]}"><title>${i * 10}–${i === 9 ? 100 : i * 10 + 9}: ${b[v]} ${v}</title></rect>` : '';
      }).join('');
      const n = b.pass + b.review + b.fail;
      return `${parts}${n ? `<text x="${i * W + W / 2}" y="${(y - 3).toFixed(1)}" font-size="10" text-anchor="middle">${n}</text>` : ''}<text x="${i * W + W / 2}" y="${H + 13}" font-size="10" text-anchor="middle" fill="#555">${i * 10}</text>`;
    })
    .join('');
  return `<figure class="chart" style="margin:0"><svg width="${10 * W}" height="${H + 18}" viewBox="0 -12 ${10 * W} ${H + 30}" role="img" aria-label="scores of the articles">${bars}</svg><figcaption>articles by score (0–100), coloured by verdict</figcaption></figure>`;
}

function toolbar(report: Report, categories: string[], hasSuppressed: boolean): string {
  const count = report.summary.categories as Record<string, number>;
  const cat = categories
    .map((c) => `<label class="c-${esc(c)}"><input type="checkbox" data-filter="cat" value="${esc(c)}" checked><span class="sw" style="background:${CATEGORY_COLOURS[c] ?? '#ddd'}"></span>${esc(c)} <small>${count[c] ?? 0}</small></label>`)
    .join('');
  const sev = ['error', 'warning', 'info'].map((s) => `<label><input type="checkbox" data-filter="sev" value="${s}" checked>${s}</label>`).join('');
  const types = Object.keys(report.summary.comparisons);
  const cmp = types.length ? `<fieldset><legend>comparisons</legend>${types.map((t) => `<label><input type="checkbox" data-filter="type" value="${esc(t)}"${t === 'shared-claim' ? '' : ' checked'}>${esc(t)} <small>${report.summary.comparisons[t as keyof typeof report.summary.comparisons] ?? 0}</small></label>`).join('')}</fieldset>` : '';
  const verdicts = VERDICTS.map((v) => `<label><input type="checkbox" data-filter="verdict" value="${v}" checked>${v}</label>`).join('');
  return `<div class="toolbar" role="toolbar">
<fieldset><legend>categories</legend>${cat || '<i>none</i>'}</fieldset>
<fieldset><legend>severity</legend>${sev}${hasSuppressed ? '<label><input type="checkbox" data-filter="suppressed" value="1">suppressed</label>' : ''}</fieldset>
${cmp}
<fieldset><legend>articles</legend>${verdicts}<input id="cl-q" type="search" placeholder="find an article" size="16"> <select id="cl-sort"><option value="input">input order</option><option value="worst">worst first</option><option value="best">best first</option></select></fieldset>
</div>`;
}

function pager(kind: 'articles' | 'comparisons'): string {
  return `<div class="pager ${kind}"><button type="button" data-page="prev">← previous</button><span class="where"></span><button type="button" data-page="next">next →</button></div>`;
}

export const htmlFormat: Format = {
  name: 'html',
  description: 'one self-contained page for an editor: summary and score chart, each article with its flags highlighted, filters, comparisons side by side',
  extension: 'html',
  render: renderHtml,
};
