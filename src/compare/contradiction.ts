import type { Claim } from '../facts/claims.js';
import type { ContradictionKind } from '../types.js';
import { dateDifferences, entityDifferences, numberDifferences, statusDifferences, type SlotDifference } from './claim-slots.js';
import { dice } from './similarity.js';

export interface ContradictionThresholds {
  /** Content-word similarity two sentences need to count as the same statement for a number or date check. */
  slot: number;
  /** Higher bar for negation and swapped names: there the rest of the sentence must be nearly the same. */
  strict: number;
}

export const CONTRADICTION_DEFAULTS: ContradictionThresholds = { slot: 0.5, strict: 0.7 };

export interface Contradiction {
  kind: ContradictionKind;
  difference: SlotDifference;
}

/**
 * Two claims contradict when they say the same thing about the same subject and differ in exactly one
 * slot: a number, a date, a negation, a name in the same role, or a status. Two slots differing at once
 * (another date AND another figure) usually means another event, so nothing is reported: precision first.
 * `related` says the articles share several rare names: then a status conflict needs no wording overlap.
 */
export function findContradiction(a: Claim, b: Claim, related: boolean, t: ContradictionThresholds = CONTRADICTION_DEFAULTS): Contradiction | null {
  // Cheap gates first: most candidate pairs fail on wording alone.
  const wordSim = dice(a.words, b.words);
  const statusPossible = related && a.statuses.length > 0 && b.statuses.length > 0;
  if (wordSim < t.slot && !statusPossible) return null;
  const names = entityDifferences(a, b);
  if (names.shared === 0) return null;
  const numbers = numberDifferences(a, b);
  const dates = dateDifferences(a, b);
  const negation = a.negations % 2 !== b.negations % 2;
  const swapped = names.onlyA.length === 1 && names.onlyB.length === 1 && names.onlyA[0]!.before !== '' && names.onlyA[0]!.before === names.onlyB[0]!.before;
  const statuses = a.hedged || b.hedged ? [] : statusDifferences(a, b);

  // A figure or a date needs a statement around it: "Apple iPad Pro (11-inch, 64GB)" is a label, not a claim.
  const substantive = a.words.length >= 4 && b.words.length >= 4;
  const differing = (numbers.length ? 1 : 0) + (dates.length ? 1 : 0) + (negation ? 1 : 0) + (swapped ? 1 : 0) + (statuses.length ? 1 : 0);
  if (differing !== 1) return null;
  if (numbers.length === 1 && wordSim >= t.slot && substantive) return { kind: 'number', difference: numbers[0]! };
  if (dates.length === 1 && wordSim >= t.slot && substantive) return { kind: 'date', difference: dates[0]! };
  // A hedge ("would", "may") elsewhere in a near-identical sentence does not make the negation tentative.
  if (negation && wordSim >= t.strict && names.onlyA.length + names.onlyB.length === 0 && ((!a.hedged && !b.hedged) || wordSim >= 0.85)) {
    return { kind: 'negation', difference: negationSides(a, b) };
  }
  if (swapped && wordSim >= t.strict) return { kind: 'entity', difference: { a: names.onlyA[0]!.key, b: names.onlyB[0]!.key } };
  if (statuses.length === 1 && (wordSim >= t.slot || (related && names.shared >= 2))) return { kind: 'status', difference: statuses[0]! };
  return null;
}

function negationSides(a: Claim, b: Claim): SlotDifference {
  return a.negations % 2 ? { a: 'negative', b: 'positive' } : { a: 'positive', b: 'negative' };
}
