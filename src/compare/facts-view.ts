import { positionOf } from '../text/lines.js';
import type { ArticleFacts, Claim } from '../facts/facts.js';
import { claimSentence, claimSkips, decodeClaim, parseClaims, type ClaimFill, type PackedClaims } from '../facts/claim-codec.js';
import { claimWords } from '../facts/claim-words.js';
import { unpackU24, unpackU32 } from '../facts/packed.js';
import { SENTENCE_FIELDS } from '../facts/sentence-table.js';

/** One article's facts unpacked for the comparison: typed arrays and claim objects, built once per batch. */
export interface FactsView {
  facts: ArticleFacts;
  minhash: Uint32Array;
  /** Per sentence: start, end, first token, hash (SENTENCE_FIELDS values). */
  rows: Uint32Array;
  sentenceCount: number;
  ids: Uint32Array;
  lines: Uint32Array;
  /** The claims' packed rows (parsed): a claim is decoded on first use, most never are (copies repeat their original). */
  claimRows: PackedClaims;
  /** Claim k, decoded once. */
  claim(k: number): Claim;
  /** Claim k's content words (as Claim.words), read from its packed row without decoding it. */
  claimWords(k: number): number[];
  /** Every claim, decoded. */
  readonly claims: Claim[];
  /** Claim of each sentence, or -1. */
  claimOf: Int32Array;
}

export function viewFacts(f: ArticleFacts): FactsView {
  const rows = unpackU32(f.table.sentences);
  const ids = unpackU24(f.table.tokens);
  const sentenceCount = rows.length / SENTENCE_FIELDS;
  const claimOf = new Int32Array(sentenceCount).fill(-1);
  const claimRows = parseClaims(f.claims);
  claimRows.forEach((row, k) => void (claimOf[claimSentence(row)] = k));
  const decoded: Array<Claim | undefined> = new Array(claimRows.length);
  const fill: ClaimFill = (sentence, skip) => {
    const r = sentence * SENTENCE_FIELDS;
    return { start: rows[r]!, end: rows[r + 1]!, textHash: rows[r + 3]!, words: () => claimWords(ids, rows[r + 2]!, tokenEnd(rows, ids, sentence), skip) };
  };
  const claim = (k: number): Claim => (decoded[k] ??= decodeClaim(claimRows[k]!, fill));
  const wordsOf = (k: number): number[] => {
    if (decoded[k]) return decoded[k]!.words;
    const row = claimRows[k]!;
    const r = claimSentence(row) * SENTENCE_FIELDS;
    return claimWords(ids, rows[r + 2]!, tokenEnd(rows, ids, claimSentence(row)), claimSkips(row));
  };
  return {
    facts: f,
    minhash: unpackU32(f.minhash),
    rows,
    sentenceCount,
    ids,
    lines: unpackU32(f.table.lines),
    claimRows,
    claim,
    claimWords: wordsOf,
    get claims() {
      return claimRows.map((_, k) => claim(k));
    },
    claimOf,
  };
}

export function tokenEnd(rows: Uint32Array, ids: Uint32Array, sentence: number): number {
  const next = (sentence + 1) * SENTENCE_FIELDS;
  return next < rows.length ? rows[next + 2]! : ids.length;
}

export const sentenceStart = (v: FactsView, s: number): number => v.rows[s * SENTENCE_FIELDS]!;
export const sentenceEnd = (v: FactsView, s: number): number => v.rows[s * SENTENCE_FIELDS + 1]!;
export const sentenceHash = (v: FactsView, s: number): number => v.rows[s * SENTENCE_FIELDS + 3]!;
/** Number of word tokens of sentence s (no subarray made). */
export const sentenceLength = (v: FactsView, s: number): number => tokenEnd(v.rows, v.ids, s) - v.rows[s * SENTENCE_FIELDS + 2]!;
export const sentenceTokens = (v: FactsView, s: number): Uint32Array => v.ids.subarray(v.rows[s * SENTENCE_FIELDS + 2]!, tokenEnd(v.rows, v.ids, s));

/** 1-based line and column of an offset, from the line starts the facts keep. */
export function position(v: FactsView, offset: number): { line: number; column: number } {
  return positionOf(v.lines, offset);
}
