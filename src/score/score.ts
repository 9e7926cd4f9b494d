import type { ScoringConfig } from '../rules/config.js';
import type { Category, CategoryTally, Flag, Verdict } from '../types.js';

export interface ScoreResult {
  score: number;
  verdict: Verdict;
  categories: Partial<Record<Category, CategoryTally>>;
}

/**
 * score = 100 − Σ over categories of min(categoryCap, Σ penalty of its flags), floored at 0.
 * A category's cap stops one noisy kind of problem from outweighing everything else.
 * verdict: pass at or above `pass`, fail below `fail`, review between; an error-severity flag keeps
 * an article from passing when `errorsMeanReview` is on.
 */
export function scoreFlags(flags: Flag[], scoring: ScoringConfig): ScoreResult {
  const categories: Partial<Record<Category, CategoryTally>> = {};
  for (const f of flags) {
    const t = (categories[f.category] ??= { flags: 0, penalty: 0 });
    t.flags++;
    t.penalty += scoring.penalties[f.severity];
  }
  let lost = 0;
  for (const t of Object.values(categories)) {
    t.penalty = Math.min(scoring.categoryCap, t.penalty);
    lost += t.penalty;
  }
  const score = Math.max(0, Math.round(100 - lost));
  let verdict: Verdict = score >= scoring.pass ? 'pass' : score < scoring.fail ? 'fail' : 'review';
  if (verdict === 'pass' && scoring.errorsMeanReview && flags.some((f) => f.severity === 'error')) verdict = 'review';
  return { score, verdict, categories };
}
