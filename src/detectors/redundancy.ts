import { FNV_OFFSET, fnv1a, fnvStep } from '../text/fnv.js';
import { deflateRawSync } from 'node:zlib';
import type { Finding, Token } from '../types.js';
import { contentStems, grownTo } from './content-stems.js';
import type { Doc } from '../text/doc.js';
import { NO_ID, VocabIndex } from '../text/vocabulary.js';
import type { Detector } from './detector.js';

export interface RedundancyOptions {
  /** Articles shorter than this (in words) are too short for distribution figures to mean anything. */
  minWords?: number;
  /** Gopher: share of characters in lines that duplicate an earlier line. */
  maxDuplicateLineShare?: number;
  /** Gopher: share of characters covered by the most frequent n-gram, for n = 2, 3, 4. */
  maxTopNgramShare?: { '2': number; '3': number; '4': number };
  /** Flag when the deflate-compressed size falls below this share of the raw size (highly repetitive text). */
  minCompressionRatio?: number;
}

interface Prepared {
  minWords: number;
  maxDuplicateLineShare: number;
  maxTopNgramShare: Record<number, number>;
  minCompressionRatio: number;
}

export interface Density {
  /** Deflate-compressed bytes over raw bytes: low means repetitive. */
  compressionRatio: number;
  /** Distinct content-word stems over content-word tokens. */
  distinctContentWords: number;
}

/** Information-density figures of an article, computed once (memoised). */
export function density(doc: Doc): Density {
  return doc.memo('density', (d) => {
    const raw = utf8Bytes(d.text);
    const compressionRatio = raw.length ? deflateRawSync(raw, { level: 6 }).length / raw.length : 1;
    // new Set(contentWords(d).all).size / .all.length, counted on the stems' numbers.
    const { all, size } = contentStems(d);
    return { compressionRatio, distinctContentWords: all.length ? size / all.length : 1 };
  });
}

// The UTF-8 bytes of an article are written into one buffer kept by the thread (grown for a longer article, up to
// UTF8_KEPT bytes; a longer one gets a buffer of its own): the same bytes as Buffer.from(text, 'utf8'), without
// allocating them per article. A UTF-16 unit takes at most 3 bytes.
const UTF8_KEPT = 1 << 20;
let utf8 = Buffer.allocUnsafe(1 << 14);

function utf8Bytes(text: string): Buffer {
  const room = 3 * text.length;
  if (room > UTF8_KEPT) return Buffer.from(text, 'utf8');
  if (room > utf8.length) utf8 = Buffer.allocUnsafe(Math.max(room, 2 * utf8.length));
  return utf8.subarray(0, utf8.write(text, 0, 'utf8'));
}

/**
 * Web-text quality filters (Rae et al. 2021, "Gopher"): a document whose lines repeat, or whose most
 * frequent 2/3/4-gram covers a large share of its characters, is padded or generated. Real news sits far
 * below these thresholds. Also records information-density figures (compressibility: Ntoulas et al. 2006)
 * in the article's stats, and flags only clear outliers.
 */
