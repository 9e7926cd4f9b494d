import { isStopId, stopwordBits } from '../facts/claim-words.js';
import { SENTENCE_FIELDS } from '../facts/sentence-table.js';
import { bare, isNumber } from '../facts/token-ids.js';
import { FNV_OFFSET, fnvStep } from '../text/fnv.js';

/**
 * What the comparison keeps of each packed claim when an article is unpacked (its sentence, two flags and its
 * terms), read from the claims JSON in one pass over its characters instead of JSON.parse building every row's
 * arrays and strings (a batch unpacks 175,000 claims at 10k articles and drops those objects at once). The terms
 * are exactly claimTerms(row, claimWords(...)) of claim-terms.ts (the plain computation, pinned against this one
 * in test/compare-unpack.test.ts): the claim's content words outside its names and dates, and the FNV-1a hash of
 * "s:" + its subject and of "e:" + each space-separated word of each name key, sorted and unique.
 *
 * Only the shape packClaims writes is read this way (JSON.stringify: no white space, integer offsets); anything
 * else gives null and the caller parses the JSON as before (the same result, or the same error).
 */
export interface ScannedClaims {
  count: number;
  /** Per claim: its sentence; flags (1 listing, 2 states a status); its terms at terms[termStart[k]..termStart[k + 1]]. */
  sentence: Int32Array;
  flags: Uint8Array;
  termStart: Int32Array;
  terms: Uint32Array;
}

// Scratch, reused across articles (the comparison is single-threaded); grown when short.
let sentenceOut = new Int32Array(256);
let flagsOut = new Uint8Array(256);
let termStartOut = new Int32Array(257);
let termsOut = new Uint32Array(4096);
let skipAt = new Int32Array(64);
let skipLen = new Int32Array(64);
let oneClaim = new Uint32Array(256);

const SUBJECT_SEED = fnvStep(fnvStep(FNV_OFFSET, 0x73 /* s */), 0x3a /* : */);
const NAME_SEED = fnvStep(fnvStep(FNV_OFFSET, 0x65 /* e */), 0x3a /* : */);

class Malformed extends Error {}
const MALFORMED = new Malformed();

/**
 * The claims of one article (its packed claims JSON) with their terms, over the article's sentence table
 * (`rows`, SENTENCE_FIELDS per sentence) and token ids. Null when the text is not in packClaims' shape.
 * The arrays returned are views of scratch space, valid until the next call.
 */
export function scanClaims(json: string, rows: Uint32Array, ids: Uint32Array): ScannedClaims | null {
  try {
    return scan(json, rows, ids);
  } catch {
    // (an escape JSON.parse refuses, too: the caller's JSON.parse of the whole gives the error)
    s = '';
    return null;
  }
}

// The scanner's state: the text and the position in it (module level, so that the helpers are plain functions).
let s = '';
let n = 0;
let i = 0;
let termCount = 0;
let skips = 0;

function expect(c: number): void {
  if (s.charCodeAt(i) !== c) throw MALFORMED;
  i++;
}

/** A non-negative integer (the offsets and counts packClaims writes). */
function int(): number {
  let v = 0;
  const from = i;
  for (let c = s.charCodeAt(i); c >= 0x30 && c <= 0x39; c = s.charCodeAt(++i)) v = v * 10 + (c - 0x30);
  if (i === from || i - from > 9) throw MALFORMED;
  return v;
}

/** Skips one JSON value of any kind. */
function skipValue(): void {
  const c = s.charCodeAt(i);
  if (c === 0x22) return skipString();
  if (c === 0x5b) {
    i++;
    if (s.charCodeAt(i) === 0x5d) return void i++;
    for (;;) {
      skipValue();
      const d = s.charCodeAt(i++);
      if (d === 0x5d) return;
      if (d !== 0x2c) throw MALFORMED;
    }
  }
  // a number or a literal (digits, sign, point, exponent, letters; no white space): up to the next separator
  const from = i;
  while (i < n) {
    const d = s.charCodeAt(i);
    if (d === 0x2c || d === 0x5d) break;
    if (!((d >= 0x30 && d <= 0x39) || d === 0x2d || d === 0x2b || d === 0x2e || (d >= 0x61 && d <= 0x7a) || d === 0x45)) throw MALFORMED;
    i++;
  }
  if (i === from) throw MALFORMED;
}

function skipString(): void {
  expect(0x22);
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return void i++;
  }
  throw MALFORMED;
}

function pushTerm(h: number): void {
  if (termCount === oneClaim.length) {
    const next = new Uint32Array(oneClaim.length * 2);
    next.set(oneClaim);
    oneClaim = next;
  }
  oneClaim[termCount++] = h >>> 0;
}

/** The string at i hashed as seed + its text (a subject; none when empty), or word by word (a name key). */
function hashStringAt(seed: number, byWord: boolean): void {
  expect(0x22);
  const from = i;
  let escaped = false;
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x5c) {
      escaped = true;
      i++;
    } else if (c === 0x22) break;
  }
  if (i >= n) throw MALFORMED;
  const to = i++;
  const text = escaped ? (JSON.parse(s.slice(from - 1, to + 1)) as string) : s;
  const a = escaped ? 0 : from;
  const b = escaped ? text.length : to;
  if (!byWord) {
    if (a === b) return;
    let h = seed;
    for (let k = a; k < b; k++) h = fnvStep(h, text.charCodeAt(k));
    pushTerm(h);
    return;
  }
  // key.split(' '): every space ends a word, empty words included
  let h = seed;
  for (let k = a; k < b; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x20) {
      pushTerm(h);
      h = seed;
    } else h = fnvStep(h, c);
  }
  pushTerm(h);
}

