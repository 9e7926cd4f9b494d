import { readdirSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import type { InputError } from '../types.js';
import { globBase, globToRegExp, isGlob } from './glob.js';
import { EXTENSIONS } from './limits.js';

export interface InputFile {
  /** The path as the user gave it (or as found under a folder they gave), or '-' for stdin. */
  path: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git']);
const SUPPORTED = Object.keys(EXTENSIONS).join(', ');

/** Files under a folder with a supported extension, sorted, skipping hidden entries. */
function walk(dir: string, into: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    if (e.name.startsWith('.') || SKIP_DIRS.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, into);
    else if (e.isFile() && EXTENSIONS[extname(e.name).toLowerCase()]) into.push(p);
  }
}

/** Paths, folders (recursive) and globs → the files to read, in a stable order, plus what could not be found. */
export function expandPaths(args: string[]): { files: InputFile[]; errors: InputError[] } {
  const files: InputFile[] = [];
  const errors: InputError[] = [];
  const seen = new Set<string>();
  const add = (p: string): void => {
    if (!seen.has(p)) {
      seen.add(p);
      files.push({ path: p });
    }
  };
  for (const arg of args) {
    if (arg === '-') {
      add('-');
      continue;
    }
    let stat;
    try {
      stat = statSync(arg);
    } catch {
      stat = null;
    }
    if (stat?.isFile()) add(arg);
    else if (stat?.isDirectory()) {
      const found: string[] = [];
      walk(arg, found);
      if (found.length === 0) errors.push({ source: arg, message: `folder has no articles (no ${SUPPORTED} files)` });
      found.forEach(add);
    } else if (!stat && isGlob(arg)) {
      const base = globBase(arg);
      const re = globToRegExp(arg.split(sep).join('/'));
      const found: string[] = [];
      walk(base, found);
      const matched = found.filter((p) => re.test(p.split(sep).join('/')) || re.test(relative('.', p).split(sep).join('/')));
      if (matched.length === 0) errors.push({ source: arg, message: 'no files match this pattern' });
      matched.forEach(add);
    } else if (stat) errors.push({ source: arg, message: 'not a file or folder' });
    else errors.push({ source: arg, message: 'no such file or folder' });
  }
  return { files, errors };
}
