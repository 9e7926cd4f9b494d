import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check, ROOT } from './helpers/run.js';

// Shapes that were quadratic (or worse) in text length: a regular expression re-reading a run from every
// position, a slice or a scan of the sentence so far at every boundary, an overlap check against every earlier
// match. At 300,000 characters a quadratic path takes tens of seconds to hours; the linear ones take well under
// a second each. The bound is deliberately generous (a loaded machine must not fail it): it is not a speed
// test — `npm run bench` measures speed — but it fails the day one of these shapes is quadratic again.
const SIZE = 300_000;
const BOUND_MS = 20_000;
/** Each shape (test/fixtures/linear-shapes/shapes.json, shared with scripts/bench-shapes.mjs) at `size` characters. */
function shapeBody(shape: { unit: string; tail?: string }, size: number): string {
  const tail = shape.tail ?? '';
  const n = size - tail.length;
  return shape.unit.repeat(Math.ceil(n / shape.unit.length)).slice(0, n) + tail;
}
const SHAPES = (JSON.parse(readFileSync(join(ROOT, 'test/fixtures/linear-shapes/shapes.json'), 'utf8')) as { shapes: Array<{ name: string; unit: string; tail?: string }> }).shapes;

describe('pathological inputs take time linear in their length', () => {
  for (const shape of SHAPES) {
    it(shape.name, () => {
      const body = shapeBody(shape, SIZE);
      const t = performance.now();
      const result = check(body);
      const ms = performance.now() - t;
      expect(result.stats.characters).toBe(body.length);
      expect(ms).toBeLessThan(BOUND_MS);
    }, BOUND_MS * 2);
  }
});
