// Worker-thread side of a parallel batch: loads the same rules and configuration as the main
// thread (rules are data, so both sides build identical rule sets) and checks the articles it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import type { Article } from '../types.js';
import { loadConfig } from '../rules/config.js';
import { loadRules } from '../rules/load-rules.js';
import { checkArticle } from './check-article.js';

export interface WorkerSetup {
  configFile: string | null;
  extraRuleDirs: string[];
}

export interface WorkerTask {
  index: number;
  article: Article;
  templateLines: string[];
}

const setup = workerData as WorkerSetup;
const config = loadConfig(setup.configFile);
const rules = loadRules(config, setup.extraRuleDirs);

parentPort!.on('message', (tasks: WorkerTask[]) => {
  const out = tasks.map((t) => {
    try {
      return { index: t.index, output: checkArticle(t.article, rules, config, { templateLines: new Set(t.templateLines) }) };
    } catch (e) {
      return { index: t.index, error: (e as Error).message };
    }
  });
  parentPort!.postMessage(out);
});
