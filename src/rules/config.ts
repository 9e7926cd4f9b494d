import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Category, Severity } from '../types.js';
import { validatedAtBuild } from '../shipped/validated.js';
import { describeError, validatorFor } from './schemas.js';
import { withoutBom } from '../shipped/decode-utf8.js';

export type RuleSetting = 'off' | Severity | { enabled?: boolean; severity?: Severity; options?: Record<string, unknown> };

export interface LengthNormalisation {
  /** Penalties are counted per this many words in longer articles (the score follows flag density); 0 = raw counts. */
  referenceWords: number;
  /** A shorter article is weighed as if it had this many words, so one flag in a stub is not an extreme density. */
  minWords: number;
}

export interface ScoringConfig {
  /** Points per flag by severity, in an article of `length.referenceWords` words. */
  penalties: Record<Severity, number>;
  /** Multiplies the penalty of every flag of a category (0 = the category never costs points). */
  categoryWeights: Partial<Record<Category, number>>;
  /** Most points one category can take off... */
  categoryCap: number;
  /** ...unless the category has its own cap here. */
  categoryCaps: Partial<Record<Category, number>>;
  length: LengthNormalisation;
  pass: number;
  fail: number;
  errorsMeanReview: boolean;
}

export interface FixConfig {
  /** Rule ids (or `pack/*`) whose suggestions `credlint fix` may apply without asking. */
  safe: string[];
}

export interface Config {
  /** Where the configuration was read from, or null for the defaults. */
  file: string | null;
  /** The presets and files this configuration was built from, base first (for `--print-config` and errors). */
  chain: string[];
  rulesDirs: string[];
  rules: Record<string, RuleSetting>;
  scoring: ScoringConfig;
  fix: FixConfig;
  compare: { enabled: boolean; [key: string]: unknown };
}

/** Where the shipped presets live (dist/rules/ → ../../presets). */
export const PRESETS_DIR = fileURLToPath(new URL('../../presets/', import.meta.url));
export const PRESET_PREFIX = 'credlint:';
export const CONFIG_NAME = '.credlintrc.json';

export class ConfigError extends Error {}

/** A configuration as written in a `.credlintrc.json`, before its presets are resolved. */
export type RawConfig = {
  extends?: string | string[];
  rulesDirs?: string[];
  rules?: Record<string, RuleSetting>;
  scoring?: Partial<Omit<ScoringConfig, 'length'>> & { length?: Partial<LengthNormalisation> };
  fix?: Partial<FixConfig>;
  compare?: Record<string, unknown>;
};

const EMPTY: Config = {
  file: null,
  chain: [],
  rulesDirs: [],
  rules: {},
  scoring: { penalties: { error: 0, warning: 0, info: 0 }, categoryWeights: {}, categoryCap: 100, categoryCaps: {}, length: { referenceWords: 0, minWords: 1 }, pass: 0, fail: 0, errorsMeanReview: false },
  fix: { safe: [] },
  compare: { enabled: true },
};

let recommended: Config | null = null;

/** The configuration with no file: the `credlint:recommended` preset, which holds every default. */
export function defaultConfig(): Config {
  recommended ??= resolveChain(presetPath('recommended'), []);
  return { ...structuredClone(recommended), file: null };
}

/** The shipped scoring defaults (from presets/recommended.json). */
export const DEFAULT_SCORING: ScoringConfig = defaultConfig().scoring;

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

function presetPath(name: string): string {
  return join(PRESETS_DIR, `${name}.json`);
}

/** `credlint:NAME` is a shipped preset; anything else is a file path, relative to the file that extends it. */
function resolveExtends(ref: string, from: string): string {
  if (ref.startsWith(PRESET_PREFIX)) {
    const name = ref.slice(PRESET_PREFIX.length);
    const file = presetPath(name);
    if (!/^[a-z0-9-]+$/.test(name) || !existsSync(file)) throw new ConfigError(`${from}: /extends: no preset "${ref}" (credlint ships credlint:recommended and credlint:strict)`);
    return file;
  }
  return resolve(dirname(from), ref);
}

function readRaw(file: string): RawConfig {
  let raw: unknown;
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
    raw = JSON.parse(withoutBom(content));
  } catch (e) {
    throw new ConfigError(`${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : `not valid JSON (${(e as Error).message})`}`);
  }
  // The shipped presets were validated at build time; a user's file (or an edited preset) is validated here.
  if (!validatedAtBuild(file, content)) {
    const validate = validatorFor('config.schema.json');
    if (!validate(raw)) throw new ConfigError(`${file}: ${describeError(validate.errors![0]!)}`);
  }
  return raw as RawConfig;
}

