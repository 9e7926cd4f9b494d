import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../src/detectors/index.js';
import { CATEGORIES } from '../src/types.js';
import { ROOT } from './helpers/run.js';

const ruleSchema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'rule.schema.json'), 'utf8'));
const reportSchema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'report.schema.json'), 'utf8'));

describe('the closed vocabularies agree between code and schemas', () => {
  it('the rule schema lists exactly the registered detector types', () => {
    expect([...ruleSchema.definitions.rule.properties.type.enum].sort()).toEqual([...DETECTORS.keys()].sort());
  });
  it('both schemas list exactly the categories of the code', () => {
    expect(ruleSchema.definitions.rule.properties.category.enum).toEqual([...CATEGORIES]);
    expect(reportSchema.definitions.category.enum).toEqual([...CATEGORIES]);
  });
  it('every detector has a closed options schema', () => {
    for (const d of DETECTORS.values()) expect(d.optionsSchema.additionalProperties, d.type).toBe(false);
  });
});
