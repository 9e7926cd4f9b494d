// A one-article run of the bin starts lean: the bundled bin (scripts/bundle-cli.mjs) gives the same reports as the
// unbundled program, and the shipped packs, presets and word lists, validated at build time, do not load ajv.
// How long it takes is measured in `npm run bench -- --single`, not here.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLI, ROOT } from './helpers/paths.js';
import { tempDir } from './helpers/tmp.js';

const PROGRAM = join(ROOT, 'dist', 'cli', 'program.js');
const run = (script: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(process.execPath, [script, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
const masked = (s: string): string => s.replace(/"durationMs": ?\d+/g, '"durationMs":0').replace(/\(\d+ ms\)/g, '(N ms)');
/** The CommonJS packages a run loaded, from node's module debug log. */
const packagesLoaded = (stderr: string): Set<string> => new Set([...stderr.matchAll(/node_modules\/((?:@[^/]+\/)?[^/"]+)/g)].map((m) => m[1]!));

describe('CLI start-up', () => {
  const t = tempDir();

  it.skipIf(!existsSync(PROGRAM))('the bundled bin and the unbundled program write the same reports', () => {
    for (const args of [['check', 'samples/'], ['check', '-f', 'text', '--no-color', 'samples/harbour-page.html'], ['rules', '--json']]) {
      const bundled = run(CLI, args);
      const plain = run(PROGRAM, args);
      expect(bundled.stderr, args.join(' ')).toBe(plain.stderr);
      expect(bundled.status, args.join(' ')).toBe(plain.status);
      expect(masked(bundled.stdout), args.join(' ')).toBe(masked(plain.stdout));
      expect(bundled.stdout.length).toBeGreaterThan(100);
    }
  });

  it('one article with the shipped rules and presets does not load ajv; a user configuration is validated with it', () => {
    const shipped = run(CLI, ['check', 'samples/clean-council-budget.txt'], { NODE_DEBUG: 'module' });
    expect(shipped.status).toBe(0);
    const loaded = packagesLoaded(shipped.stderr);
    // The bundle carries commander: no CommonJS package need load here. The user-configuration run below shows the
    // log does list the packages a run loads (ajv), so this absence is not a blind spot of the log.
    expect(loaded.has('ajv')).toBe(false);

    const config = t.put('.credlintrc.json', JSON.stringify({ extends: 'credlint:strict', rules: { 'spacing/doubled-space': 'off' } }));
    const user = run(CLI, ['check', '-c', config, 'samples/clean-council-budget.txt'], { NODE_DEBUG: 'module' });
    expect(user.status).toBe(0);
    expect(packagesLoaded(user.stderr).has('ajv')).toBe(true);

    const bad = run(CLI, ['check', '-c', t.put('bad.json', JSON.stringify({ rules: 5 })), 'samples/clean-council-budget.txt']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.json: \/rules: /);
  });

  // The bin runs dist/cli/bundle.cjs with V8's code cache made at build time (scripts/code-cache.mjs): a cache that
  // is not for these bytes, or that V8 refuses, or no bundle at all must each give the same report, not a crash.
  it.skipIf(!existsSync(join(ROOT, 'dist', 'cli', 'bundle.cjs.cache')))('a stale, refused or missing code cache, or a missing bundle, changes nothing', () => {
    const pkg = join(t.dir, 'pkg');
    for (const d of ['dist', 'rules', 'presets', 'schemas', 'package.json']) cpSync(join(ROOT, d), join(pkg, d), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const bin = join(pkg, 'dist', 'cli', 'main.js');
    const cache = join(pkg, 'dist', 'cli', 'bundle.cjs.cache');
    const article = join(ROOT, 'samples', 'scraped-harbour-page.txt');
    const expected = run(CLI, ['check', article]);
    expect(expected.status).toBe(0);
    expect((JSON.parse(expected.stdout) as { articles: Array<{ flags: unknown[] }> }).articles[0]!.flags.length).toBeGreaterThan(0);
    const same = (why: string): void => {
      const r = run(bin, ['check', article]);
      expect(r.stderr, why).toBe(expected.stderr);
      expect(r.status, why).toBe(expected.status);
      expect(masked(r.stdout), why).toBe(masked(expected.stdout));
    };
    same('the cache as built');
    const good = readFileSync(cache);
    const stale = Buffer.from(good);
    stale[0] ^= 0xff; // the digest of other bytes: the bundle changed since the cache was made
    writeFileSync(cache, stale);
    same('a cache made for other bytes');
    const refused = Buffer.from(good);
    refused.fill(7, 32, 96); // the right digest, a payload V8 refuses
    writeFileSync(cache, refused);
    same('a cache V8 refuses');
    rmSync(cache);
    same('no cache');
    rmSync(join(pkg, 'dist', 'cli', 'bundle.cjs'));
    same('no bundle (the unbundled program runs)');
  });
});

// The shipped packs' preparation is read from dist/build-cache.json (src/shipped/build-cache.ts), keyed by each
// pack's content hash: no table, an unreadable one, or a pack edited since the build must each be prepared afresh.
describe('CLI start-up: the build-time preparation', () => {
  const t = tempDir();

  it.skipIf(!existsSync(join(ROOT, 'dist', 'build-cache.json')))('a missing or broken table, or an edited pack, gives what preparing afresh gives', () => {
    const pkg = join(t.dir, 'pkg');
    for (const d of ['dist', 'rules', 'presets', 'schemas', 'package.json']) cpSync(join(ROOT, d), join(pkg, d), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'));
    const bin = join(pkg, 'dist', 'cli', 'main.js');
    const table = join(pkg, 'dist', 'build-cache.json');
    const built = readFileSync(table);
    const article = join(ROOT, 'samples', 'scraped-harbour-page.txt');
    const report = (): string => {
      const r = run(bin, ['check', article]);
      expect(r.status, r.stderr).toBe(0);
      return masked(r.stdout);
    };
    const expected = masked(run(CLI, ['check', article]).stdout);
    expect(report()).toBe(expected);
    rmSync(table);
    expect(report(), 'no table').toBe(expected);
    writeFileSync(table, '{"spun-collocation-bits": 7, "phrase-groups": {');
    expect(report(), 'an unreadable table').toBe(expected);
    writeFileSync(table, 'null');
    expect(report(), 'a table of the wrong shape').toBe(expected);

    // Entries the build made from the packs as shipped must not answer for the packs edited: a variant and a phrase
    // of this article added, each must flag, as it does when nothing is cached.
    const edit = (name: string, change: (pack: { rules: Array<{ options: Record<string, unknown> }> }) => void): void => {
      const file = join(pkg, 'rules', name);
      const pack = JSON.parse(readFileSync(file, 'utf8')) as { rules: Array<{ options: Record<string, unknown> }> };
      change(pack);
      writeFileSync(file, JSON.stringify(pack));
    };
    edit('spun-collocations.json', (p) => ((p.rules[0]!.options.terms as Record<string, string[]>)['quay wall'] = ['eastern quay']));
    edit('tortured-phrases.json', (p) => (p.rules[0]!.options.phrases as unknown[]).push({ phrase: 'flood wall', suggestion: 'levee' }));
    writeFileSync(table, built);
    const edited = report();
    rmSync(table);
    expect(edited).toBe(report());
    const flagged = (JSON.parse(edited) as { articles: Array<{ flags: Array<{ ruleId: string; text: string }> }> }).articles[0]!.flags.map((f) => `${f.ruleId} ${f.text}`);
    expect(flagged).toContain('tortured-phrase/spun-collocation eastern quay');
    expect(flagged).toContain('tortured-phrase/published-fingerprint Flood Wall');
  });
});