export const redundancy: Detector<RedundancyOptions, Prepared> = {
  type: 'redundancy',
  summary: 'Records information-density figures and flags articles whose lines or most frequent n-grams repeat far beyond normal prose (Gopher filters).',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      minWords: { type: 'integer', minimum: 0 },
      maxDuplicateLineShare: { type: 'number', minimum: 0, maximum: 1 },
      maxTopNgramShare: {
        type: 'object',
        additionalProperties: false,
        required: ['2', '3', '4'],
        properties: { '2': { type: 'number' }, '3': { type: 'number' }, '4': { type: 'number' } },
      },
      minCompressionRatio: { type: 'number', minimum: 0, maximum: 1 },
    },
  },
  prepare(o) {
    const t = o.maxTopNgramShare ?? { '2': 0.2, '3': 0.18, '4': 0.16 };
    return {
      minWords: o.minWords ?? 150,
      maxDuplicateLineShare: o.maxDuplicateLineShare ?? 0.3,
      maxTopNgramShare: { 2: t['2'], 3: t['3'], 4: t['4'] },
      minCompressionRatio: o.minCompressionRatio ?? 0.25,
    };
  },
  run(doc, rule, ctx) {
    const p = rule.prepared;
    const d = density(doc);
    ctx.stat('compressionRatio', round(d.compressionRatio));
    ctx.stat('distinctContentWords', round(d.distinctContentWords));
    if (doc.wordCount < p.minWords) return [];
    const out: Finding[] = [];
    const dup = duplicateLines(doc);
    if (dup.share > p.maxDuplicateLineShare && dup.first) {
      out.push({
        ...dup.first,
        message: `${Math.round(dup.share * 100)}% of the text is in lines that repeat earlier ones: the article is padded with copies.`,
      });
    }
    let topCount = Infinity;
    for (const n of [2, 3, 4]) {
      // An n-gram occurs at most as often as the top (n-1)-gram and covers at most the widest n words each time:
      // when that bound stays under the threshold, its count is not needed.
      if (n > 2 && ngramShareBound(doc, n, topCount) <= p.maxTopNgramShare[n]!) continue;
      const top = topNgram(doc, n);
      topCount = top?.count ?? 1;
      if (top && top.share > p.maxTopNgramShare[n]!) {
        out.push({
          start: top.start,
          end: top.end,
          message: `"{text}" occurs ${top.count} times and covers ${Math.round(top.share * 100)}% of the article's characters: the text repeats itself.`,
        });
        break;
      }
    }
    if (d.compressionRatio < p.minCompressionRatio && !out.length) {
      const first = doc.paragraphs[0];
      if (first) out.push({ start: first.start, end: first.end, message: `The article compresses to ${Math.round(d.compressionRatio * 100)}% of its size: it is highly repetitive.` });
    }
    return out;
  },
};

const round = (x: number): number => Math.round(x * 1000) / 1000;

/** Share of non-blank characters in lines identical (whitespace- and case-folded) to an earlier line. */
function duplicateLines(doc: Doc): { share: number; first: { start: number; end: number } | null } {
  // Lines are told apart by a hash of their folded form first: only lines whose hash came before are folded
  // into a string and compared (the same answer as a set of folded lines, without building one per line).
  const byHash = new Map<number, { pending: string[]; keys: Set<string> | null }>();
  let dupChars = 0;
  let total = 0;
  let first: { start: number; end: number } | null = null;
  for (const line of doc.lines) {
    if (line.blank) continue;
    let folded = foldedHash(line.text);
    let key: string | null = null;
    if (!folded) {
      key = lineKey(line.text);
      folded = { hash: stringHash(key), length: key.length };
    }
    total += folded.length;
    const bucket = byHash.get(folded.hash);
    if (!bucket) {
      byHash.set(folded.hash, { pending: [line.text], keys: null });
      continue;
    }
    key ??= lineKey(line.text);
    const keys = (bucket.keys ??= new Set());
    for (const text of bucket.pending) keys.add(lineKey(text));
    // Emptied in place: a fresh [] (Smi elements) beside the [text] literals made the loop above polymorphic.
    bucket.pending.length = 0;
    if (keys.has(key)) {
      dupChars += folded.length;
      first ??= { start: line.start, end: line.end };
    } else keys.add(key);
  }
  return { share: total ? dupChars / total : 0, first };
}

/** A line folded for comparison: trimmed, whitespace runs as one space, lower-cased. */
const lineKey = (text: string): string => text.trim().replace(/\s+/g, ' ').toLowerCase();

/**
 * How lineKey treats a character, for the characters news text is made of (ASCII, Latin-1, general
 * punctuation): whitespace (`\s`), upper case that lower-cases to the code + 0x20, or kept as it is; any
 * other character is left to lineKey itself.
 */
