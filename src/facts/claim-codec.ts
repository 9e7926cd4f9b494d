import type { Claim } from './claims.js';

// Claims travel as one JSON string of tuples: a fraction of the heap their objects take, and the words, offsets
// and hashes a decoder can rebuild from the sentence table are left out.
type Packed = [
  sentence: number,
  negations: number,
  hedged: 0 | 1,
  subject: string,
  entities: Array<[key: string, before: string, at: number, len: number]>,
  quantities: Array<[value: number, step: number, unit: string, before: string, text: string, at: number, len: number]>,
  dates: Array<[value: string, text: string, before: string, at: number, len: number]>,
  statuses: Array<[topic: string, value: string, text: string]>,
  listing?: 1,
];

/** One claim's packed row (what extractClaimRows builds, and what parseClaims gives back). */
export type PackedClaim = Packed;

/** Rows built as packClaims builds them (extractClaimRows), packed. */
export const packClaimRows = (rows: readonly Packed[]): string => JSON.stringify(rows);

export function packClaims(claims: readonly ClaimSlots[]): string {
  const rows: Packed[] = claims.map((c) => {
    const row: Packed = [
    c.sentence,
    c.negations,
    c.hedged ? 1 : 0,
    c.subject,
    c.entities.map((e) => [e.key, e.before, e.at, e.len]),
    c.quantities.map((q) => [q.value, q.step, q.unit, q.before, q.text, q.at, q.len]),
    c.dates.map((d) => [d.value, d.text, d.before, d.at, d.len]),
    c.statuses.map((s) => [s.topic, s.value, s.text]),
    ];
    if (c.listing) row.push(1);
    return row;
  });
  return JSON.stringify(rows);
}

/** The claims without what the sentence table gives (offsets, hash, words): the decoder fills those in. */
export type ClaimSlots = Omit<Claim, 'start' | 'end' | 'textHash' | 'words'>;

/** What the decoder reads from the sentence table for a claim's sentence. */
export type ClaimFill = (sentence: number, skip: ReadonlyArray<{ at: number; len: number }>) => Pick<Claim, 'start' | 'end' | 'textHash'> & { words: () => number[] };

const NO_FILL: ClaimFill = () => ({ start: 0, end: 0, textHash: 0, words: () => [] });

/** The packed rows, parsed: a claim's sentence and listing flag are read from its row without decoding it. */
export type PackedClaims = Packed[];

export const parseClaims = (packed: string): PackedClaims => JSON.parse(packed) as PackedClaims;
export const claimSentence = (row: Packed): number => row[0];
export const claimIsListing = (row: Packed): boolean => row[8] === 1;
export const claimSubject = (row: Packed): string => row[3];
export const claimHasStatus = (row: Packed): boolean => row[7].length > 0;
/** The names' keys of a packed claim, in order. */
export const claimEntityKeys = (row: Packed): string[] => row[4].map((e) => e[0]);
/** The token ranges of names and dates (left out of a claim's words), from a packed claim. */
export const claimSkips = (row: Packed): Array<{ at: number; len: number }> => {
  const out: Array<{ at: number; len: number }> = [];
  for (const e of row[4]) out.push({ at: e[2], len: e[3] });
  for (const d of row[6]) out.push({ at: d[3], len: d[4] });
  return out;
};

/** One claim from its packed row; `fill` gives the sentence's offsets, hash and words. */
export function decodeClaim(row: Packed, fill: ClaimFill = NO_FILL): Claim {
  const [sentence, negations, hedged, subject, entities, quantities, dates, statuses, listing] = row;
  const claimEntities = entities.map(([key, before, at, len]) => ({ key, before, at, len }));
  const claimDates = dates.map(([value, text, before, at, len]) => ({ value, text, before, at, len }));
  const f = fill(sentence, claimDates.length ? [...claimEntities, ...claimDates] : claimEntities);
  let words: number[] | undefined;
  return {
    sentence,
    start: f.start,
    end: f.end,
    textHash: f.textHash,
    // Only claims compared across stories need their words: computed on first read.
    get words(): number[] {
      return (words ??= f.words());
    },
    subject,
    entities: claimEntities,
    quantities: quantities.map(([value, step, unit, before, text, at, len]) => ({ value, step, unit, before, text, at, len })),
    dates: claimDates,
    negations,
    hedged: hedged === 1,
    listing: listing === 1,
    statuses: statuses.map(([topic, value, text]) => ({ topic, value, text })),
  };
}

/** Claims back from their packed form. */
export function unpackClaims(packed: string, fill: ClaimFill = NO_FILL): Claim[] {
  return parseClaims(packed).map((row) => decodeClaim(row, fill));
}
