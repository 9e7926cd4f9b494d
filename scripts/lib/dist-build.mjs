// The profiling scripts measure a chosen build (`--dist DIR`, by default this checkout's dist/) so two builds can
// be compared in the same minute: one place reads the flags and imports the check pipeline from a build.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** The value after `name` on the command line, or `dflt`. */
export const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);

/** This checkout's build. */
export const OWN_DIST = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist');

/** The build `--dist` names, or this checkout's. */
export const chosenDist = () => arg('--dist', OWN_DIST);

/** The modules of one build that load articles, rules and check them. */
export async function loadBuild(dir) {
  // A file URL, so a relative DIR (`--dist dist`) is read from the working directory, not as a package name.
  const from = (p) => import(pathToFileURL(join(resolve(dir), p)).href);
  const [{ loadArticles }, { checkArticle }, { collectBatchHints }, { defaultConfig }, { loadRules }, { DETECTORS }, { buildDoc }] = await Promise.all([
    from('input/read-articles.js'),
    from('engine/check-article.js'),
    from('engine/batch-hints.js'),
    from('rules/config.js'),
    from('rules/load-rules.js'),
    from('detectors/index.js'),
    from('text/doc.js'),
  ]);
  return { loadArticles, checkArticle, collectBatchHints, defaultConfig, loadRules, DETECTORS, buildDoc };
}
