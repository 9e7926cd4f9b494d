import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../src/report/formats/html.js';
import { renderMarkedText, segmentSpans, type Mark } from '../src/report/html/highlight.js';
import type { Report } from '../src/types.js';
import { HAS_CHROMIUM, launchChromium, TEST_OUTPUT } from './helpers/browser.js';
import { cli, cliReport, HAS_SHARED, ROOT, SHARED } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

const SAMPLES = join(ROOT, 'samples');

describe('highlight segments (the module the HTML report and the service page share)', () => {
  it('cuts the text into runs whose marks add up to exactly each span, overlaps and nesting included', () => {
    const text = 'The minister landed in Tianjin,China,to attend the summit.';
    const spans = [
      { start: 4, end: 12 },
      { start: 23, end: 36 },
      { start: 30, end: 31 },
      { start: 0, end: text.length },
      { start: 50, end: 70 },
    ];
    const segs = segmentSpans(text.length, spans);
    expect(segs.map((s) => text.slice(s.start, s.end)).join('')).toBe(text);
    spans.forEach((sp, i) => {
      const covered = segs.filter((s) => s.marks.includes(i)).map((s) => text.slice(s.start, s.end)).join('');
      expect(covered).toBe(text.slice(sp.start, Math.min(sp.end, text.length)));
    });
  });

  it('renders escaped HTML with suggestions and labels outside the runs', () => {
    const text = 'a <b> & c,d';
    const marks: Mark[] = [{ key: 'k1', start: 2, end: 5, cls: 'c-encoding s-error', title: 'tag "x"', label: '1' }, { key: 'k2', start: 9, end: 10, cls: 'c-spacing s-warning', title: 'comma', suggestion: ', ' }];
    const html = renderMarkedText(text, marks);
    expect(html).toBe('a <span class="hl c-encoding s-error" data-m="k1" title="tag &quot;x&quot;">&lt;b&gt;</span><sup class="mk" data-for="k1">1</sup> &amp; c<span class="hl c-spacing s-warning" data-m="k2" title="comma">,</span><ins class="sugg" data-for="k2">, </ins>d');
  });
});

