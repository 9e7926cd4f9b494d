import type { Doc } from '../text/doc.js';
import type { Token } from '../types.js';
import { sentenceEntities } from './entities.js';
import { sentenceQuantities, type Quantity } from './quantities.js';
import type { BuiltTable } from './sentence-table.js';
import { statedDates } from './stated-dates.js';
import { sentenceStatuses, type StatusMention } from './status.js';
import { HEDGES, NEGATIONS, STOPWORDS } from './stopwords.js';
import { claimWords } from './claim-words.js';
import { startsWithCapital } from '../text/initial-capital.js';
import { hashString } from './hash.js';
import { normHashes } from './norm-hashes.js';

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

/** The article's claims, in text order, read from the document and its sentence table. */
export function extractClaims(doc: Doc, table: BuiltTable): Claim[] {
  const dates = statedDates(doc);
  const claims: Claim[] = [];
  const norms = normHashes(doc);
  const flags = wordFlags();
  let d = 0;
  for (const s of doc.sentences) {
    const from = table.tokenFrom[s.index]!;
    const wordCount = table.tokenFrom[s.index + 1]! - from;
    if (wordCount < MIN_DATED_WORDS || wordCount > MAX_WORDS) continue;
    while (d < dates.length && dates[d]!.sentence < s.index) d++;
    let e = d;
    while (e < dates.length && dates[e]!.sentence === s.index) e++;
    const sDates = dates.slice(d, e);
    const words = wordTokens(doc, s.tokenFrom, s.tokenTo);
    const quantities = sentenceQuantities(s.text, s.start, sDates);
    // A listing line ("August 15 – St. Louis, MO") is short or title-case, yet its date or figure is a fact a copy
    // can change; other short or title-case lines are headings.
    const dated = sDates.length > 0 || quantities.length > 0;
    const listing = wordCount < MIN_WORDS || isHeading(words);
    if (listing && (!dated || quantities.length > 3)) continue; // a heading, or a row of a table of figures
    const entities = sentenceEntities(doc, s.index);
    const statuses = sentenceStatuses(s.text, s.start);
    if (!entities.length && !quantities.length && !sDates.length && !statuses.length) continue;
    const range = (start: number, end: number): TokenRange => tokenRange(words, start, end);
    let negations = 0;
    let hedged = false;
    for (let k = 0; k < words.length; k++) {
      const t = words[k]!;
      // Most words are neither: one array read by the word's hash rules them out; a hit is checked by name.
      const may = flags[norms[wordAt[k]!]! & FLAG_MASK]!;
      if ((may & MAY_NEGATE && NEGATIONS.has(t.norm)) || (t.norm.charCodeAt(t.norm.length - 1) === 116 && t.norm.endsWith("n't"))) negations++;
      if (may & MAY_HEDGE && HEDGES.has(t.norm)) hedged = true;
    }
    const claimEntities = entities.map((x) => ({ key: x.key, before: x.before, ...range(x.start, x.end) }));
    const claimDates = sDates.map((x) => ({ value: x.value, text: x.text, before: x.before, ...range(x.start, x.end) }));
    const claimQuantities = quantities.map(({ start, end, ...q }) => ({ ...q, ...range(start, end) }));
    claims.push({
      sentence: s.index,
      start: s.start,
      end: s.end,
      textHash: table.hashes[s.index]!,
      words: claimWords(table.ids, from, from + wordCount, [...claimEntities, ...claimDates]),
      subject: entities.length ? '' : subjectHead(words),
      entities: claimEntities,
      quantities: claimQuantities,
      dates: claimDates,
      negations,
      hedged,
      listing,
      statuses: statuses.map(({ start: _s, end: _e, ...st }) => st),
    });
  }
  return claims;
}

// Where the last wordTokens() call found each word in doc.tokens (reused: claims are read one sentence at a time).
let wordAt = new Int32Array(256);

function wordTokens(doc: Doc, from: number, to: number): Token[] {
  const out: Token[] = [];
  if (wordAt.length < to - from) wordAt = new Int32Array((to - from) * 2);
  for (let i = from; i < to; i++) {
    const t = doc.tokens[i]!;
    if (t.kind === 'word' || t.kind === 'number') {
      wordAt[out.length] = i;
      out.push(t);
    }
  }
  return out;
}

const FLAG_MASK = 0xffff;
const MAY_NEGATE = 1;
const MAY_HEDGE = 2;
let flagTable: Uint8Array | null = null;
/** By the low 16 bits of a word's hash: whether it may be a negation or a hedge (64 KB, built once). */
function wordFlags(): Uint8Array {
  if (!flagTable) {
    flagTable = new Uint8Array(FLAG_MASK + 1);
    for (const w of NEGATIONS) flagTable[hashString(w) & FLAG_MASK]! |= MAY_NEGATE;
    for (const w of HEDGES) flagTable[hashString(w) & FLAG_MASK]! |= MAY_HEDGE;
  }
  return flagTable;
}

/** The word tokens a character span covers. */
function tokenRange(words: readonly Token[], start: number, end: number): TokenRange {
  let at = 0;
  while (at < words.length && words[at]!.end <= start) at++;
  let to = at;
  while (to < words.length && words[to]!.start < end) to++;
  return { at, len: Math.max(1, to - at) };
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
