import stringSimilarity from 'string-similarity';
import type { Claim } from '../facts/claims.js';
import { sameEntity } from '../facts/entities.js';
import { sameAmount } from '../facts/quantities.js';
import { sameDate } from '../facts/stated-dates.js';
import { NEGATIONS } from '../facts/stopwords.js';
import { stopwordIds } from '../facts/claim-words.js';
import { bare, ID_RANGE, isCapital, isNumber, isQuoted, wordId } from '../facts/token-ids.js';
import type { ContradictionKind } from '../types.js';
import { lexicon } from './lexicon.js';
import type { Hunk } from './word-diff.js';
import type { SlotRanges, TokenRanges } from './claim-row-slots.js';

/** What changed between two aligned sentences, as a contradiction: its kind and what each side says. */
export interface SentenceChange {
  kind: ContradictionKind;
  a: string;
  b: string;
  /** For a figure no slot names: which figure of each sentence it is (0 = the first), to quote it from the body. */
  figure?: { a: number; b: number };
}

// Negative forms, each counted once: "will not" and "won't" both negate.
const NEGATIVE_FORMS = [
  ...NEGATIONS,
  ...`don't doesn't didn't won't wouldn't can't couldn't shouldn't isn't aren't wasn't weren't hasn't haven't hadn't mustn't needn't`.split(' '),
];
let negIds: Map<number, string> | null = null;
const negativeIds = (): Map<number, string> => (negIds ??= new Map(NEGATIVE_FORMS.map((w) => [wordId(w), w])));
// Verbs that report what someone said: a different name next to one is a changed attribution.
const REPORTING = new Set(['said', 'says', 'told', 'according', 'stated', 'added', 'wrote', 'announced', 'confirmed', 'insisted', 'argued', 'explained', 'noted'].map(wordId));
// Polar opposites of assertion: "confirmed" / "denied" turns a statement around like a negation does.
const POLAR: Array<[string, string]> = [['confirmed', 'denied'], ['confirms', 'denies'], ['admitted', 'denied'], ['true', 'false'], ['can', 'cannot'], ['will', "won't"]];
let polar: Set<number> | null = null;
// The ids on either side of a polar pair: a pair whose first word is none of them is not one (the pair's key is
// a number beyond 32 bits, which a Set hashes slowly; most word pairs asked about have no polar word).
let polarFirst: Set<number> | null = null;
const polarPair = (x: number, y: number): boolean => {
  polarFirst ??= new Set(POLAR.flatMap(([p, q]) => [wordId(p), wordId(q)]));
  if (!polarFirst.has(x)) return false;
  return (polar ??= new Set(POLAR.flatMap(([p, q]) => [wordId(p) * ID_RANGE + wordId(q), wordId(q) * ID_RANGE + wordId(p)]))).has(x * ID_RANGE + y);
};

const overlaps = (at: number, len: number, from: number, to: number): boolean => (from === to ? at < from + 1 && at + len >= from : at < to && at + len > from);

/**
 * Reads the word-level changes of two aligned sentences as one contradiction, most specific kind first: a
 * figure, a date, a negation or modality, a word turned into its opposite, a name in the same role (or the
 * speaker of a statement), a quoted statement. A paraphrase ("5%" / "five percent", "Oct. 3" / "3 October",
 * "rose" / "increased") changes words but no slot, and is no contradiction.
 */
export function sentenceChange(ta: ArrayLike<number>, tb: ArrayLike<number>, ca: Claim | null, cb: Claim | null, hunks: readonly Hunk[]): SentenceChange | null {
  if (!hunks.length) return null;
  if (ca && cb) {
    const number = changedNumber(ca, cb, hunks);
    if (number) return number;
    const date = changedDate(ca, cb, hunks);
    if (date) return date;
  }
  const figure = changedFigure(ta, tb, ca, cb, hunks);
  if (figure) return figure;
  const negation = changedNegation(ta, tb, hunks);
  if (negation) return negation;
  const stop = stopwordIds();
  const lex = lexicon();
  for (const h of hunks) {
    if (h.a1 - h.a0 > 3 || h.b1 - h.b0 > 3) continue;
    for (let i = h.a0; i < h.a1; i++) {
      for (let j = h.b0; j < h.b1; j++) {
        const x = bare(ta[i]!);
        const y = bare(tb[j]!);
        if (polarPair(x, y)) return { kind: 'negation', a: lex.word(x) ?? 'confirmed', b: lex.word(y) ?? 'denied' };
        // A function word with an opposite ("first" / "last", "more" / "fewer") only counts swapped one for one.
        const oneForOne = h.a1 - h.a0 === 1 && h.b1 - h.b0 === 1;
        if (lex.antonym(x, y) && !lex.synonym(x, y) && (oneForOne || (!stop.has(x) && !stop.has(y)))) return { kind: 'antonym', a: lex.word(x)!, b: lex.word(y)! };
      }
    }
  }
  const entity = changedEntity(ta, tb, ca, cb, hunks);
  if (entity) return entity;
  for (const h of hunks) {
    if (h.a1 === h.a0 || h.b1 === h.b0) continue;
    const quotedA = allOf(ta, h.a0, h.a1, isQuoted);
    const quotedB = allOf(tb, h.b0, h.b1, isQuoted);
    if (!quotedA || !quotedB) continue;
    const content = (t: ArrayLike<number>, from: number, to: number): number[] => {
      const out: number[] = [];
      for (let k = from; k < to; k++) if (!stop.has(bare(t[k]!))) out.push(bare(t[k]!));
      return out;
    };
    const xa = content(ta, h.a0, h.a1);
    const xb = content(tb, h.b0, h.b1);
    if (!xa.length || !xb.length) continue;
    if (xa.length === 1 && xb.length === 1 && lex.synonym(xa[0]!, xb[0]!)) continue;
    return { kind: 'quote', a: 'the quoted words', b: 'other words' };
  }
  return null;
}

