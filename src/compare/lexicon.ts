import { readFileSync } from 'node:fs';
import { wordId } from '../facts/token-ids.js';

/**
 * WordNet's antonyms and synonyms (rules/data/lexicon.json, built by scripts/build-lexicon.mjs), keyed by token
 * id pairs. Loaded on first use: only a batch with aligned copies that differ in a word needs it.
 */
export interface Lexicon {
  antonym(a: number, b: number): boolean;
  synonym(a: number, b: number): boolean;
  /** The word behind an id, for messages (only words of the tables). */
  word(id: number): string | undefined;
}

let cached: Lexicon | null = null;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const data = JSON.parse(readFileSync(new URL('../../rules/data/lexicon.json', import.meta.url), 'utf8')) as { antonyms: Record<string, string[]>; synonyms: Record<string, string[]> };
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
  const has = (table: Map<number, string[]>, a: number, b: number): boolean => table.get(a)?.some((w) => wordId(w) === b) ?? false;
  cached = {
    antonym: (a, b) => has(antonyms, a, b),
    synonym: (a, b) => has(synonyms, a, b) || has(synonyms, b, a),
    word: (id) => words.get(id),
  };
  return cached;
}
