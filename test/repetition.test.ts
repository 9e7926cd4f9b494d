import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain ES module without types (development-time generator)
import { injectDefect, rng, score } from '../scripts/lib/inject-defects.mjs';
// @ts-expect-error: plain ES module without types (development-time generator)
import { mulberry32 } from '../scripts/lib/random.mjs';
// @ts-expect-error: plain ES module without types (development-time generator)
import { restater } from '../scripts/lib/restatements.mjs';
import { check, HAS_SHARED, newsPages, seed } from './helpers/run.js';

const PARA = (s: string): string => s.trim().split('\n').map((l) => l.trim()).join('\n');

describe('repetition/reduplicated-words', () => {
  it('flags doubled words and suggests the single word', () => {
    const r = check('Exporters see room for growth and growth in the coming years, the minister said in a statement on Monday.', 'repetition/reduplicated');
    expect(r.flags.map((f) => [f.text, f.suggestion])).toEqual([['growth and growth', 'growth']]);
  });
  it('leaves idioms, comparatives and grammatical doubles alone', () => {
    const text = 'More and more families moved out as rents rose again and again; queues grew longer and longer, and he said that that had had an effect over and over, for hours and hours.';
    expect(check(text, 'repetition/reduplicated').flags).toEqual([]);
  });
});

describe('repetition/restated-sentence', () => {
  const body = PARA(`
    The regional government approved a new water treatment plant for the northern district on Thursday after years of delays.
    Construction will begin next spring and is expected to take about three years, according to the planning office.
    Residents have complained for a decade about brown tap water and frequent boil-water notices.
    After years of delays, the regional government on Thursday approved the new water treatment plant for the northern district.`);
  it('flags the later restatement and points to the earlier sentence', () => {
    const flags = check(body, 'repetition/restated').flags;
    expect(flags).toHaveLength(1);
    expect(flags[0]!.text).toMatch(/^After years of delays/);
    expect(body.slice(flags[0]!.related!.start, flags[0]!.related!.end)).toMatch(/^The regional government approved/);
  });
  it('does not flag sentences that merely share the topic', () => {
    const other = body.split('\n').slice(0, 3).join('\n');
    expect(check(other, 'repetition/restated').flags).toEqual([]);
  });
  const bridge = PARA(`
    The city council voted on Monday to close the old bridge over the river to heavy trucks. Engineers found deep cracks in two of its steel supports during an inspection in March.
    Drivers will have to take the ring road, which adds about twenty minutes to the journey.
    Local businesses on the far bank fear losing customers during the repairs.`);
  it('flags two sentences restated as one, pointing at both', () => {
    const body = `${bridge}\nBecause engineers found deep cracks in two of its steel supports during an inspection in March, the old bridge over the river will close to heavy trucks, the city council voted on Monday.`;
    const flags = check(body, 'repetition/restated').flags;
    expect(flags.map((f) => f.text)).toEqual([body.split('\n').at(-1)]);
    expect(flags[0]!.related!.text).toBe(bridge.split('\n')[0]);
  });
  it('flags a pair restated with its sentence boundary moved (neither half matches a sentence alone)', () => {
    const added = 'In short, during an inspection in March the city council voted on Monday to close the old bridge. Over the river, engineers found deep cracks in two of its steel supports, so heavy trucks are barred.';
    const flags = check(`${bridge}\n${added}`, 'repetition/restated').flags;
    expect(flags.map((f) => f.text)).toEqual([added]);
  });
  const beach = PARA(`
    Volunteers cleaned the beach after the oil spill.
    The council has promised to pay for a second clean-up in the spring, when the nesting season begins.
    Fishermen say their catches have not recovered since the tanker ran aground in January.`);
  it('flags a short sentence said again with its clauses turned round, not one repeated word for word', () => {
    const turned = `${beach}\nAfter the oil spill, the beach was cleaned by volunteers.`;
    expect(check(turned, 'repetition/restated').flags.map((f) => f.text)).toEqual(['After the oil spill, the beach was cleaned by volunteers.']);
    const refrain = `${beach}\nVolunteers cleaned the beach after the oil spill.`;
    expect(check(refrain, 'repetition/restated').flags).toEqual([]);
    const other = `${beach}\nAfter the storm, the beach was cleaned by soldiers.`;
    expect(check(other, 'repetition/restated').flags).toEqual([]);
  });
  it('leaves parallel statements about different figures alone', () => {
    const body = PARA(`
      The standard version of the new electric hatchback will be able to go from zero to 60 mph in about five seconds, the company says.
      Deliveries are planned for the spring in Europe and later in North America.
      The performance version of the new electric hatchback will be able to go from zero to 60 mph in about 3.5 seconds.`);
    expect(check(body, 'repetition/restated').flags).toEqual([]);
  });
  it('leaves two short sentences quoted again one by one alone (an excerpt), but not a long one', () => {
    const body = PARA(`
      What would your app be as an employee? How would you rate its performance review?
      These are some of the apps I have worked with recently and the kinds of staff they resemble.
      Readers wrote in with many more examples.
      What would your app be as an employee? How would you rate its performance review?`);
    expect(check(body, 'repetition/restated').flags).toEqual([]);
  });
  it('flags a closing paragraph that restates the opening (the founding article)', () => {
    const text = seed('lukashenko-tianjin.txt');
    const f = check(text, 'repetition/restated').flags.find((x) => x.text.startsWith('President Alexander Lukashenko’s arrival'));
    expect(f?.related?.start).toBe(0);
  });
});