/** Later layers win: objects merge key by key, `fix.safe` and scalars are replaced, rule folders add up. */
function overlay(base: Config, c: RawConfig, file: string): Config {
  const s = c.scoring ?? {};
  return {
    file,
    chain: [...base.chain, file],
    rulesDirs: [...base.rulesDirs, ...(c.rulesDirs ?? []).map((d) => resolve(dirname(file), d))],
    rules: { ...base.rules, ...c.rules },
    scoring: {
      ...base.scoring,
      ...s,
      penalties: { ...base.scoring.penalties, ...s.penalties },
      categoryWeights: { ...base.scoring.categoryWeights, ...s.categoryWeights },
      categoryCaps: { ...base.scoring.categoryCaps, ...s.categoryCaps },
      length: { ...base.scoring.length, ...s.length },
    },
    fix: { safe: c.fix?.safe ?? base.fix.safe },
    compare: { ...base.compare, ...c.compare },
  };
}

/**
 * Reads `file` and everything it extends, base first; a file met twice on the way is a cycle.
 * A file that extends nothing starts from credlint:recommended (which itself starts from nothing).
 */
function resolveChain(file: string, stack: string[]): Config {
  const at = resolve(file);
  if (stack.includes(at)) throw new ConfigError(`${stack[0]}: /extends: a cycle: ${[...stack, at].join(' → ')}`);
  return resolveRaw(readRaw(at), at, stack);
}

/** `raw`, read from `at` (the file its relative `extends` and `rulesDirs` start from), over what it extends. */
function resolveRaw(raw: RawConfig, at: string, stack: string[]): Config {
  const refs = raw.extends === undefined ? [] : Array.isArray(raw.extends) ? raw.extends : [raw.extends];
  let base: Config = refs.length === 0 ? (at === resolve(presetPath('recommended')) ? EMPTY : defaultConfig()) : EMPTY;
  refs.forEach((ref, i) => {
    const parent = resolveChain(resolveExtends(ref, at), [...stack, at]);
    // Several presets: each one is laid over the ones before it.
    base = i === 0 ? parent : { ...overlay(base, parentAsRaw(parent), parent.file!), chain: [...new Set([...base.chain, ...parent.chain])] };
  });
  return overlay(base, raw, at);
}

/**
 * Reads and validates a configuration file and the presets it extends, filling in the defaults of
 * credlint:recommended for what none of them sets. Throws ConfigError naming the file and JSON pointer.
 */
export function loadConfig(file: string | null): Config {
  if (!file) return defaultConfig();
  const config = resolveChain(file, []);
  config.file = file;
  return checkedThresholds(config, file);
}

/**
 * A configuration given as an object (what a `.credlintrc.json` holds: `rules`, `scoring`, `extends`...), validated
 * against the same schema and filled in from credlint:recommended the same way; relative paths start at `baseDir`.
 * `label` names it in errors. Throws ConfigError naming the JSON pointer.
 */
export function configFromObject(raw: unknown, baseDir = process.cwd(), label = 'config'): Config {
  const validate = validatorFor('config.schema.json');
  if (!validate(raw)) throw new ConfigError(`${label}: ${describeError(validate.errors![0]!)}`);
  // A file name in baseDir that nothing reads: the chain and relative paths need a place, errors need the label.
  const config = resolveRaw(raw as RawConfig, join(resolve(baseDir), label), []);
  config.file = null;
  return checkedThresholds(config, label);
}

function checkedThresholds(config: Config, where: string): Config {
  const s = config.scoring;
  if (s.fail > s.pass) throw new ConfigError(`${where}: /scoring: "fail" (${s.fail}) must not be above "pass" (${s.pass})`);
  return config;
}

/** A resolved configuration (from loadConfig, defaultConfig or configFromObject), as opposed to what a file holds. */
export function isResolvedConfig(c: unknown): c is Config {
  const o = c as Partial<Config> | null;
  return o !== null && typeof o === 'object' && Array.isArray(o.chain) && Array.isArray(o.rulesDirs) && typeof o.scoring?.penalties === 'object' && typeof o.compare === 'object';
}

// A resolved configuration as a layer to lay over another one (rule folders are already absolute).
function parentAsRaw(p: Config): RawConfig {
  return { rules: p.rules, scoring: p.scoring, fix: p.fix, compare: p.compare, rulesDirs: p.rulesDirs };
}