/**
 * Whether the changed words can hold a slot of a claim (a figure, a date, a name): a figure or a capitalised
 * word in a hunk, or a hunk at the sentence's first word (where a name or a month is not flagged as capitalised).
 * When not, the claims need not be decoded: only a negation, an opposite or a quoted statement can have changed.
 */
export function touchesSlots(ta: ArrayLike<number>, tb: ArrayLike<number>, hunks: readonly Hunk[]): boolean {
  for (const h of hunks) {
    if (h.a0 === 0 || h.b0 === 0) return true;
    for (let k = h.a0; k < h.a1; k++) if (isNumber(ta[k]!) || isCapital(ta[k]!)) return true;
    for (let k = h.b0; k < h.b1; k++) if (isNumber(tb[k]!) || isCapital(tb[k]!)) return true;
  }
  return false;
}

/**
 * Whether sentenceChange can give anything else with the two sentences' claims than without them (null, null):
 * only when a figure or date of either overlaps a hunk (changedNumber and changedDate need one of the first
 * claim's, changedFigure reads either's at a one-word hunk), or one hunk overlaps a name of each (changedEntity;
 * a name on one side only leaves it to the capitalised-words test, as without claims). `a`/`b`: the claims' slots,
 * null for a sentence without a claim.
 */
export function claimsMatter(a: SlotRanges | null, b: SlotRanges | null, hunks: readonly Hunk[]): boolean {
  for (const h of hunks) {
    if (a && anyOverlaps(a.figures, h.a0, h.a1)) return true;
    if (b && anyOverlaps(b.figures, h.b0, h.b1)) return true;
    if (a && b && h.a1 > h.a0 && h.b1 > h.b0 && anyOverlaps(a.names, h.a0, h.a1) && anyOverlaps(b.names, h.b0, h.b1)) return true;
  }
  return false;
}

function anyOverlaps(r: TokenRanges, from: number, to: number): boolean {
  for (let k = 0; k < r.count; k++) if (overlaps(r.at[k]!, r.len[k]!, from, to)) return true;
  return false;
}

function allOf(t: ArrayLike<number>, from: number, to: number, test: (id: number) => boolean): boolean {
  for (let k = from; k < to; k++) if (!test(t[k]!)) return false;
  return to > from;
}

function changedNumber(ca: Claim, cb: Claim, hunks: readonly Hunk[]): SentenceChange | null {
  const qa = ca.quantities.filter((q) => hunks.some((h) => overlaps(q.at, q.len, h.a0, h.a1)));
  const qb = cb.quantities.filter((q) => hunks.some((h) => overlaps(q.at, q.len, h.b0, h.b1)));
  for (const x of qa) {
    if (cb.quantities.some((y) => sameAmount(x, y) && (y.unit === x.unit || !y.unit || !x.unit))) continue; // restated elsewhere in the sentence
    const peers = qb.filter((y) => y.unit === x.unit && !ca.quantities.some((z) => sameAmount(z, y) && z.unit === y.unit));
    if (peers.length >= 1) return { kind: 'number', a: x.text, b: peers[0]!.text };
  }
  return null;
}

/**
 * One figure replaced by another, word for word, that no quantity slot judged: a figure glued to a name ("Windows
 * 8" / "Windows 11", "Round 2"), or a figure whose slot is also stated elsewhere in the sentence ("the iPad 2 and
 * iPad 3"). Two figures that trade places ("from 5 to 7" / "from 7 to 5") are not a change of one.
 */