describe('repetition/redundant-text', () => {
  it('records information-density figures in stats', () => {
    const r = check(seed('belarus-sco-membership.txt'), 'repetition/redundant');
    expect(r.stats.compressionRatio).toBeGreaterThan(0.2);
    expect(r.stats.compressionRatio).toBeLessThan(0.8);
    expect(r.stats.distinctContentWords).toBeGreaterThan(0.2);
  });
  it('flags an article made of copies of one line', () => {
    const lines = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? 'Best prices on running shoes and boots, order today for free delivery.' : `Item ${i} arrives within days of the order being placed online.`));
    expect(check(lines.join('\n'), 'repetition/redundant').flags.length).toBeGreaterThan(0);
  });
});

describe.skipIf(!HAS_SHARED)('repetition on real news', () => {
  const pages = newsPages();
  it('stays quiet on clean news bodies (at most 0.3 flags per 1,000 words)', () => {
    let flags = 0;
    let words = 0;
    for (const p of pages) {
      words += p.body.split(/\s+/).length;
      flags += check(p.body, 'repetition/').flags.filter((f) => f.category === 'repetition').length;
    }
    expect((1000 * flags) / words).toBeLessThan(0.3);
  });
  it('finds injected doubled words, restatements and filler at their spans, with few other flags', () => {
    const r = rng(11);
    const cases = [];
    for (const p of pages.slice(0, 40)) {
      for (const kind of ['reduplication', 'restatement', 'filler']) {
        const inj = injectDefect(p.body, kind, r);
        if (!inj) continue;
        const res = check(inj.body, 'repetition/');
        if (res.language === 'eng') cases.push({ spans: inj.spans, flags: res.flags });
      }
    }
    const s = score(cases, ['repetition']);
    // The restatement generator of scripts/measure-restatements.mjs (reordered clauses, function words swapped, a
    // sentence, a line, two sentences merged into one, a possessive turned around), on the same articles.
    const make = restater(mulberry32(5));
    let found = 0;
    let made = 0;
    for (const p of pages.slice(0, 60)) {
      for (const [, added] of make.cases(p.body) as [string, string][]) {
        const { text, from, to } = make.insert(p.body, added);
        const res = check(text, 'repetition/restated');
        if (res.language !== 'eng') continue;
        made++;
        if (res.flags.some((f) => f.start < to && f.end > from)) found++;
      }
    }
    expect(made).toBeGreaterThan(80);
    expect(found / made).toBeGreaterThanOrEqual(0.85);
    for (const kind of ['reduplication', 'restatement', 'filler']) expect(s.byKind[kind].found / s.byKind[kind].injected, kind).toBeGreaterThan(0.7);
    expect(s.precision).toBeGreaterThan(0.85);
  });
});
