import type { RuleSpec } from '../detectors/detector.js';

// A fix is safe when applying it cannot change what the article says: spacing, encoding damage, a word
// printed twice. Spun phrases, fillers and chrome need an editor's eye, so their suggestions stay one-by-one.
const SAFE_CATEGORIES = new Set(['spacing', 'encoding']);
const SAFE_RULES = new Set(['repetition/reduplicated-words']);

export function isSafeFix(rule: Pick<RuleSpec, 'id' | 'category'>): boolean {
  return SAFE_CATEGORIES.has(rule.category) || SAFE_RULES.has(rule.id);
}
