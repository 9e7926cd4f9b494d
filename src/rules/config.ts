import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Severity } from '../types.js';
import { describeError, validatorFor } from './schemas.js';

export type RuleSetting = 'off' | Severity | { enabled?: boolean; severity?: Severity; options?: Record<string, unknown> };

export interface ScoringConfig {
  penalties: Record<Severity, number>;
  categoryCap: number;
  pass: number;
  fail: number;
  errorsMeanReview: boolean;
}

export interface Config {
  /** Where the configuration was read from, or null for the defaults. */
  file: string | null;
  rulesDirs: string[];
  rules: Record<string, RuleSetting>;
  scoring: ScoringConfig;
  compare: { enabled: boolean; [key: string]: unknown };
}

export const DEFAULT_SCORING: ScoringConfig = {
  penalties: { error: 10, warning: 4, info: 1 },
  categoryCap: 40,
  pass: 80,
  fail: 50,
  errorsMeanReview: true,
};

export const CONFIG_NAME = '.credlintrc.json';

export function defaultConfig(): Config {
  return { file: null, rulesDirs: [], rules: {}, scoring: structuredClone(DEFAULT_SCORING), compare: { enabled: true } };
}

/** The nearest .credlintrc.json from `from` upwards, or null. */
export function findConfig(from: string): string | null {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    if (existsSync(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) return null;
    dir = up;
  }
}

export class ConfigError extends Error {}

/** Reads and validates a configuration file, filling in defaults. Throws ConfigError with the file and JSON pointer. */
export function loadConfig(file: string | null): Config {
  const config = defaultConfig();
  if (!file) return config;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(e as Error).message})`}`);
  }
  const validate = validatorFor('config.schema.json');
  if (!validate(raw)) {
    throw new ConfigError(`${file}: ${describeError(validate.errors![0]!)}`);
  }
  const c = raw as Partial<Config> & { scoring?: Partial<ScoringConfig> };
  config.file = file;
  config.rulesDirs = (c.rulesDirs ?? []).map((d) => resolve(dirname(file), d));
  config.rules = c.rules ?? {};
  config.scoring = { ...config.scoring, ...c.scoring, penalties: { ...config.scoring.penalties, ...c.scoring?.penalties } };
  config.compare = { ...config.compare, ...c.compare };
  if (config.scoring.fail > config.scoring.pass) throw new ConfigError(`${file}: /scoring: "fail" (${config.scoring.fail}) must not be above "pass" (${config.scoring.pass})`);
  return config;
}
