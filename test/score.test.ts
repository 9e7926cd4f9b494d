import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../src/rules/config.js';
import { scoreFlags } from '../src/score/score.js';
import type { Category, Flag, Severity } from '../src/types.js';
import { check } from './helpers/run.js';

const flag = (category: Category, severity: Severity): Flag => ({ ruleId: `${category}/x`, category, severity, message: 'm', start: 0, end: 1, line: 1, column: 1, text: 'x' });

describe('score and verdict', () => {
  it('a clean article scores 100 and passes', () => {
    expect(scoreFlags([], DEFAULT_SCORING)).toEqual({ score: 100, verdict: 'pass', categories: {} });
  });
  it('each flag costs points by severity, tallied per category', () => {
    const r = scoreFlags([flag('spacing', 'warning'), flag('spacing', 'info'), flag('dates', 'warning')], DEFAULT_SCORING);
    expect(r.score).toBe(100 - 4 - 1 - 4);
    expect(r.categories).toEqual({ spacing: { flags: 2, penalty: 5 }, dates: { flags: 1, penalty: 4 } });
    expect(r.verdict).toBe('pass');
  });
  it('caps what one category can take off', () => {
    const many = Array.from({ length: 30 }, () => flag('chrome', 'warning'));
    const r = scoreFlags(many, DEFAULT_SCORING);
    expect(r.categories.chrome).toEqual({ flags: 30, penalty: 40 });
    expect(r.score).toBe(60);
    expect(r.verdict).toBe('review');
  });
  it('fails below the fail threshold, across categories', () => {
    const r = scoreFlags([...Array(10)].map(() => flag('chrome', 'error')).concat([...Array(10)].map(() => flag('spacing', 'warning'))), DEFAULT_SCORING);
    expect(r.score).toBe(20);
    expect(r.verdict).toBe('fail');
  });
  it('an error-severity flag keeps an article from passing, unless configured otherwise', () => {
    expect(scoreFlags([flag('encoding', 'error')], DEFAULT_SCORING)).toMatchObject({ score: 90, verdict: 'review' });
    expect(scoreFlags([flag('encoding', 'error')], { ...DEFAULT_SCORING, errorsMeanReview: false }).verdict).toBe('pass');
  });
});

describe('length normalisation, weights, caps', () => {
  // At the reference length a flag costs its full weight.
  const R = DEFAULT_SCORING.length.referenceWords;
  const warnings = (n: number, category: Category = 'spacing') => Array.from({ length: n }, () => flag(category, 'warning'));
  it('the same density of flags gets the same score at 300 and 5,000 words', () => {
    // 3 warnings in 300 words, 50 in 5,000: the same density.
    const short = scoreFlags(warnings(3), DEFAULT_SCORING, 300);
    const long = scoreFlags([...warnings(25), ...warnings(25, 'dates')], DEFAULT_SCORING, 5000);
    expect(short.verdict).toBe('pass');
    expect(long.verdict).toBe('pass');
    expect(long.score).toBe(short.score);
    // Without normalisation the long article would fail on that density.
    const raw = { ...DEFAULT_SCORING, length: { referenceWords: 0, minWords: 1 } };
    expect(scoreFlags([...warnings(25), ...warnings(25, 'dates')], raw, 5000).verdict).toBe('fail');
  });
  it('a short article is weighed as if it had minWords words: one flag in a stub is not an extreme density', () => {
    expect(scoreFlags(warnings(1), DEFAULT_SCORING, 40).score).toBe(scoreFlags(warnings(1), DEFAULT_SCORING, DEFAULT_SCORING.length.minWords).score);
  });
  it('category weights and per-category caps come from the configuration', () => {
    const s = { ...DEFAULT_SCORING, categoryWeights: { ...DEFAULT_SCORING.categoryWeights, spacing: 0.5 }, categoryCaps: { dates: 6 } };
    const r = scoreFlags([...warnings(2), ...warnings(5, 'dates')], s, R);
    expect(r.categories).toEqual({ spacing: { flags: 2, penalty: 4 }, dates: { flags: 5, penalty: 6 } });
    expect(r.score).toBe(90);
    expect(scoreFlags([flag('language', 'info')], DEFAULT_SCORING, R).score).toBe(100);
  });
  it('thresholds are configuration', () => {
    expect(scoreFlags(warnings(3), { ...DEFAULT_SCORING, pass: 95, fail: 85 }, R).verdict).toBe('review');
    expect(scoreFlags(warnings(3), { ...DEFAULT_SCORING, pass: 95, fail: 90 }, R).verdict).toBe('fail');
  });
  it('an article with no words scores 0 and fails', () => {
    expect(scoreFlags([], DEFAULT_SCORING, 0)).toMatchObject({ score: 0, verdict: 'fail' });
  });
  it('suppressed flags do not count', () => {
    const f = { ...flag('encoding', 'error'), suppressed: { kind: 'inline' as const, reason: 'credlint-disable' } };
    expect(scoreFlags([f], DEFAULT_SCORING, 300)).toMatchObject({ score: 100, verdict: 'pass', categories: {} });
  });
});

describe('articles with no words', () => {
  it.each([['dots', '. . . … ...'], ['dashes', '— – - ---\n\n— —'], ['emoji', '🙂 🎉 👍🏽'], ['numbers and signs', '2025 — 10:30 | 42%']])('%s: fail with a structure/no-words error', (_name, body) => {
    const r = check(body);
    expect(r.verdict).toBe('fail');
    expect(r.score).toBe(0);
    expect(r.flags.map((f) => f.ruleId)).toContain('structure/no-words');
  });
  it('a one-word article still has words', () => {
    expect(check('Breaking.').flags.map((f) => f.ruleId)).not.toContain('structure/no-words');
  });
});