function changedFigure(ta: ArrayLike<number>, tb: ArrayLike<number>, ca: Claim | null, cb: Claim | null, hunks: readonly Hunk[]): SentenceChange | null {
  const has = (t: ArrayLike<number>, id: number): boolean => {
    for (let k = 0; k < t.length; k++) if (bare(t[k]!) === id) return true;
    return false;
  };
  const slot = <T extends { at: number; len: number }>(list: readonly T[] | undefined, k: number): T | undefined => list?.find((q) => q.at <= k && k < q.at + q.len);
  for (const h of hunks) {
    if (h.a1 - h.a0 !== 1 || h.b1 - h.b0 !== 1) continue;
    const x = ta[h.a0]!;
    const y = tb[h.b0]!;
    if (!isNumber(x) || !isNumber(y) || bare(x) === bare(y)) continue;
    if (slot(ca?.dates, h.a0) || slot(cb?.dates, h.b0)) continue; // dates are judged as dates
    const qx = slot(ca?.quantities, h.a0);
    const qy = slot(cb?.quantities, h.b0);
    if (qx && qy && sameAmount(qx, qy)) continue; // "7.5" / "7.50"
    if (has(tb, bare(x)) && has(ta, bare(y))) continue;
    const ordinal = (t: ArrayLike<number>, k: number): number => {
      let n = 0;
      for (let i = 0; i < k; i++) if (isNumber(t[i]!)) n++;
      return n;
    };
    return { kind: 'number', a: qx?.text ?? 'a figure', b: qy?.text ?? 'another figure', figure: { a: ordinal(ta, h.a0), b: ordinal(tb, h.b0) } };
  }
  return null;
}

function changedDate(ca: Claim, cb: Claim, hunks: readonly Hunk[]): SentenceChange | null {
  const da = ca.dates.filter((d) => hunks.some((h) => overlaps(d.at, d.len, h.a0, h.a1)));
  const db = cb.dates.filter((d) => hunks.some((h) => overlaps(d.at, d.len, h.b0, h.b1)));
  for (const x of da) {
    if (cb.dates.some((y) => sameDate(x.value, y.value) === true)) continue;
    const y = db.find((d) => sameDate(x.value, d.value) === false && !ca.dates.some((z) => sameDate(z.value, d.value) === true));
    if (y) return { kind: 'date', a: x.text, b: y.text };
  }
  return null;
}

function changedNegation(ta: ArrayLike<number>, tb: ArrayLike<number>, hunks: readonly Hunk[]): SentenceChange | null {
  const neg = negativeIds();
  // Outside the hunks the two sentences have the same words: the parity of their negations differs exactly
  // when the parity of the negations inside the hunks does.
  let na = 0;
  let nb = 0;
  let first: SentenceChange | null = null;
  for (const h of hunks) {
    for (let k = h.a0; k < h.a1; k++) {
      const w = neg.get(bare(ta[k]!));
      if (w === undefined) continue;
      na++;
      first ??= { kind: 'negation', a: w, b: 'affirms' };
    }
    for (let k = h.b0; k < h.b1; k++) {
      const w = neg.get(bare(tb[k]!));
      if (w === undefined) continue;
      nb++;
      first ??= { kind: 'negation', a: 'affirms', b: w };
    }
  }
  return na % 2 !== nb % 2 ? first : null;
}

function changedEntity(ta: ArrayLike<number>, tb: ArrayLike<number>, ca: Claim | null, cb: Claim | null, hunks: readonly Hunk[]): SentenceChange | null {
  for (const h of hunks) {
    if (h.a1 === h.a0 || h.b1 === h.b0) continue;
    const ea = ca?.entities.find((e) => overlaps(e.at, e.len, h.a0, h.a1));
    const eb = cb?.entities.find((e) => overlaps(e.at, e.len, h.b0, h.b1));
    let a: string | null = null;
    let b: string | null = null;
    if (ea && eb) {
      // The same name respelt (a transliteration, a typo: "Lukashenko" / "Lukashenka") is the same person.
      if (sameEntity(ea.key, eb.key) || stringSimilarity.compareTwoStrings(ea.key, eb.key) >= 0.75) continue;
      // Names that trade places are moved, not changed; a name still named elsewhere in the copy can be replaced here.
      if (ca!.entities.some((e) => e.key === eb.key) && cb!.entities.some((e) => e.key === ea.key)) continue;
      a = ea.key;
      b = eb.key;
    } else if (allOf(ta, h.a0, h.a1, isCapital) && allOf(tb, h.b0, h.b1, isCapital)) {
      a = 'a name';
      b = 'another name';
    } else continue;
    const near = (t: ArrayLike<number>, from: number, to: number): boolean => {
      for (let k = Math.max(0, from - 2); k < Math.min(t.length, to + 2); k++) if (REPORTING.has(bare(t[k]!))) return true;
      return false;
    };
    return { kind: near(ta, h.a0, h.a1) || near(tb, h.b0, h.b1) ? 'attribution' : 'entity', a, b };
  }
  return null;
}
