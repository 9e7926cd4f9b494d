import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUILTIN_RULES_DIR, packFiles, packHash, readPack, RuleLoadError, VALIDATED_PACKS_FILE } from '../src/rules/load-rules.js';

// The build validates the built-in packs once (scripts/prepare-packs.mjs); at run time a built-in pack is trusted
// only while its content still has the validated hash. The manifest is read from dist (npm test builds first).
const MANIFEST = join(process.cwd(), 'dist', basename(VALIDATED_PACKS_FILE));

describe('built-in packs validated at build time', () => {
  it('the manifest names every built-in pack with the hash of its current content', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    for (const file of packFiles(BUILTIN_RULES_DIR)) expect(manifest[`rules/${basename(file)}`], basename(file)).toBe(packHash(readFileSync(file, 'utf8')));
  });

  it('the manifest names the shipped presets and language word lists too', () => {
    const manifest = JSON.parse(readFileSync(MANIFEST, 'utf8')) as Record<string, string>;
    for (const key of ['presets/recommended.json', 'presets/strict.json', 'rules/lang/eng.json']) expect(manifest[key], key).toBe(packHash(readFileSync(join(process.cwd(), key), 'utf8')));
  });

  it('every built-in pack passes full validation', () => {
    for (const file of packFiles(BUILTIN_RULES_DIR)) expect(() => readPack(file, { trustBuiltin: false })).not.toThrow();
  });

  it('a copy of a built-in pack outside the built-in folder is validated, with the file and pointer named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlint-packs-'));
    try {
      const src = packFiles(BUILTIN_RULES_DIR).find((f) => f.endsWith('spacing.json'))!;
      const pack = JSON.parse(readFileSync(src, 'utf8'));
      pack.rules[0].options.surprise = true;
      const file = join(dir, 'spacing.json');
      writeFileSync(file, JSON.stringify(pack));
      expect(() => readPack(file)).toThrow(RuleLoadError);
      expect(() => readPack(file)).toThrow(/spacing\.json: \/rules\/0\/options: unknown key "surprise"/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
