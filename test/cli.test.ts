import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { assertValidReport } from './helpers/report-schema.js';
import { checkHere, reportHere } from './helpers/in-process.js';
import { cli, cliReport } from './helpers/run.js';
import { houseStylePack } from './helpers/packs.js';
import { tempDir } from './helpers/tmp.js';

const CLEAN = 'Officials met on Monday to discuss the budget.\n\nThe talks will resume next week, a spokesperson said.\n';
const DAMAGED = 'The minister\u00e2\u20ac\u2122s plane landed in Tianjin,China,to attend the summit.The talks covered security,trade,and politics.\n';

describe('credlint check', () => {
  const t = tempDir();
  const clean = t.put('clean.txt', CLEAN);
  const damaged = t.put('damaged.txt', DAMAGED);

  it('prints only the JSON report on stdout, valid against the schema', () => {
    const r = cli(['check', clean, damaged]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    assertValidReport(report);
    expect(report.articles.map((a: { verdict: string }) => a.verdict)).toEqual(['pass', expect.stringMatching(/review|fail/)]);
    expect(report.summary.articles).toBe(2);
  });

  it('--format text lists each flag with line:column, rule id, message, the flagged text and the fix', () => {
    const r = cli(['check', damaged, '--format', 'text']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/1:41\s+warning\s+spacing\/missing-space-after-comma\s+Missing space after the comma in "Tianjin,China"\./);
    expect(r.stdout).toContain('"," -> ", "');
    expect(r.stdout).toMatch(/1 article\(s\): 0 pass/);
  });

  it('--out writes the report to a file and nothing to stdout', () => {
    const out = join(t.dir, 'report.json');
    const r = cli(['check', damaged, '--out', out]);
    expect(r.stdout).toBe('');
    assertValidReport(JSON.parse(readFileSync(out, 'utf8')));
  });

  it('--fail-on is a pre-publish gate: exit 1 when an article is at least that bad', () => {
    expect(cli(['check', clean, '--fail-on', 'review']).status).toBe(0);
    expect(cli(['check', clean, damaged, '--fail-on', 'review']).status).toBe(1);
  });

  it('exit 2 on usage errors, with a one-line message on stderr', () => {
    const bad = cli(['check', clean, '--format', 'yaml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/yaml/);
    expect(cli(['check']).status).toBe(2);
    expect(cli(['frobnicate']).status).toBe(2);
    expect(cli(['check', clean, '--jobs', 'zero']).status).toBe(2);
  });

  it('gives the same results on worker threads as on the main thread', () => {
    const lines = Array.from({ length: 80 }, (_, i) => JSON.stringify({ id: `n${i}`, body: i % 2 ? CLEAN : DAMAGED.replace('minister', `minister ${i}`) })).join('\n');
    const p = t.put('batch.jsonl', lines);
    const strip = (r: { summary: { durationMs: number } }) => ({ ...r, summary: { ...r.summary, durationMs: 0 } });
    const one = cliReport([p, '--jobs', '1']).report;
    const two = cliReport([p, '--jobs', '2']).report;
    expect(one.articles).toHaveLength(80);
    expect(strip(two)).toEqual(strip(one));
  });
});

describe('credlint compare A B', () => {
  it('quotes both sides on one line with the C1 controls and bidirectional overrides escaped', () => {
    const t = tempDir();
    const body = 'The council approved the new budget \u009b2J on Tuesday after a long debate \u202eand more. The vote was close, with five members against.';
    const r = cli(['compare', t.put('a.txt', body), t.put('b.txt', body), '--no-color']);
    expect(r.status).toBe(0);
    const sides = r.stdout.split('\n').filter((l) => /^ {2}[AB] /.test(l));
    expect(sides).toHaveLength(2);
    for (const l of sides) expect(l).toMatch(/:1:1 {2}"The council approved the new budget \\x9b2J on Tuesday after a long debate \\u202eand more\./);
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/);
  });
});

describe('rules and configuration', () => {
  const t = tempDir();
  const article = t.put('a.txt', DAMAGED);

  it('credlint rules lists every rule; --json too', () => {
    const text = cli(['rules']);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/spacing\/missing-space-after-comma\s+warning\s+spacing/);
    const json = JSON.parse(cli(['rules', '--json']).stdout);
    expect(json.rules.map((r: { id: string }) => r.id)).toContain('encoding/mojibake');
    expect(json.detectors.map((d: { type: string }) => d.type)).toContain('pattern');
  });

  it('a .credlintrc.json found from the working folder upwards disables rules, changes severities and thresholds', () => {
    t.put('project/.credlintrc.json', JSON.stringify({ rules: { 'spacing/missing-space-after-period': 'off', 'spacing/missing-space-after-comma': 'error' }, scoring: { pass: 50, fail: 10 } }));
    const cwd = join(t.dir, 'project');
    const { report } = cliReport([article], { cwd });
    const flags = report.articles[0]!.flags;
    expect(flags.some((f) => f.ruleId === 'spacing/missing-space-after-period')).toBe(false);
    expect(flags.filter((f) => f.ruleId === 'spacing/missing-space-after-comma').every((f) => f.severity === 'error')).toBe(true);
    expect(cli(['rules'], { cwd }).stdout).toMatch(/spacing\/missing-space-after-period\s+off/);
  });

  it('--config names the file; option overrides are validated against the detector schema', async () => {
    const cfg = t.put('tight.json', JSON.stringify({ rules: { 'spacing/word-glued-to-number': { options: { lists: { glue: ['on'] } } } } }));
    expect((await checkHere([article], { config: cfg })).status).toBe(0);
    const bad = t.put('bad.json', JSON.stringify({ rules: { 'spacing/word-glued-to-number': { options: { colour: 'red' } } } }));
    const r = await checkHere([article], { config: bad });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`${bad}: /rules/spacing/word-glued-to-number/options: unknown key "colour"`);
    const unknown = t.put('unknown.json', JSON.stringify({ rules: { 'spacing/no-such-rule': 'off' } }));
    expect((await checkHere([article], { config: unknown })).stderr).toMatch(/no rule has the id "spacing\/no-such-rule"/);
  });

  it('a fix.safe entry that names no rule is refused with its pointer; a category and a rule id are accepted', async () => {
    const typo = t.put('safe-typo.json', JSON.stringify({ fix: { safe: ['spacing/*', 'repetition/reduplicated-word'] } }));
    const r = await checkHere([article], { config: typo });
    expect(r.status).toBe(2);
    expect(r.stderr.trim()).toBe(`credlint: ${typo}: /fix/safe/1: "repetition/reduplicated-word" names no rule (expected a rule id, or "category/*" for a whole category)`);
    const fine = t.put('safe-fine.json', JSON.stringify({ fix: { safe: ['spacing/*', 'repetition/reduplicated-words'] } }));
    expect((await checkHere([article], { config: fine })).status).toBe(0);
    const nowhere = t.put('safe-nowhere.json', JSON.stringify({ fix: { safe: ['house/*'] } }));
    expect((await checkHere([article], { config: nowhere })).stderr).toMatch(/\/fix\/safe\/0: "house\/\*" names no rule/);
  });

  it('--compare-memory is validated before any work, with or without a comparison to run', async () => {
    for (const extra of [{}, { compare: false }]) {
      const r = await checkHere([article], { compareMemory: 'abc', ...extra } as never);
      expect(r.status).toBe(2);
      expect(r.stderr.trim()).toBe('credlint: --compare-memory abc: expected a whole number of MB, 16 or more');
    }
  });

  it('--rules DIR adds a pack whose rules run like the built-in ones', async () => {
    const dir = join(t.dir, 'house');
    t.put('house/house.json', JSON.stringify(houseStylePack('important development')));
    const p = t.put('cliche.txt', 'The new port is a real game changer for the region, officials said on Monday.');
    const flags = (await reportHere([p], { rules: [dir] })).report.articles[0]!.flags;
    const f = flags.find((x) => x.ruleId === 'boilerplate/house-cliches')!;
    expect(f.text).toBe('game changer');
    expect(f.suggestion).toBe('important development');
    expect(f.message).toBe('House style: avoid "game changer".');
  });

  it('rules and explain show what a pack wrote escaped: its control characters do not act, its line breaks start no line', () => {
    const forged = 'boilerplate/forged  error    boilerplate      A rule credlint does not have.';
    const pack = {
      name: 'loud',
      rules: [
        {
          id: 'boilerplate/loud-cliches',
          category: 'boilerplate',
          severity: 'warning',
          message: 'Avoid "{text}".\u2028Message: forged\r',
          description: `Phrases\u001b[2J we do not print.\n${forged}\u202e`,
          type: 'phrase',
          options: { phrases: [{ phrase: 'game changer' }] },
          examples: { flag: ['It is a game changer.\u2029'], pass: ['The game changed.'] },
        },
      ],
    };
    const dir = join(t.dir, 'loud\u001b[31m');
    t.put('loud\u001b[31m/loud.json', JSON.stringify(pack));
    const BREAKS_OR_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
    const rules = cli(['rules', '-r', dir]);
    const explain = cli(['explain', 'boilerplate/loud-cliches', '-r', dir]);
    for (const r of [rules, explain]) {
      expect(r.status).toBe(0);
      const lines = r.stdout.split('\n');
      expect(lines.filter((l) => BREAKS_OR_CONTROLS.test(l))).toEqual([]);
      expect(lines.filter((l) => l.startsWith('boilerplate/forged') || l.startsWith('Message: forged'))).toEqual([]);
    }
    expect(rules.stdout).toMatch(/^boilerplate\/loud-cliches +warning +boilerplate +Phrases\\x1b\[2J we do not print\. boilerplate\/forged .*\\u202e$/m);
    expect(explain.stdout).toMatch(/^boilerplate\/loud-cliches {2}\(boilerplate, warning; .*loud\\x1b\[31m/);
    expect(explain.stdout).toContain(`Phrases\\x1b[2J we do not print.\\n${forged}\\u202e\n`);
    expect(explain.stdout).toContain('Message: Avoid "{text}".\\u2028Message: forged\\r\n');
    expect(explain.stdout).toContain('✗ "It is a game changer.\\u2029"');
  });

  it.each([
    ['an unknown key', { name: 'p', rules: [{ id: 'spacing/x', category: 'spacing', severity: 'info', message: 'm', description: 'd', type: 'pattern', options: { pattern: 'x' }, examples: { flag: ['x'], pass: [] }, colour: 1 }] }, '/rules/0: unknown key "colour"'],
    ['an unknown detector type', { name: 'p', rules: [{ id: 'spacing/x', category: 'spacing', severity: 'info', message: 'm', description: 'd', type: 'magic', options: {}, examples: { flag: ['x'], pass: [] } }] }, '/rules/0/type: must be equal to one of the allowed values'],
    ['a bad option', { name: 'p', rules: [{ id: 'spacing/x', category: 'spacing', severity: 'info', message: 'm', description: 'd', type: 'pattern', options: { pattern: 'x', flags: 'g' }, examples: { flag: ['x'], pass: [] } }] }, '/rules/0/options/flags: must match pattern'],
    ['a broken regular expression', { name: 'p', rules: [{ id: 'spacing/x', category: 'spacing', severity: 'info', message: 'm', description: 'd', type: 'pattern', options: { pattern: '(unclosed' }, examples: { flag: ['x'], pass: [] } }] }, '/rules/0/options: invalid regular expression'],
    ['a duplicate rule id', { name: 'p', rules: [{ id: 'spacing/doubled-space', category: 'spacing', severity: 'info', message: 'm', description: 'd', type: 'pattern', options: { pattern: 'x' }, examples: { flag: ['x'], pass: [] } }] }, 'is already defined in'],
  ])('a pack with %s is refused with the file and the JSON pointer', async (name, pack, expected) => {
    const file = t.put(`broken-${name.replace(/\W+/g, '-')}/pack.json`, JSON.stringify(pack));
    const r = await checkHere([article], { rules: [join(file, '..')] });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(file);
    expect(r.stderr).toContain(expected);
  });
});
