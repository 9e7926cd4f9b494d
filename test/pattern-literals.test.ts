import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RuleExample } from '../src/detectors/detector.js';
import { expandLists, literalTest, pattern, type PatternOptions } from '../src/detectors/pattern.js';
import { buildDoc } from '../src/text/doc.js';
import { foldCase, isCaseless } from '../src/text/fold-case.js';
import { requiredLiterals } from '../src/text/required-literals.js';
import { article, builtinRules } from './helpers/run.js';

// The prefilter of the pattern rules (required literals, src/text/required-literals.ts) may skip an article only
// when the expression cannot match it: these tests look for any text where the expression matches and the
// prefilter says no. Under the i flag the literals are folded and looked for in the folded text.

/** Non-empty matches as the pattern rule scans for them. */
function hasMatch(re: RegExp, text: string): boolean {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0] !== '') return true;
    re.lastIndex++;
  }
  return false;
}

const sorted = (s: string[] | null) => (s ? [...s].sort() : s);

describe('requiredLiterals: strings one of which a matching text must contain', () => {
  it('reads literals, small classes, repeats and the text a look-behind stands on', () => {
    expect(sorted(requiredLiterals(' {2,}', false))).toEqual(['  ']);
    expect(sorted(requiredLiterals('[ \\u00a0](?<=\\p{L}[ \\u00a0])[ \\u00a0]+', false))).toEqual(['  ', ' \u00a0', '\u00a0 ', '\u00a0\u00a0']);
    expect(sorted(requiredLiterals('(?<=[(\\[])[ \\t]+', false))).toEqual(['(\t', '( ', '[\t', '[ ']);
    expect(sorted(requiredLiterals(' (?<=\\p{L} ) *[,;]', false))).toEqual([' ,', ' ;']);
    expect(sorted(requiredLiterals('(?:ab){2}c', false))).toEqual(['ababc']);
    expect(sorted(requiredLiterals('x\\p{L}+|yz', false))).toEqual(['x', 'yz']);
    expect(sorted(requiredLiterals('\\ufffd+', false))).toEqual(['\ufffd']);
    expect(sorted(requiredLiterals('\\p{L}+(?=\\.\\.)', false))).toEqual(['..']);
  });

  it('gives up (null) where a match need not contain a known string', () => {
    expect(requiredLiterals('\\p{L}+\\w', false)).toBeNull();
    expect(requiredLiterals('a*', false)).toBeNull();
    expect(requiredLiterals('a|\\p{L}', false)).toBeNull();
    expect(requiredLiterals('(?!ab)\\w', false)).toBeNull();
    expect(requiredLiterals('(?<x>a)\\k<x>', false)).toEqual(['a']);
    expect(requiredLiterals('a)b', false)).toBeNull();
  });

  it('under the i flag, folds: a letter stands for its other cases (the Kelvin sign for k, the long s for s)', () => {
    expect(requiredLiterals('Kelvin', true)).toEqual(['kelvin']);
    expect(requiredLiterals('\\u212a\\u017F', true)).toEqual(['ks']);
    expect(sorted(requiredLiterals('[AB]\\d', true))).toEqual(['a', 'b']);
    expect(requiredLiterals('\\d+ Shares', true)).toEqual([...'0123456789'].map((d) => `${d} shares`));
    expect(sorted(requiredLiterals('ΟΔΟΣ|Straße', true))).toEqual(['strasse', 'οδοσ']);
    expect(requiredLiterals('[A-Z]+', true)).toBeNull();
  });

  it('a prefilter is not built for literals as common as a comma or a space', () => {
    expect(literalTest([','])).toBeNull();
    expect(literalTest([' ', '\u00a0'])).toBeNull();
    const test = literalTest(['  ', ' ,'])!;
    expect(test('a  b')).toBe(true);
    expect(test('a , b')).toBe(true);
    expect(test('a b, c')).toBe(false);
    const chars = literalTest(['\u202a', ']', '^', '\\', '\t'])!;
    for (const yes of ['x\u202a', 'a]', '^', 'a\\b', '\t']) expect(chars(yes)).toBe(true);
    for (const no of ['abc', '-', '[']) expect(chars(no)).toBe(false);
  });
});

