import type { ScoringConfig } from '../rules/config.js';
import type { Category, CategoryTally, Flag, Verdict } from '../types.js';

export interface ScoreResult {
  score: number;
  verdict: Verdict;
  categories: Partial<Record<Category, CategoryTally>>;
}

/**
 * How much one flag weighs in an article of `words` words: referenceWords / max(words, minWords), at most 1
 * when normalisation is on, so that above minWords the score depends on the density of flags and not on
 * the article's length (a 5,000-word article with the density of a passing 300-word one passes too).
 */
export function lengthFactor(words: number | undefined, scoring: ScoringConfig): number {
  const { referenceWords, minWords } = scoring.length;
  if (!referenceWords || words === undefined) return 1;
  return referenceWords / Math.max(words, minWords);
}

/** Points one flag costs before the category cap, in an article of `words` words. */
export function flagPenalty(flag: Pick<Flag, 'severity' | 'category'>, scoring: ScoringConfig, factor = 1): number {
  return scoring.penalties[flag.severity] * (scoring.categoryWeights[flag.category] ?? 1) * factor;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * score = 100 − Σ over categories of min(cap(category), Σ severity weight × category weight × length factor), floored at 0.
 * A category's cap stops one noisy kind of problem from outweighing everything else. Suppressed flags
 * (inline comments, baseline) are not counted. An article with no words scores 0 and fails: there is nothing to publish.
 * verdict: pass at or above `pass`, fail below `fail`, review between; an error-severity flag keeps
 * an article from passing when `errorsMeanReview` is on.
 */
export function scoreFlags(flags: readonly Flag[], scoring: ScoringConfig, words?: number): ScoreResult {
  const factor = lengthFactor(words, scoring);
  const categories: Partial<Record<Category, CategoryTally>> = {};
  const counted = flags.filter((f) => !f.suppressed);
  for (const f of counted) {
    const t = (categories[f.category] ??= { flags: 0, penalty: 0 });
    t.flags++;
    t.penalty += flagPenalty(f, scoring, factor);
  }
  let lost = 0;
  for (const [category, t] of Object.entries(categories) as [Category, CategoryTally][]) {
    t.penalty = round2(Math.min(scoring.categoryCaps[category] ?? scoring.categoryCap, t.penalty));
    lost += t.penalty;
  }
  if (words === 0) return { score: 0, verdict: 'fail', categories };
  const score = Math.max(0, Math.round(100 - lost));
  let verdict: Verdict = score >= scoring.pass ? 'pass' : score < scoring.fail ? 'fail' : 'review';
  if (verdict === 'pass' && scoring.errorsMeanReview && counted.some((f) => f.severity === 'error')) verdict = 'review';
  return { score, verdict, categories };
}
