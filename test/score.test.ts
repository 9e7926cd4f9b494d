import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING } from '../src/rules/config.js';
import { scoreFlags } from '../src/score/score.js';
import type { Category, Flag, Severity } from '../src/types.js';

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
