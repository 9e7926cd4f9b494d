import { positionOf } from '../text/lines.js';
import type { ArticleFacts, Claim } from '../facts/facts.js';
import { claimHasStatus, claimIsListing, claimSentence, claimSkips, decodeClaim, parseClaims, type PackedClaims } from '../facts/claim-codec.js';
import { claimWords } from '../facts/claim-words.js';
import { ScratchDecoder } from '../facts/packed.js';
import { SENTENCE_FIELDS } from '../facts/sentence-table.js';
import type { RowSlots } from './claim-row-slots.js';
import { claimTerms } from './claim-terms.js';
import { scanClaims, type ScannedClaims } from './claim-scan.js';

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
  /** Claim k's names and figures (their token ranges) into `out`, read from its packed row; false when they cannot be. */
  claimSlots(k: number, out: RowSlots): boolean;
  /** Claim k, decoded from its packed row (each call decodes it again). */
  claim(k: number): Claim;
  /** Claim k as claim(k) gives it, from a small cache of recently decoded claims (the same object while kept). */
  cachedClaim(k: number): Claim;
  /** Every claim, decoded. */
  readonly claims: Claim[];
  /** Claim of each sentence, or -1. */
  claimOf: Int32Array;
}

let nextSerial = 0;
// Each packed field decoded into its own reused storage, then copied into the view's one buffer.
const scratchRows = new ScratchDecoder();
const scratchIds = new ScratchDecoder();
const scratchLines = new ScratchDecoder();
const scratchMinhash = new ScratchDecoder();
/**
 * Claims decoded lately, by view and claim (an original aligned with each of its copies has the same claims
 * decoded once per copy otherwise): a few MB at most. Decoded claims are only read, never changed.
 */
const RECENT_CLAIMS = 4096;
const recentClaims = new Map<number, Claim>();
const utf8Text = new TextDecoder();
const LISTING = 1;
const STATUS = 2;

/**
 * A view is one ArrayBuffer (a batch holds one per article: every separate typed array costs its own buffer
 * object and allocation): the sentence table, token ids, line starts, MinHash and, per claim, its sentence,
 * flags, terms and the bounds of its row in the packed claims JSON, kept as UTF-8 bytes at the end.
 */
class PackedView implements FactsView {
  facts: ArticleFacts;
  readonly minhash: Uint32Array;
  readonly rows: Uint32Array;
  readonly sentenceCount: number;
  readonly ids: Uint32Array;
  readonly lines: Uint32Array;
  readonly claimOf: Int32Array;
  readonly claimCount: number;
  private readonly u32: Uint32Array;
  private readonly bytes: Uint8Array;
  /** Offsets (in u32 units) of: each claim's sentence, term starts (count + 1), row bounds (2 per claim). */
  private readonly at: { sentences: number; termStart: number; terms: number; bounds: number; flags: number; json: number };

  /** A number of its own (keys the decoded-claims cache). */
  private readonly serial = nextSerial++;

  constructor(f: ArticleFacts) {
    this.facts = f;
    const rows = scratchRows.u32(f.table.sentences);
    const ids = scratchIds.u24(f.table.tokens);
    const lines = scratchLines.u32(f.table.lines);
    const minhash = scratchMinhash.u32(f.minhash);
    const sentenceCount = rows.length / SENTENCE_FIELDS;
    const scanned = scanClaims(f.claims, rows, ids) ?? plainClaims(f.claims, rows, ids);
    const count = scanned.count;
    // The claims JSON as UTF-8 (what TextEncoder gives: JSON.stringify leaves no lone surrogate), written in place.
    const jsonLength = Buffer.byteLength(f.claims, 'utf8');
    const termTotal = scanned.termStart[count]!;
    // Layout in 32-bit words, then the bytes (flags, claims JSON).
    let o = 0;
    const take = (n: number): number => ((o += n), o - n);
    const oMinhash = take(minhash.length);
    const oRows = take(rows.length);
    const oIds = take(ids.length);
    const oLines = take(lines.length);
    const oClaimOf = take(sentenceCount);
    const oSentences = take(count);
    const oTermStart = take(count + 1);
    const oTerms = take(termTotal);
    const oBounds = take(2 * count);
    const words = o;
    const buffer = new ArrayBuffer(words * 4 + count + jsonLength);
    const u32 = new Uint32Array(buffer, 0, words);
    const bytes = new Uint8Array(buffer, words * 4);
    this.u32 = u32;
    this.bytes = bytes;
    this.at = { sentences: oSentences, termStart: oTermStart, terms: oTerms, bounds: oBounds, flags: 0, json: count };
    this.minhash = u32.subarray(oMinhash, oMinhash + minhash.length);
    this.minhash.set(minhash);
    this.rows = u32.subarray(oRows, oRows + rows.length);
    this.rows.set(rows);
    this.ids = u32.subarray(oIds, oIds + ids.length);
    this.ids.set(ids);
    this.lines = u32.subarray(oLines, oLines + lines.length);
    this.lines.set(lines);
    this.claimOf = new Int32Array(buffer, oClaimOf * 4, sentenceCount).fill(-1);
    this.sentenceCount = sentenceCount;
    this.claimCount = count;
    for (let k = 0; k < count; k++) {
      const s = scanned.sentence[k]!;
      this.claimOf[s] = k;
      u32[oSentences + k] = s;
      bytes[k] = scanned.flags[k]!;
    }
    u32.set(scanned.termStart.subarray(0, count + 1), oTermStart);
    u32.set(scanned.terms.subarray(0, termTotal), oTerms);
    const json = Buffer.from(buffer, words * 4 + count, jsonLength);
    json.write(f.claims, 0, jsonLength, 'utf8');
    rowBounds(json, count, u32, oBounds);
  }

