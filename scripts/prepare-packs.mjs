#!/usr/bin/env node
// Build step: validates every shipped data file against its schema (rule packs in rules/*.json with their
// detectors' option schemas, presets in presets/*.json, language word lists in rules/lang/*.json) and writes
// dist/validated.json (path from the package root → SHA-256 of the validated content). At run time a shipped
// file whose content still has that hash is not validated again (src/shipped/validated.ts), so a one-article
// check does not load ajv or compile schemas; user packs and configs, and edited shipped files, are always validated.
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const { VALIDATED_FILE, contentHash, manifestKey } = await import('../dist/shipped/validated.js');
// Nothing is trusted while the manifest is being made: every file below goes through full validation.
rmSync(VALIDATED_FILE, { force: true });
const { PREPARED_FILE, computedSources } = await import('../dist/detectors/pattern-prepared.js');
// Nor is the pattern cache: every pattern below is expanded and analysed afresh, and the results written out.
rmSync(PREPARED_FILE, { force: true });
// Nor the other values prepared from the packs (the chrome patterns' literals).
const { BUILD_CACHE_FILE, computedTables } = await import('../dist/shipped/build-cache.js');
rmSync(BUILD_CACHE_FILE, { force: true });
const { BUILTIN_RULES_DIR, packFiles, readPack, RuleLoadError } = await import('../dist/rules/load-rules.js');
const { PRESETS_DIR, loadConfig, ConfigError } = await import('../dist/rules/config.js');
const { languageData } = await import('../dist/text/language-data.js');

const manifest = {};
let failed = false;
const record = (file) => (manifest[manifestKey(file)] = contentHash(readFileSync(file, 'utf8')));
const jsonFiles = (dir) => readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => join(dir, f));

for (const file of packFiles(BUILTIN_RULES_DIR)) {
  try {
    readPack(file, { trustBuiltin: false });
    record(file);
  } catch (e) {
    if (!(e instanceof RuleLoadError)) throw e;
    console.error(`prepare-packs: ${e.message}`);
    failed = true;
  }
}
for (const file of jsonFiles(PRESETS_DIR)) {
  try {
    loadConfig(file);
    record(file);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    console.error(`prepare-packs: ${e.message}`);
    failed = true;
  }
}
for (const file of jsonFiles(join(BUILTIN_RULES_DIR, 'lang'))) {
  try {
    languageData(file.replace(/^.*[\\/]/, '').replace(/\.json$/, ''));
    record(file);
  } catch (e) {
    console.error(`prepare-packs: ${e.message}`);
    failed = true;
  }
}
writeFileSync(VALIDATED_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
// Loading the default rule set prepares every shipped pattern rule (computed afresh: the cache was removed above).
const { loadRules } = await import('../dist/rules/load-rules.js');
const { defaultConfig } = await import('../dist/rules/config.js');
if (!failed) loadRules(defaultConfig());
writeFileSync(PREPARED_FILE, `${JSON.stringify(computedSources())}\n`);
writeFileSync(BUILD_CACHE_FILE, `${JSON.stringify(computedTables())}\n`);
if (failed) process.exit(1);
