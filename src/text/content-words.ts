import type { Doc } from './doc.js';

// Function words carry no topic: two sentences that share only these do not say the same thing.
export const STOPWORDS: ReadonlySet<string> = new Set(
  (
    'a about above after again against all almost also although am among an and another any are around as at be because been before being ' +
    'below between both but by can could did do does doing done down during each either else even ever every few for from further had has have ' +
    'having he her here hers herself him himself his how however i if in into is it its itself just least less let like many may me might more most ' +
    'much must my myself neither no nor not now of off on once one only or other others otherwise our ours ourselves out over own per perhaps put ' +
    'quite rather said same say says shall she should since so some such than that the their theirs them themselves then there these they this ' +
    'those though through thus to too toward towards under until up upon us very via was we well were what whatever when where whether which while ' +
    'who whom whose why will with within without would yet you your yours yourself also mr mrs ms s t don didn doesn isn wasn weren won wouldn ' +
    "it's i'm he's she's that's there's we're they're i've we've they've i'd he'd she'd we'd they'd i'll he'll she'll we'll they'll can't won't don't didn't isn't wasn't"
  ).split(/\s+/),
);

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
