import { ConfigError, findConfig, loadConfig, type Config } from '../rules/config.js';
import { loadRules, RuleLoadError } from '../rules/load-rules.js';
import type { LoadedRule } from '../detectors/detector.js';
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
