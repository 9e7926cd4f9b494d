// Text cut for a report (flag quotes, comparison sides, listings) never splits a surrogate pair: half an emoji is
// not valid UTF-8 and shows as a replacement character, or fails a strict decoder downstream.
import { describe, expect, it } from 'vitest';
import { clipText, tailText } from '../src/text/surrogates.js';
import { check } from './helpers/run.js';

const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

describe('clipText', () => {
  it('cuts to the limit with an ellipsis, one unit shorter when the cut would fall inside a pair', () => {
    expect(clipText('abcdef', 6)).toBe('abcdef');
    expect(clipText('abcdefg', 6)).toBe('abcde…');
    expect(clipText('abcd😀fg', 6)).toBe('abcd…');
    expect(clipText('abc😀efg', 6)).toBe('abc😀…');
    expect(tailText('ab😀cd', 4)).toBe('😀cd');
    expect(tailText('ab😀cd', 3)).toBe('cd');
    expect(tailText('ab😀cd', 4).length).toBeLessThanOrEqual(4);
  });

  it('leaves no half pair in the text of any flag, wherever an emoji falls at the cut', () => {
    // A paragraph said twice is flagged whole; its quote is cut at 300 units. Shifting the emoji by one unit
    // at a time (over the sentence's length) puts a pair across the cut in one of the runs.
    let cut = 0;
    for (let shift = 0; shift < 64; shift++) {
      const p = `Then ${'x'.repeat(shift)} ${'The council met on Tuesday and said the budget 😀 would rise. '.repeat(8).trim()}`;
      const flags = check(`Headline here\n\n${p}\n\n${p}\n\nThe end of the story came later that day.`).flags;
      for (const f of flags) {
        expect(f.text).not.toMatch(lone);
        if (f.text.endsWith('…')) cut++;
      }
    }
    expect(cut).toBeGreaterThan(0);
  });
});
