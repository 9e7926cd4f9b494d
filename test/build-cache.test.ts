// What the build prepares from the shipped packs (dist/build-cache.json, scripts/prepare-packs.mjs) stands in for
// preparing them at start-up: each table entry must be what the computation gives for the pack as it is now, every
// shipped rule of a cached kind must have its entry (or the shortcut silently stops working), and options that are
// not a shipped pack's exactly are computed. The CLI's fallbacks (no table, a broken one, an edited pack) are in
// test/startup.test.ts.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCached, buildCachedFor, computedTables, keyOptions } from '../src/shipped/build-cache.js';
import { BUILTIN_RULES_DIR, packFiles, packHash, readPack } from '../src/rules/load-rules.js';
import { groupPhrases, type PhraseOptions } from '../src/detectors/phrase.js';
import { VariantIndex, variantTables, type SpunCollocationOptions } from '../src/detectors/spun-collocation.js';
import { FIRST_WORDS_TABLE, patternFirstWords, PREFIX_TABLE, signalParts, type BoilerplateSentenceOptions } from '../src/detectors/boilerplate-sentence.js';
import { encodePrefixes, gatePrefixes } from '../src/detectors/literal-prefixes.js';
import { ROOT } from './helpers/paths.js';

/** Each cached table, and the computation its entries stand for, from the options of one rule. */
const TABLES: Record<string, { type: string; compute(options: unknown): unknown }> = {
  'spun-collocation-tables': { type: 'spun-collocation', compute: (o) => variantTables((o as SpunCollocationOptions).terms) },
  'phrase-groups': { type: 'phrase', compute: (o) => groupPhrases((o as PhraseOptions).phrases, (o as PhraseOptions).inflect !== false) },
  // The template-sentence gates' prefixes (the gates built from them are compared with the sources' in prose-detectors.test.ts).
  [PREFIX_TABLE]: { type: 'boilerplate-sentence', compute: (o) => signalParts(o as BoilerplateSentenceOptions).map((parts) => encodePrefixes(parts.map((p) => gatePrefixes(p)))) },
  [FIRST_WORDS_TABLE]: { type: 'boilerplate-sentence', compute: (o) => patternFirstWords(o as BoilerplateSentenceOptions) },
};

// src/shipped/build-cache.ts resolves dist/build-cache.json from src/ as ../build-cache.json: read the built one.
const BUILT = join(ROOT, 'dist', 'build-cache.json');

describe('build-time preparation of the shipped packs', () => {
  it.skipIf(!existsSync(BUILT))('holds, for every shipped rule of a cached kind, what preparing its options gives', () => {
    const tables = JSON.parse(readFileSync(BUILT, 'utf8')) as Record<string, Record<string, unknown>>;
    for (const [name, { type, compute }] of Object.entries(TABLES)) {
      let rules = 0;
      for (const file of packFiles(BUILTIN_RULES_DIR)) {
        const hash = packHash(readFileSync(file));
        readPack(file).rules.forEach((rule, i) => {
          if (rule.type !== type) return;
          rules++;
          const key = `${hash}#${i}`;
          expect(tables[name]?.[key], `${name}: ${file} rule ${i}`).toEqual(compute(rule.options));
        });
      }
      expect(rules, name).toBeGreaterThan(0);
    }
  });

  it('uses an entry only for the very options object a shipped pack was read into', () => {
    let calls = 0;
    const compute = (): { n: number } => ({ n: ++calls });
    const keyed = { phrases: [] };
    keyOptions(keyed, 'test-hash', 0);
    // The same content under another object (a user's pack, options merged with a configuration's) has no key.
    const copy = structuredClone(keyed);
    expect(buildCachedFor('test-table', keyed, compute)).toEqual({ n: 1 });
    expect(buildCachedFor('test-table', keyed, compute)).toEqual({ n: 1 });
    expect(buildCachedFor('test-table', copy, compute)).toEqual({ n: 2 });
    expect(buildCachedFor('test-table', copy, compute)).toEqual({ n: 3 });
    // What was computed under a key is what the build step writes out.
    expect(computedTables()['test-table']).toEqual({ 'test-hash#0': { n: 1 } });
    expect(buildCached('test-table', 'test-hash#0', compute)).toEqual({ n: 1 });
  });

  it('keys the options of a pack read from inside the package, by its content', () => {
    const file = packFiles(BUILTIN_RULES_DIR).find((f) => f.endsWith('spun-collocations.json'))!;
    const rule = readPack(file).rules[0]!;
    let calls = 0;
    buildCachedFor('test-keyed', rule.options, () => ++calls);
    buildCachedFor('test-keyed', readPack(file).rules[0]!.options, () => ++calls);
    expect(calls).toBe(1);
    expect(Object.keys(computedTables()['test-keyed']!)).toEqual([`${packHash(readFileSync(file))}#0`]);
  });

  it("looks a variant up in the spun-collocation table as the Map of variants, filled in list order, does", () => {
    const file = packFiles(BUILTIN_RULES_DIR).find((f) => f.endsWith('spun-collocations.json'))!;
    const { terms } = readPack(file).rules[0]!.options as unknown as SpunCollocationOptions;
    // A variant listed under two terms, and in another case: the first term keeps it.
    const cases: Record<string, string[]> = { ...terms, 'zz first': ['Qq Shared', 'qq only'], 'zz second': ['qq shared'] };
    for (const t of [terms, cases]) {
      const map = new Map<string, string>();
      for (const term of Object.keys(t)) for (const v of t[term]!) if (!map.has(v.toLowerCase())) map.set(v.toLowerCase(), term);
      const index = new VariantIndex(t, variantTables(t).index);
      let n = 0;
      for (const [key, term] of map) {
        expect(index.get(key), key).toBe(term);
        // Near misses: what an article holds far more often than a variant.
        for (const miss of [`${key}s`, key.slice(0, -1), `x${key}`, key.toUpperCase(), key.replace(' ', '  ')]) if (!map.has(miss)) expect(index.get(miss), miss).toBeUndefined();
        n++;
      }
      expect(n).toBeGreaterThan(t === terms ? 30_000 : 30_002);
    }
    expect(new VariantIndex(cases, variantTables(cases).index).get('qq shared')).toBe('zz first');
  });
});
