import { closeSync, copyFileSync, constants, existsSync, openSync, readSync, writeFileSync } from 'node:fs';
import { fixArticle, type FixResult } from '../fix/apply-fixes.js';
import { readArticles } from '../input/read-articles.js';
import { articleFiles, guardOutputs, writeOutput, writeProblem } from './output.js';
import { loadSetup, setupFiles } from './setup.js';
import { UsageError } from './usage-error.js';

export interface FixCommandOptions {
  out?: string;
  inPlace?: boolean;
  strip?: boolean;
  rules: string[];
  config?: string;
  quiet?: boolean;
}

const BACKUP = '.orig';

/** The loaders drop a UTF-8 byte-order mark; a fixed text keeps the one its file had (standard input: none kept). */
function hasBom(path: string): boolean {
  if (path === '-') return false;
  const fd = openSync(path, 'r');
  try {
    const b = Buffer.alloc(3);
    return readSync(fd, b, 0, 3, 0) === 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  } finally {
    closeSync(fd);
  }
}

function summary(path: string, r: FixResult): string {
  const byRule = new Map<string, number>();
  for (const p of r.passes) for (const f of p.applied) byRule.set(f.ruleId, (byRule.get(f.ruleId) ?? 0) + 1);
  const n = [...byRule.values()].reduce((a, b) => a + b, 0);
  const detail = [...byRule].map(([id, k]) => `${id} ${k}`).join(', ');
  const pending = r.pending ? `; ${r.pending} fix(es) still proposed after the last pass, left as they are` : '';
  return `credlint: ${path}: ${n} fix(es)${n ? ` in ${r.passes.length} pass(es): ${detail}` : ''}${pending}\n`;
}

/**
 * `credlint fix FILE...`: applies the mechanical fixes of the rules the configuration lists as safe
 * (`fix.safe`) and, with --strip, removes chrome. Writes to standard output, to --out, or with --in-place
 * over the file after keeping FILE.orig (and refuses when that backup exists: it would be lost).
 */
export function runFix(paths: string[], opts: FixCommandOptions): number {
  if (paths.length === 0) throw new UsageError('fix: name at least one file');
  if (opts.inPlace && opts.out) throw new UsageError('fix: --in-place and --out do not go together');
  if (paths.length > 1 && !opts.inPlace) throw new UsageError('fix: several files need --in-place (standard output and --out take one)');
  const { config, rules } = loadSetup(opts);
  const out = opts.out ? { option: '--out', path: opts.out } : undefined;
  if (out) guardOutputs([out], [...articleFiles(paths, 'the file to fix (--in-place rewrites it, keeping FILE.orig)'), ...setupFiles(config, opts)]);
  let code = 0;
  for (const path of paths) {
    if (opts.inPlace) {
      if (path === '-') throw new UsageError('fix: --in-place needs a file, not standard input');
      if (path.endsWith(BACKUP)) throw new UsageError(`fix: ${path} is a backup; credlint does not fix its own backups`);
      if (existsSync(path + BACKUP)) {
        process.stderr.write(`credlint: ${path}: ${path}${BACKUP} exists: fix already ran over this file; compare the two, then remove the backup to fix again\n`);
        code = 2;
        continue;
      }
    }
    const { articles, errors } = readArticles(path);
    if (errors.length) {
      process.stderr.write(`credlint: ${errors[0]!.source}: ${errors[0]!.message}\n`);
      code = 2;
      continue;
    }
    const article = articles[0];
    if (articles.length !== 1 || !article || (article.format !== 'txt' && article.format !== 'md' && !(article.format === 'html' && !opts.inPlace))) {
      process.stderr.write(`credlint: ${path}: fix works on one article of plain text or Markdown (HTML to standard output or --out only, as text); this is ${articles.length === 1 ? article!.format : `${articles.length} articles`}\n`);
      code = 2;
      continue;
    }
    const result = fixArticle(article, rules, config, { strip: opts.strip });
    // The text as read lost its byte order mark; the output is the input with only the fixed spans changed.
    const text = (hasBom(path) ? '\ufeff' : '') + result.text;
    // Before the summary: an --out that cannot be written is its one line, not a count of fixes that went nowhere.
    if (out) writeOutput(out, text);
    if (!opts.quiet) process.stderr.write(summary(path, result));
    if (opts.inPlace) {
      if (result.text === article.body) continue;
      if (!rewriteKeepingBackup(path, text)) code = 2;
    } else if (!out) process.stdout.write(text);
  }
  return code;
}

/**
 * Keeps FILE.orig (never over an existing one), then writes the fixed text through FILE itself: the same file,
 * so its permissions, its owner, a symlink to it and its other hard links stay as they were (writing a new file
 * and renaming it over would lose all four). A write that fails part-way leaves the backup whole. False, with its
 * one line on stderr, when either step fails.
 */
function rewriteKeepingBackup(path: string, text: string): boolean {
  try {
    copyFileSync(path, path + BACKUP, constants.COPYFILE_EXCL);
  } catch (e) {
    process.stderr.write(`credlint: ${path}: the backup ${path}${BACKUP} cannot be written (${writeProblem(e)}); the file is unchanged\n`);
    return false;
  }
  try {
    writeFileSync(path, text);
    return true;
  } catch (e) {
    process.stderr.write(`credlint: ${path}: cannot be rewritten (${writeProblem(e)}); the original is in ${path}${BACKUP}\n`);
    return false;
  }
}
