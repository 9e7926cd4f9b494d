#!/usr/bin/env node
// Rendering cost of each report format on a generated batch (not part of `npm test`), and how long the HTML
// report takes to open in headless Chromium where /usr/bin/chromium exists.
// Usage: npm run bench:formats [-- --size 1000]   (needs ../shared for the generated batch; `npm run build` first)
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);
const size = Number(arg('--size', '1000'));
const dir = mkdtempSync(join(tmpdir(), 'credlint-bench-formats-'));
try {
  const batch = join(dir, 'batch.jsonl');
  const w = spawnSync(process.execPath, [join(ROOT, 'scripts', 'bench.mjs'), '--write', batch, '--sizes', String(size)], { encoding: 'utf8' });
  if (w.status !== 0) throw new Error(w.stderr);
  const { createChecker } = await import(join(ROOT, 'dist', 'index.js'));
  const { loadArticles } = await import(join(ROOT, 'dist', 'input', 'read-articles.js'));
  const { FORMATS } = await import(join(ROOT, 'dist', 'report', 'formats', 'index.js'));
  const checker = createChecker({ configFile: null });
  const { articles } = loadArticles([batch]);
  const report = await checker.checkBatch(articles, [], { jobs: 2 });
  const texts = new Map(articles.map((a) => [a.id, a.body]));
  const rules = checker.rules.map((r) => ({ id: r.id, category: r.category, severity: r.severity, description: r.description, enabled: r.enabled, examples: r.examples }));
  const flags = report.articles.reduce((n, a) => n + a.flags.length, 0);
  console.log(`${report.articles.length} articles, ${flags} flags, ${report.comparisons.length} comparisons`);
  let htmlFile = null;
  for (const f of FORMATS.values()) {
    const cpu = process.cpuUsage();
    const out = f.render(report, { texts, rules });
    const used = process.cpuUsage(cpu);
    console.log(`  ${f.name.padEnd(8)} ${((used.user + used.system) / 1000).toFixed(0).padStart(6)} ms CPU  ${(Buffer.byteLength(out) / 1e6).toFixed(2).padStart(7)} MB`);
    if (f.name === 'html') writeFileSync((htmlFile = join(dir, 'report.html')), out);
  }
  if (existsSync('/usr/bin/chromium') && htmlFile) {
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    await page.goto(pathToFileURL(htmlFile).href);
    await page.waitForSelector('html[data-ready]');
    const ready = await page.evaluate(() => performance.now());
    const t0 = await page.evaluate(() => performance.now());
    await page.keyboard.press(']');
    const t1 = await page.evaluate(() => performance.now());
    console.log(`  html in Chromium: ready ${ready.toFixed(0)} ms after navigation; next page of 10 articles ${(t1 - t0).toFixed(0)} ms`);
    await browser.close();
  } else console.log('  (no /usr/bin/chromium: the HTML was not opened)');
} finally {
  rmSync(dir, { recursive: true, force: true });
}
