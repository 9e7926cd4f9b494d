import { describe, expect, it } from 'vitest';
import { check } from './helpers/run.js';

// Shapes that were quadratic (or worse) in text length: a regular expression re-reading a run from every
// position, a slice or a scan of the sentence so far at every boundary, an overlap check against every earlier
// match. At 300,000 characters a quadratic path takes tens of seconds to hours; the linear ones take well under
// a second each. The bound is deliberately generous (a loaded machine must not fail it): it is not a speed
// test — `npm run bench` measures speed — but it fails the day one of these shapes is quadratic again.
const SIZE = 300_000;
const BOUND_MS = 20_000;
const fill = (unit: string): string => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const SHAPES: Record<string, string> = {
  'one letter (spacing/lost-dash look-behind)': fill('a'),
  'digits (protected number spans)': fill('7'),
  'dots (sentence boundaries)': fill('.'),
  'spaces (doubled-space, space-before-punctuation)': fill(' '),
  'initials and dots (abbreviation look-back)': fill('. A'),
  'e-mail-like text (name before "@")': `${fill('a')}@`,
  'names glued to a TLD (domain spans walking back)': fill('a.com'),
  'dates on one line (publication candidates, chrono)': fill('On March 3, 2021 and 4 May 2020 '),
  'numeric dates on one line': fill('3.3.2021 '),
  'years after prepositions (own date readings)': fill('in 2019 this year '),
  'one endless sentence of doubled words (template evidence)': fill('word and '),
  'spaces before closing brackets on one line (space-inside-brackets look-back)': fill('a )'),
  'opening quotes with a space on one line (space-inside-quotes look-ahead)': fill('“ a'),
  'spaces before commas and full stops (comma-on-next-word, full-stop-on-next-word)': fill('word  ,next  .Next '),
};

describe('pathological inputs take time linear in their length', () => {
  for (const [name, body] of Object.entries(SHAPES)) {
    it(name, () => {
      const t = performance.now();
      const result = check(body);
      const ms = performance.now() - t;
      expect(result.stats.characters).toBe(body.length);
      expect(ms).toBeLessThan(BOUND_MS);
    }, BOUND_MS * 2);
  }
});
