// options.anchor is a speed-up only: an anchored pattern rule must find exactly what the same rule finds without
// it. These tests run both forms side by side on real text (and on texts built to hit the awkward places: matches
// that start before the anchor, overlapping windows and anchor hits, hits at the very start and end, surrogate
// pairs), check that an unsafe anchor is refused at load like any user pattern, and check the schema's shapes.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ANCHOR_SCHEMA, pattern, type PatternOptions } from '../src/detectors/pattern.js';
import { defaultConfig, loadConfig } from '../src/rules/config.js';
import { loadRules } from '../src/rules/load-rules.js';
import { validatorFor } from '../src/rules/schemas.js';
import { buildDoc } from '../src/text/doc.js';
import type { Finding } from '../src/types.js';
import { article, builtinRules, HAS_SHARED, newsPages, ROOT } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

type Rule = Parameters<typeof pattern.run>[1];
const prepared = (options: PatternOptions): Rule => ({ prepared: pattern.prepare(options) }) as Rule;
const findings = (rule: Rule, text: string): Finding[] => pattern.run(buildDoc(article(text)), rule, {} as never) as Finding[];

/** The rule as given and the same rule without its anchor. */
function pair(options: PatternOptions): { anchored: Rule; plain: Rule } {
  const { anchor: _, ...plain } = options;
  return { anchored: prepared(options), plain: prepared(plain) };
}

function expectSame(options: PatternOptions, texts: readonly string[]): number {
  const { anchored, plain } = pair(options);
  let found = 0;
  for (const text of texts) {
    const want = findings(plain, text);
    expect(findings(anchored, text), `${JSON.stringify(options.anchor)} on ${JSON.stringify(text.slice(0, 120))}`).toEqual(want);
    found += want.length;
  }
  return found;
}

const samples = readdirSync(join(ROOT, 'samples'))
  .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
  .map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));

// Real sentences with the defects the shipped anchored rules look for put in, at the start, in the middle and at
// the end of the text, next to emoji and accented letters.
const DEFECTS = ['in2019', 'Published March2020', 'on16.10.2025', 'Updated 2025The', 'ſince2019', 'Tianjin,China,to', 'Moreover,both', 'Organization.The', 'in 2019.Then', 'é,Ça', '😀,ab', 'ab,😀', 'x\u0007y', 'end\u0081', 'Sept2020😀', '😀in2020'];
function defective(base: string, k: number): string[] {
  const d = DEFECTS[k % DEFECTS.length]!;
  const cut = Math.floor(base.length / 2);
  return [d + base, base + d, base.slice(0, cut) + d + ' ' + d + base.slice(cut), d, `${d}${d}`, `${d} ${DEFECTS[(k + 3) % DEFECTS.length]}`];
}

describe('the shipped anchored rules find what they found without the anchor', () => {
  const anchoredRules = builtinRules().filter((r) => r.type === 'pattern' && (r.options as PatternOptions).anchor);

  it('the rules the anchor pays off in carry one', () => {
    expect(anchoredRules.map((r) => r.id).sort()).toEqual(['spacing/missing-space-after-comma', 'spacing/missing-space-after-period', 'spacing/word-glued-to-number']);
  });

  const texts = [...samples, ...samples.flatMap((s, i) => defective(s.slice(0, 3000), i)), ...DEFECTS.flatMap((_, k) => defective('He arrived in Tianjin.', k))];
  it.each(anchoredRules.map((r) => [r.id, r] as const))('%s on the samples and texts with defects put in', (_id, rule) => {
    const found = expectSame(rule.options as PatternOptions, texts);
    expect(found, 'the texts hold matches of the rule').toBeGreaterThan(5);
  });

  it.skipIf(!HAS_SHARED)('on the shared news pages, with defects put in', () => {
    const bodies = newsPages().map((p) => p.body);
    const texts = [...bodies, ...bodies.slice(0, 60).flatMap((b, i) => defective(b, i))];
    for (const rule of anchoredRules) expect(expectSame(rule.options as PatternOptions, texts), rule.id).toBeGreaterThan(5);
  });
});

