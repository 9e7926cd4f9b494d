#!/usr/bin/env node
// Build step: validates every built-in rule pack (rules/*.json) against the rule schema and its detectors'
// option schemas, and writes dist/rules/validated-packs.json (file name → SHA-256 of the validated content).
// At run time a built-in pack whose content still has that hash is not validated again, so a one-article
// check does not load ajv or compile schemas; user packs and edited built-in packs are always validated.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';

const { BUILTIN_RULES_DIR, VALIDATED_PACKS_FILE, packFiles, packHash, readPack, RuleLoadError } = await import('../dist/rules/load-rules.js');
const manifest = {};
let failed = false;
for (const file of packFiles(BUILTIN_RULES_DIR)) {
  try {
    readPack(file, { trustBuiltin: false });
    manifest[basename(file)] = packHash(readFileSync(file, 'utf8'));
  } catch (e) {
    if (!(e instanceof RuleLoadError)) throw e;
    console.error(`prepare-packs: ${e.message}`);
    failed = true;
  }
}
writeFileSync(VALIDATED_PACKS_FILE, `${JSON.stringify(manifest, null, 2)}\n`);
if (failed) process.exit(1);
