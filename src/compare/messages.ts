import type { ContradictionKind } from '../types.js';
import type { SlotDifference } from './claim-slots.js';

const WHAT: Record<ContradictionKind, string> = {
  number: 'a different figure',
  date: 'a different date',
  negation: 'the opposite (one affirms, the other negates)',
  entity: 'a different name in the same role',
  status: 'a different status',
  antonym: 'the opposite word',
  quote: 'a different quoted statement',
  attribution: 'a different speaker for a statement',
};

/** "<a> says “…” where <b> says “…”": both sides quoted, the differing slot named. */
/** Quoted sentences (qa, qb) come from the bodies at report time, or name the line when only facts were compared. */
export function contradictionMessage(kind: ContradictionKind, d: SlotDifference, idA: string, qa: string, idB: string, qb: string): string {
  const slot = kind === 'negation' ? '' : ` (“${d.a}” against “${d.b}”)`;
  const about = kind === 'status' ? 'about the same subject' : 'for the same statement';
  return `The articles state ${WHAT[kind]} ${about}${slot}: ${idA} says ${qa}; ${idB} says ${qb}`;
}

export function sharedClaimMessage(similarity: number, idA: string, qa: string, idB: string, qb: string): string {
  if (similarity >= 0.999) return `Both articles make this statement word for word: ${qa}`;
  return `Both articles make this statement (${Math.round(similarity * 100)}% of its words shared): ${idA}: ${qa}; ${idB}: ${qb}`;
}

export function relatedMessage(names: string[], qa: string, qb: string): string {
  const shown = names.slice(0, 5).join(', ');
  return `Both articles are about the same subject (shared names: ${shown}); their closest statements: ${qa} and ${qb}`;
}
