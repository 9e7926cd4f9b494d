import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadArticles } from '../src/input/read-articles.js';
import { FORMAT_NAMES, formatByName } from '../src/report/formats/index.js';
import { MARKDOWN_BUDGET } from '../src/report/formats/markdown.js';
import type { Report } from '../src/types.js';
import { HAS_CHROMIUM, launchChromium, TEST_OUTPUT } from './helpers/browser.js';
import { cli, cliReport, HAS_SHARED, SHARED } from './helpers/run.js';
import { assertValidReport } from './helpers/report-schema.js';
import { assertValidSarif } from './helpers/sarif-schema.js';
import { tempDir } from './helpers/tmp.js';

if (!HAS_SHARED) process.stderr.write('skipping the format tests on the shared corpora: no ../shared/corpus beside the project\n');

const flagLine = /^ {2}\d+:\d+\s+(error|warning|info)\s+[a-z-]+\/[a-z0-9-]+\s/;

/** Every format of one report: SARIF valid, Markdown within budget, one text line per flag, the HTML carrying every body. */
function checkAllFormats(report: Report, texts: Map<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of FORMAT_NAMES) out[name] = formatByName(name)!.render(report, { texts });
  const flags = report.articles.reduce((n, a) => n + a.flags.length, 0);
  expect(out.text!.split('\n').filter((l) => flagLine.test(l))).toHaveLength(flags);
  const sarif = JSON.parse(out.sarif!);
  assertValidSarif(sarif);
  expect(sarif.runs[0].results.filter((r: { ruleId: string }) => !r.ruleId.startsWith('compare/'))).toHaveLength(flags);
  expect(Buffer.byteLength(out.markdown!)).toBeLessThanOrEqual(MARKDOWN_BUDGET);
  expect(JSON.parse(out.json!)).toEqual(report);
  const data = JSON.parse(/<script id="cl-data" type="application\/json">(.*?)<\/script>/s.exec(out.html!)![1]!);
  for (const a of report.articles) expect(data.texts[a.id]).toBe(texts.get(a.id));
  return out;
}

describe.skipIf(!HAS_SHARED)('every format on the shared corpora', () => {
  const t = tempDir();

  it('the two founding articles, through the CLI in every format', () => {
    const seeds = ['belarus-sco-membership.txt', 'lukashenko-tianjin.txt'].map((f) => join(SHARED, 'corpus', 'seeds', f));
    const printed: Record<string, string> = {};
    for (const name of FORMAT_NAMES) {
      const r = cli(['check', ...seeds, '--format', name]);
      expect(r.status, r.stderr).toBe(0);
      printed[name] = r.stdout;
    }
    const report = JSON.parse(printed.json!) as Report;
    assertValidReport(report);
    assertValidSarif(JSON.parse(printed.sarif!));
    const texts = new Map(loadArticles(seeds).articles.map((a) => [a.id, a.body]));
    checkAllFormats(report, texts);
    const md = printed.markdown!;
    expect(md).toMatch(/\| ❌ \| .*lukashenko-tianjin\.txt \| fail \|/);
    expect(md).toContain('### Contradictions between articles');
    writeFileSync(join(TEST_OUTPUT, 'seeds.md'), md);
  });

  it('200 scraped pages (news and blog, with their menus, footers and comment threads)', async () => {
    const rows = (set: string): Array<{ id: string; page: string; url?: string }> =>
      readFileSync(join(SHARED, 'corpus', set, 'pages.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
    const pages = [...rows('news-pages').slice(0, 101).map((p) => ({ id: `news-${p.id}`, url: p.url, body: p.page })), ...rows('blog-pages').slice(0, 99).map((p) => ({ id: `blog-${p.id}`, body: p.page }))];
    expect(pages).toHaveLength(200);
    const file = t.put('scraped.jsonl', pages.map((p) => JSON.stringify(p)).join('\n'));
    const { report } = cliReport([file, '--jobs', '2']);
    const texts = new Map(loadArticles([file]).articles.map((a) => [a.id, a.body]));
    const out = checkAllFormats(report, texts);
    // A batch this size does not fit one pull-request comment: the cut is said.
    if (Buffer.byteLength(out.markdown!) > MARKDOWN_BUDGET * 0.9) expect(out.markdown).toMatch(/Cut to fit 65,000 characters/);
    writeFileSync(join(TEST_OUTPUT, 'scraped-200.md'), out.markdown!);
    writeFileSync(join(TEST_OUTPUT, 'scraped-200.sarif'), out.sarif!);
    const html = join(TEST_OUTPUT, 'scraped-200.html');
    writeFileSync(html, out.html!);
    if (!HAS_CHROMIUM) return;
    // In the browser: on every page of articles, each highlight covers exactly its flagged text.
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.goto(pathToFileURL(html).href);
      await page.waitForSelector('html[data-ready]');
      await page.screenshot({ path: join(TEST_OUTPUT, 'scraped-200-summary.png') });
      let seen = 0;
      for (let p = 0; p < Math.ceil(report.articles.length / 10); p++) {
        const got = await page.evaluate(() =>
          [...document.querySelectorAll('#cl-articles .side li[data-m^="f-"]')].map((li) => {
            const key = li.getAttribute('data-m')!;
            return { key, text: [...document.querySelectorAll(`#cl-articles .cl-text [data-m~="${key}"]`)].map((r) => r.textContent).join('') };
          }),
        );
        for (const g of got) {
          const [, i, j] = g.key.split('-').map(Number);
          const a = report.articles[i!]!;
          const f = a.flags[j!]!;
          expect(g.text, `${a.id} ${f.ruleId} at ${f.start}`).toBe(texts.get(a.id)!.slice(f.start, f.end));
        }
        seen += got.length;
        if (p === 0) {
          await page.$eval('#cl-articles', (e) => e.scrollIntoView());
          await page.screenshot({ path: join(TEST_OUTPUT, 'scraped-200-articles.png') });
        }
        await page.keyboard.press(']');
      }
      expect(seen).toBe(report.articles.reduce((n, a) => n + a.flags.length, 0));
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  });
});
