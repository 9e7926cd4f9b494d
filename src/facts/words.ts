import { STOPWORDS } from './stopwords.js';

// One stemmer for the whole project: repetition and the comparison must agree on what "the same word" is.
export { stem } from '../text/content-words.js';

/** True for a word that carries content (not a function word, not a bare number). */
export function isContentWord(norm: string): boolean {
  return norm.length > 1 && !STOPWORDS.has(norm) && /\p{L}/u.test(norm);
}
