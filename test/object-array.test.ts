import { describe, expect, it } from 'vitest';
import { emptyObjectArray } from '../src/text/object-array.js';

describe('emptyObjectArray', () => {
  it('behaves as an empty literal: no elements, pushes and iterates in order', () => {
    const a = emptyObjectArray<{ n: number }>();
    const b: { n: number }[] = [];
    expect(a).toEqual(b);
    expect(a.length).toBe(0);
    expect(0 in a).toBe(false);
    for (const n of [3, 1, 2]) {
      a.push({ n });
      b.push({ n });
    }
    expect(a).toEqual(b);
    expect([...a].map((x) => x.n)).toEqual([3, 1, 2]);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('gives a fresh array each call', () => {
    const a = emptyObjectArray<object>();
    a.push({});
    expect(emptyObjectArray<object>().length).toBe(0);
  });
});
