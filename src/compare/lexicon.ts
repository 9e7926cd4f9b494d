import { readFileSync } from 'node:fs';
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

export function lexicon(): Lexicon {
  if (cached) return cached;
  const data = JSON.parse(readFileSync(new URL('../../rules/data/lexicon.json', import.meta.url), 'utf8')) as { antonyms: Record<string, string[]>; synonyms: Record<string, string[]> };
  const curatedFile = JSON.parse(readFileSync(new URL('../../rules/data/news-antonyms.json', import.meta.url), 'utf8')) as CuratedFile;
  // Keyed by the first word's id; the other side's ids are computed only for the few pairs ever asked about.
  const words = new Map<number, string>();
  const index = (table: Record<string, string[]>): Map<number, string[]> => {
    const out = new Map<number, string[]>();
    for (const [w, list] of Object.entries(table)) {
      const id = wordId(w);
      words.set(id, w);
      const had = out.get(id);
      out.set(id, had ? had.concat(list) : list);
    }
    return out;
  };
  const antonyms = index(data.antonyms);
  const synonyms = index(data.synonyms);
  const curated = curatedPairs(curatedFile, words);
  const has = (table: Map<number, string[]>, a: number, b: number): boolean => table.get(a)?.some((w) => wordId(w) === b) ?? false;
  cached = {
    // An editor's pair stands even where WordNet also lists the two words as synonyms in some sense.
    antonym: (a, b) => curated.has(a * ID_RANGE + b) || has(antonyms, a, b),
    synonym: (a, b) => !curated.has(a * ID_RANGE + b) && (has(synonyms, a, b) || has(synonyms, b, a)),
    word: (id) => words.get(id),
  };
  return cached;
}
