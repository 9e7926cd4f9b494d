import type { Finding, Token } from '../types.js';
import type { Doc } from '../text/doc.js';
import { overlapsProtected, protectedSpans, type ProtectedKind } from '../text/protected-spans.js';
import { STOPWORDS } from '../text/content-words.js';
import type { Detector } from './detector.js';

export interface ReduplicationOptions {
  /** Connectors between the two copies ("growth and growth", "growth, growth"); adjacent copies ("the the") are always checked. */
  connectors?: string[];
  /** Longest repeated unit in words. */
  maxWords?: number;
  /** Whole reduplications that are idiomatic ("more and more", "bye bye"). */
  idioms?: string[];
  /** Words whose reduplication around a connector is idiomatic ("hours and hours", "miles and miles"); never the adjacent double. */
  idiomaticWords?: string[];
  /** Treat comparatives ("bigger and bigger", "better and better") as idiomatic. Default true. */
  comparatives?: boolean;
  /** Adjacent doubles that are grammatical wherever they stand ("had had": past perfect of have). */
  grammaticalDoubles?: string[];
  /** Adjacent doubles that are grammatical when a word follows ("that that is": conjunction and pronoun). */
  doublesBeforeWord?: string[];
  /** Words after which a "that that" is not grammatical: a determiner or subject starts the clause ("that that the"). */
  subjectsAfterThat?: string[];
  /** Adjacent doubles that are grammatical in a pseudo-cleft ("what it is is", "what they do do"). */
  cleftDoubles?: string[];
  /** Words that open a pseudo-cleft a few words before the double ("what"). */
  cleftOpeners?: string[];
  /** Words that are a noun as well as a modal: after a determiner the first copy is the noun ("the will will be read"). */
  nounModals?: string[];
  /** Determiners and possessives that mark the next word as a noun. */
  determiners?: string[];
  /** Function words that are also given names ("Will will", "May may"): a sentence-initial capital before its twin is left alone. */
  nameLikeWords?: string[];
}

interface Prepared {
  connectors: Set<string>;
  maxWords: number;
  idioms: Set<string>;
  idiomaticWords: Set<string>;
  comparatives: boolean;
  grammatical: Set<string>;
  beforeWord: Set<string>;
  subjectsAfterThat: Set<string>;
  cleft: Set<string>;
  cleftOpeners: Set<string>;
  nounModals: Set<string>;
  determiners: Set<string>;
  nameLike: Set<string>;
}

// "bigger", "faster", "worse": the reduplicated comparative ("bigger and bigger") is ordinary English.
const COMPARATIVE = /^(?:\p{L}{2,}(?:er|ier)|more|less|worse|better|fewer|further|farther)$/u;
const CAPITAL = /^\p{Lu}/u;
// "trusting you and you will": a pronoun as object, then as the next clause's subject.
const PRONOUNS = new Set(['you', 'he', 'she', 'it', 'we', 'they', 'him', 'her', 'them', 'us', 'me', 'i', 'that', 'this', 'these', 'those']);
const SPACES = /^[ \t\u00a0]+$/;
// One line break (no blank line) between the copies: a word at a line end repeated at the next line's start.
const LINE_BREAK = /^[ \t\u00a0]*\r?\n[ \t\u00a0]*$/;
// How far before a double a pseudo-cleft opener may stand ("what the plan does do").
const CLEFT_REACH = 6;

/** Only spaces (no line break) lie between two tokens: SPACES on the gap, read in place. */
function gapIsSpace(text: string, a: Token, b: Token): boolean {
  if (a.end >= b.start) return false;
  for (let k = a.end; k < b.start; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x20 && c !== 0x09 && c !== 0xa0) return false;
  }
  return true;
}

/**
 * "growth and growth", "the the", "is is", a word at a line end repeated at the next line's start:
 * a word or short phrase immediately repeated, alone or around a connector. A trace of careless editing
 * or of a rewriting tool. Idioms ("more and more", "bye bye"), quantities ("hours and hours") and
 * grammatical doubles ("had had", "that that is", "what it is is", "the will will") are left alone;
 * no word is allowed to double merely for being common.
 */
