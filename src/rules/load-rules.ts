import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DETECTORS } from '../detectors/index.js';
import type { LoadedRule, RuleSpec } from '../detectors/detector.js';
import type { Config, RuleSetting } from './config.js';
import { compileSchema, describeError, validatorFor } from './schemas.js';
import type { ValidateFunction } from 'ajv';
import { contentHash, manifestKey, VALIDATED_FILE, validatedWithHash } from '../shipped/validated.js';
import { keyOptions } from '../shipped/build-cache.js';
import { decodeUtf8, withoutBom } from '../shipped/decode-utf8.js';
import { firstCatastrophe, patternSources, type PatternSource } from './pattern-safety.js';

/** The packs shipped with credlint (dist/rules/ → ../../rules). */
export const BUILTIN_RULES_DIR = fileURLToPath(new URL('../../rules/', import.meta.url));

/** A rule pack or configuration that cannot be used: the message names the file and the JSON pointer. */
export class RuleLoadError extends Error {}

const optionValidators = new Map<string, ValidateFunction>();
function optionsValidator(type: string): ValidateFunction {
  let v = optionValidators.get(type);
  if (!v) {
    v = compileSchema(DETECTORS.get(type)!.optionsSchema);
    optionValidators.set(type, v);
  }
  return v;
}

export interface RulePack {
  file: string;
  name: string;
  description: string;
  rules: RuleSpec[];
}

/** The build-time manifest of validated shipped files (see shipped/validated.ts). */
export const VALIDATED_PACKS_FILE = VALIDATED_FILE;

/** The hash a pack's content is known by in the build-time manifest. */
export const packHash = contentHash;

/** Reads and validates one pack; throws RuleLoadError naming the file and the JSON pointer of the problem. */
export function readPack(file: string, opts: { trustBuiltin?: boolean } = {}): RulePack {
  let raw: unknown;
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
    raw = JSON.parse(withoutBom(decodeUtf8(bytes)));
  } catch (e) {
    throw new RuleLoadError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  const pack = raw as { name: string; description?: string; rules: RuleSpec[] };
  // Only a file inside the package can be a shipped one: a user's pack is not hashed.
  const hash = manifestKey(file) === null ? null : contentHash(bytes);
  if (opts.trustBuiltin === false || hash === null || !validatedWithHash(file, hash)) {
    const validate = validatorFor('rule.schema.json');
    if (!validate(raw)) throw new RuleLoadError(`${file}: ${describeError(validate.errors![0]!)}`);
    pack.rules.forEach((rule, i) => validateOptions(file, `/rules/${i}/options`, rule.type, rule.options));
  }
  // "languages": "any" declares a language-neutral rule; the engine reads that as no language list.
  for (const [i, rule] of pack.rules.entries()) {
    // What the build step prepared from these very options may stand in for preparing them (shipped/build-cache.ts).
    if (hash !== null && rule.options !== null && typeof rule.options === 'object') keyOptions(rule.options, hash, i);
    if ((rule.languages as unknown) === 'any') {
      delete rule.languages;
      rule.languageNeutral = true;
    }
  }
  return { file, name: pack.name, description: pack.description ?? '', rules: pack.rules };
}

function validateOptions(file: string, pointer: string, type: string, options: Record<string, unknown>): void {
  const validate = optionsValidator(type);
  if (!validate(options)) throw new RuleLoadError(`${file}: ${describeError(validate.errors![0]!, pointer)}`);
}

/** Compiles a rule's options once (regexes, phrase indexes); errors name the file and pointer. */
function prepareOptions(file: string, pointer: string, type: string, options: Record<string, unknown>): unknown {
  try {
    return DETECTORS.get(type)!.prepare?.(options) ?? options;
  } catch (e) {
    throw new RuleLoadError(`${file}: ${pointer}: ${(e as Error).message}`);
  }
}

/** The .json files of a rules folder, sorted so rule order is stable. */
export function packFiles(dir: string): string[] {
  let entries: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new RuleLoadError(`${dir}: not a folder of rule packs`);
    entries = readdirSync(dir);
  } catch (e) {
    if (e instanceof RuleLoadError) throw e;
    throw new RuleLoadError(`${dir}: no such rules folder`);
  }
  return entries.filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));
}

