import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, HAS_SHARED, newsPages, ROOT, seed } from './helpers/run.js';

const RULE = 'tortured-phrase/spun-collocation';
const LONG = (s: string): string => `${s} The announcement came after months of talks between the two governments, officials said on Tuesday.`;
const flagsOf = (text: string): { text: string; suggestion?: string; message: string }[] =>
  check(LONG(text), RULE).flags.map((f) => ({ text: f.text, suggestion: f.suggestion, message: f.message }));

interface Pack {
  rules: { options: { terms: Record<string, string[]>; verbLike?: string[] } }[];
}
const pack = JSON.parse(readFileSync(join(ROOT, 'rules', 'spun-collocations.json'), 'utf8')) as Pack;
const terms = pack.rules[0]!.options.terms;

describe('spun collocations', () => {
  it('flags a term with one word swapped, keeping number and capitalisation in the suggestion', () => {
    const flags = flagsOf('Pilots of the atmosphere force marched with the toil unions against climate alteration.');
    expect(flags.map((f) => [f.text, f.suggestion])).toEqual([
      ['atmosphere force', 'air force'],
      ['toil unions', 'labor unions'],
      ['climate alteration', 'climate change'],
    ]);
    expect(flags[2]!.message).toBe('"climate alteration" reads like "climate change" with one word swapped for a synonym, as a spinner does.');
    expect(flagsOf('Climate alteration is real.')[0]!.suggestion).toBe('Climate change');
  });

  it('leaves the established terms and ordinary swaps alone', () => {
    expect(flagsOf('Pilots of the air force marched with the labor unions against climate change.')).toEqual([]);
    expect(flagsOf('Growth in developing states and energy markets spurred economic collaboration.')).toEqual([]);
  });

  it('does not read a verb as a plural head ("the photo shows the damage")', () => {
    // Every verb-like last word in the table: its -s form before an object is left alone.
    const verbLike = new Set(pack.rules[0]!.options.verbLike ?? []);
    const entry = Object.entries(terms).find(([, vs]) => vs.some((v) => verbLike.has(v.split(' ').pop()!)))!;
    const variant = entry[1].find((v) => verbLike.has(v.split(' ').pop()!))!;
    expect(flagsOf(`The ${variant}s the damage done to the old bridge.`)).toEqual([]);
    expect(flagsOf(`Nobody had expected the ${variant} to appear here.`).map((f) => f.suggestion)).toEqual([entry[0]]);
  });

  it('takes a lone Title Case match for a name, but not two different ones', () => {
    expect(flagsOf('Ministers met in the Labor Wedlock on Monday.')).toEqual([]);
    expect(flagsOf('Ministers met in the Labor Wedlock on Monday with the Atmosphere Force.').map((f) => f.suggestion)).toEqual(['Labor Union', 'Air Force']);
  });

  it('matches word runs only, not across punctuation or line breaks', () => {
    expect(flagsOf('They spoke of the climate. Alteration followed.')).toEqual([]);
    expect(flagsOf('They spoke of the climate,\nalteration followed.')).toEqual([]);
  });

  it('holds a table that cannot flag established wording or duplicate a listed fingerprint', () => {
    const listed = new Set<string>();
    for (const file of ['tortured-phrases.json', 'synonym-swaps.json']) {
      const p = JSON.parse(readFileSync(join(ROOT, 'rules', file), 'utf8')) as { rules: { options: { phrases?: { phrase: string }[] } }[] };
      for (const r of p.rules) for (const e of r.options.phrases ?? []) listed.add(e.phrase.toLowerCase());
    }
    let n = 0;
    for (const [term, variants] of Object.entries(terms)) {
      for (const v of variants) {
        n++;
        expect(terms[v], `${v} is itself a term`).toBeUndefined();
        expect(listed.has(v), `${v} is already listed`).toBe(false);
        expect(v.split(' ').length, v).toBe(term.split(' ').length);
        // Exactly one word differs from the term.
        expect(v.split(' ').filter((w, i) => w !== term.split(' ')[i]).length, v).toBe(1);
      }
    }
    expect(n).toBeGreaterThan(10000);
  });
});

describe.skipIf(!HAS_SHARED)('spun collocations on real text', () => {
  it('never fires on the clean news bodies', () => {
    const hits = newsPages().flatMap((p) => check(p.body, RULE).flags.filter((f) => f.ruleId === RULE).map((f) => f.text));
    expect(hits).toEqual([]);
  });
  it('leaves the founding articles\' ordinary collocations alone', () => {
    for (const name of ['lukashenko-tianjin.txt', 'belarus-sco-membership.txt']) {
      const texts = check(seed(name), RULE).flags.filter((f) => f.ruleId === RULE).map((f) => f.text.toLowerCase());
      for (const ok of ['energy markets', 'economic collaboration', 'developing states']) expect(texts).not.toContain(ok);
    }
  });
});
