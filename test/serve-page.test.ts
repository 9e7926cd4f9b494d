// The editor's page in headless Chromium (playwright-core driving Debian's /usr/bin/chromium): paste the first
// founding article, see its chrome and date flags highlighted, apply a spacing fix and see that flag go.
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HAS_SHARED, ROOT, seed } from './helpers/run.js';
import { serveIf } from './helpers/serve.js';

const CHROMIUM = '/usr/bin/chromium';
const HAS_CHROMIUM = existsSync(CHROMIUM);
const OUT = join(ROOT, 'test-output');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

if (!HAS_CHROMIUM) console.log(`serve-page: ${CHROMIUM} is missing (apt install chromium); the page tests are skipped`);
if (!HAS_SHARED) console.log('serve-page: ../shared is missing; the founding-article page test is skipped');

describe.skipIf(!HAS_CHROMIUM)('the editor page in Chromium', async () => {
  const { chromium } = await import('playwright-core');
  const s = await serveIf(HAS_CHROMIUM, ['--workers', '1']);

  it.skipIf(!HAS_SHARED)('highlights the chrome and date flags of the first founding article, applies a spacing fix, compares two articles', async () => {
    const text = seed('belarus-sco-membership.txt');
    const other = seed('lukashenko-tianjin.txt');
    mkdirSync(OUT, { recursive: true });
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 1600 } });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => (m.type() === 'error' ? problems.push(m.text()) : undefined));
      // Only this server is ever asked for anything: the page has no external assets.
      const foreign: string[] = [];
      page.on('request', (r) => (r.url().startsWith(s.url) ? undefined : foreign.push(r.url())));
      await page.goto(`${s.url}/`);

      // Paste (fill the box as a paste would) and check from the keyboard.
      await page.locator('#article').fill(text);
      await page.locator('#article').press('Control+Enter');
      await page.locator('#verdict .badge').waitFor();
      expect(await page.locator('#verdict .badge').textContent()).toMatch(/review|fail/);
      expect(await page.locator('#verdict').textContent()).toMatch(/score \d+/);

      // The chrome flag covers the breadcrumb left at the end; the date flag covers "July".
      const marked = async (cls: string): Promise<string> => (await page.locator(`#view mark.${cls}`).allTextContents()).join('|');
      expect(await marked('cat-chrome')).toContain('Truth Social Media Politics');
      expect(await marked('cat-dates')).toContain('July');
      // The highlighted view holds the article exactly: highlighting never changes the text.
      expect(await page.locator('#view').textContent()).toBe(text);
      await page.screenshot({ path: join(OUT, 'serve-page-flags.png'), fullPage: true });

      // Apply the spacing fix ("on16.10.2025" → "on 16.10.2025") with one click; the page checks again.
      const spacing = page.locator('li.flag[data-rule="spacing/word-glued-to-number"]');
      expect(await spacing.count()).toBe(1);
      await spacing.locator('button.apply').click();
      await page.waitForFunction(() => !document.querySelector('li.flag[data-rule="spacing/word-glued-to-number"]') && document.getElementById('status')!.textContent!.includes('flag'));
      const fixed = await page.locator('#article').inputValue();
      expect(fixed).toContain('on 16.10.2025');
      expect(fixed).not.toContain('on16.10.2025');
      expect(fixed.length).toBe(text.length + 1);
      expect(await page.locator('li.flag[data-rule="spacing/word-glued-to-number"]').count()).toBe(0);
      // The other flags are still there.
      expect(await marked('cat-chrome')).toContain('Truth Social Media Politics');

      // Compare with the second founding article: both sides highlighted.
      await page.locator('#other').fill(other);
      await page.locator('#compare-btn').click();
      await page.locator('#pair').waitFor();
      await page.waitForFunction(() => document.getElementById('status')!.textContent!.includes('comparison'));
      const count = await page.locator('#comparisons li').count();
      if (count > 0) {
        expect(await page.locator('#side-a mark').count()).toBeGreaterThan(0);
        expect(await page.locator('#side-b mark').count()).toBeGreaterThan(0);
        await page.locator('#comparisons li button').first().click();
        expect(await page.locator('#side-a mark.active').count()).toBeGreaterThan(0);
        expect(await page.locator('#side-b mark.active').count()).toBeGreaterThan(0);
      }
      await page.screenshot({ path: join(OUT, 'serve-page-compare.png'), fullPage: true });
      expect(problems).toEqual([]);
      expect(foreign).toEqual([]);
      console.log(`serve-page: screenshots in ${OUT}; ${count} comparison(s) between the founding articles`);
    } finally {
      await browser.close();
    }
  });

  it('a dropped HTML page is read as the text credlint checks, and its flags are highlighted there', async () => {
    const html = '<!doctype html><html><head><title>Summit</title><meta property="article:published_time" content="2025-09-02"></head><body><nav><a href="/">Home</a></nav><article><h1>Summit opens</h1><p>The delegation landed in <b>Tianjin,China,to</b> attend the summit.</p><p>Talks covered trade and security, officials said.</p></article></body></html>';
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(`${s.url}/`);
      const drop = await page.evaluateHandle((content) => {
        const dt = new DataTransfer();
        dt.items.add(new File([content], 'story.html', { type: 'text/html' }));
        return dt;
      }, html);
      await page.locator('#article').dispatchEvent('drop', { dataTransfer: drop });
      await page.locator('#verdict .badge').waitFor();
      const text = await page.locator('#article').inputValue();
      expect(text).not.toContain('<');
      expect(text).toContain('Tianjin,China,to');
      expect(await page.locator('#publishedAt').inputValue()).toBe('2025-09-02');
      expect(await page.locator('#view').textContent()).toBe(text);
      expect((await page.locator('#view mark.cat-spacing').allTextContents()).join('')).toContain(',');
    } finally {
      await browser.close();
    }
  });

  it('applies all safe fixes at once, from the end backwards, and copies nothing it should not change', async () => {
    const text = 'Officials met in Tianjin,China,to discuss trade.The talks covered security,trade,and energy on Monday.\n\nThe the minister spoke afterwards.\n';
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true });
    try {
      const page = await browser.newPage();
      await page.goto(`${s.url}/`);
      await page.locator('#article').fill(text);
      await page.locator('#check').click();
      await page.locator('#verdict .badge').waitFor();
      const before = await page.locator('li.flag').count();
      expect(await page.locator('#fix-all').isEnabled()).toBe(true);
      await page.locator('#fix-all').click();
      await page.waitForFunction(() => document.getElementById('status')!.textContent!.startsWith('0 ') || /^\d+ flag/.test(document.getElementById('status')!.textContent!));
      await page.waitForFunction(() => /^\d+ flag/.test(document.getElementById('status')!.textContent!));
      const fixed = await page.locator('#article').inputValue();
      expect(fixed).toContain('Tianjin, China, to');
      expect(fixed).toContain('security, trade, and');
      // Every word survives, in order.
      expect(fixed.match(/[A-Za-z0-9]+/g)!.join(' ').toLowerCase().replace(/\bthe the\b/, 'the')).toBe(text.match(/[A-Za-z0-9]+/g)!.join(' ').toLowerCase().replace(/\bthe the\b/, 'the'));
      expect(await page.locator('li.flag').count()).toBeLessThan(before);
      expect(await page.locator('li.flag[data-rule^="spacing/missing-space-after-comma"]').count()).toBe(0);
      // Keyboard: Tab reaches the highlighted flags; Enter on one selects its entry in the list.
      const firstMark = page.locator('#view mark').first();
      if (await firstMark.count()) {
        await firstMark.focus();
        await page.keyboard.press('Enter');
        expect(await page.locator('li.flag.active').count()).toBe(1);
      }
    } finally {
      await browser.close();
    }
  });
});