function skip(at: number, len: number): void {
  if (skips === skipAt.length) {
    const a = new Int32Array(skips * 2);
    a.set(skipAt);
    skipAt = a;
    const l = new Int32Array(skips * 2);
    l.set(skipLen);
    skipLen = l;
  }
  skipAt[skips] = at;
  skipLen[skips++] = len;
}

/** [.., .., .., at, len] rows of a name or date list: `strings` strings first (a name's first is hashed). */
function spans(strings: number, name: boolean): void {
  expect(0x5b);
  if (s.charCodeAt(i) === 0x5d) return void i++;
  for (;;) {
    expect(0x5b);
    for (let k = 0; k < strings; k++) {
      if (k === 0 && name) hashStringAt(NAME_SEED, true);
      else skipString();
      expect(0x2c);
    }
    const at = int();
    expect(0x2c);
    const len = int();
    expect(0x5d);
    skip(at, len);
    const d = s.charCodeAt(i++);
    if (d === 0x5d) return;
    if (d !== 0x2c) throw MALFORMED;
  }
}

function growClaims(): void {
  const m = sentenceOut.length * 2;
  const sa = new Int32Array(m);
  sa.set(sentenceOut);
  sentenceOut = sa;
  const fa = new Uint8Array(m);
  fa.set(flagsOut);
  flagsOut = fa;
  const ta = new Int32Array(m + 1);
  ta.set(termStartOut);
  termStartOut = ta;
}

function scan(text: string, rows: Uint32Array, ids: Uint32Array): ScannedClaims {
  s = text;
  n = text.length;
  i = 0;
  const stop = stopwordBits();
  let count = 0;
  let total = 0;
  expect(0x5b);
  if (s.charCodeAt(i) === 0x5d) i++;
  else {
    for (;;) {
      expect(0x5b);
      const sentence = int();
      expect(0x2c);
      skipValue(); // negations
      expect(0x2c);
      skipValue(); // hedged
      expect(0x2c);
      termCount = 0;
      skips = 0;
      hashStringAt(SUBJECT_SEED, false);
      expect(0x2c);
      spans(2, true); // names: [key, before, at, len]
      expect(0x2c);
      skipValue(); // quantities
      expect(0x2c);
      spans(3, false); // dates: [value, text, before, at, len]
      expect(0x2c);
      const status = s.charCodeAt(i) === 0x5b && s.charCodeAt(i + 1) !== 0x5d;
      skipValue(); // statuses
      let listing = false;
      if (s.charCodeAt(i) === 0x2c) {
        i++;
        if (s.charCodeAt(i) !== 0x31 || s.charCodeAt(i + 1) !== 0x5d) throw MALFORMED;
        listing = true;
        i++;
      }
      expect(0x5d);
      if (sentence * SENTENCE_FIELDS >= rows.length) throw MALFORMED;

      // The claim's content words (claimWords): figures and function words left out, and the tokens of its names and dates.
      const from = rows[sentence * SENTENCE_FIELDS + 2]!;
      const next = (sentence + 1) * SENTENCE_FIELDS;
      const to = next < rows.length ? rows[next + 2]! : ids.length;
      for (let t = from; t < to; t++) {
        const id = ids[t]!;
        if (isNumber(id)) continue;
        const k = t - from;
        let skipped = false;
        for (let r = 0; r < skips && !skipped; r++) skipped = k >= skipAt[r]! && k < skipAt[r]! + skipLen[r]!;
        if (skipped) continue;
        const w = bare(id);
        if (!isStopId(stop, w)) pushTerm(w);
      }
      sortSmall(oneClaim, termCount);
      if (count + 1 >= sentenceOut.length) growClaims();
      if (total + termCount > termsOut.length) {
        const b = new Uint32Array(Math.max(termsOut.length * 2, total + termCount));
        b.set(termsOut.subarray(0, total));
        termsOut = b;
      }
      sentenceOut[count] = sentence;
      flagsOut[count] = (listing ? 1 : 0) | (status ? 2 : 0);
      termStartOut[count] = total;
      for (let k = 0; k < termCount; k++) if (k === 0 || oneClaim[k] !== oneClaim[k - 1]) termsOut[total++] = oneClaim[k]!;
      count++;
      const d = s.charCodeAt(i++);
      if (d === 0x5d) break;
      if (d !== 0x2c) throw MALFORMED;
    }
  }
  if (i !== n) throw MALFORMED;
  s = '';
  termStartOut[count] = total;
  return { count, sentence: sentenceOut, flags: flagsOut, termStart: termStartOut, terms: termsOut };
}

/** Ascending order of a[0..len) (insertion sort: a claim has a few dozen terms; a typed-array sort costs more to start). */
function sortSmall(a: Uint32Array, len: number): void {
  if (len > 48) {
    a.subarray(0, len).sort();
    return;
  }
  for (let k = 1; k < len; k++) {
    const x = a[k]!;
    let j = k - 1;
    while (j >= 0 && a[j]! > x) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}
