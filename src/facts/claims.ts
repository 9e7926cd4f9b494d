import type { Doc } from '../text/doc.js';
import type { Sentence, Token } from '../types.js';
import { sentenceEntities, type Entity } from './entities.js';
import { sentenceQuantities, type Quantity } from './quantities.js';
import type { BuiltTable } from './sentence-table.js';
import { statedDates, type StatedDate } from './stated-dates.js';
import { mayStateStatus, sentenceStatusesOf, type StatusMention } from './status.js';
import { STOPWORDS } from './stopwords.js';
import { claimWords } from './claim-words.js';
import { startsWithCapital } from '../text/initial-capital.js';
import type { PackedClaim } from './claim-codec.js';
import { HEDGES_CLAIM, NEGATES, wordFlags } from './word-facts.js';

/** Where a slot sits among its sentence's word tokens: [at, at + len). The aligned diff maps changes to slots by it. */
export interface TokenRange {
  at: number;
  len: number;
}

/**
 * One checkable statement: a sentence that names someone or something, or states a quantity, a date or a
 * status about a noun phrase ("nearly a third of commuters drive alone"). Whether it also negates is what the
 * comparison reads from the slots; the claim itself must not depend on it, or "X is not Y" would be a claim
 * while "X is Y" is not, and the two could never meet.
 */
export interface Claim {
  /** Index of the sentence in the article's sentence table. */
  sentence: number;
  start: number;
  end: number;
  /** Hash of the sentence's normalised words: identical sentences are grouped, not compared pairwise. */
  textHash: number;
  /** Sorted, unique ids of the content words outside names, figures and dates. */
  words: number[];
  /** The head of the sentence's opening noun phrase ("commuters", "the company" → "company"); "" when none. */
  subject: string;
  /** Names in order: normalised key, the word before each (its role), and where it is. */
  entities: Array<{ key: string; before: string } & TokenRange>;
  quantities: Array<Omit<Quantity, 'start' | 'end'> & TokenRange>;
  dates: Array<{ value: string; text: string; before: string } & TokenRange>;
  /** Number of negation words ("not", "never", "no"...). */
  negations: number;
  hedged: boolean;
  /** A short or title-case line kept for its date or figure: compared between copies only, never across stories. */
  listing: boolean;
  statuses: Array<Omit<StatusMention, 'start' | 'end'>>;
}

const MIN_WORDS = 6;
const MIN_DATED_WORDS = 3;
const MAX_WORDS = 120;
const NO_DATES: StatedDate[] = [];
const NO_STATUSES: StatusMention[] = [];

/** The article's claims, in text order, read from the document and its sentence table. */
export function extractClaims(doc: Doc, table: BuiltTable): Claim[] {
  const claims: Claim[] = [];
  collectClaims(doc, table, (c) => {
    const entities = c.entities.map((x) => {
      const at = rangeAt(c.words, x.start);
      return { key: x.key, before: x.before, at, len: rangeLen(c.words, at, x.end) };
    });
    const dates = c.dates.map((x) => {
      const at = rangeAt(c.words, x.start);
      return { value: x.value, text: x.text, before: x.before, at, len: rangeLen(c.words, at, x.end) };
    });
    const quantities = c.quantities.map((q) => {
      const at = rangeAt(c.words, q.start);
      return { value: q.value, step: q.step, unit: q.unit, before: q.before, text: q.text, at, len: rangeLen(c.words, at, q.end) };
    });
    const from = table.tokenFrom[c.sentence.index]!;
    claims.push({
      sentence: c.sentence.index,
      start: c.sentence.start,
      end: c.sentence.end,
      textHash: table.hashes[c.sentence.index]!,
      words: claimWords(table.ids, from, from + c.words.length, [...entities, ...dates]),
      subject: c.subject,
      entities,
      quantities,
      dates,
      negations: c.negations,
      hedged: c.hedged,
      listing: c.listing,
      statuses: c.statuses.map((st) => ({ topic: st.topic, value: st.value, text: st.text })),
    });
  });
  return claims;
}

/**
 * The claims as the facts carry them: packed rows (claim-codec.ts), without the offsets, hash and words the sentence
 * table gives, which the comparison's decoder fills in; built straight from the readers' results, with no claim
 * objects in between. packClaims(extractClaims(doc, table)) is JSON.stringify of these rows.
 */
export function extractClaimRows(doc: Doc, table: BuiltTable): PackedClaim[] {
  const rows: PackedClaim[] = [];
  collectClaims(doc, table, (c) => {
    const w = c.words;
    const row: PackedClaim = [
      c.sentence.index,
      c.negations,
      c.hedged ? 1 : 0,
      c.subject,
      c.entities.map((x) => {
        const at = rangeAt(w, x.start);
        return [x.key, x.before, at, rangeLen(w, at, x.end)];
      }),
      c.quantities.map((q) => {
        const at = rangeAt(w, q.start);
        return [q.value, q.step, q.unit, q.before, q.text, at, rangeLen(w, at, q.end)];
      }),
      c.dates.map((x) => {
        const at = rangeAt(w, x.start);
        return [x.value, x.text, x.before, at, rangeLen(w, at, x.end)];
      }),
      c.statuses.map((st) => [st.topic, st.value, st.text]),
    ];
    if (c.listing) row.push(1);
    rows.push(row);
  });
  return rows;
}

