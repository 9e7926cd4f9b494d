import type { BatchHints } from '../detectors/detector.js';
import type { Article } from '../types.js';
import type { CheckOutput } from './check-article.js';

/** An article's outcome: its output, or why it could not be checked (`ruleId`: the rule it was stopped in). */
export type Checked<T = CheckOutput> = { output: T } | { error: string; ruleId?: string };

/** Tasks handed to the pool ahead of the results being collected: enough to keep every worker busy. */
const AHEAD_PER_WORKER = 4;

/**
 * Checks articles with `run` (a pool's check) and yields each outcome in input order as soon as it and
 * every earlier one are ready. At most workers × AHEAD_PER_WORKER articles are in flight, so memory is
 * bounded by that window, not by the input.
 */
export async function* checkOrdered<T = CheckOutput>(
  articles: AsyncIterable<Article> | Iterable<Article>,
  hintsFor: (a: Article) => BatchHints | null,
  pool: { size: number },
  run: (article: Article, hints: BatchHints | null) => Promise<T>,
): AsyncGenerator<{ article: Article; checked: Checked<T> }> {
  const window: Array<{ article: Article; promise: Promise<Checked<T>> }> = [];
  const limit = pool.size * AHEAD_PER_WORKER;
  for await (const article of articles) {
    window.push({ article, promise: run(article, hintsFor(article)).then((output) => ({ output }), (e: Error & { ruleId?: string }) => (e.ruleId ? { error: e.message, ruleId: e.ruleId } : { error: e.message })) });
    while (window.length >= limit) {
      const head = window.shift()!;
      yield { article: head.article, checked: await head.promise };
    }
  }
  while (window.length) {
    const head = window.shift()!;
    yield { article: head.article, checked: await head.promise };
  }
}
