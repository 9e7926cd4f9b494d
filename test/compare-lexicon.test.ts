import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { curatedPairs, lexicon } from '../src/compare/lexicon.js';
import { wordId } from '../src/facts/token-ids.js';

const lex = lexicon();
const opposite = (a: string, b: string): boolean => lex.antonym(wordId(a), wordId(b));
const same = (a: string, b: string): boolean => lex.synonym(wordId(a), wordId(b));

describe('antonym lexicon (WordNet and the curated news pairs)', () => {
  it('pairs WordNet gives directly, through similar-to satellites and through derivation, in inflected forms', () => {
    // Direct antonyms and their inflections.
    expect(opposite('rose', 'fell')).toBe(true);
    expect(opposite('higher', 'lower')).toBe(true);
    // Satellites of a head adjective take the head's antonym ("costly" is similar to "expensive", "wealthy" to "rich").
    expect(opposite('cheap', 'costly')).toBe(true);
    expect(opposite('wealthy', 'poor')).toBe(true);
    expect(opposite('legal', 'illicit')).toBe(true);
    // Derivation: the verbs of opposite adjectives ("wide" / "narrow", "tight" / "loose").
    expect(opposite('widened', 'narrowed')).toBe(true);
    expect(opposite('tightened', 'loosened')).toBe(true);
    // A two-syllable verb keeps its single consonant ("opened"), and both directions hold.
    expect(opposite('opened', 'closed')).toBe(true);
    expect(opposite('closed', 'opened')).toBe(true);
  });

  it('the curated pairs cover what WordNet does not pair, read from the data file', () => {
    expect(opposite('before', 'after')).toBe(true);
    expect(opposite('allowed', 'banned')).toBe(true);
    expect(opposite('earlier', 'later')).toBe(true);
    expect(opposite('acquitted', 'convicted')).toBe(true);
  });

  it('a paraphrase is not an opposite', () => {
    for (const [a, b] of [['rose', 'increased'], ['fell', 'declined'], ['said', 'stated'], ['began', 'started'], ['allowed', 'permitted'], ['banned', 'forbidden']]) {
      expect(opposite(a!, b!), `${a} / ${b}`).toBe(false);
    }
    expect(same('large', 'big')).toBe(true);
  });

  it('the curated file validates against its schema, and a malformed pair is named in one clear error', () => {
    const data = JSON.parse(readFileSync(new URL('../rules/data/news-antonyms.json', import.meta.url), 'utf8'));
    const schema = JSON.parse(readFileSync(new URL('../schemas/antonyms.schema.json', import.meta.url), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    expect(validate(data), JSON.stringify(validate.errors)).toBe(true);
    // No pair lists the same form on both sides (a word is never its own opposite).
    for (const [a, b] of data.pairs as Array<[string, string]>) {
      const left = new Set(a.split(/\s+/));
      expect(b.split(/\s+/).filter((w) => left.has(w)), `${a} / ${b}`).toEqual([]);
    }
    expect(() => curatedPairs({ pairs: [['before']] as unknown as Array<[string, string]> }, new Map())).toThrow(/news-antonyms\.json: each pair is two strings/);
  });
});