/** The folders whose packs loadRules reads, in order: the built-in one, the configuration's, the command line's. */
export function ruleDirs(config: Config, extraDirs: readonly string[] = [], includeBuiltin = true): string[] {
  return [...(includeBuiltin ? [BUILTIN_RULES_DIR] : []), ...config.rulesDirs, ...extraDirs];
}

/**
 * Every rule from the built-in packs and the user's folders, with the configuration applied
 * (disabled rules kept, marked, so `credlint rules` can list them). Rule ids must be unique.
 */
export function loadRules(config: Config, extraDirs: string[] = [], includeBuiltin = true, options: { checkPatterns?: boolean } = {}): LoadedRule[] {
  const dirs = ruleDirs(config, extraDirs, includeBuiltin);
  const userPatterns: PatternSource[] = [];
  const seen = new Map<string, string>();
  const rules: LoadedRule[] = [];
  for (const dir of dirs) {
    for (const file of packFiles(dir)) {
      const pack = readPack(file);
      pack.rules.forEach((spec, i) => {
        const other = seen.get(spec.id);
        if (other) throw new RuleLoadError(`${file}: /rules/${i}/id: rule "${spec.id}" is already defined in ${other}`);
        seen.set(spec.id, file);
        const rule = applySetting(file, i, spec, config.rules[spec.id], config.file);
        rules.push(rule);
        // User packs and configuration overrides may hold patterns nobody reviewed: check them for catastrophic backtracking.
        const setting = config.rules[spec.id];
        const unreviewed = [
          ...(dir !== BUILTIN_RULES_DIR ? patternSources(file, `/rules/${i}/options`, spec.type, spec.options) : []),
          ...(setting && typeof setting === 'object' && setting.options ? patternSources(config.file ?? file, `/rules/${spec.id}/options`, spec.type, { ...setting.options, lists: rule.options.lists, flags: rule.options.flags }) : []),
        ];
        if (unreviewed.length) rule.userPatterns = true;
        if (options.checkPatterns !== false) userPatterns.push(...unreviewed);
      });
    }
  }
  const refused = userPatterns.length ? firstCatastrophe(userPatterns) : null;
  if (refused) throw new RuleLoadError(refused);
  for (const id of Object.keys(config.rules)) {
    if (!seen.has(id)) throw new RuleLoadError(`${config.file}: /rules/${id.replace(/~/g, '~0').replace(/\//g, '~1')}: no rule has the id "${id}"`);
  }
  // A safe-fix entry that names no rule (a typo) would leave `credlint fix` silently doing nothing for it.
  config.fix.safe.forEach((entry, i) => {
    const prefix = entry.endsWith('/*') ? entry.slice(0, -1) : `${entry}/`;
    if (!seen.has(entry) && ![...seen.keys()].some((id) => id.startsWith(prefix))) {
      throw new RuleLoadError(`${config.file ?? 'the configuration'}: /fix/safe/${i}: "${entry}" names no rule (expected a rule id, or "category/*" for a whole category)`);
    }
  });
  return rules;
}

function applySetting(file: string, index: number, spec: RuleSpec, setting: RuleSetting | undefined, configFile: string | null): LoadedRule {
  let enabled = true;
  let severity = spec.severity;
  let options = spec.options;
  let optionsFile = file;
  let pointer = `/rules/${index}/options`;
  if (setting === 'off') enabled = false;
  else if (typeof setting === 'string') severity = setting;
  else if (setting) {
    if (setting.enabled === false) enabled = false;
    if (setting.severity) severity = setting.severity;
    if (setting.options) {
      options = { ...options, ...setting.options };
      optionsFile = configFile ?? file;
      pointer = `/rules/${spec.id}/options`;
      validateOptions(optionsFile, pointer, spec.type, options);
    }
  }
  const prepared = prepareOptions(optionsFile, pointer, spec.type, options);
  return { ...spec, severity, options, enabled, pack: file, prepared };
}
