import type { Doc } from '../text/doc.js';
import type { Span, Token } from '../types.js';

/** When the clause around a date places its event: told as done, or as still to come. */
export interface ClauseTense {
  tense: 'past' | 'future';
  /** The words that set the tense ("could join", "opened"), for the message. */
  verb: Span;
}

// Words that end a clause: the tense of one clause says nothing about the date in the next.
const BOUNDARY_PUNCT = new Set([',', ';', ':', '—', '–', '(', ')', '"', '“', '”']);
const BOUNDARY_WORDS = new Set(['that', 'which', 'who', 'while', 'but', 'although', 'though', 'because', 'whereas', 'when', 'whether', 'if', 'unless', 'since']);
const FUTURE_AUX = new Set(['will', 'shall', "won't", 'wont', "'ll"]);
const MODAL_POSSIBLE = new Set(['could', 'may', 'might']);
// Modals and present forms whose time the date alone cannot tell ("would open in July" in reported speech).
const STOPPERS = new Set(['would', 'should', 'must', 'can', 'is', 'are', 'am', 'says', 'say', 'has', 'have', "'s", 'be', 'being', 'been', 'remains', 'remain']);
const FUTURE_BEFORE_TO = new Set(['expected', 'set', 'plans', 'plan', 'planning', 'planned', 'scheduled', 'going', 'aims', 'aiming', 'intends', 'intend', 'hopes', 'hoping', 'due', 'slated', 'poised', 'likely', 'seeks', 'seeking', 'wants', 'preparing', 'prepares']);
const SCHEDULED = new Set(['set', 'slated', 'scheduled', 'due', 'poised']);
const PAST_AUX = new Set(['was', 'were', 'had', 'did', "didn't", "wasn't", "weren't", "hadn't"]);
const IRREGULAR_PAST = new Set(
  'said told rose fell went came took made saw won lost began grew left met sold bought paid held fought gave got drew broke brought built caught chose kept knew led meant ran rang sent shot spent spoke stood struck swore taught thought threw took understood wrote became dropped hid overtook withdrew arose forgot found felt heard laid lay rode sat slept slid sought sank stole stuck stung swam swung tore upheld woke wore wound'.split(' '),
);
// Forms that are also the present ("hit", "put", "set") are left out: they cannot date a clause.
// Past participles and adjectives that do not make a clause past on their own ("the planned merger").
const NOT_PAST_ED = new Set(['updated', 'modified', 'revised', 'edited', 'corrected', 'scheduled', 'planned', 'expected', 'proposed', 'needed', 'related', 'based', 'used', 'supposed', 'limited', 'interested', 'concerned', 'united', 'advanced', 'detailed', 'red', 'bed', 'shed', 'need', 'speed', 'feed', 'seed', 'breed', 'weed', 'deed', 'hundred', 'indeed', 'ted', 'fred', 'ed']);
// A participle after these is passive or an adjective: the auxiliary further back (if any) sets the time.
const ADJECTIVE_BEFORE = new Set(['the', 'a', 'an', 'its', 'their', 'his', 'her']);
// After these it is a present passive ("is held in July" every year): no time to read.
const PARTICIPLE_BEFORE = new Set(['is', 'are', 'being', 'am', 'get', 'gets', 'getting', 'to']);
// Words that may stand before a date that opens a clause: "Early in July,", "On Monday,".
const OPENERS = new Set(['in', 'on', 'by', 'at', 'early', 'late', 'mid', 'until', 'since', 'from', 'before', 'after', 'during', 'then', 'and', 'but', 'so', 'last', 'next', 'this', 'of', 'the']);
const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'this', 'that', 'these', 'those']);
const SCAN_BACK = 14;
const SCAN_FORWARD = 8;

/**
 * The tense of the verb group governing a date: the nearest tense-bearing words before the date in its
 * clause, else the first after it (for "In July, the plant will open"). Null when the clause has
 * no clear tense, or a modal whose time is open ("would", "should"): precision over guessing.
 */
