import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LoadedRule } from '../../src/detectors/detector.js';
import { checkArticle } from '../../src/engine/check-article.js';
import { defaultConfig, type Config } from '../../src/rules/config.js';
import { loadRules } from '../../src/rules/load-rules.js';
import type { Article, ArticleResult, Report } from '../../src/types.js';
import { assertValidReport } from './report-schema.js';

import { CLI, ROOT, SHARED } from './paths.js';

export { CLI, HAS_SHARED, ROOT, SHARED } from './paths.js';

/** Runs the built CLI under plain node (not vitest's module loader), as a user would. */
export function cli(args: string[], opts: { input?: string; cwd?: string } = {}): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: opts.cwd ?? ROOT, input: opts.input ?? '', encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** `credlint check ... --format json`, parsed and validated against the report schema (every report the suite makes is). */
export function cliReport(args: string[], opts: { input?: string; cwd?: string } = {}): { status: number; report: Report; stderr: string } {
  const r = cli(['check', ...args, '--format', 'json'], opts);
  let report: Report;
  try {
    report = JSON.parse(r.stdout) as Report;
  } catch {
    throw new Error(`credlint printed no JSON report (exit ${r.status}): ${r.stderr.slice(0, 500)}`);
  }
  assertValidReport(report);
  return { status: r.status, report, stderr: r.stderr };
}

let cachedRules: LoadedRule[] | null = null;
export function builtinRules(): LoadedRule[] {
  return (cachedRules ??= loadRules(defaultConfig()));
}

export function article(body: string, extra: Partial<Article> = {}): Article {
  return { id: 'test', source: 'test', title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body, ...extra };
}

/** Checks a text with the built-in rules (or those whose id starts with `prefix`). */
export function check(body: string, prefix = '', extra: Partial<Article> = {}, config: Config = defaultConfig()): ArticleResult {
  const rules = builtinRules().filter((r) => r.id.startsWith(prefix));
  return checkArticle(article(body, extra), rules, config).result;
}

export function seed(name: string): string {
  return readFileSync(join(SHARED, 'corpus', 'seeds', name), 'utf8');
}

export interface Page {
  id: string;
  url: string;
  body: string;
  page: string;
}
export function newsPages(): Page[] {
  return readFileSync(join(SHARED, 'corpus', 'news-pages', 'pages.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Page);
}