export const reduplication: Detector<ReduplicationOptions, Prepared> = {
  type: 'reduplication',
  summary: 'Flags a word or short phrase repeated back to back ("the the", "growth and growth"), also across a line break, leaving idioms and grammatical doubles alone.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      connectors: { type: 'array', items: { type: 'string', minLength: 1 } },
      maxWords: { type: 'integer', minimum: 1, maximum: 6 },
      idioms: { type: 'array', items: { type: 'string', minLength: 1 } },
      idiomaticWords: { type: 'array', items: { type: 'string', minLength: 1 } },
      comparatives: { type: 'boolean' },
      grammaticalDoubles: { type: 'array', items: { type: 'string', minLength: 1 } },
      doublesBeforeWord: { type: 'array', items: { type: 'string', minLength: 1 } },
      subjectsAfterThat: { type: 'array', items: { type: 'string', minLength: 1 } },
      cleftDoubles: { type: 'array', items: { type: 'string', minLength: 1 } },
      cleftOpeners: { type: 'array', items: { type: 'string', minLength: 1 } },
      nounModals: { type: 'array', items: { type: 'string', minLength: 1 } },
      determiners: { type: 'array', items: { type: 'string', minLength: 1 } },
      nameLikeWords: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  prepare(o) {
    const lower = (xs: string[] | undefined): Set<string> => new Set((xs ?? []).map((x) => x.toLowerCase().replace(/’/g, "'").trim()));
    return {
      connectors: lower(o.connectors ?? ['and', ',']),
      maxWords: o.maxWords ?? 3,
      idioms: lower(o.idioms),
      idiomaticWords: lower(o.idiomaticWords),
      comparatives: o.comparatives !== false,
      grammatical: lower(o.grammaticalDoubles),
      beforeWord: lower(o.doublesBeforeWord),
      subjectsAfterThat: lower(o.subjectsAfterThat),
      cleft: lower(o.cleftDoubles),
      cleftOpeners: lower(o.cleftOpeners),
      nounModals: lower(o.nounModals),
      determiners: lower(o.determiners),
      nameLike: lower(o.nameLikeWords),
    };
  },
  run(doc, rule) {
    const out = [...adjacentDoubles(doc, rule.prepared), ...connectedDoubles(doc, rule.prepared)];
    if (!out.length) return out;
    out.sort((a, b) => a.start - b.start);
    // One flag per stretch: a connected repeat that contains an adjacent one ("the the and the the") is reported once.
    const kept = out.filter((f, i) => i === 0 || f.start >= out[i - 1]!.end);
    // Code repeats words for its own reasons ("npm install credlint" / "credlint check"): inline code and Markdown
    // code blocks are left alone, as the spacing rules leave them. The spans are read only when there is a repeat.
    const spans = protectedSpans(doc);
    return kept.filter((f) => !overlapsProtected(spans, f.start, f.end, CODE));
  },
};

const CODE: ReadonlySet<ProtectedKind> = new Set(['code']);

function finding(doc: Doc, first: Token, lastOfUnit: Token, end: Token): Finding {
  const unit = doc.text.slice(first.start, lastOfUnit.end);
  return { start: first.start, end: end.end, suggestion: unit, data: { unit } };
}

/** The first word of its sentence, allowing for an opening quote or bracket before it. */
function sentenceInitial(doc: Doc, i: number): boolean {
  const t = doc.tokens[i]!;
  for (let k = doc.sentences[t.sentence]!.tokenFrom; k < i; k++) if (doc.tokens[k]!.kind !== 'punct') return false;
  return true;
}

/** "the the", "is is", "word\nword": the same single word twice with only spaces or one line break between. */
function adjacentDoubles(doc: Doc, p: Prepared): Finding[] {
  const { tokens, text } = doc;
  const out: Finding[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (a.kind !== 'word' || b.kind !== 'word' || a.norm !== b.norm || /^\p{N}/u.test(a.norm)) continue;
    const gap = text.slice(a.end, b.start);
    const sameSentence = a.sentence === b.sentence;
    if (!(SPACES.test(gap) || (LINE_BREAK.test(gap) && acrossLineBreakOk(doc, i)))) continue;
    if (!sameSentence && !LINE_BREAK.test(gap)) continue;
    if (allowedDouble(doc, p, i)) continue;
    out.push(finding(doc, a, a, b));
  }
  return out;
}

/** A repeat across a line break counts when the first line is prose (several words) and the copy continues it in the same case. */
function acrossLineBreakOk(doc: Doc, i: number): boolean {
  const a = doc.tokens[i]!;
  const b = doc.tokens[i + 1]!;
  if (a.text !== b.text && CAPITAL.test(b.text) && b.norm !== 'i') return false;
  let words = 0;
  for (let k = i; k >= 0 && words < 3; k--) {
    const t = doc.tokens[k]!;
    if (doc.text.slice(t.end, doc.tokens[k + 1]!.start).includes('\n') && k < i) break;
    if (t.kind === 'word') words++;
  }
  return words >= 3;
}

/** Idioms, grammatical doubles, names, letter-spaced words and modal+noun pairs. */
function allowedDouble(doc: Doc, p: Prepared, i: number): boolean {
  const { tokens } = doc;
  const a = tokens[i]!;
  const b = tokens[i + 1]!;
  const w = a.norm;
  if (p.idioms.has(`${w} ${w}`) || p.grammatical.has(w)) return true;
  const next = tokens[i + 2];
  const prev = tokens[i - 1];
  if (p.beforeWord.has(w) && next?.kind === 'word' && next.sentence === b.sentence && gapIsSpace(doc.text, b, next) && !p.subjectsAfterThat.has(next.norm)) return true;
  if (p.cleft.has(w)) {
    for (let k = i - 1; k >= Math.max(0, i - CLEFT_REACH) && tokens[k]!.sentence === a.sentence; k--) if (p.cleftOpeners.has(tokens[k]!.norm)) return true;
  }
  if (p.nounModals.has(w) && prev?.kind === 'word' && p.determiners.has(prev.norm)) return true;
  // Letter-spaced words ("S T O P", "b o o k"): a single letter between single letters.
  if (w.length === 1 && w !== 'i' && ((prev?.kind === 'word' && prev.norm.length === 1) || (next?.kind === 'word' && next.norm.length === 1))) return true;
  if (w === 'i') return false;
  const capA = CAPITAL.test(a.text);
  const capB = CAPITAL.test(b.text);
  // Both capitalised: a name ("Duran Duran", "Bora Bora") or a heading in capitals.
  if (capA && capB) return true;
  // "the The Hague": a title or name begins at the second copy.
  if (!capA && capB) return true;
  if (capA && !capB) {
    // Mid-sentence, the capital is a name before its lower-case twin ("Will will", "Rose rose").
    if (!sentenceInitial(doc, i)) return true;
    // Sentence-initial: "The the" is a doubled word, but a content word or a name-like function word may be a name.
    return !STOPWORDS.has(w) || p.nameLike.has(w);
  }
  return false;
}

