import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBaseline } from '../src/gate/baseline.js';
import { ConfigError, DEFAULT_SCORING, defaultConfig, loadConfig } from '../src/rules/config.js';
import { loadRules } from '../src/rules/load-rules.js';
import { cli } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

const json = (o: unknown): string => JSON.stringify(o, null, 2);

describe('presets and extends', () => {
  const t = tempDir();
  it('the defaults are the credlint:recommended preset', () => {
    const file = t.put('rec.json', json({ extends: 'credlint:recommended' }));
    const c = loadConfig(file);
    expect(c.scoring).toEqual(defaultConfig().scoring);
    expect(c.fix.safe).toContain('spacing/*');
    expect(c.file).toBe(file);
  });
  it('reads a configuration, a rule pack and a baseline saved with a byte order mark (as Windows editors save JSON)', () => {
    const bom = '\ufeff';
    const c = loadConfig(t.put('bom.json', bom + json({ rules: { 'repetition/filler-phrase': 'off' } })));
    expect(c.rules['repetition/filler-phrase']).toBe('off');
    const pack = { name: 'bom', rules: [{ id: 'spacing/bom-user', category: 'spacing', severity: 'info', message: 'm', description: 'd', type: 'phrase', options: { phrases: [{ phrase: 'bom phrase', suggestion: 'x', note: 'n' }] }, examples: { flag: ['a bom phrase'], pass: [] } }] };
    const dir = t.put('bom-packs/p.json', bom + json(pack)).replace(/p\.json$/, '');
    expect(loadRules(defaultConfig(), [dir]).map((r) => r.id)).toContain('spacing/bom-user');
    const b = readBaseline(t.put('bom-baseline.json', bom + json({ format: 'credlint-baseline/1', tool: 'credlint', articles: {} })));
    expect(b.articles).toEqual({});
  });
  it('credlint:strict is stricter, and a file laid over it wins', () => {
    const strict = loadConfig(t.put('strict.json', json({ extends: 'credlint:strict' })));
    expect(strict.scoring.pass).toBeGreaterThan(DEFAULT_SCORING.pass);
    expect(strict.rules['repetition/filler-phrase']).toBe('warning');
    const mine = loadConfig(t.put('mine.json', json({ extends: 'credlint:strict', scoring: { pass: 70, fail: 40, categoryWeights: { chrome: 2 } }, rules: { 'repetition/filler-phrase': 'off' } })));
    expect(mine.scoring.pass).toBe(70);
    expect(mine.scoring.categoryWeights.chrome).toBe(2);
    expect(mine.scoring.categoryWeights.spacing).toBe(1);
    expect(mine.scoring.length).toEqual(strict.scoring.length);
    expect(mine.rules['repetition/filler-phrase']).toBe('off');
    expect(mine.rules['spacing/doubled-space']).toBe('warning');
  });
  it("a user's own preset by path (relative to the file), in a chain, with rule folders resolved where they are written", () => {
    t.put('team/base.json', json({ extends: 'credlint:recommended', rulesDirs: ['packs'], scoring: { pass: 85 } }));
    t.put('team/newsroom.json', json({ extends: './base.json', scoring: { fail: 60 } }));
    const c = loadConfig(t.put('project/.credlintrc.json', json({ extends: ['../team/newsroom.json'], scoring: { errorsMeanReview: false } })));
    expect([c.scoring.pass, c.scoring.fail, c.scoring.errorsMeanReview]).toEqual([85, 60, false]);
    expect(c.rulesDirs).toEqual([join(t.dir, 'team', 'packs')]);
    expect(c.chain[0]).toMatch(/presets[\\/]recommended\.json$/);
    expect(c.chain.slice(1).map((f) => f.slice(t.dir.length))).toEqual(['/team/base.json', '/team/newsroom.json', '/project/.credlintrc.json']);
  });
  it('a cycle is refused, naming the files', () => {
    t.put('cyc/a.json', json({ extends: './b.json' }));
    t.put('cyc/b.json', json({ extends: './a.json' }));
    expect(() => loadConfig(join(t.dir, 'cyc/a.json'))).toThrow(ConfigError);
    expect(() => loadConfig(join(t.dir, 'cyc/a.json'))).toThrow(/a cycle: .*a\.json → .*b\.json → .*a\.json/);
  });
  it('an unknown preset, a missing file or a bad value is one clear error naming the file', () => {
    expect(() => loadConfig(t.put('u.json', json({ extends: 'credlint:lenient' })))).toThrow(/u\.json: \/extends: no preset "credlint:lenient"/);
    expect(() => loadConfig(t.put('m.json', json({ extends: './none.json' })))).toThrow(/none\.json: no such file/);
    expect(() => loadConfig(t.put('v.json', json({ scoring: { length: { referenceWords: -1 } } })))).toThrow(/v\.json: \/scoring\/length\/referenceWords/);
    expect(() => loadConfig(t.put('k.json', json({ scoring: { categoryWeights: { gossip: 1 } } })))).toThrow(/k\.json/);
    expect(() => loadConfig(t.put('f.json', json({ fix: { safe: ['not a rule'] } })))).toThrow(/f\.json: \/fix\/safe\/0/);
  });
  it('the CLI reads extends through --config', () => {
    const file = t.put('cli.json', json({ extends: 'credlint:strict' }));
    const body = t.put('a.txt', 'Talks covered security,trade and energy on Monday, officials said.\n');
    const plain = JSON.parse(cli(['check', body]).stdout).articles[0];
    const strict = JSON.parse(cli(['check', body, '--config', file]).stdout).articles[0];
    expect(strict.score).toBeLessThanOrEqual(plain.score);
    expect(cli(['check', body, '--config', t.put('bad.json', json({ extends: 'credlint:nope' }))]).status).toBe(2);
  });
});

describe('credlint explain', () => {
  it("prints the rule's description, what it flags and leaves alone, its severity, scoring and fix", () => {
    const r = cli(['explain', 'spacing/missing-space-after-comma']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^spacing\/missing-space-after-comma {2}\(spacing, warning/);
    expect(r.stdout).toContain('Flags, for example:');
    expect(r.stdout).toContain('Leaves alone, for example:');
    expect(r.stdout).toMatch(/Score: a warning costs 4 .* per \d+ words: [\d.]+ in a 300-word article/);
    expect(r.stdout).toContain('Fix: listed as safe');
  });
  it('follows the configuration (severity, weights) and knows the flags credlint raises itself', () => {
    const t = tempDir();
    const c = t.put('c.json', json({ rules: { 'spacing/missing-space-after-comma': 'error' }, scoring: { categoryWeights: { spacing: 0 } } }));
    expect(cli(['explain', 'spacing/missing-space-after-comma', '-c', c]).stdout).toMatch(/costs nothing/);
    expect(cli(['explain', 'structure/no-words']).stdout).toContain('no words');
  });
  it('an unknown rule is a usage error that lists the rules of that pack', () => {
    const r = cli(['explain', 'spacing/nope']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('spacing/missing-space-after-comma');
  });
});
