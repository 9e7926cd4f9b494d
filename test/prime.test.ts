// The checking threads' primer (src/text/prime.ts): it runs the text model over a text that takes the tokenizer's
// rare branches, so V8's first optimised compile has their type feedback. It must change no token of any article.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDoc } from '../src/text/doc.js';
import { PRIMER, primeTextModel } from '../src/text/prime.js';
import type { Article } from '../src/types.js';
import { ROOT } from './helpers/paths.js';

const articleOf = (body: string, id = 'x'): Article => ({ id, source: id, title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'jsonl', body });
/** Tokens and sentences without the vocabulary ids (process-local, given in order of first sight). */
const model = (body: string) => {
  const d = buildDoc(articleOf(body));
  return { language: d.language, sentences: d.sentences.map((s) => [s.start, s.end, s.tokenFrom, s.tokenTo]), tokens: d.tokens.map((t) => [t.start, t.end, t.text, t.norm, t.kind, t.sentence]) };
};

describe('primeTextModel', () => {
  const texts = [
    ...['clean-council-budget.txt', 'scraped-harbour-page.txt', 'garbled-encoding.txt', 'spun-renewables.md'].map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8')),
    'The U.S. envoy met Ph.D. students on the 3rd of May at 10:30 — prices rose 1,000.50% 😀 𝐀 don’t.',
  ];

  it('leaves every token, sentence and language as they were', () => {
    const before = texts.map(model);
    primeTextModel();
    expect(texts.map(model)).toEqual(before);
  });

  it('takes every token kind, a two-unit code point and a dotted abbreviation, so their branches have feedback', () => {
    const d = buildDoc(articleOf(PRIMER));
    expect([...new Set(d.tokens.map((t) => t.kind))].sort()).toEqual(['number', 'punct', 'symbol', 'word']);
    expect(d.tokens.some((t) => t.kind === 'symbol' && t.end - t.start === 2)).toBe(true);
    expect(d.tokens.some((t) => t.kind === 'word' && t.text.codePointAt(0)! > 0xffff)).toBe(true);
    expect(d.tokens.map((t) => t.text)).toEqual(expect.arrayContaining(['U.S.', 'Ph.D.', '21st', '1,000.50', 'don’t', "it's", 'well-known']));
    expect(d.sentences.length).toBeGreaterThan(4);
  });
});