const FOLD_KEEP = 0;
const FOLD_SPACE = 1;
const FOLD_UPPER = 2;
const FOLD_OTHER = 3;
const ASCII_KIND = Uint8Array.from({ length: 0x80 }, (_, c) => (c === 0x20 || (c >= 0x09 && c <= 0x0d) ? FOLD_SPACE : c >= 0x41 && c <= 0x5a ? FOLD_UPPER : FOLD_KEEP));

export function foldKind(c: number): number {
  if (c < 0x80) return ASCII_KIND[c]!;
  if (c === 0xa0) return FOLD_SPACE;
  if (c < 0xa0) return FOLD_OTHER;
  if (c < 0xc0) return FOLD_KEEP;
  if (c <= 0xde) return c === 0xd7 ? FOLD_KEEP : FOLD_UPPER;
  if (c <= 0xff) return FOLD_KEEP;
  if (c >= 0x2000 && c <= 0x206f) return c <= 0x200a || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f ? FOLD_SPACE : FOLD_KEEP;
  return FOLD_OTHER;
}

/** stringHash(lineKey(text)) and the key's length, read in place (null for a line with a character foldKind leaves to lineKey). */
function foldedHash(text: string): { hash: number; length: number } | null {
  let h = FNV_OFFSET;
  let length = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    const kind = c < 0x80 ? ASCII_KIND[c]! : foldKind(c);
    if (kind === FOLD_OTHER) return null;
    if (kind === FOLD_SPACE) {
      space = length > 0;
      continue;
    }
    if (space) {
      h = fnvStep(h, 0x20);
      length++;
      space = false;
    }
    if (kind === FOLD_UPPER) c += 0x20;
    h = fnvStep(h, c);
    length++;
  }
  return { hash: h, length };
}

const stringHash = (key: string): number => fnv1a(key);

/** The most frequent word n-gram, the share of word characters its occurrences cover, and its first span. */
export function topNgram(doc: Doc, n: number): { count: number; share: number; start: number; end: number } | null {
  const { words, ids, vocab, totalChars } = wordIds(doc);
  if (words.length < n || !totalChars) return null;
  // Numeric keys (word ids in base `vocab`) keep counting cheap; they are exact while vocab^n < 2^53.
  const best = Math.pow(vocab, n) < Number.MAX_SAFE_INTEGER ? mostFrequentNumeric(ids, n, vocab) : mostFrequentJoined(ids, n);
  if (!best) return null;
  const { at, count } = best;
  let chars = 0;
  for (let k = 0; k < n; k++) chars += words[at + k]!.norm.length;
  return { count, share: (chars * count) / totalChars, start: words[at]!.start, end: words[at + n - 1]!.end };
}

/** chars(widest n consecutive words) x count / totalChars: at least the share of any n-gram occurring at most `count` times. */
function ngramShareBound(doc: Doc, n: number, count: number): number {
  const { words, totalChars } = wordIds(doc);
  if (words.length < n || !totalChars) return 0;
  let widest = 0;
  let run = 0;
  for (let i = 0; i < words.length; i++) {
    run += words[i]!.norm.length;
    if (i >= n) run -= words[i - n]!.norm.length;
    if (i >= n - 1 && run > widest) widest = run;
  }
  return (widest * count) / totalChars;
}

// The counting table of mostFrequentNumeric, kept between calls (grown when an article needs more): only `counts`
// is cleared per call, a slot with count 0 being empty whatever its key says.
let tableKeys = new Float64Array(1024);
let tableCounts = new Int32Array(1024);
let tableFirst = new Int32Array(1024);

/**
 * The first n-gram (in text order) to reach the highest count above one: where it first occurs and its count.
 * Counted in an open-addressing table of numeric keys (word ids in base `vocab`): no Map, no boxing. The answer
 * depends only on which n-grams are equal, never on the hash (which only places them).
 */
