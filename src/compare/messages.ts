import type { Claim } from '../facts/claims.js';
import type { ContradictionKind } from '../types.js';
import type { SlotDifference } from './claim-slots.js';
import { quoteSentence } from './quote.js';

const WHAT: Record<ContradictionKind, string> = {
  number: 'a different figure',
  date: 'a different date',
  negation: 'the opposite (one affirms, the other negates)',
  entity: 'a different name in the same role',
  status: 'a different status',
};

/** "<a> says “…” where <b> says “…”": both sides quoted, the differing slot named. */
export function contradictionMessage(kind: ContradictionKind, d: SlotDifference, idA: string, a: Claim, idB: string, b: Claim): string {
  const slot = kind === 'negation' ? '' : ` (“${d.a}” against “${d.b}”)`;
  const about = kind === 'status' ? 'about the same subject' : 'for the same statement';
  const focusA = kind === 'negation' || kind === 'entity' ? undefined : d.a;
  const focusB = kind === 'negation' || kind === 'entity' ? undefined : d.b;
  return `The articles state ${WHAT[kind]} ${about}${slot}: ${idA} says ${quoteSentence(a.text, 160, focusA)}; ${idB} says ${quoteSentence(b.text, 160, focusB)}`;
}

export function sharedClaimMessage(similarity: number, idA: string, a: Claim, idB: string, b: Claim): string {
  if (similarity >= 0.999) return `Both articles make this statement word for word: ${quoteSentence(a.text)}`;
  return `Both articles make this statement (${Math.round(similarity * 100)}% of its words shared): ${idA}: ${quoteSentence(a.text)}; ${idB}: ${quoteSentence(b.text)}`;
}

export function relatedMessage(names: string[], a: Claim, b: Claim): string {
  const shown = names.slice(0, 5).join(', ');
  return `Both articles are about the same subject (shared names: ${shown}); their closest statements: ${quoteSentence(a.text, 120)} and ${quoteSentence(b.text, 120)}`;
}
