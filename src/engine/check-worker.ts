// Worker-thread side of the pool: loads the configuration and rules once, then checks the articles it
// is sent, one at a time. Template-line sets travel once per source and are referred to by id afterwards.
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parentPort, workerData } from 'node:worker_threads';
import type { BatchHints } from '../detectors/detector.js';
import type { Article } from '../types.js';
import { loadConfig } from '../rules/config.js';
import { loadRules } from '../rules/load-rules.js';
import { ArticleOverBudget, checkArticle, checkArticleWith } from './check-article.js';
import { compactOutput } from './compact-output.js';

export interface WorkerSetup {
  configFile: string | null;
  extraRuleDirs: string[];
  /** The configuration itself (plain data), when the caller built it rather than read it from configFile. */
  config?: import('../rules/config.js').Config;
  /** Modules (file URLs or paths) the worker imports before loading rules: the main thread's `--import` hooks. */
  preload?: string[];
}

/** Main thread → worker. */
export type ToWorker =
  | { type: 'hints'; id: number; templateLines: string[] }
  | { type: 'forget-hints' }
  | { type: 'task'; seq: number; article: Article; hints: number | null; compact?: boolean; form?: import('./compact-output.js').ResultForm; timeoutMs?: number; facts?: boolean };

/** Worker → main thread. */
export type FromWorker =
  | { type: 'ready' }
  | { type: 'done'; seq: number; output: import('./check-article.js').CheckOutput | import('./compact-output.js').CompactOutput }
  | { type: 'failed'; seq: number; message: string }
  /** Stopped by the article's own budget check (the thread is fine: no need to replace it). */
  | { type: 'timeout'; seq: number; message: string; ruleId?: string };

const port = parentPort!;
const setup = workerData as WorkerSetup;
for (const m of setup.preload ?? []) await import(/^[./]/.test(m) || isAbsolute(m) ? pathToFileURL(resolve(m)).href : m);
const config = setup.config ?? loadConfig(setup.configFile);
// The main thread already checked user patterns for catastrophic backtracking.
const rules = loadRules(config, setup.extraRuleDirs, true, { checkPatterns: false });
const hintSets = new Map<number, BatchHints>();

port.on('message', (msg: ToWorker) => {
  if (msg.type === 'forget-hints') {
    hintSets.clear();
    return;
  }
  if (msg.type === 'hints') {
    hintSets.set(msg.id, { templateLines: new Set(msg.templateLines) });
    return;
  }
  let reply: FromWorker;
  try {
    const hints = msg.hints === null ? null : (hintSets.get(msg.hints) ?? null);
    const budget = msg.timeoutMs !== undefined && Number.isFinite(msg.timeoutMs) ? { ms: msg.timeoutMs } : undefined;
    // A full answer (CheckOutput) always has its facts; a compact one only when the batch wants them.
    const output = msg.compact
      ? compactOutput(checkArticleWith(msg.article, rules, config, hints, { budget, facts: msg.facts !== false }), msg.form)
      : checkArticle(msg.article, rules, config, hints, budget);
    reply = { type: 'done', seq: msg.seq, output };
  } catch (e) {
    if (e instanceof ArticleOverBudget) reply = { type: 'timeout', seq: msg.seq, message: e.message, ruleId: e.ruleId };
    else reply = { type: 'failed', seq: msg.seq, message: (e as Error)?.message ?? String(e) };
  }
  port.postMessage(reply);
});
port.postMessage({ type: 'ready' } satisfies FromWorker);