function mostFrequentNumeric(ids: ArrayLike<number>, n: number, vocab: number): { at: number; count: number } | null {
  const grams = ids.length - n + 1;
  let size = 16;
  while (size < grams * 2) size <<= 1;
  const mask = size - 1;
  if (tableCounts.length < size) {
    tableKeys = new Float64Array(size);
    tableCounts = new Int32Array(size);
    tableFirst = new Int32Array(size);
  } else tableCounts.fill(0, 0, size);
  const keys = tableKeys;
  const counts = tableCounts;
  const firstAt = tableFirst;
  let bestAt = -1;
  let bestCount = 1;
  for (let i = 0; i < grams; i++) {
    let key = ids[i]!;
    let h = ids[i]!;
    for (let k = 1; k < n; k++) {
      key = key * vocab + ids[i + k]!;
      h = Math.imul(h, 0x9e3779b1) ^ ids[i + k]!;
    }
    // A multiply-xorshift finish, so n-grams of small dense ids spread over the table.
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    let slot = (h ^ (h >>> 13)) & mask;
    while (counts[slot]! > 0 && keys[slot] !== key) slot = (slot + 1) & mask;
    const c = counts[slot]! + 1;
    counts[slot] = c;
    if (c === 1) {
      keys[slot] = key;
      firstAt[slot] = i;
    } else if (c > bestCount) (bestCount = c), (bestAt = firstAt[slot]!);
  }
  return bestAt < 0 ? null : { at: bestAt, count: bestCount };
}

/** As mostFrequentNumeric, for vocabularies too large for exact numeric keys. */
function mostFrequentJoined(ids: ArrayLike<number>, n: number): { at: number; count: number } | null {
  const counts = new Map<string, number>();
  const firstAt = new Map<string, number>();
  let bestAt = -1;
  let bestCount = 1;
  for (let i = 0; i + n <= ids.length; i++) {
    const key = Array.prototype.slice.call(ids, i, i + n).join(' ');
    const c = (counts.get(key) ?? 0) + 1;
    counts.set(key, c);
    if (c === 1) firstAt.set(key, i);
    else if (c > bestCount) (bestCount = c), (bestAt = firstAt.get(key)!);
  }
  return bestAt < 0 ? null : { at: bestAt, count: bestCount };
}

// Per vocabulary id, the article's dense id of that word (valid where wordStamp holds the article's stamp): words
// are numbered with an array read instead of a Map of strings. Numbers and words without a vocabulary id are
// numbered through a Map of their forms (a number's form starts with a digit, a word's with a letter or mark,
// so the two ways never give one form two ids).
let wordStamp = new Int32Array(1024);
let wordLocal = new Int32Array(1024);
let wordStampNow = 0;

/** Word and number tokens with a dense id per distinct form (in order of first appearance), computed once per article. */
function wordIds(doc: Doc): { words: Token[]; ids: Int32Array; vocab: number; totalChars: number } {
  return doc.memo('redundancy-word-ids', (d) => {
    if (++wordStampNow === 0x7fffffff) {
      wordStamp.fill(0);
      wordStampNow = 1;
    }
    const stamp = wordStampNow;
    const words: Token[] = [];
    for (const t of d.tokens) if (t.kind === 'word' || t.kind === 'number') words.push(t);
    const ids = new Int32Array(words.length);
    let others: Map<string, number> | null = null;
    let next = 0;
    let totalChars = 0;
    for (let k = 0; k < words.length; k++) {
      const w = words[k]!;
      totalChars += w.text.length;
      const v = w.vocabId;
      if (v === NO_ID) {
        others ??= new Map();
        let id = others.get(w.norm);
        if (id === undefined) others.set(w.norm, (id = next++));
        ids[k] = id;
        continue;
      }
      if (v >= wordStamp.length) {
        wordStamp = grownTo(wordStamp, v);
        wordLocal = grownTo(wordLocal, v);
      }
      if (wordStamp[v] !== stamp) {
        wordStamp[v] = stamp;
        wordLocal[v] = next++;
      }
      ids[k] = wordLocal[v]!;
    }
    return { words, ids, vocab: Math.max(1, next), totalChars };
  });
}
