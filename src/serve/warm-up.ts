// The service pays its cold start before it listens, not on its first request: every regular expression,
// date parser and lazily built index is compiled on first use (a cold check costs 5-20x a warm one), so
// each checking thread checks a made-up article first and the HTTP thread builds and compares a report.
import { compareBatch } from '../compare/compare.js';
import type { Config } from '../rules/config.js';
import type { Article } from '../types.js';
import { checkArticles } from './check-requests.js';
import type { ArticlePool } from './pool.js';

// A news-shaped article touching what most requests touch: site chrome around the body, a byline and a
// dateline, absolute and relative dates, quotes with attribution, numbers and a closing line.
const WARM_UP_TEXT = `Home
News
Business
Sign in
Port council backs new ferry terminal after long debate
By a staff reporter
Published on 12 March 2024, 09:30
Share on Facebook
The port council voted on Tuesday to fund a new ferry terminal on the western quay, ending a debate that began in January 2023.
The terminal is expected to cost about 42 million dollars and to open in the spring of 2026, the harbour authority said in a statement.
"We have waited long enough for a building that works," said councillor Maria Lind. According to officials, about 1.2 million passengers used the old terminal last year.
Critics said the plan had been rushed. Some residents argued that the money should go to flood defences instead, and two members voted against it.
Work on the site will begin next month, and a public meeting is planned for Friday, 15 March.
Related articles
Harbour authority names new director
© 2024 Example Daily. All rights reserved.
`;

// V8 compiles a pattern separately for one-byte (Latin-1) and two-byte text: a body with curly quotes or a dash
// is two-byte, a plain ASCII one is not. The warm-up alternates an ASCII copy and a typographic one.
const TYPOGRAPHIC_TEXT = WARM_UP_TEXT.replace(/"([^"]*)"/g, '“$1”').replace(/'/g, '’').replace(' debate, ', ' debate — ');

/** `count` warm-up articles, each with its own id (the comparison needs two or more), ASCII and typographic in turn. */
function warmUpArticles(count: number): Article[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `warm-up-${i + 1}`,
    source: `warm-up-${i + 1}`,
    title: null,
    url: null,
    publishedAt: null,
    publishedAtOrigin: null,
    publisher: null,
    format: 'txt',
    body: i % 2 === 0 ? WARM_UP_TEXT : TYPOGRAPHIC_TEXT,
  }));
}

/**
 * Checks the warm-up articles on every thread of the pool (one lane per thread, four articles each: V8 compiles a
 * pattern to machine code on its second execution, for each kind of text, and a whole-text pattern runs once per
 * article) and compares the results on this thread; resolves with the time it took.
 * A failure is not fatal: the service then warms up on its first requests as it did before.
 */
export async function warmUp(pool: ArticlePool, config: Config, budgetMs = 60_000): Promise<number> {
  const started = performance.now();
  const compareOptions = { ...config.compare, enabled: true };
  await checkArticles(pool, async (facts) => compareBatch(facts, compareOptions), {
    articles: warmUpArticles(pool.size * 4),
    errors: [],
    compare: true,
    budgetMs,
  }).then(
    (report) => JSON.stringify(report),
    () => undefined,
  );
  return performance.now() - started;
}
