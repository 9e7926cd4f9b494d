// User patterns cannot hang a batch: a provably exponential expression is refused at load, in-process.
import { describe, expect, it } from 'vitest';
import { patternSources, catastrophe } from '../src/rules/pattern-safety.js';
import { defaultConfig, loadConfig } from '../src/rules/config.js';
import { BUILTIN_RULES_DIR, loadRules, packFiles, readPack } from '../src/rules/load-rules.js';
import { tempDir } from './helpers/tmp.js';

const t = tempDir();
const pack = (options: Record<string, unknown>) => ({
  name: 'p',
  rules: [{ id: 'spacing/user-rule', category: 'spacing', severity: 'info', message: 'm', description: 'd', type: 'pattern', options, examples: { flag: ['aaa'], pass: [] } }],
});

describe('catastrophic user patterns', () => {
  it.each([
    ['pattern', { pattern: '(a+)+$' }, '/rules/0/options/pattern'],
    ['unless', { pattern: 'a+', unless: '(x|x)*y' }, '/rules/0/options/unless'],
    ['fix.find', { pattern: 'a+', fix: { find: '(\\w+\\s?)+$', replace: '' } }, '/rules/0/options/fix/find'],
    ['a list expanded into the pattern', { pattern: '(?:{{w}})+$', lists: { w: ['a', 'aa'] } }, '/rules/0/options/pattern'],
  ])('refuses one in %s, naming the file and the JSON pointer', (_, options, pointer) => {
    const dir = t.put(`p-${pointer.replace(/\W/g, '')}-${Object.keys(options).length}/p.json`, JSON.stringify(pack(options))).replace(/p\.json$/, '');
    expect(() => loadRules(defaultConfig(), [dir])).toThrow(new RegExp(`p\\.json: ${pointer.replace(/\//g, '\\/')}: .*exponential time`));
  });

  it('refuses one in a configuration override, naming the config file', () => {
    const cfg = t.put('over/.credlintrc.json', JSON.stringify({ rules: { 'spacing/word-glued-to-number': { options: { unless: '(a|a)*b' } } } }));
    expect(() => loadRules(loadConfig(cfg))).toThrow(/\.credlintrc\.json: \/rules\/spacing\/word-glued-to-number\/options\/unless: .*exponential/);
  });

  it('accepts ordinary patterns, and no built-in pattern is exponential', () => {
    const dir = t.put('fine/p.json', JSON.stringify(pack({ pattern: '\\b(\\w+) \\1\\b', unless: '^[A-Z]' }))).replace(/p\.json$/, '');
    expect(loadRules(defaultConfig(), [dir]).some((r) => r.id === 'spacing/user-rule')).toBe(true);
    const sources = packFiles(BUILTIN_RULES_DIR).flatMap((f) => readPack(f).rules.flatMap((r, i) => patternSources(f, `/rules/${i}/options`, r.type, r.options)));
    expect(sources.length).toBeGreaterThan(10);
    expect(sources.filter((s) => catastrophe(s.source, s.flags)).map((s) => `${s.file}${s.pointer}`)).toEqual([]);
  }, 120_000);
});
