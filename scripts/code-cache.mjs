#!/usr/bin/env node
// Last build step: V8's code cache for the bundled CLI (dist/cli/bundle.cjs.cache, read by dist/cli/bundle-loader.js).
// The cache holds the code V8 compiled while the bundle checked one article, so it covers what a one-article
// run compiles. Made in a child process started like a user's run (plain node, no flags), since V8 refuses a
// cache made under other flags. Skipped, with one line, when there is no bundle (a build without esbuild).
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const cliDir = join(root, 'dist', 'cli');
const loader = join(cliDir, 'bundle-loader.js');
const cache = join(cliDir, 'bundle.cjs.cache');
// An article with site chrome, dates and flags: most detectors' paths, as a user's run takes them.
const ARTICLE = join(root, 'samples', 'scraped-harbour-page.txt');

rmSync(cache, { force: true });
if (!existsSync(join(cliDir, 'bundle.cjs'))) {
  console.error('code-cache: no bundled CLI (dist/cli/bundle.cjs); no code cache');
  process.exit(0);
}
if (!existsSync(ARTICLE)) {
  console.error(`code-cache: ${ARTICLE} is missing; no code cache (the CLI compiles as usual)`);
  process.exit(0);
}
const run = `process.argv.splice(1, 0, ${JSON.stringify(join(cliDir, 'main.js'))}, 'check', ${JSON.stringify(ARTICLE)}, '--quiet');
(await import(${JSON.stringify(pathToFileURL(loader).href)})).runBundle({ writeCache: true });`;
const child = spawnSync(process.execPath, ['--input-type=module', '-e', run], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_OPTIONS: '' } });
if (child.status === null || child.status > 1 || !existsSync(cache)) {
  rmSync(cache, { force: true });
  console.error(`code-cache: the check run failed (exit ${child.status ?? child.signal}); no code cache`);
}
