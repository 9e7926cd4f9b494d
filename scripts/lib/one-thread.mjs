// The per-article memory scripts check a batch in one thread the way a checking thread does: optionally in a
// worker with the checking threads' old-generation limit (V8 sizes its heap, and so places its scavenges, by it).
import { Worker, isMainThread } from 'node:worker_threads';
import { arg, chosenDist, loadBuild } from './dist-build.mjs';

/** With --worker on the main thread: run `script` again in a worker and exit when it ends (resolves only in the worker or without --worker). */
export async function hopToWorker(script) {
  if (!isMainThread || !process.argv.includes('--worker')) return;
  const w = new Worker(script, { argv: process.argv.slice(2), resourceLimits: { maxOldGenerationSizeMb: 2048 } });
  await new Promise((r) => w.on('exit', r));
  process.exit(0);
}

/** The chosen build's checker with the default rules, and the first --n articles of the batch named first. */
export async function loadBatch() {
  const { loadArticles, checkArticle, collectBatchHints, defaultConfig, loadRules } = await loadBuild(chosenDist());
  const config = defaultConfig();
  const rules = loadRules(config);
  const { articles: all } = loadArticles([process.argv[2]]);
  const articles = all.slice(0, Number(arg('--n', all.length)));
  const hintsFor = collectBatchHints(articles);
  return { articles, check: (a) => checkArticle(a, rules, config, hintsFor(a)) };
}