describe('anchored user rules: the same matches in the awkward places', () => {
  it('matches that start up to `before` characters ahead of the anchor, and anchors at the start and end', () => {
    const o: PatternOptions = { pattern: '[a-z]+,', anchor: { pattern: ',', before: 10 } };
    const texts = [',abc,', 'abc,def,', 'a,', ',', 'x,y,,z', 'no anchor here', 'abcdefghij,', 'ab,cd,ef,gh'];
    expect(expectSame(o, texts)).toBe(10);
    // The window really reaches back: the whole word is flagged, not only from the comma on.
    expect(findings(prepared(o), 'abcdefghij,')).toEqual([{ start: 0, end: 11 }]);
  });

  it('overlapping windows and overlapping anchor hits (every position the anchor matches at is a hit)', () => {
    // Windows of 3 before each digit overlap; each start is tried once, and matches follow each other.
    expect(expectSame({ pattern: '[a-z]\\d[a-z]\\d', anchor: { pattern: '\\d', before: 3 } }, ['a1b2c3d4e5', 'a1b2 c3d4', '1a1b2'])).toBe(5);
    // "12" at 0 and "23" at 1 overlap: a scan resuming at the end of a hit would miss the match at 1.
    const o: PatternOptions = { pattern: '2\\d', anchor: { pattern: '\\d\\d', before: 0 } };
    expect(findings(prepared(o), '123')).toEqual([{ start: 1, end: 3 }]);
    expect(expectSame(o, ['123', '1223', '22222', '2', '32'])).toBe(4);
  });

  it('look-behinds and groups work as in the unanchored scan (the sticky expression sees the whole text)', () => {
    const o: PatternOptions = { pattern: '(?<=\\p{L})(?<g>\\d+)(?=\\p{Lu})', group: 'g', replacement: ' $<g> ', anchor: { pattern: '\\d', before: 0 } };
    expect(expectSame(o, ['abc123Def', 'x9Y 88Z q7R', '123Abc', 'é5É'])).toBe(4);
  });

  it('unicode: windows that begin inside a surrogate pair, emoji in the match, the i flag', () => {
    const o: PatternOptions = { pattern: '[\\p{L}\\p{Extended_Pictographic}]{1,3}\\d', anchor: { pattern: '\\d', before: 6 } };
    const texts = ['😀😀1 é2 a😀3', '😀1', '1😀😀😀2', 'x😀😀😀4', '\u{1F600}\u{1F601}\u{1F602}\u{1F603}5', 'ǅ9'];
    expect(expectSame(o, texts)).toBeGreaterThan(5);
    expect(expectSame({ pattern: 'straße\\d', flags: 'i', anchor: { pattern: 'e\\d', before: 5 } }, ['STRASSE1', 'Straße2 straẞE3', 'ſtraße4'])).toBe(3);
  });

  it('a random alphabet with surrogate pairs: the anchored scan agrees with the plain one', () => {
    let s = 7;
    const r = () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    const alphabet = ['a', 'b', '1', '2', ',', ' ', '😀', 'é'];
    const options: PatternOptions[] = [
      { pattern: '[ab😀]{0,3}\\d[a-b]?', anchor: { pattern: '\\d', before: 6 } },
      { pattern: '(?<![ab])[ab]+,(?=\\S)', anchor: { pattern: ',', before: 24 } },
      { pattern: '\\d(?:😀|é)+', anchor: { pattern: '\\d', before: 0 } },
      { pattern: '[^ ]?,[^ ]?', anchor: { pattern: ',', before: 2 } },
    ];
    const texts = Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(r() * 14) }, () => alphabet[Math.floor(r() * alphabet.length)]).join(''));
    for (const o of options) expect(expectSame(o, texts), o.pattern).toBeGreaterThan(50);
  });

  it('an expression that can match the empty string neither hangs on a surrogate pair nor differs', () => {
    // Empty matches are skipped; the scan moves past them by a whole character.
    expect(findings(prepared({ pattern: 'x*' }), '😀x😀xx')).toEqual([
      { start: 2, end: 3 },
      { start: 5, end: 7 },
    ]);
    expect(expectSame({ pattern: 'x*', anchor: { pattern: '[^]', before: 0 } }, ['😀x😀xx', 'x', '😀'])).toBe(3);
  });

  it('is compiled once, at prepare: the anchor global with the rule’s flags, the expression sticky', () => {
    const p = pattern.prepare({ pattern: 'in\\d', flags: 'i', anchor: { pattern: 'n\\d', before: 1 } });
    expect(p.anchor?.re.flags).toBe('giu');
    expect(p.anchor?.before).toBe(1);
    expect(p.re.sticky).toBe(true);
    expect(p.re.global).toBe(false);
    expect(pattern.prepare({ pattern: 'in\\d' }).re.global).toBe(true);
    // Lists are spliced into the anchor as into the pattern.
    expect(pattern.prepare({ pattern: '{{w}}\\d', lists: { w: ['on', 'in'] }, anchor: { pattern: '{{w}}', before: 0 } }).anchor?.re.test('in')).toBe(true);
  });
});

