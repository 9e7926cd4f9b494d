import type { Token } from '../types.js';
import { hashString } from './hash.js';
import { ANY_STATUS } from './status-words.js';
import { HEDGES, NEGATIONS } from './stopwords.js';

// What facts ask of every word, kept per vocabulary id (Token.vocabId, src/text/vocabulary.ts): each word is hashed
// and looked up in the negation and hedge lists once per thread instead of once per token. The answers are pure
// functions of the normalised word, and equal ids mean equal normalised words, so reading them by id gives what the
// per-token computation gives; a token without an id (figures, words met once the vocabulary is full) is answered
// from its normalised word directly. Ids are process-local: these arrays never leave the thread.

/** The word negates its clause: a NEGATIONS word or a contraction ending in "n't". */
export const NEGATES = 2;
/** The word is in HEDGES. */
export const HEDGES_CLAIM = 4;
/** The word contains one of the status words (ANY_STATUS in status.ts): a sentence without one states no status. */
export const STATUS_WORD = 8;
const KNOWN = 1;

let hashById = new Uint32Array(4096);
let flagsById = new Uint8Array(4096);

/** The flags of a normalised word (NEGATES, HEDGES_CLAIM, STATUS_WORD), computed. */
export function flagsOf(norm: string): number {
  let f = 0;
  if (NEGATIONS.has(norm) || (norm.charCodeAt(norm.length - 1) === 116 && norm.endsWith("n't"))) f |= NEGATES;
  if (HEDGES.has(norm)) f |= HEDGES_CLAIM;
  if (ANY_STATUS.test(norm)) f |= STATUS_WORD;
  return f;
}

function grow(id: number): void {
  let n = hashById.length;
  while (n <= id) n *= 2;
  const h = new Uint32Array(n);
  h.set(hashById);
  const f = new Uint8Array(n);
  f.set(flagsById);
  hashById = h;
  flagsById = f;
}

function learn(id: number, norm: string): void {
  if (id >= flagsById.length) grow(id);
  hashById[id] = hashString(norm);
  flagsById[id] = KNOWN | flagsOf(norm);
}

/** hashString(t.norm), read by the token's vocabulary id when it has one. */
export function wordHash(t: Token): number {
  const id = t.vocabId;
  if (id < 0) return hashString(t.norm);
  if (id >= flagsById.length || flagsById[id] === 0) learn(id, t.norm);
  return hashById[id]!;
}

/** flagsOf(t.norm), read by the token's vocabulary id when it has one. */
export function wordFlags(t: Token): number {
  const id = t.vocabId;
  if (id < 0) return flagsOf(t.norm);
  if (id >= flagsById.length || flagsById[id] === 0) learn(id, t.norm);
  return flagsById[id]!;
}
