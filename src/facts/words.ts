import { STOPWORDS } from './stopwords.js';

/**
 * A light English stemmer: enough to let "members"/"member" and "approved"/"approve" meet, cheap
 * enough to run on every word of every article (a full Porter stemmer costs several ms per article).
 */
export function stem(w: string): string {
  let s = w.replace(/['’]s$/, '');
  if (s.length > 4 && s.endsWith('ies')) s = `${s.slice(0, -3)}y`;
  else if (s.length > 4 && s.endsWith('ing')) s = s.slice(0, -3);
  else if (s.length > 4 && s.endsWith('ed')) s = s.slice(0, -2);
  else if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  return s;
}

/** True for a word that carries content (not a function word, not a bare number). */
export function isContentWord(norm: string): boolean {
  return norm.length > 1 && !STOPWORDS.has(norm) && /\p{L}/u.test(norm);
}