export function clauseTense(doc: Doc, date: Span, sentence: number): ClauseTense | null {
  const s = doc.sentences[sentence];
  if (!s) return null;
  const toks = window(doc.tokens, s.tokenFrom, s.tokenTo, date);
  const first = toks.findIndex((t) => t.end > date.start);
  if (first < 0) return null;
  let last = first;
  while (last + 1 < toks.length && toks[last + 1]!.start < date.end) last++;
  // "Trump's July 25 call", "the May 9 vote": the date names a thing, it does not time the clause's verb.
  const lead = toks[first - 1];
  if (lead && (DETERMINERS.has(lead.norm) || /['’]s$/.test(lead.text) || lead.text === "'s")) return null;
  // Backwards: the verb group the date belongs to usually precedes it.
  for (let i = first - 1, n = 0; i >= 0 && n < SCAN_BACK; i--, n++) {
    const t = toks[i]!;
    if (isBoundary(t) || lineBreakBetween(doc.text, t, toks[i + 1]!)) break;
    const r = tenseAt(toks, i);
    if (r === 'stop') return null;
    if (r) return r;
  }
  // Forwards only when the date opens its sentence or line ("In July, the company will..."), across that one comma.
  for (let i = first - 1; i >= 0; i--) {
    const t = toks[i]!;
    if (lineBreakBetween(doc.text, t, toks[i + 1]!)) break;
    if (!OPENERS.has(t.norm)) return null;
  }
  let crossed = false;
  for (let i = last + 1, n = 0; i < toks.length && n < SCAN_FORWARD; i++, n++) {
    const t = toks[i]!;
    if (lineBreakBetween(doc.text, toks[i - 1]!, t)) break;
    if (isBoundary(t)) {
      if (crossed || t.text !== ',') break;
      crossed = true;
      continue;
    }
    const r = tenseAt(toks, i);
    if (r === 'stop') return null;
    if (r) return r;
  }
  return null;
}

/**
 * The sentence's tokens that can decide the date's tense: SCAN_BACK before the date (and the words those look
 * back at), SCAN_FORWARD after it, and back to the first word that cannot open a clause. Copying the whole
 * sentence for each of its dates would be quadratic on a long sentence full of dates.
 */
function window(tokens: readonly Token[], from: number, to: number, date: Span): Token[] {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end > date.start) hi = mid;
    else lo = mid + 1;
  }
  const first = lo;
  if (first === to) return [];
  let last = first;
  while (last + 1 < to && tokens[last + 1]!.start < date.end) last++;
  let start = first - 1;
  while (start >= from && OPENERS.has(tokens[start]!.norm)) start--;
  return tokens.slice(Math.max(from, Math.min(start, first - SCAN_BACK - 2)), Math.min(to, last + SCAN_FORWARD + 2));
}

/** A line break between two tokens ends the clause (a widget line, a heading, a list item). */
function lineBreakBetween(text: string, a: Token, b: Token): boolean {
  return text.slice(a.end, b.start).includes('\n');
}

function isBoundary(t: Token): boolean {
  return (t.kind === 'punct' && BOUNDARY_PUNCT.has(t.text)) || BOUNDARY_WORDS.has(t.norm);
}

function tenseAt(toks: Token[], i: number): ClauseTense | 'stop' | null {
  const t = toks[i]!;
  if (t.kind !== 'word') return null;
  const w = t.norm;
  const next = toks[i + 1];
  const prev = toks[i - 1];
  const span = (a: number, b: number): Span => ({ start: toks[a]!.start, end: toks[b]!.end });
  const verbEnd = next && next.kind === 'word' ? i + 1 : i;
  if (FUTURE_AUX.has(w) || w.endsWith("'ll")) return { tense: 'future', verb: span(i, verbEnd) };
  if (MODAL_POSSIBLE.has(w)) {
    // "could have joined", "could not attend": past or negative, not a plan.
    if (!next || next.kind !== 'word' || ['have', 'not', "n't", 'never', 'only'].includes(next.norm)) return 'stop';
    return { tense: 'future', verb: span(i, verbEnd) };
  }
  if (w === 'to' && prev && FUTURE_BEFORE_TO.has(prev.norm)) {
    // "was expected to open in July" is a past expectation: the date may well be past.
    const before = toks[i - 2];
    if (before && (PAST_AUX.has(before.norm) || before.norm === 'been')) return 'stop';
    return { tense: 'future', verb: span(i - 1, verbEnd) };
  }
  // "set for Nov. 24", "slated for July": a schedule, not a past event.
  if (SCHEDULED.has(w) && next && (next.norm === 'for' || next.norm === 'to')) return { tense: 'future', verb: span(i, i + 1) };
  // "be"/"been" take their time from the word before: "will be held", "had been planned", "has been".
  if ((w === 'be' || w === 'been') && prev) {
    if (FUTURE_AUX.has(prev.norm) || prev.norm.endsWith("'ll")) return { tense: 'future', verb: span(i - 1, verbEnd) };
    if (MODAL_POSSIBLE.has(prev.norm)) return w === 'be' ? { tense: 'future', verb: span(i - 1, verbEnd) } : 'stop';
    if (prev.norm === 'had') return { tense: 'past', verb: span(i - 1, verbEnd) };
    if (prev.norm === 'to') return null; // "expected to be held": the phrase before decides
    return 'stop';
  }
  if (STOPPERS.has(w)) return 'stop';
  if (PAST_AUX.has(w)) return { tense: 'past', verb: span(i, verbEnd) };
  const pastForm = IRREGULAR_PAST.has(w) || (w.length > 4 && w.endsWith('ed') && !NOT_PAST_ED.has(w) && /^\p{Ll}/u.test(t.text));
  if (pastForm) {
    // "will be held", "is expected", "the revised plan": a participle or an adjective, not a past event.
    if (prev && (prev.norm === 'be' || prev.norm === 'been' || ADJECTIVE_BEFORE.has(prev.norm))) return null;
    if (prev && PARTICIPLE_BEFORE.has(prev.norm)) return 'stop';
    return { tense: 'past', verb: span(i, i) };
  }
  return null;
}
