// Makes `node_modules/.bin/credlint` point at the built CLI, so the project's own scripts, the
// evaluation scripts in ../shared and editors' tooling find it the same way they find any installed bin.
import { chmodSync, lstatSync, mkdirSync, symlinkSync, unlinkSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const target = join(root, 'dist', 'cli', 'main.js');
const link = join(root, 'node_modules', '.bin', 'credlint');
mkdirSync(dirname(link), { recursive: true });
try {
  lstatSync(link);
  unlinkSync(link);
} catch {
  /* no link yet */
}
symlinkSync(relative(dirname(link), target), link);
chmodSync(target, 0o755);
