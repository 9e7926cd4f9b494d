import { doubled } from '../text/doubled.js';

/** Token ranges of a sentence (start and length), appended to reused typed arrays. */
export class TokenRanges {
  at = new Int32Array(16);
  len = new Int32Array(16);
  count = 0;

  push(at: number, len: number): void {
    if (this.count === this.at.length) {
      this.at = doubled(this.at);
      this.len = doubled(this.len);
    }
    this.at[this.count] = at;
    this.len[this.count++] = len;
  }
}

/** A claim's names and figures as token ranges of its sentence. */
export interface SlotRanges {
  readonly names: TokenRanges;
  readonly figures: TokenRanges;
}

/**
 * Where a packed claim's names and figures (quantities and dates) sit in its sentence, read from the claim's row
 * (UTF-8 bytes of packClaims' JSON) without decoding it: an aligned pair of copies whose changed words touch no
 * slot needs no claim (sentenceChange gives the same without them), and decoding one (JSON.parse, then its
 * objects) is a third of aligning copies at 10k articles (52,000 decodes).
 */
export class RowSlots implements SlotRanges {
  readonly names = new TokenRanges();
  readonly figures = new TokenRanges();

  /**
   * Reads row [from, to) of `bytes`; false when it is not in packClaims' shape (the caller decodes the claim).
   * The row: [sentence, negations, hedged, subject, names [[key, before, at, len]...], quantities [[value, step,
   * unit, before, text, at, len]...], dates [[value, text, before, at, len]...], statuses, listing?].
   */
  read(bytes: Uint8Array, from: number, to: number): boolean {
    this.names.count = 0;
    this.figures.count = 0;
    b = bytes;
    i = from;
    end = to;
    try {
      return this.row();
    } finally {
      b = EMPTY;
    }
  }

  private row(): boolean {
    if (b[i++] !== 0x5b) return false;
    for (let field = 0; field < 4; field++) {
      if (!skipValue() || b[i++] !== 0x2c) return false;
    }
    // names: at, len are the 3rd and 4th of each; quantities the 6th and 7th; dates the 4th and 5th.
    if (!this.list(2, this.names) || b[i++] !== 0x2c) return false;
    if (!this.list(5, this.figures) || b[i++] !== 0x2c) return false;
    if (!this.list(3, this.figures)) return false;
    return b[i] === 0x2c;
  }

  /** A list of slot rows, each `before` values then at and len (integers) closing it. */
  private list(before: number, into: TokenRanges): boolean {
    if (b[i++] !== 0x5b) return false;
    if (b[i] === 0x5d) return void i++, true;
    for (;;) {
      if (b[i++] !== 0x5b) return false;
      for (let k = 0; k < before; k++) if (!skipValue() || b[i++] !== 0x2c) return false;
      const at = int();
      if (at < 0 || b[i++] !== 0x2c) return false;
      const len = int();
      if (len < 0 || b[i++] !== 0x5d) return false;
      into.push(at, len);
      const d = b[i++];
      if (d === 0x5d) return true;
      if (d !== 0x2c) return false;
    }
  }
}

const EMPTY = new Uint8Array(0);
// The reader's state (module level: the helpers are plain functions).
let b: Uint8Array = EMPTY;
let i = 0;
let end = 0;

/** A non-negative integer of at most 9 digits at i, or -1. */
function int(): number {
  let v = 0;
  const from = i;
  for (let c = b[i]!; i < end && c >= 0x30 && c <= 0x39; c = b[++i]!) v = v * 10 + (c - 0x30);
  return i === from || i - from > 9 ? -1 : v;
}

/** Skips a string, a number, a literal or an array at i; false at the row's end or on a stray byte. */
function skipValue(): boolean {
  const c = b[i];
  if (c === 0x22) {
    for (i++; i < end; i++) {
      const d = b[i];
      if (d === 0x5c) i++;
      else if (d === 0x22) return void i++, true;
    }
    return false;
  }
  if (c === 0x5b) {
    i++;
    if (b[i] === 0x5d) return void i++, true;
    for (;;) {
      if (!skipValue()) return false;
      const d = b[i++];
      if (d === 0x5d) return true;
      if (d !== 0x2c) return false;
    }
  }
  const from = i;
  while (i < end) {
    const d = b[i]!;
    if (d === 0x2c || d === 0x5d) break;
    if (!((d >= 0x30 && d <= 0x39) || d === 0x2d || d === 0x2b || d === 0x2e || (d >= 0x61 && d <= 0x7a) || d === 0x45)) return false;
    i++;
  }
  return i > from;
}
