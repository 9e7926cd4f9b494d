import { describe, expect, it } from 'vitest';
import { compareGathered } from '../src/engine/check-batch.js';
import type { ArticleFacts } from '../src/facts/facts.js';
import { defaultConfig } from '../src/rules/config.js';
import type { InputError } from '../src/types.js';

describe('a failing comparison', () => {
  it('becomes one error; the caller keeps every per-article result', () => {
    const broken = [{ article: 'x', minhash: 'not a list', claims: 5 }, { article: 'y', minhash: null, claims: null }] as unknown as ArticleFacts[];
    const errors: InputError[] = [];
    const out = compareGathered(broken, defaultConfig(), errors);
    expect(out.comparisons).toEqual([]);
    expect(errors).toEqual([{ source: 'comparison', message: expect.stringMatching(/^the cross-document comparison failed; per-article results are complete: /) }]);
  });
});
