import { Worker } from 'node:worker_threads';
import type { BatchHints } from '../detectors/detector.js';
import type { Article } from '../types.js';
import type { CheckOutput } from './check-article.js';
import type { WorkerSetup, WorkerTask } from './check-worker.js';
import { lineKey } from './line-key.js';

export type Checked = { output: CheckOutput } | { error: string };

const CHUNK = 8;

/** Only the template lines an article actually has travel to the worker: a few strings, not the batch's set. */
function templateLinesOf(article: Article, hints: BatchHints): string[] {
  if (hints.templateLines.size === 0) return [];
  const keys = new Set<string>();
  for (const line of article.body.split(/\r\n|\r|\n/)) {
    const k = lineKey(line);
    if (k && hints.templateLines.has(k)) keys.add(k);
  }
  return [...keys];
}

/**
 * Checks articles on `jobs` worker threads, handing out small chunks as workers free up, and returns
 * the outputs in input order: the same results as the sequential path, since checkArticle is pure.
 */
export async function checkInWorkers(
  articles: Article[],
  hintsFor: (a: Article) => BatchHints,
  setup: WorkerSetup,
  jobs: number,
  onProgress?: (done: number, total: number) => void,
): Promise<Checked[]> {
  const results: Checked[] = new Array(articles.length);
  let next = 0;
  let done = 0;
  const url = new URL('./check-worker.js', import.meta.url);
  const workers = Array.from({ length: Math.min(jobs, Math.ceil(articles.length / CHUNK)) }, () => new Worker(url, { workerData: setup }));
  try {
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve, reject) => {
            const send = (): void => {
              if (next >= articles.length) return resolve();
              const tasks: WorkerTask[] = [];
              for (; next < articles.length && tasks.length < CHUNK; next++) {
                const article = articles[next]!;
                tasks.push({ index: next, article, templateLines: templateLinesOf(article, hintsFor(article)) });
              }
              worker.postMessage(tasks);
            };
            worker.on('message', (out: Array<{ index: number; output?: CheckOutput; error?: string }>) => {
              for (const r of out) {
                results[r.index] = r.output ? { output: r.output } : { error: r.error ?? 'unknown error' };
                onProgress?.(++done, articles.length);
              }
              send();
            });
            worker.on('error', reject);
            worker.on('exit', (code) => (code !== 0 ? reject(new Error(`a checking thread stopped (exit code ${code})`)) : undefined));
            send();
          }),
      ),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
