import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, findConfig, loadConfig, type Config } from '../rules/config.js';
import { loadRules, RuleLoadError, ruleDirs } from '../rules/load-rules.js';
import type { LoadedRule } from '../detectors/detector.js';
import type { ReadFile } from './output.js';
import { UsageError } from './usage-error.js';

export interface RuleOptions {
  rules: string[];
  config?: string;
}

/** Configuration and rules as the command line asks for them; bad packs or config are usage errors. */
export function loadSetup(opts: RuleOptions): { config: Config; rules: LoadedRule[] } {
  try {
    const config = loadConfig(opts.config ?? findConfig(process.cwd()));
    return { config, rules: loadRules(config, opts.rules) };
  } catch (e) {
    if (e instanceof ConfigError || e instanceof RuleLoadError) throw new UsageError(e.message);
    throw e;
  }
}

/**
 * The files a setup is read from, for the outputs to keep off: the configuration and what it extends, and every
 * file in the rule folders, a pack or not (the folder is the user's: a note beside the packs is theirs too).
 */
export function setupFiles(config: Config, opts: RuleOptions): ReadFile[] {
  const files: ReadFile[] = config.chain.map((path) => ({ path, what: 'a configuration file' }));
  for (const dir of ruleDirs(config, opts.rules)) {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      continue; // loadRules already refused a folder that cannot be read
    }
    for (const name of names) files.push({ path: join(dir, name), what: `a file in the rules folder ${dir}` });
  }
  return files;
}