/** One claim as the readers found it (spans are offsets into the body; `words` is reused for the next sentence). */
interface FoundClaim {
  sentence: Sentence;
  words: readonly Token[];
  subject: string;
  entities: readonly Entity[];
  quantities: readonly Quantity[];
  dates: readonly StatedDate[];
  statuses: readonly StatusMention[];
  negations: number;
  hedged: boolean;
  listing: boolean;
}

function collectClaims(doc: Doc, table: BuiltTable, emit: (claim: FoundClaim) => void): void {
  const dates = statedDates(doc);
  let d = 0;
  for (const s of doc.sentences) {
    const from = table.tokenFrom[s.index]!;
    const wordCount = table.tokenFrom[s.index + 1]! - from;
    if (wordCount < MIN_DATED_WORDS || wordCount > MAX_WORDS) continue;
    while (d < dates.length && dates[d]!.sentence < s.index) d++;
    let e = d;
    while (e < dates.length && dates[e]!.sentence === s.index) e++;
    const sDates = e > d ? dates.slice(d, e) : NO_DATES;
    const words = wordTokens(doc, s.tokenFrom, s.tokenTo);
    const quantities = sentenceQuantities(s.text, s.start, sDates);
    // A listing line ("August 15 – St. Louis, MO") is short or title-case, yet its date or figure is a fact a copy
    // can change; other short or title-case lines are headings.
    const dated = sDates.length > 0 || quantities.length > 0;
    const listing = wordCount < MIN_WORDS || isHeading(words);
    if (listing && (!dated || quantities.length > 3)) continue; // a heading, or a row of a table of figures
    const entities = sentenceEntities(doc, s.index);
    const statuses = mayStateStatus(doc.tokens, s.tokenFrom, s.tokenTo) ? sentenceStatusesOf(doc.tokens, s.tokenFrom, s.tokenTo, s.text, s.start) : NO_STATUSES;
    if (!entities.length && !quantities.length && !sDates.length && !statuses.length) continue;
    let negations = 0;
    let hedged = false;
    for (let k = 0; k < words.length; k++) {
      // Read by the word's vocabulary id: one array read for most words (word-facts.ts).
      const f = wordFlags(words[k]!);
      if (f & NEGATES) negations++;
      if (f & HEDGES_CLAIM) hedged = true;
    }
    const subject = entities.length ? '' : subjectHead(words);
    emit({ sentence: s, words, subject, entities, quantities, dates: sDates, statuses, negations, hedged, listing });
  }
}

// The word tokens of the sentence being read (reused: claims are read one sentence at a time, and nothing keeps it).
const sentenceWords: Token[] = [];

function wordTokens(doc: Doc, from: number, to: number): Token[] {
  const out = sentenceWords;
  // Overwritten in place, then cut to length: emptied with `length = 0` the array dropped its backing store and
  // grew it again token by token at every sentence.
  let n = 0;
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!;
    if (t.kind === 'word' || t.kind === 'number') out[n++] = t;
  }
  out.length = n;
  return out;
}

/** The word tokens a character span [start, end) covers: [at, at + len) with len at least 1 (tokenRange, in two reads). */
function rangeAt(words: readonly Token[], start: number): number {
  let at = 0;
  while (at < words.length && words[at]!.end <= start) at++;
  return at;
}

function rangeLen(words: readonly Token[], at: number, end: number): number {
  let to = at;
  while (to < words.length && words[to]!.start < end) to++;
  return Math.max(1, to - at);
}

// Words that end a sentence's opening noun phrase: auxiliaries and the commonest verbs of news copy.
const VERBISH = new Set(
  `is are was were be been has have had will would can could may might should must do does did said says say told
rose fell grew dropped increased decreased reached made make makes got get gets went go goes came come comes took take
takes saw see sees drive drives live lives work works use uses pay pays earn earns own owns remain remains`.split(/\s+/),
);
const LEAD = new Set(['nearly', 'almost', 'about', 'around', 'over', 'under', 'some', 'most', 'many', 'half', 'third', 'quarter', 'fifth', 'share', 'percent', 'number', 'majority', 'minority', 'rest', 'all', 'both', 'each', 'every']);

/** The head noun of the opening noun phrase: the last content word before the first verb ("a third of commuters drive" → "commuters"). */
export function subjectHead(words: readonly Token[]): string {
  let head = '';
  for (let i = 0; i < Math.min(words.length, 12); i++) {
    const t = words[i]!;
    if (VERBISH.has(t.norm) || (i > 0 && /(?:ed|ly)$/.test(t.norm) && head)) break;
    if (t.norm === ',' || t.kind === 'number') continue;
    if (STOPWORDS.has(t.norm) || LEAD.has(t.norm)) {
      if (head && t.norm !== 'of') break;
      continue;
    }
    head = t.norm;
  }
  return head;
}

/** A title-case line ("Strategic Implications for Regional Alliances") is a heading, not a statement. */
function isHeading(tokens: ReadonlyArray<{ kind: string; text: string; end: number }>): boolean {
  let words = 0;
  let capitals = 0;
  for (const t of tokens) {
    if (t.kind !== 'word' || t.text.length <= 3) continue;
    words++;
    if (startsWithCapital(t.text)) capitals++;
  }
  return words >= 2 && capitals / words > 0.6;
}