  claimSentence(k: number): number {
    return this.u32[this.at.sentences + k]!;
  }

  claimIsListing(k: number): boolean {
    return (this.bytes[k]! & LISTING) !== 0;
  }

  claimHasStatus(k: number): boolean {
    return (this.bytes[k]! & STATUS) !== 0;
  }

  claimTerms(k: number): Uint32Array {
    const from = this.u32[this.at.termStart + k]!;
    const to = this.u32[this.at.termStart + k + 1]!;
    return this.u32.subarray(this.at.terms + from, this.at.terms + to);
  }

  claimSlots(k: number, out: RowSlots): boolean {
    const b = this.at.bounds + 2 * k;
    return out.read(this.bytes, this.at.json + this.u32[b]!, this.at.json + this.u32[b + 1]!);
  }

  // Not cached here: a batch decodes a few claims per article, and a decoded claim takes a kilobyte; the claim
  // table keeps the ones it scores again and again.
  claim(k: number): Claim {
    const b = this.at.bounds + 2 * k;
    const row = JSON.parse(utf8Text.decode(this.bytes.subarray(this.at.json + this.u32[b]!, this.at.json + this.u32[b + 1]!))) as PackedClaims[number];
    const { rows, ids } = this;
    return decodeClaim(row, (sentence, skip) => {
      const r = sentence * SENTENCE_FIELDS;
      return { start: rows[r]!, end: rows[r + 1]!, textHash: rows[r + 3]!, words: () => claimWords(ids, rows[r + 2]!, tokenEnd(rows, ids, sentence), skip) };
    });
  }

  cachedClaim(k: number): Claim {
    if (k >= 1 << 20) return this.claim(k);
    const key = this.serial * 2 ** 20 + k;
    let c = recentClaims.get(key);
    if (c !== undefined) {
      recentClaims.delete(key);
    } else {
      c = this.claim(k);
      if (recentClaims.size >= RECENT_CLAIMS) recentClaims.delete(recentClaims.keys().next().value!);
    }
    recentClaims.set(key, c);
    return c;
  }

  get claims(): Claim[] {
    return Array.from({ length: this.claimCount }, (_, k) => this.claim(k));
  }
}

/**
 * The plain computation scanClaims stands for: every row parsed, its terms from claimWords and claimTerms. Used
 * for claims JSON that is not in packClaims' shape (the same result, or JSON.parse's error), and by the tests.
 */
export function plainClaims(json: string, rows: Uint32Array, ids: Uint32Array): ScannedClaims {
  const parsed = parseClaims(json);
  const count = parsed.length;
  const termLists = parsed.map((row) => {
    const s = claimSentence(row);
    return claimTerms(row, claimWords(ids, rows[s * SENTENCE_FIELDS + 2]!, tokenEnd(rows, ids, s), claimSkips(row)));
  });
  const termStart = new Int32Array(count + 1);
  let t = 0;
  termLists.forEach((list, k) => {
    termStart[k] = t;
    t += list.length;
  });
  termStart[count] = t;
  return {
    count,
    sentence: Int32Array.from(parsed, claimSentence),
    flags: Uint8Array.from(parsed, (row) => (claimIsListing(row) ? LISTING : 0) | (claimHasStatus(row) ? STATUS : 0)),
    termStart,
    terms: Uint32Array.from(termLists.flat()),
  };
}

/** Drops the decoded claims kept by cachedClaim (they hold their articles' buffers). */
export function forgetDecodedClaims(): void {
  recentClaims.clear();
}

export function viewFacts(f: ArticleFacts): FactsView {
  return new PackedView(f);
}

/** Where each row of a packed claims array ([[...],[...]]) starts and ends in its JSON text (UTF-8 bytes), into out[at...]. */
function rowBounds(json: Uint8Array, count: number, out: Uint32Array, at: number): void {
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
      if (++depth === 2) out[at + 2 * k] = i;
    } else if (c === 0x5d) {
      if (depth-- === 2) out[at + 2 * k++ + 1] = i + 1;
    }
  }
  if (k !== count) throw new Error(`malformed claims: ${k} rows found, ${count} parsed`);
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
