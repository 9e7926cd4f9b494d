// What a batch needs to know before checking starts (template lines per source, the total for
// progress) comes from a first pass over files that can be read twice and from a leading window of
// standard input; then every input streams in the order the user named it.
import type { BatchHints } from '../detectors/detector.js';
import { expandPaths } from '../input/expand-paths.js';
import { fileItems, stdinItems, STDIN_HINT_WINDOW, type InputItem } from '../input/stream-articles.js';
import type { Article } from '../types.js';
import { HintCollector } from './batch-hints.js';

export interface InputPlan {
  /** Template lines per source, frozen before checking starts. */
  hintsFor: (article: Article) => BatchHints;
  /** Articles in the input when known (no standard input): for progress. */
  total: number | undefined;
  /** Every article and input error, in the order the user named the inputs, with unique ids. */
  items: AsyncIterable<InputItem>;
}

/**
 * Plans a batch: expands the paths, makes a first pass over the files (they can be read twice) and
 * reads ahead a window of standard input to learn the template lines, then streams everything in order.
 * `firstPass: false` skips the look-ahead (no hints), e.g. when only one article is expected.
 */
export async function planInputs(paths: string[], options: { firstPass?: boolean; stdin?: AsyncIterable<Buffer> } = {}): Promise<InputPlan> {
  const { files, errors } = expandPaths(paths);
  const collector = new HintCollector();
  const firstPass = options.firstPass ?? true;
  if (firstPass) {
    for (const f of files) {
      if (f.path === '-') continue;
      for await (const item of fileItems(f.path)) if ('article' in item) collector.add(item.article);
    }
  }
  const fileCount = collector.count;
  let stdinHead: InputItem[] = [];
  let stdinRest: AsyncIterator<InputItem> | null = null;
  let stdinEnded = false;
  let stdinArticles = 0;
  if (files.some((f) => f.path === '-')) {
    const it = stdinItems(options.stdin)[Symbol.asyncIterator]();
    let articles = 0;
    while (articles < STDIN_HINT_WINDOW) {
      const next = await it.next();
      if (next.done) {
        stdinEnded = true;
        break;
      }
      stdinHead.push(next.value);
      if ('article' in next.value) {
        articles++;
        if (firstPass) collector.add(next.value.article);
      }
    }
    stdinRest = it;
    stdinArticles = articles;
  }
  const hintsFor = collector.finish();
  // Known when every input was counted: all files in the first pass, standard input within its window.
  const total = !firstPass || (stdinRest && !stdinEnded) ? undefined : fileCount + stdinArticles;
  async function* items(): AsyncGenerator<InputItem> {
    for (const error of errors) yield { error };
    const seen = new Set<string>();
    const unique = (a: Article): Article => {
      let id = a.id;
      if (seen.has(id)) id = a.source === a.id ? a.id : `${a.id} (${a.source})`;
      for (let n = 2; seen.has(id); n++) id = `${a.id}#${n}`;
      seen.add(id);
      a.id = id;
      return a;
    };
    for (const f of files) {
      if (f.path === '-') {
        const head = stdinHead;
        stdinHead = [];
        for (const item of head) yield 'article' in item ? { ...item, article: unique(item.article) } : item;
        for (;;) {
          const next = await stdinRest!.next();
          if (next.done) break;
          yield 'article' in next.value ? { ...next.value, article: unique(next.value.article) } : next.value;
        }
        continue;
      }
      for await (const item of fileItems(f.path)) yield 'article' in item ? { ...item, article: unique(item.article) } : item;
    }
  }
  return { hintsFor, total, items: items() };
}
