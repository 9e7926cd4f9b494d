import { readFileSync } from 'node:fs';
import { unpackU32 } from '../facts/packed.js';
import { ID_RANGE, wordId } from '../facts/token-ids.js';

/**
 * Antonyms and synonyms keyed by token id pairs: WordNet's (rules/data/lexicon.json, built by
 * scripts/build-lexicon.mjs) and the curated pairs of news copy WordNet lacks (rules/data/news-antonyms.json, read
 * as it is: an editor adds a pair without a build step). Loaded on first use: only a batch with aligned copies
 * that differ in a word needs it.
 */
export interface Lexicon {
  antonym(a: number, b: number): boolean;
  synonym(a: number, b: number): boolean;
  /** The word behind an id, for messages (only words of the tables). */
  word(id: number): string | undefined;
}

interface CuratedFile {
  pairs: Array<[string, string]>;
}

let cached: Lexicon | null = null;

/** The curated pairs as id pairs (both directions), and the words behind them. */
export function curatedPairs(file: CuratedFile, words: Map<number, string>): Set<number> {
  const out = new Set<number>();
  if (!Array.isArray(file.pairs)) throw new Error('rules/data/news-antonyms.json: "pairs" must be a list of [forms, forms] pairs');
  for (const pair of file.pairs) {
    if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== 'string' || typeof pair[1] !== 'string') {
      throw new Error(`rules/data/news-antonyms.json: each pair is two strings of space-separated forms, not ${JSON.stringify(pair)}`);
    }
    const side = (s: string): number[] =>
      s
        .toLowerCase()
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => {
          const id = wordId(w);
          words.set(id, w);
          return id;
        });
    const xs = side(pair[0]);
    const ys = side(pair[1]);
    for (const x of xs) for (const y of ys) if (x !== y) out.add(x * ID_RANGE + y).add(y * ID_RANGE + x);
  }
  return out;
}

/** One table of the packed file: each word's neighbours, as indices into the word list. */
function unpackTable(packed: string, count: number): { offsets: Uint32Array; targets: Uint32Array } {
  const all = unpackU32(packed);
  return { offsets: all.subarray(0, count + 1), targets: all.subarray(count + 1) };
}

export function lexicon(): Lexicon {
  if (cached) return cached;
  const data = JSON.parse(readFileSync(new URL('../../rules/data/lexicon.json', import.meta.url), 'utf8')) as { words: string[]; antonyms: string; synonyms: string };
  const curatedFile = JSON.parse(readFileSync(new URL('../../rules/data/news-antonyms.json', import.meta.url), 'utf8')) as CuratedFile;
  const words = new Map<number, string>();
  const ids = new Uint32Array(data.words.length);
  const slot = new Map<number, number[]>(); // id → word indices (two words may share an id)
  data.words.forEach((w, i) => {
    const id = wordId(w);
    ids[i] = id;
    words.set(id, w);
    const had = slot.get(id);
    if (had) had.push(i);
    else slot.set(id, [i]);
  });
  const antonyms = unpackTable(data.antonyms, ids.length);
  const synonyms = unpackTable(data.synonyms, ids.length);
  const curated = curatedPairs(curatedFile, words);
  // Ids with any opposite, as a bitmap over the id range (256 KB): most word pairs asked about are rejected by
  // one array read (a Set of numbers hashed each lookup).
  const opposed = new Uint8Array(ID_RANGE >>> 3);
  const oppose = (id: number): void => void (opposed[id >>> 3]! |= 1 << (id & 7));
  for (const id of slot.keys()) oppose(id);
  for (const key of curated) oppose(Math.floor(key / ID_RANGE));
  const isOpposed = (id: number): boolean => (opposed[id >>> 3]! & (1 << (id & 7))) !== 0;
  const has = (table: { offsets: Uint32Array; targets: Uint32Array }, a: number, b: number): boolean => {
    const at = slot.get(a);
    if (at === undefined) return false;
    for (const i of at) for (let k = table.offsets[i]!; k < table.offsets[i + 1]!; k++) if (ids[table.targets[k]!] === b) return true;
    return false;
  };
  cached = {
    // An editor's pair stands even where WordNet also lists the two words as synonyms in some sense.
    antonym: (a, b) => isOpposed(a) && (curated.has(a * ID_RANGE + b) || has(antonyms, a, b)),
    synonym: (a, b) => !curated.has(a * ID_RANGE + b) && (has(synonyms, a, b) || has(synonyms, b, a)),
    word: (id) => words.get(id),
  };
  return cached;
}
