import type { Doc } from '../text/doc.js';
import { sentenceEntities } from './entities.js';
import { hashString } from './hash.js';
import { sentenceQuantities, type Quantity } from './quantities.js';
import { statedDates } from './stated-dates.js';
import { sentenceStatuses, type StatusMention } from './status.js';
import { HEDGES, NEGATIONS } from './stopwords.js';
import { isContentWord, stem } from './words.js';

/**
 * One checkable statement: a sentence that names someone or something. Whether it also states a figure, a
 * date, a status or a negation is what the comparison reads from the slots; the claim itself must not depend
 * on them, or "X is not Y" would be a claim while "X is Y" is not, and the two could never meet.
 */
export interface Claim {
  start: number;
  end: number;
  /** The sentence as written (long sentences shortened): the comparison quotes it. */
  text: string;
  /** Hash of the sentence's normalised words: identical sentences are grouped, not compared pairwise. */
  textHash: number;
  /** Sorted, unique hashes of the content-word stems outside names, numbers and dates. */
  words: number[];
  /** Names in order: normalised key and the word before each (its role). */
  entities: Array<{ key: string; before: string }>;
  quantities: Array<Omit<Quantity, 'start' | 'end'>>;
  dates: Array<{ value: string; text: string; before: string }>;
  /** Number of negation words ("not", "never", "no"...). */
  negations: number;
  hedged: boolean;
  statuses: Array<Omit<StatusMention, 'start' | 'end'>>;
}

const TEXT_MAX = 400;
const MIN_WORDS = 6;
const MAX_WORDS = 120;

/** The article's claims, in text order. */
export function extractClaims(doc: Doc): Claim[] {
  const dates = statedDates(doc);
  const claims: Claim[] = [];
  for (const s of doc.sentences) {
    const tokens = doc.tokens.slice(s.tokenFrom, s.tokenTo);
    const wordCount = tokens.filter((t) => t.kind === 'word' || t.kind === 'number').length;
    if (wordCount < MIN_WORDS || wordCount > MAX_WORDS) continue;
    const entities = sentenceEntities(doc, s.index);
    if (entities.length === 0 || isHeading(tokens)) continue;
    const sDates = dates.filter((d) => d.sentence === s.index);
    const quantities = sentenceQuantities(s.text, s.start, sDates);
    const statuses = sentenceStatuses(s.text, s.start);
    let negations = 0;
    let hedged = false;
    const words = new Set<number>();
    const normWords: string[] = [];
    for (const t of tokens) {
      if (t.kind !== 'word' && t.kind !== 'number') continue;
      normWords.push(t.norm);
      if (NEGATIONS.has(t.norm) || t.norm.endsWith("n't")) negations++;
      if (HEDGES.has(t.norm)) hedged = true;
      if (t.kind !== 'word' || !isContentWord(t.norm) || NEGATIONS.has(t.norm)) continue;
      if (entities.some((e) => t.start >= e.start && t.end <= e.end)) continue;
      if (sDates.some((d) => t.start >= d.start && t.end <= d.end)) continue;
      words.add(hashString(stem(t.norm)));
    }
    claims.push({
      start: s.start,
      end: s.end,
      text: s.text.length > TEXT_MAX ? `${s.text.slice(0, TEXT_MAX - 1)}…` : s.text,
      textHash: hashString(normWords.join(' ')),
      words: [...words].sort((a, b) => a - b),
      entities: entities.map((e) => ({ key: e.key, before: e.before })),
      quantities: quantities.map(({ start: _s, end: _e, ...q }) => q),
      dates: sDates.map((d) => ({ value: d.value, text: d.text, before: d.before })),
      negations,
      hedged,
      statuses: statuses.map(({ start: _s, end: _e, ...st }) => st),
    });
  }
  return claims;
}

/** A title-case line ("Strategic Implications for Regional Alliances") is a heading, not a statement. */
function isHeading(tokens: ReadonlyArray<{ kind: string; text: string }>): boolean {
  if (/^[.!?]$/.test(tokens[tokens.length - 1]?.text ?? '')) return false;
  const words = tokens.filter((t) => t.kind === 'word' && t.text.length > 3);
  return words.length >= 2 && words.filter((t) => /^\p{Lu}/u.test(t.text)).length / words.length > 0.6;
}
