import type { Claim } from '../facts/claims.js';
import { sameEntity } from '../facts/entities.js';
import { sameAmount } from '../facts/quantities.js';
import { sameDate } from '../facts/stated-dates.js';

/** One slot where two statements about the same thing disagree: what each side says there. */
export interface SlotDifference {
  a: string;
  b: string;
}

/**
 * Numbers of one unit that the two claims state differently, after setting aside those both state: "$6 million"
 * against "$7 million". Several leftovers of one unit are paired by the word before them; if that does not
 * pair them one to one the slot is ambiguous and nothing is reported.
 */
export function numberDifferences(a: Claim, b: Claim): SlotDifference[] {
  const out: SlotDifference[] = [];
  const units = new Set(a.quantities.map((q) => q.unit));
  for (const unit of units) {
    const qa = a.quantities.filter((q) => q.unit === unit);
    const qb = b.quantities.filter((q) => q.unit === unit);
    if (!qb.length) continue;
    const restA = qa.filter((x) => !qb.some((y) => sameAmount(x, y)));
    const restB = qb.filter((y) => !qa.some((x) => sameAmount(x, y)));
    if (!restA.length || !restB.length) continue;
    if (restA.length === 1 && restB.length === 1) out.push({ a: restA[0]!.text, b: restB[0]!.text });
    else {
      for (const x of restA) {
        const peers = restB.filter((y) => y.before && y.before === x.before);
        if (peers.length === 1) out.push({ a: x.text, b: peers[0]!.text });
      }
    }
  }
  return out;
}

/** Dates the two claims state differently at the precision both give ("March 3" against "March 5, 2021"). */
export function dateDifferences(a: Claim, b: Claim): SlotDifference[] {
  const restA = a.dates.filter((x) => !b.dates.some((y) => sameDate(x.value, y.value) === true));
  const restB = b.dates.filter((y) => !a.dates.some((x) => sameDate(x.value, y.value) === true));
  if (!restA.length || !restB.length) return [];
  if (restA.length === 1 && restB.length === 1) return sameDate(restA[0]!.value, restB[0]!.value) === false ? [{ a: restA[0]!.text, b: restB[0]!.text }] : [];
  const out: SlotDifference[] = [];
  for (const x of restA) {
    const peers = restB.filter((y) => y.before && y.before === x.before);
    if (peers.length === 1 && sameDate(x.value, peers[0]!.value) === false) out.push({ a: x.text, b: peers[0]!.text });
  }
  return out;
}

/** Names each claim has that the other lacks. */
export function entityDifferences(a: Claim, b: Claim): { onlyA: Claim['entities']; onlyB: Claim['entities']; shared: number } {
  const onlyA = a.entities.filter((x) => !b.entities.some((y) => sameEntity(x.key, y.key)));
  const onlyB = b.entities.filter((y) => !a.entities.some((x) => sameEntity(x.key, y.key)));
  const sharedKeys = new Set(a.entities.filter((x) => b.entities.some((y) => sameEntity(x.key, y.key))).map((x) => x.key));
  return { onlyA: dedupe(onlyA), onlyB: dedupe(onlyB), shared: sharedKeys.size };
}

function dedupe(list: Claim['entities']): Claim['entities'] {
  const seen = new Set<string>();
  return list.filter((e) => !seen.has(e.key) && (seen.add(e.key), true));
}

/** Status statements in one topic whose values exclude each other. */
export function statusDifferences(a: Claim, b: Claim): SlotDifference[] {
  const out: SlotDifference[] = [];
  for (const x of a.statuses) {
    if (b.statuses.some((y) => y.topic === x.topic && y.value === x.value)) continue;
    const y = b.statuses.find((s) => s.topic === x.topic && s.value !== x.value && !a.statuses.some((z) => z.topic === s.topic && z.value === s.value));
    if (y) out.push({ a: x.text, b: y.text });
  }
  return out;
}