describe.skipIf(!HAS_CHROMIUM)('the HTML report in Chromium', () => {
  const t = tempDir();
  let browser: Browser;
  let page: Page;
  let report: Report;
  const requests: string[] = [];
  const errors: string[] = [];
  const files = [join(SAMPLES, 'scraped-harbour-page.txt'), join(SAMPLES, 'garbled-encoding.txt'), join(SAMPLES, 'spun-renewables.md')];
  const seeds = HAS_SHARED ? ['belarus-sco-membership.txt', 'lukashenko-tianjin.txt'].map((f) => join(SHARED, 'corpus', 'seeds', f)) : [];
  // Wire stories that contradict each other, so the comparison links are tested without ../shared too.
  // Markup in an article is text: it must never run or load anything.
  const hostile = t.put('hostile.txt', '<script>window.pwned = 1</script>\n\nThe mayor said</script><img src=x onerror="window.pwned=2"> the vote was close,and the council agreed.\n');
  const inputs = [...files, ...seeds, join(SAMPLES, 'wire-batch.jsonl'), hostile];
  const bodyOf = (source: string): string => {
    const record = /^(.*\.jsonl):(\d+)$/.exec(source);
    if (record) return (JSON.parse(readFileSync(record[1]!, 'utf8').split('\n')[Number(record[2]) - 1]!) as { body: string }).body;
    return readFileSync(source, 'utf8').replace(/^\uFEFF/, '');
  };

  beforeAll(async () => {
    const out = join(TEST_OUTPUT, 'report.html');
    const r = cli(['check', ...inputs, '--format', 'html', '--out', out]);
    expect(r.status).toBe(0);
    report = cliReport(inputs).report;
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.on('request', (req) => requests.push(req.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pathToFileURL(out).href);
    await page.waitForSelector('html[data-ready]');
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('is one self-contained file: no request but the page itself, no script error, no markup from an article run', async () => {
    expect(requests.filter((u) => !u.endsWith('/report.html'))).toEqual([]);
    expect(errors).toEqual([]);
    const html = readFileSync(join(TEST_OUTPUT, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<(link|img|iframe)\b|src="http|url\(http/);
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    const i = report.articles.findIndex((a) => a.source.endsWith('hostile.txt'));
    const shown = await page.$eval(`#article-${i} .cl-text`, (e) => {
      const copy = e.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('ins.sugg, sup.mk, details.fold > summary').forEach((x) => x.remove());
      return copy.textContent;
    });
    expect(shown).toBe(bodyOf(report.articles[i]!.source));
  });

  it('shows every article with each highlight covering exactly the flagged text', async () => {
    const shown = await page.$$eval('#cl-articles article.art', (els) => els.length);
    expect(shown).toBe(Math.min(10, report.articles.length));
    const checked = await page.evaluate(() => {
      const out: Array<{ key: string; text: string }> = [];
      document.querySelectorAll('#cl-articles .side li[data-m^="f-"]').forEach((li) => {
        const key = li.getAttribute('data-m')!;
        const runs = [...document.querySelectorAll(`#cl-articles .cl-text [data-m~="${key}"]`)];
        out.push({ key, text: runs.map((r) => r.textContent).join('') });
      });
      return out;
    });
    let n = 0;
    for (const a of report.articles.slice(0, 10)) {
      const i = report.articles.indexOf(a);
      const body = bodyOf(a.source);
      a.flags.forEach((f, j) => {
        const found = checked.find((c) => c.key === `f-${i}-${j}`);
        expect(found, `flag ${f.ruleId} of ${a.source}`).toBeDefined();
        expect(found!.text).toBe(body.slice(f.start, f.end));
        n++;
      });
    }
    expect(checked).toHaveLength(n);
    expect(n).toBeGreaterThan(20);
  });

  it('strikes chrome through, paints categories, shows suggestions inline after their text', async () => {
    const chrome = await page.$$eval('#cl-articles .cl-text .hl.strike', (els) => els.map((e) => getComputedStyle(e).textDecorationLine));
    expect(chrome.length).toBeGreaterThan(0);
    for (const d of chrome) expect(d).toContain('line-through');
    const spacing = await page.$eval('#cl-articles .cl-text .hl.c-spacing', (e) => getComputedStyle(e).backgroundColor);
    expect(spacing).not.toBe('rgba(0, 0, 0, 0)');
    const withFix = report.articles.slice(0, 10).flatMap((a, i) => a.flags.map((f, j) => ({ f, key: `f-${i}-${j}` }))).filter((x) => x.f.suggestion !== undefined);
    expect(withFix.length).toBeGreaterThan(3);
    for (const { f, key } of withFix) {
      const ins = await page.$eval(`#cl-articles .cl-text ins.sugg[data-for="${key}"]`, (e) => {
        // Past the other suggestions and labels that end at the same place, to the highlighted run.
        let prev = e.previousElementSibling;
        while (prev && !prev.classList.contains('hl')) prev = prev.previousElementSibling;
        return { text: e.textContent, prev: prev?.getAttribute('data-m') ?? '' };
      });
      expect(ins.text).toBe(f.suggestion === '' ? '(delete)' : JSON.stringify(f.suggestion).slice(1, -1));
      expect(ins.prev.split(' ')).toContain(key);
    }
    const title = await page.$eval('#cl-articles .cl-text .hl.c-spacing', (e) => e.getAttribute('title'));
    expect(title).toMatch(/^(error|warning|info) spacing\/[a-z-]+: \S/m);
  });

  it('filters by category and severity hide and show flags, in the text and the side lists', async () => {
    const count = (sel: string): Promise<number> => page.$$eval(sel, (els) => els.length);
    const spacingFlags = report.articles.slice(0, 10).reduce((n, a) => n + a.flags.filter((f) => f.category === 'spacing').length, 0);
    expect(spacingFlags).toBeGreaterThan(0);
    expect(await count('#cl-articles .side li.c-spacing')).toBe(spacingFlags);
    await page.click('input[data-filter="cat"][value="spacing"]');
    expect(await count('#cl-articles .side li.c-spacing')).toBe(0);
    expect(await count('#cl-articles .cl-text [class*="c-spacing"]')).toBe(0);
    await page.click('input[data-filter="cat"][value="spacing"]');
    expect(await count('#cl-articles .side li.c-spacing')).toBe(spacingFlags);
    const infos = report.articles.slice(0, 10).reduce((n, a) => n + a.flags.filter((f) => f.severity === 'info').length, 0);
    expect(await count('#cl-articles .side li.s-info[data-m^="f-"]')).toBe(infos);
    await page.click('input[data-filter="sev"][value="info"]');
    expect(await count('#cl-articles .side li.s-info[data-m^="f-"]')).toBe(0);
    expect(await count('#cl-articles .side li.s-warning[data-m^="f-"]')).toBeGreaterThan(0);
    await page.click('input[data-filter="sev"][value="info"]');
    expect(await count('#cl-articles .side li.s-info[data-m^="f-"]')).toBe(infos);
  });

  it('shows a contradiction side by side, both spans highlighted, each side linked to the other', async () => {
    const k = report.comparisons.findIndex((c) => c.type === 'contradiction' && c.a.article === 'wire-a' && c.b.article === 'wire-b');
    expect(k).toBeGreaterThanOrEqual(0);
    const c = report.comparisons[k]!;
    const srcOf = (id: string): string => report.articles.find((a) => a.id === id)!.source;
    for (const s of ['a', 'b'] as const) {
      const text = await page.$$eval(`#cmp-${k} [data-m~="y-${k}-${s}"]`, (els) => els.map((e) => e.textContent).join(''));
      expect(text).toBe(bodyOf(srcOf(c[s].article)).slice(c[s].start, c[s].end));
    }
    // From the card into article A, then across to article B through the link beside the flag.
    await page.click(`#cmp-${k}-a a.open`);
    await page.waitForSelector(`#cl-articles .cl-text [data-m~="x-${k}-a"].on`);
    const onA = await page.$$eval(`#cl-articles .cl-text [data-m~="x-${k}-a"]`, (els) => els.map((e) => e.textContent).join(''));
    expect(onA).toBe(bodyOf(srcOf(c.a.article)).slice(c.a.start, c.a.end));
    await page.click(`#item-x-${k}-a a.other`);
    await page.waitForSelector(`#cl-articles .cl-text [data-m~="x-${k}-b"].on`);
    const onB = await page.$$eval(`#cl-articles .cl-text [data-m~="x-${k}-b"].on`, (els) => els.map((e) => e.textContent).join(''));
    expect(onB).toBe(bodyOf(srcOf(c.b.article)).slice(c.b.start, c.b.end));
    expect(await page.evaluate(() => location.hash)).toBe(`#x-${k}-b`);
    await page.$eval(`#cl-articles [data-m~="x-${k}-b"]`, (e) => e.closest('article')!.scrollIntoView());
    await page.screenshot({ path: join(TEST_OUTPUT, 'html-report-comparison.png') });
    await page.$eval(`#cmp-${k}`, (e) => e.scrollIntoView());
    await page.screenshot({ path: join(TEST_OUTPUT, 'html-report-side-by-side.png') });
  });

  it('moves from flag to flag with the keyboard', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    const first = await page.$eval('#cl-articles .side li.on', (e) => e.getAttribute('data-m'));
    const keys = await page.$$eval('#cl-articles .side li[data-m]', (els) => els.map((e) => e.getAttribute('data-m')));
    expect(first).toBe(keys[0]);
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await page.$eval('#cl-articles .side li.on', (e) => e.getAttribute('data-m'))).toBe(keys[2]);
    await page.keyboard.press('k');
    expect(await page.$eval('#cl-articles .side li.on', (e) => e.getAttribute('data-m'))).toBe(keys[1]);
    const marked = await page.$$eval(`#cl-articles .cl-text .hl.on`, (els) => els.length);
    expect(marked).toBeGreaterThan(0);
    await page.screenshot({ path: join(TEST_OUTPUT, 'html-report.png') });
  });

  it('prints readably: no controls, highlights kept, flag lists in full', async () => {
    await page.emulateMedia({ media: 'print' });
    expect(await page.$eval('.toolbar', (e) => getComputedStyle(e).display)).toBe('none');
    expect(await page.$eval('#cl-articles .side ol', (e) => getComputedStyle(e).overflow)).toBe('visible');
    expect(await page.$eval('#cl-articles .cl-text .hl.c-spacing', (e) => getComputedStyle(e).printColorAdjust)).toBe('exact');
    const pdf = await page.pdf({ format: 'A4' });
    writeFileSync(join(TEST_OUTPUT, 'html-report.pdf'), pdf);
    expect(pdf.length).toBeGreaterThan(10_000);
    await page.emulateMedia({ media: 'screen' });
  });

  it('keeps suppressed flags out of sight until asked for, never drops them', async () => {
    const marked: Report = structuredClone(report);
    const flag = marked.articles[1]!.flags[0]! as (typeof marked.articles)[number]['flags'][number] & { suppressed?: unknown };
    flag.suppressed = { kind: 'inSource', rule: flag.ruleId };
    const texts = new Map(marked.articles.map((a) => [a.id, bodyOf(a.source)]));
    const file = join(TEST_OUTPUT, 'report-suppressed.html');
    writeFileSync(file, renderHtml(marked, { texts }));
    const p = await browser.newPage();
    await p.goto(pathToFileURL(file).href);
    await p.waitForSelector('html[data-ready]');
    expect(await p.$$eval('#item-f-1-0', (els) => els.length)).toBe(0);
    expect(await p.$$eval('#item-f-1-1', (els) => els.length)).toBe(1);
    await p.click('input[data-filter="suppressed"]');
    expect(await p.$eval('#item-f-1-0', (e) => e.textContent)).toContain('(suppressed)');
    const text = await p.$$eval('#cl-articles .cl-text [data-m~="f-1-0"]', (els) => els.map((e) => e.textContent).join(''));
    expect(text).toBe(texts.get(marked.articles[1]!.id)!.slice(flag.start, flag.end));
    await p.close();
  });

  it('opens a batch of 1,000 articles and pages through it', async () => {
    const base = report.articles.slice(0, 3);
    const big: Report = structuredClone(report);
    big.articles = [];
    big.comparisons = [];
    const texts = new Map<string, string>();
    for (let i = 0; i < 1000; i++) {
      const a = structuredClone(base[i % base.length]!);
      a.id = `article-${i}`;
      a.source = `batch.jsonl:${i + 1}`;
      texts.set(a.id, bodyOf(base[i % base.length]!.source));
      big.articles.push(a);
    }
    big.summary = { ...big.summary, articles: 1000 };
    const file = join(TEST_OUTPUT, 'report-1000.html');
    writeFileSync(file, renderHtml(big, { texts }));
    const p = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const started = Date.now();
    await p.goto(pathToFileURL(file).href);
    await p.waitForSelector('html[data-ready]');
    const ms = Date.now() - started;
    process.stdout.write(`1,000-article HTML report (${(readFileSync(file).length / 1e6).toFixed(1)} MB) ready in ${ms} ms (wall clock, shared machine)\n`);
    expect(await p.$$eval('#cl-index-body tr', (els) => els.length)).toBe(1000);
    expect(await p.$$eval('#cl-articles article.art', (els) => els.length)).toBe(10);
    await p.keyboard.press(']');
    expect(await p.$eval('#cl-articles article.art', (e) => e.id)).toBe('article-10');
    await p.click('#cl-index-body tr[data-a="537"]');
    await p.waitForSelector('#article-537');
    await p.close();
  });
});
