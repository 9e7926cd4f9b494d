import { claimEntityKeys, claimSubject, type PackedClaims } from '../facts/claim-codec.js';
import { hashString } from '../facts/hash.js';
import { sortedUnique } from './similarity.js';

// Term hashes per name key ("e:" + each word): names recur across the batch, so each key is hashed once.
const entityKeyTerms = new Map<string, number[]>();
function entityTerms(subject: string, keys: readonly string[]): number[] {
  if (!subject && keys.length === 0) return [];
  const out: number[] = [];
  if (subject) out.push(hashString(`s:${subject}`));
  for (const key of keys) {
    let hs = entityKeyTerms.get(key);
    if (hs === undefined) {
      hs = key.split(' ').map((w) => hashString(`e:${w}`));
      if (entityKeyTerms.size < 200_000) entityKeyTerms.set(key, hs);
    }
    for (const h of hs) out.push(h);
  }
  return out;
}

/**
 * What a claim is scored and found by across articles: its content words (sorted unique ids) and the words of
 * its names and subject (hashed), as one sorted unique list.
 */
export function claimTerms(row: PackedClaims[number], words: number[]): number[] {
  const et = entityTerms(claimSubject(row), claimEntityKeys(row));
  return et.length ? sortedUnique([...words, ...et]) : words;
}
