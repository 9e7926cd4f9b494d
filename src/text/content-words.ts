import type { Doc } from './doc.js';
import { languageData } from './language-data.js';

// Function words carry no topic: two sentences that share only these do not say the same thing.
// One list for every use (content words, claim terms), kept as data in rules/lang/eng.json.
export const STOPWORDS: ReadonlySet<string> = languageData('eng').stopwords;

/** A crude stem so "underscores"/"underscored" and "nations"/"nation" count as one word; enough for overlap. */
export function stem(w: string): string {
  let s = w.replace(/['’]s$/, '');
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

/** Content-word stems of each sentence, computed once per article (memoised on the Doc). */
export function contentWords(doc: Doc): ContentWords {
  return doc.memo('content-words', (d) => {
    const bySentence: string[][] = d.sentences.map(() => []);
    const all: string[] = [];
    for (const t of d.tokens) {
      if (t.kind !== 'word' || t.norm.length < 3 || STOPWORDS.has(t.norm) || !/^\p{L}/u.test(t.norm)) continue;
      const s = stem(t.norm);
      bySentence[t.sentence]!.push(s);
      all.push(s);
    }
    return { bySentence, all };
  });
}