const t = tempDir();
const pack = (options: Record<string, unknown>) => ({
  name: 'p',
  rules: [{ id: 'spacing/user-rule', category: 'spacing', severity: 'info', message: 'm', description: 'd', type: 'pattern', options, examples: { flag: ['a,b'], pass: [] } }],
});
let packs = 0;
const packDir = (options: Record<string, unknown>): string => t.put(`pack${packs++}/p.json`, JSON.stringify(pack(options))).replace(/p\.json$/, '');

describe('an anchor’s expression is checked like every user pattern', () => {
  it('an exponential anchor is refused at load with the file and the JSON pointer', () => {
    const dir = packDir({ pattern: ',', anchor: { pattern: '(a+)+$', before: 0 } });
    expect(() => loadRules(defaultConfig(), [dir])).toThrow(/p\.json: \/rules\/0\/options\/anchor\/pattern: .*exponential time/);
  });

  it('so is one set by a configuration override, naming the config file', () => {
    const cfg = t.put('over/.credlintrc.json', JSON.stringify({ rules: { 'spacing/missing-space-after-comma': { options: { anchor: { pattern: '(x|x)*y', before: 0 } } } } }));
    expect(() => loadRules(loadConfig(cfg))).toThrow(/\.credlintrc\.json: \/rules\/spacing\/missing-space-after-comma\/options\/anchor\/pattern: .*exponential/);
  });

  it('an ordinary anchor loads, and an invalid one is refused naming the anchor', () => {
    expect(loadRules(defaultConfig(), [packDir({ pattern: '\\w,\\w', anchor: { pattern: ',', before: 1 } })]).some((r) => r.id === 'spacing/user-rule')).toBe(true);
    expect(() => loadRules(defaultConfig(), [packDir({ pattern: ',', anchor: { pattern: '(', before: 0 } })])).toThrow(/p\.json.*invalid regular expression/);
  });
});

describe('the schema of options.anchor', () => {
  const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'rule.schema.json'), 'utf8'));

  it('schemas/rule.schema.json documents the same shape the detector validates', () => {
    expect(schema.definitions.patternAnchor).toEqual(JSON.parse(JSON.stringify(ANCHOR_SCHEMA)));
    expect(pattern.optionsSchema.properties).toHaveProperty('anchor', ANCHOR_SCHEMA);
    expect(schema.definitions.patternAnchor.description).toMatch(/before/);
  });

  const good = [
    { pattern: ',', before: 0 },
    { pattern: '[a-z]\\d|\\d\\p{Lu}', before: 24 },
    { pattern: '\\d', before: 64 },
  ];
  const bad: [string, unknown, RegExp][] = [
    ['no before', { pattern: ',' }, /\/options\/anchor: must have required property 'before'/],
    ['no pattern', { before: 0 }, /\/options\/anchor: must have required property 'pattern'/],
    ['an empty pattern', { pattern: '', before: 0 }, /\/options\/anchor\/pattern: must NOT have fewer than 1 characters/],
    ['a negative before', { pattern: ',', before: -1 }, /\/options\/anchor\/before: must be >= 0/],
    ['a fractional before', { pattern: ',', before: 1.5 }, /\/options\/anchor\/before: must be integer/],
    ['too wide a window', { pattern: ',', before: 65 }, /\/options\/anchor\/before: must be <= 64/],
    ['an unknown key', { pattern: ',', before: 0, after: 2 }, /\/options\/anchor: unknown key "after"/],
    ['a bare string', ',', /\/options\/anchor: must be object/],
  ];

  it('the rule schema accepts the good shapes and refuses the bad ones', () => {
    const validate = validatorFor('rule.schema.json');
    for (const anchor of good) expect(validate(pack({ pattern: ',', anchor })), JSON.stringify(validate.errors)).toBe(true);
    for (const [what, anchor] of bad) expect(validate(pack({ pattern: ',', anchor })), what).toBe(false);
    // Only pattern rules have the option: another type's options are its own detector's business.
    expect(validate({ ...pack({}), rules: [{ ...pack({}).rules[0], type: 'phrase', options: { anchor: 1 } }] })).toBe(true);
  });

  it.each(bad)('loading refuses %s with the file and the JSON pointer', (_what, anchor, message) => {
    expect(() => loadRules(defaultConfig(), [packDir({ pattern: ',', anchor })])).toThrow(new RegExp(`p\\.json: \\/rules\\/0${message.source}`));
  });

  it('loading accepts the good shapes', () => {
    for (const anchor of good) expect(loadRules(defaultConfig(), [packDir({ pattern: ',', anchor })]).some((r) => r.id === 'spacing/user-rule')).toBe(true);
  });
});
