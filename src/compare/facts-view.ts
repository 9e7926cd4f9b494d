import { positionOf } from '../text/lines.js';
import type { ArticleFacts, Claim } from '../facts/facts.js';
import { claimHasStatus, claimIsListing, claimSentence, claimSkips, decodeClaim, parseClaims, type ClaimFill, type PackedClaims } from '../facts/claim-codec.js';
import { claimWords } from '../facts/claim-words.js';
import { unpackU24, unpackU32 } from '../facts/packed.js';
import { SENTENCE_FIELDS } from '../facts/sentence-table.js';
import { claimTerms } from './claim-terms.js';

/**
 * One article's facts unpacked for the comparison: typed arrays, built once per batch. Claims stay in their
 * packed JSON (a tenth of the heap their parsed rows take): what the joins read of every claim (its sentence,
 * flags and terms) is kept in typed arrays, and a claim is decoded from its own row only when a pair needs it.
 */
export interface FactsView {
  facts: ArticleFacts;
  minhash: Uint32Array;
  /** Per sentence: start, end, first token, hash (SENTENCE_FIELDS values). */
  rows: Uint32Array;
  sentenceCount: number;
  ids: Uint32Array;
  lines: Uint32Array;
  claimCount: number;
  /** Sentence of claim k. */
  claimSentence(k: number): number;
  /** Whether claim k is a listing line / states a status (read without decoding it). */
  claimIsListing(k: number): boolean;
  claimHasStatus(k: number): boolean;
  /** Claim k's terms (content words and name terms, sorted unique): what candidate pairs are found and scored by. */
  claimTerms(k: number): Uint32Array;
  /** Claim k, decoded from its packed row (each call decodes it again). */
  claim(k: number): Claim;
  /** Every claim, decoded. */
  readonly claims: Claim[];
  /** Claim of each sentence, or -1. */
  claimOf: Int32Array;
}

const utf8 = new TextEncoder();
const utf8Text = new TextDecoder();
const LISTING = 1;
const STATUS = 2;

export function viewFacts(f: ArticleFacts): FactsView {
  const rows = unpackU32(f.table.sentences);
  const ids = unpackU24(f.table.tokens);
  const sentenceCount = rows.length / SENTENCE_FIELDS;
  const claimOf = new Int32Array(sentenceCount).fill(-1);
  // Kept as UTF-8 bytes, off the JS heap: a string kept from JSON.parse may be a slice that holds its whole line.
  const packed = utf8.encode(f.claims);
  const parsed = parseClaims(f.claims);
  const count = parsed.length;
  const bounds = rowBounds(packed, count);
  const sentences = new Int32Array(count);
  const flags = new Uint8Array(count);
  const termStart = new Uint32Array(count + 1);
  const termLists: number[][] = [];
  parsed.forEach((row, k) => {
    const s = claimSentence(row);
    claimOf[s] = k;
    sentences[k] = s;
    flags[k] = (claimIsListing(row) ? LISTING : 0) | (claimHasStatus(row) ? STATUS : 0);
    const terms = claimTerms(row, claimWords(ids, rows[s * SENTENCE_FIELDS + 2]!, tokenEnd(rows, ids, s), claimSkips(row)));
    termLists.push(terms);
    termStart[k + 1] = termStart[k]! + terms.length;
  });
  const terms = new Uint32Array(termStart[count]!);
  termLists.forEach((t, k) => terms.set(t, termStart[k]!));
  const fill: ClaimFill = (sentence, skip) => {
    const r = sentence * SENTENCE_FIELDS;
    return { start: rows[r]!, end: rows[r + 1]!, textHash: rows[r + 3]!, words: () => claimWords(ids, rows[r + 2]!, tokenEnd(rows, ids, sentence), skip) };
  };
  // Not cached here: a batch decodes a few claims per article, and a decoded claim takes a kilobyte; the claim
  // table keeps the ones it scores again and again.
  const claim = (k: number): Claim => decodeClaim(JSON.parse(utf8Text.decode(packed.subarray(bounds[2 * k]!, bounds[2 * k + 1]!))) as PackedClaims[number], fill);
  return {
    facts: f,
    minhash: unpackU32(f.minhash),
    rows,
    sentenceCount,
    ids,
    lines: unpackU32(f.table.lines),
    claimCount: count,
    claimSentence: (k) => sentences[k]!,
    claimIsListing: (k) => (flags[k]! & LISTING) !== 0,
    claimHasStatus: (k) => (flags[k]! & STATUS) !== 0,
    claimTerms: (k) => terms.subarray(termStart[k]!, termStart[k + 1]!),
    claim,
    get claims() {
      return Array.from({ length: count }, (_, k) => claim(k));
    },
    claimOf,
  };
}

/** Where each row of a packed claims array ([[...],[...]]) starts and ends in its JSON text (UTF-8 bytes). */
function rowBounds(json: Uint8Array, count: number): Uint32Array {
  const out = new Uint32Array(2 * count);
  let depth = 0;
  let k = 0;
  for (let i = 0; i < json.length; i++) {
    const c = json[i]!;
    if (c === 0x22) {
      // a string: skip to its closing quote (brackets inside are text)
      for (i++; i < json.length; i++) {
        const d = json[i]!;
        if (d === 0x5c) i++;
        else if (d === 0x22) break;
      }
    } else if (c === 0x5b) {
      if (++depth === 2) out[2 * k] = i;
    } else if (c === 0x5d) {
      if (depth-- === 2) out[2 * k++ + 1] = i + 1;
    }
  }
  if (k !== count) throw new Error(`malformed claims: ${k} rows found, ${count} parsed`);
  return out;
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
