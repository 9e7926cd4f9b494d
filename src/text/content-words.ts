import type { Doc } from './doc.js';
import { languageData } from './language-data.js';

// Function words carry no topic: two sentences that share only these do not say the same thing.
// One list for every use (content words, claim terms), kept as data in rules/lang/eng.json.
export const STOPWORDS: ReadonlySet<string> = languageData('eng').stopwords;

/** A crude stem so "underscores"/"underscored" and "nations"/"nation" count as one word; enough for overlap. */
export function stem(w: string): string {
  // The possessive ('s, ’s) first; tested by character: most words end otherwise.
  const n = w.length;
  let s = n >= 2 && w.charCodeAt(n - 1) === 0x73 && (w.charCodeAt(n - 2) === 0x27 || w.charCodeAt(n - 2) === 0x2019) ? w.slice(0, -2) : w;
  if (s.length > 5 && s.endsWith('ies')) return `${s.slice(0, -3)}y`;
  if (s.length > 5 && s.endsWith('ing')) return s.slice(0, -3);
  if (s.length > 4 && s.endsWith('ed')) return s.slice(0, -2);
  if (s.length > 4 && s.endsWith('es') && /(?:ss|x|ch|sh)es$/.test(s)) return s.slice(0, -2);
  if (s.length > 3 && s.endsWith('s') && !s.endsWith('ss')) s = s.slice(0, -1);
  if (s.length > 4 && s.endsWith('e')) s = s.slice(0, -1);
  return s;
}

export interface ContentWords {
  /** Per sentence, the stems of its content words (letters, 3+ characters, not stopwords). */
  bySentence: string[][];
  /** Every content-word token of the article, in order, as stems. */
  all: string[];
}

/** `/^\p{L}/u`, answered without the expression for an ASCII first character. */
function startsWithLetter(w: string): boolean {
  const c = w.charCodeAt(0);
  if (c < 0x80) return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
  return /^\p{L}/u.test(w);
}

/** Content-word stems of each sentence, computed once per article (memoised on the Doc). */
export function contentWords(doc: Doc): ContentWords {
  return doc.memo('content-words', (d) => {
    // Pushed, not mapped: `map` returns a packed array from the interpreter and a holey one from optimised code.
    const bySentence: string[][] = [];
    for (let i = 0; i < d.sentences.length; i++) bySentence.push([]);
    const all: string[] = [];
    for (const t of d.tokens) {
      if (t.kind !== 'word' || t.norm.length < 3 || STOPWORDS.has(t.norm) || !startsWithLetter(t.norm)) continue;
      const s = stem(t.norm);
      bySentence[t.sentence]!.push(s);
      all.push(s);
    }
    return { bySentence, all };
  });
}
