// The package as a user gets it: packed, installed into an empty project, imported by name under plain node.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/tmp.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the packed package', () => {
  const { dir } = tempDir();
  it('installs and imports by name: createChecker, check, checkStream in input order on two threads, compare', () => {
    const packDir = join(dir, 'pack');
    mkdirSync(packDir);
    execFileSync(npm, ['pack', '--ignore-scripts', '--pack-destination', packDir], { cwd: ROOT, stdio: 'pipe' });
    const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
    const app = join(dir, 'app');
    mkdirSync(app);
    writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'app', version: '1.0.0', type: 'module', private: true }));
    execFileSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball], { cwd: app, stdio: 'pipe', timeout: 240_000 });
    writeFileSync(
      join(app, 'main.mjs'),
      `import { createChecker, SCHEMA_VERSION } from 'credlint';
const checker = createChecker({ configFile: null, jobs: 2 });
const one = checker.check({ id: 'one', source: 'one', title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt',
  body: 'Prices rose in Tianjin,China on Monday.The market closed early.' });
async function* articles() {
  for (let i = 0; i < 40; i++) yield { id: 'a' + i, source: 's', title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt',
    body: 'Story ' + i + ' says the council met on Tuesday.' + ' The vote was close.'.repeat(i % 7 + 1) };
}
const ids = [];
const facts = [];
for await (const r of checker.checkStream(articles())) { ids.push(r.article.id); if (r.output) facts.push(r.output.facts); }
const cmp = checker.compare(facts);
console.log(JSON.stringify({ schema: SCHEMA_VERSION, spacing: one.result.flags.filter((f) => f.category === 'spacing').map((f) => f.text), ids, comparisons: cmp.comparisons.length }));
`,
    );
    const r = spawnSync(process.execPath, ['main.mjs'], { cwd: app, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    const out = JSON.parse(r.stdout) as { schema: string; spacing: string[]; ids: string[]; comparisons: number };
    expect(out.schema).toMatch(/^\d+\.\d+\.\d+$/);
    expect(out.spacing).toEqual([',', '.']);
    expect(out.ids).toEqual(Array.from({ length: 40 }, (_, i) => `a${i}`));
    expect(out.comparisons).toBeGreaterThan(0);

    // The published types stand alone: a TypeScript project without @types/node compiles against them.
    writeFileSync(
      join(app, 'consumer.ts'),
      `import { createChecker, normalizeArticle, type Report } from 'credlint';
const checker = createChecker({ config: { rules: {} } });
export const report: Promise<Report> = checker.checkBatch([{ body: 'A story.' }]);
export const n = normalizeArticle({ body: 'A story.' });
`,
    );
    writeFileSync(join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, noEmit: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022'], types: [] }, files: ['consumer.ts'] }));
    const tsc = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', app], { cwd: app, encoding: 'utf8' });
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);

    // The installed bin (bundled at build): one article on the main thread, and a batch on worker threads,
    // which load the package's unbundled modules from the bundle's folder.
    const bin = join(app, 'node_modules', '.bin', 'credlint');
    const one1 = spawnSync(bin, ['check', join(ROOT, 'samples', 'clean-council-budget.txt')], { cwd: app, encoding: 'utf8' });
    expect(one1.stderr).toBe('');
    expect(JSON.parse(one1.stdout).articles[0].verdict).toBe('pass');
    const batch = join(app, 'batch.jsonl');
    writeFileSync(batch, Array.from({ length: 20 }, (_, i) => JSON.stringify({ id: `b${i}`, body: `Story ${i} says the council met on Tuesday.The vote was close.` })).join('\n'));
    const many = spawnSync(bin, ['check', batch, '-j', '2', '--format', 'jsonl'], { cwd: app, encoding: 'utf8' });
    expect(many.stderr).toBe('');
    const lines = many.stdout.trim().split('\n').map((l) => JSON.parse(l) as { type: string; article?: { id: string } });
    expect(lines.filter((l) => l.type === 'article').map((l) => l.article!.id)).toEqual(Array.from({ length: 20 }, (_, i) => `b${i}`));
  }, 300_000);
});
