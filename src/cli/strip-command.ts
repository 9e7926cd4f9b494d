import type { LoadedRule } from '../detectors/detector.js';
import { collectBatchHints } from '../engine/batch-hints.js';
import { checkArticle } from '../engine/check-article.js';
import { stripSpans } from '../chrome/strip.js';
import { jsonlRecords, readArticles, readSourceText } from '../input/read-articles.js';
import { bodyKeyOf, recordToArticle } from '../input/record.js';
import type { Config } from '../rules/config.js';
import type { Article } from '../types.js';
import { loadSetup } from './setup.js';
import { UsageError } from './usage-error.js';

export interface StripOptions {
  jsonl?: boolean;
  rules: string[];
  config?: string;
}

/** The article's text with its chrome flags' spans cut out: the same classification `check` reports. */
function stripArticle(article: Article, rules: readonly LoadedRule[], config: Config, hints: ReturnType<ReturnType<typeof collectBatchHints>>): { body: string; removed: number } {
  const { result } = checkArticle(article, rules, config, hints);
  const s = stripSpans(article.body, result.flags.filter((f) => f.category === 'chrome'));
  return { body: s.text, removed: s.removed };
}

function readInput(path: string): string {
  const read = readSourceText(path);
  if ('problem' in read) throw new UsageError(`strip: ${path}: ${read.problem}`);
  return read.text;
}

/**
 * `credlint strip FILE|-`: prints the article without its site chrome. With --jsonl, reads article records
 * one per line and writes the same records with the body replaced and a `removed` count (chrome spans cut).
 * Output goes to standard output only, so the input is never written over.
 */
export function runStrip(path: string | undefined, opts: StripOptions): number {
  if (!path) throw new UsageError('strip: name one file (or "-" for standard input)');
  const { config, rules } = loadSetup(opts);
  const chromeRules = rules.filter((r) => r.category === 'chrome');
  if (opts.jsonl) {
    const records: { rec: Record<string, unknown>; key: string; article: Article }[] = [];
    for (const line of jsonlRecords(readInput(path), path)) {
      if ('problem' in line) throw new UsageError(`strip: ${line.where}: ${line.problem}`);
      const r = recordToArticle(line.record, { source: line.where, fallbackId: line.where, format: 'jsonl' });
      if ('problem' in r) throw new UsageError(`strip: ${line.where}: ${r.problem}`);
      const rec = line.record as Record<string, unknown>;
      records.push({ rec, key: bodyKeyOf(rec)!, article: r.article });
    }
    if (records.length === 0) throw new UsageError(`strip: ${path}: no article records`);
    const hintsFor = collectBatchHints(records.map((r) => r.article));
    const out: string[] = [];
    for (const { rec, key, article } of records) {
      const s = stripArticle(article, chromeRules, config, hintsFor(article));
      out.push(JSON.stringify({ ...rec, [key]: s.body, removed: s.removed }));
    }
    process.stdout.write(out.join('\n') + '\n');
    return 0;
  }
  const { articles, errors } = readArticles(path);
  if (errors.length) throw new UsageError(`strip: ${errors[0]!.source}: ${errors[0]!.message}`);
  if (articles.length !== 1) throw new UsageError(`strip: ${path} holds ${articles.length} articles; use --jsonl for a file of records`);
  const article = articles[0]!;
  process.stdout.write(stripArticle(article, chromeRules, config, collectBatchHints(articles)(article)).body);
  return 0;
}
