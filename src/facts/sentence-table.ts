import { quotedSpans } from '../text/quoted-spans.js';
import type { Doc } from '../text/doc.js';
import { combine } from './hash.js';
import { wordHash } from './word-facts.js';
import { packU24, packU32 } from './packed.js';
import { CAPITAL, ID_HASH, NUMBER, QUOTED } from './token-ids.js';
import { startsWithCapital } from '../text/initial-capital.js';

/**
 * Every sentence of the article as offsets and token ids, packed: what the aligned comparison of two copies
 * reads instead of their text. `sentences` holds, per sentence, [start, end, first token, hash of its words];
 * `tokens` one 24-bit id per word or figure (see token-ids.ts); `lines` the offset of each line start (line/column of
 * a reported span without the body).
 */
export interface SentenceTable {
  sentences: string;
  tokens: string;
  lines: string;
}

export const SENTENCE_FIELDS = 4;

export interface BuiltTable {
  packed: SentenceTable;
  /** Unpacked, for the claims built from the same document. */
  ids: Uint32Array;
  /** Per sentence: index of its first token in `ids` (and one past the last sentence). */
  tokenFrom: Int32Array;
  hashes: Uint32Array;
  /** hashString(norm) of every word and figure in text order (as int32): what the signature shingles. */
  words: Int32Array;
}

export function buildSentenceTable(doc: Doc): BuiltTable {
  const quotes = quotedSpans(doc);
  const n = doc.sentences.length;
  const rows = new Uint32Array(n * SENTENCE_FIELDS);
  const tokenFrom = new Int32Array(n + 1);
  const hashes = new Uint32Array(n);
  // doc.wordCount is the number of word and figure tokens: one id each.
  const ids = new Uint32Array(doc.wordCount);
  const words = new Int32Array(doc.wordCount);
  const tokens = doc.tokens;
  let count = 0;
  let q = 0;
  for (const s of doc.sentences) {
    tokenFrom[s.index] = count;
    let h = 0x811c9dc5;
    let first = true;
    for (let i = s.tokenFrom; i < s.tokenTo; i++) {
      const t = tokens[i]!;
      if (t.kind !== 'word' && t.kind !== 'number') continue;
      while (q < quotes.length && quotes[q]!.end <= t.start) q++;
      const hash = wordHash(t); // normHashes(doc)[i], without the array over every token
      let id = hash & ID_HASH; // wordId(t.norm)
      if (q < quotes.length && quotes[q]!.start < t.start && quotes[q]!.end >= t.end) id |= QUOTED;
      if (t.kind === 'number') id |= NUMBER;
      else if (!first) {
        // A word opening in a-z is its own lower case there: no capital, and no need to read its normal form.
        const c = t.text.charCodeAt(0);
        if ((c < 97 || c > 122) && c !== t.norm.charCodeAt(0) && startsWithCapital(t.text)) id |= CAPITAL;
      }
      first = false;
      words[count] = hash;
      ids[count++] = id >>> 0;
      h = combine(h, hash);
    }
    const r = s.index * SENTENCE_FIELDS;
    rows[r] = s.start;
    rows[r + 1] = s.end;
    rows[r + 2] = tokenFrom[s.index]!;
    rows[r + 3] = h >>> 0;
    hashes[s.index] = h >>> 0;
  }
  tokenFrom[n] = count;
  const lineStarts = doc.lines.map((l) => l.start);
  return { packed: { sentences: packU32(rows), tokens: packU24(ids), lines: packU32(lineStarts) }, ids, tokenFrom, hashes, words };
}
