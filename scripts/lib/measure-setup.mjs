// What every injected-defect measurement starts with: its command-line options, a seeded random source, and a
// runner that checks one text with just the rules being measured (built code: `npm run build` first).
import { checkArticle } from '../../dist/engine/check-article.js';
import { defaultConfig } from '../../dist/rules/config.js';
import { loadRules } from '../../dist/rules/load-rules.js';
import { mulberry32 } from './random.mjs';

export const arg = (name, dflt) => (process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : dflt);

/** `--seed N` (default 1) and `--verbose`, with a random source and `pick` seeded from it. */
export function measureOptions() {
  const seed = Number(arg('--seed', 1));
  const rand = mulberry32(seed);
  return { seed, verbose: process.argv.includes('--verbose'), rand, pick: (xs) => xs[Math.floor(rand() * xs.length)] };
}

/** Checks a plain-text body with the default configuration and only the rules `keep` accepts; returns the result. */
export function ruleRunner(keep) {
  const config = defaultConfig();
  const rules = loadRules(config).filter(keep);
  return (body, id = 'm') =>
    checkArticle({ id, source: id, title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body }, rules, config).result;
}
