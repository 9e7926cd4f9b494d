import { readFileSync } from 'node:fs';
import { ID_RANGE, wordId } from '../facts/token-ids.js';

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

const key = (a: number, b: number): number => a * ID_RANGE + b;

export function lexicon(): Lexicon {
  if (cached) return cached;
  const data = JSON.parse(readFileSync(new URL('../../rules/data/lexicon.json', import.meta.url), 'utf8')) as { antonyms: Record<string, string[]>; synonyms: Record<string, string[]> };
  const words = new Map<number, string>();
  const build = (table: Record<string, string[]>): Set<number> => {
    const out = new Set<number>();
    for (const [w, list] of Object.entries(table)) {
      const a = wordId(w);
      words.set(a, w);
      for (const x of list) {
        const b = wordId(x);
        words.set(b, x);
        out.add(key(a, b)).add(key(b, a));
      }
    }
    return out;
  };
  const antonyms = build(data.antonyms);
  const synonyms = build(data.synonyms);
  cached = {
    antonym: (a, b) => antonyms.has(key(a, b)),
    synonym: (a, b) => synonyms.has(key(a, b)),
    word: (id) => words.get(id),
  };
  return cached;
}
