// Folders are layers: a module imports only from its own folder or from a lower layer, so there are
// no cycles between folders (dates ↔ engine, detectors ↔ engine were the ones this test was written for).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/paths.js';

/**
 * Rank of each top-level folder of src/ (files directly in src/ are named by file). The per-article
 * engine orchestrates both phases (it runs detectors, scores, compares facts and builds the report),
 * so it sits above them; the library entry point (index.ts) above the engine, and the service and the CLI, which both call it, on top.
 */
const RANK: Record<string, number> = {
  'types.ts': 0,
  shipped: 0,
  input: 1,
  text: 1,
  chrome: 2,
  dates: 2,
  detectors: 3,
  facts: 3,
  rules: 4,
  score: 5,
  compare: 5,
  report: 5,
  suppress: 5,
  engine: 6,
  gate: 6,
  fix: 7,
  'index.ts': 7.5,
  serve: 8,
  cli: 9,
};

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
}

const SRC = join(ROOT, 'src');
const layerOf = (file: string): string => relative(SRC, file).split(/[\\/]/)[0]!;

describe('layering', () => {
  it('every import goes to the same folder or a lower layer', () => {
    const violations: string[] = [];
    for (const file of files(SRC)) {
      const from = layerOf(file);
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^'"]*?\bfrom\s+'(\.[^']+)'|import\('(\.[^']+)'\)/g)) {
        const spec = (m[1] ?? m[2])!;
        const target = layerOf(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        if (target === from) continue;
        const a = RANK[from];
        const b = RANK[target];
        if (a === undefined || b === undefined) violations.push(`${relative(ROOT, file)}: folder without a layer (${a === undefined ? from : target}); add it to RANK`);
        else if (b >= a) violations.push(`${relative(ROOT, file)} (${from}) imports ${spec} (${target})`);
      }
    }
    expect(violations).toEqual([]);
  });
});