/** "growth and growth", "investment, investment", "in the region and in the region": a unit repeated around a connector. */
function connectedDoubles(doc: Doc, p: Prepared): Finding[] {
  const { tokens, text } = doc;
  const out: Finding[] = [];
  for (const s of doc.sentences) {
    for (let i = s.tokenFrom; i < s.tokenTo; i++) {
      if (tokens[i]!.kind !== 'word') continue;
      const found = matchAt(i, s.tokenTo);
      if (!found) continue;
      const { n, secondFrom, end } = found;
      const first = tokens.slice(i, i + n);
      const unit = first.map((t) => t.norm).join(' ');
      const connector = tokens[i + n]!.norm;
      const whole = `${unit}${connector === ',' ? ',' : ` ${connector}`} ${unit}`;
      if (p.idioms.has(whole) || p.idioms.has(unit)) continue;
      // "X, X" is emphasis in speech ("go on, go on", "Prioritize, prioritize"): only a mid-sentence content word counts.
      if (connector === ',' && (n > 1 || i === s.tokenFrom || STOPWORDS.has(unit) || unit.length < 4)) continue;
      // "Prioritize, prioritize, prioritize": a word said three times over is emphasis.
      if (connector === ',' && i >= s.tokenFrom + 2 && tokens[i - 1]!.norm === ',' && tokens[i - 2]!.norm === unit) continue;
      if (n === 1 && (p.idiomaticWords.has(unit) || (p.comparatives && COMPARATIVE.test(unit)))) continue;
      // "you and you will", "iPad and iPad Mini": a function word, or a copy that begins a name, is a new phrase rather than a repeat.
      if (connector !== ',' && n === 1 && PRONOUNS.has(unit)) continue;
      const after = tokens[end];
      if (after && after.kind === 'word' && after.sentence === s.index && gapIsSpace(text, tokens[end - 1]!, after) && CAPITAL.test(after.text)) continue;
      // Mid-sentence capitalised doubles are names ("Johnson and Johnson").
      if ((i > s.tokenFrom && CAPITAL.test(first[0]!.text)) || CAPITAL.test(tokens[secondFrom]!.text)) continue;
      out.push(finding(doc, tokens[i]!, tokens[i + n - 1]!, tokens[end - 1]!));
      i = end - 1;
    }
  }
  return out;

  /** The shortest unit starting at token i that is repeated right after a connector. */
  function matchAt(i: number, limit: number): { n: number; secondFrom: number; end: number } | null {
    for (let n = 1; n <= p.maxWords; n++) {
      if (i + n + 1 + n > limit) return null;
      // The copy's first word first (a comparison of two shared strings): most words are not repeated there. When
      // it differs this length fails; skipping it rather than testing its words cannot let a longer unit through
      // either, since a longer unit's words include these (the same null where they do not qualify).
      if (tokens[i + n + 1]!.norm !== tokens[i]!.norm) continue;
      // The connector next (one lookup): when the words before it do not qualify, no longer unit does either,
      // so testing them second gives the same answer.
      const conn = tokens[i + n]!;
      if (!p.connectors.has(conn.norm)) continue;
      for (let k = i; k < i + n; k++) {
        const t = tokens[k]!;
        if (t.kind !== 'word' || (k > i && !gapIsSpace(text, tokens[k - 1]!, t))) return null;
      }
      const last = tokens[i + n - 1]!;
      if (!(conn.norm === ',' ? conn.start === last.end : gapIsSpace(text, last, conn))) continue;
      const from = i + n + 1;
      if (!gapIsSpace(text, conn, tokens[from]!)) continue;
      let same = true;
      for (let k = 0; k < n && same; k++) {
        const a = tokens[i + k]!;
        const b = tokens[from + k]!;
        if (b.kind !== 'word' || a.norm !== b.norm || (k > 0 && !gapIsSpace(text, tokens[from + k - 1]!, b))) same = false;
      }
      // The copy must end the repetition: "growth and growth" but not "growth and growth-oriented" (one token, so this holds).
      if (same) return { n, secondFrom: from, end: from + n };
    }
    return null;
  }
}