// Random expressions over a small alphabet, tried on random texts: the analysis is checked against the engine.
// Few characters, so that random expressions often match random texts; for the i flag, characters whose case
// variants are not their lower case: K, k and the Kelvin sign, s and the long s, ß and ẞ, the three sigmas.
const ALPHABET = ['a', 'b', 'A', ' ', '.', 'k', '\u212a', '\u00a0', '1', 'S', '\u017f', '\u00df', '\u1e9e', '\u03a3', '\u03c2', '\u03c3'];
const ATOMS = ['a', 'b', 'A', ' ', '\\.', 'k', '1', '[ab]', '[ \\u00a0]', '[^a]', '\\p{L}', '\\d', '\\s', '.', '\\u212a', '[k ]', 's', '\\u017f', '[\\u00dfS]', '\u03c3', '\u03a3', '[a-c]', '[\\u03c2x]'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function randomPattern(r: () => number, depth = 0): string {
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const n = 1 + Math.floor(r() * 4);
  let seq = '';
  for (let i = 0; i < n; i++) {
    const roll = r();
    let atom: string;
    if (roll < 0.55 || depth > 2) atom = pick(ATOMS);
    else if (roll < 0.7) atom = `(?:${randomPattern(r, depth + 1)}|${randomPattern(r, depth + 1)})`;
    else if (roll < 0.78) atom = `(?=${randomPattern(r, depth + 1)})`;
    else if (roll < 0.86) atom = `(?<=${randomPattern(r, depth + 1)})`;
    else if (roll < 0.9) atom = `(?!${randomPattern(r, depth + 1)})`;
    else if (roll < 0.93) atom = `(?<!${randomPattern(r, depth + 1)})`;
    else if (roll < 0.96) atom = '\\b';
    else atom = `(?<g${depth}_${i}>${randomPattern(r, depth + 1)})`;
    const q = r();
    const lookaround = atom.startsWith('(?=') || atom.startsWith('(?!') || atom.startsWith('(?<=') || atom.startsWith('(?<!') || atom === '\\b';
    if (!lookaround) {
      if (q < 0.12) atom += '*';
      else if (q < 0.24) atom += '+';
      else if (q < 0.32) atom += '?';
      else if (q < 0.38) atom += `{${Math.floor(r() * 3)},${2 + Math.floor(r() * 2)}}`;
      else if (q < 0.42) atom += `{${1 + Math.floor(r() * 2)}}`;
    }
    seq += atom;
  }
  return r() < 0.2 ? `${seq}|${pick(ATOMS)}${pick(ATOMS)}` : seq;
}

describe('the prefilter never hides a match', () => {
  it('random expressions on random texts (with and without the i flag)', () => {
    const r = rng(9);
    let compared = 0;
    let comparedFolded = 0;
    let filtered = 0;
    for (let k = 0; k < 4000; k++) {
      const source = randomPattern(r);
      const flags = r() < 0.3 ? 'i' : '';
      let re: RegExp;
      try {
        re = new RegExp(source, `gu${flags}`);
      } catch {
        continue;
      }
      const literals = requiredLiterals(source, flags === 'i');
      if (!literals) continue;
      filtered++;
      // What the pattern rule searches: the folded text, or the text itself when no literal has a cased character.
      const raw = flags === '' || literals.every(isCaseless);
      for (let t = 0; t < 25; t++) {
        const length = 1 + Math.floor(r() * 8);
        let text = '';
        for (let i = 0; i < length; i++) text += ALPHABET[Math.floor(r() * ALPHABET.length)];
        if (!hasMatch(re, text)) continue;
        compared++;
        if (flags) comparedFolded++;
        const searched = flags ? foldCase(text) : text;
        expect(literals.some((l) => searched.includes(l)), `/${source}/${flags} matches ${JSON.stringify(text)} but the text has none of ${JSON.stringify(literals)}`).toBe(true);
        if (raw) expect(literals.some((l) => text.includes(l)), `/${source}/${flags} on ${JSON.stringify(text)}: caseless ${JSON.stringify(literals)}`).toBe(true);
      }
    }
    // The test must have compared something.
    expect(filtered).toBeGreaterThan(300);
    expect(compared).toBeGreaterThan(1000);
    expect(comparedFolded).toBeGreaterThan(300);
  });

  const texts = (rule: { examples?: { flag?: RuleExample[]; pass?: RuleExample[] } }): string[] =>
    [...(rule.examples?.flag ?? []), ...(rule.examples?.pass ?? [])].map((e) => (typeof e === 'string' ? e : e.text));
  const samples = readdirSync('samples')
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .map((f) => readFileSync(join('samples', f), 'utf8'));

  it.each(builtinRules().filter((r) => r.type === 'pattern').map((r) => [r.id, r] as const))('%s: every text it matches passes its prefilter', (_id, rule) => {
    const o = rule.options as { pattern: string; flags?: string; lists?: Record<string, string[]> };
    const re = new RegExp(expandLists(o.pattern, o.lists), `gud${o.flags ?? ''}`);
    const test = (rule.prepared as { mayMatch: ((t: string) => boolean) | null }).mayMatch;
    if (!test) return;
    const own = texts(rule);
    let matched = 0;
    for (const text of [...own, ...samples]) {
      if (!hasMatch(re, text)) continue;
      matched++;
      expect(test(text), JSON.stringify(text.slice(0, 80))).toBe(true);
      // The match's own text (with a little around it, where it still matches) passes too.
      for (const m of [...text.matchAll(re)]) {
        const around = text.slice(Math.max(0, m.index - 20), m.index + m[0].length + 20);
        if (m[0] && hasMatch(re, around)) expect(test(around), JSON.stringify(around)).toBe(true);
      }
    }
    expect(matched, 'the rule’s flag examples match its expression').toBeGreaterThan(0);
  });
});

describe('the build-time pattern cache (dist/pattern-prepared.json)', () => {
  const file = join('dist', 'pattern-prepared.json');
  let cache: Record<string, { source: string; literals: string[] | null }> | null = null;
  try {
    cache = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    cache = null;
  }
  it.skipIf(!cache)('holds, for each shipped pattern rule, what the code computes now (run `npm run build` first)', () => {
    const patterns = builtinRules().filter((r) => r.type === 'pattern');
    expect(Object.keys(cache!).length).toBe(patterns.length);
    for (const [key, entry] of Object.entries(cache!)) {
      const [pattern, lists, flags] = JSON.parse(key) as [string, Record<string, string[]> | null, string];
      const source = expandLists(pattern, lists ?? undefined);
      expect(entry.source).toBe(source);
      expect(entry.literals).toEqual(requiredLiterals(source, flags.includes('i')));
    }
  });
});

describe('a pattern rule under the i flag', () => {
  const rule = (options: PatternOptions) => ({ prepared: pattern.prepare(options) }) as Parameters<typeof pattern.run>[1];
  const spans = (o: PatternOptions, text: string) => pattern.run(buildDoc(article(text)), rule(o)).map((f) => text.slice(f.start, f.end));

  it('looks for literals without cased characters in the text as it is', () => {
    const o: PatternOptions = { pattern: '\\p{L}+ -- \\p{L}+', flags: 'i' };
    expect(pattern.prepare(o).mayMatch).not.toBeNull();
    expect(spans(o, 'one -- two')).toEqual(['one -- two']);
    expect(spans(o, 'one - two')).toEqual([]);
  });

  it('has no prefilter when a literal holds a letter, and still finds every case of it', () => {
    const o: PatternOptions = { pattern: 'kelvins? scale', flags: 'i' };
    expect(pattern.prepare(o).mayMatch).toBeNull();
    for (const t of ['the Kelvin scale', 'THE KELVINS SCALE', 'the \u212aelvin \u017fcale']) expect(spans(o, t), t).toEqual([t.slice(4)]);
  });
});
