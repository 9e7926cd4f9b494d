import type { Token } from '../types.js';
import { VocabIndex } from '../text/vocabulary.js';
import { ANY_STATUS } from './status-words.js';
import { HEDGES } from './stopwords.js';
import { STATUS_WORD, wordFlags } from './word-facts.js';

/** A statement of where something stands: a membership, a decision, a life, a verdict. */
export interface StatusMention {
  /** What the status is about: two mentions conflict only within one topic. */
  topic: string;
  /** The state stated; different values in one topic exclude each other. */
  value: string;
  start: number;
  end: number;
  text: string;
}

// Phrases, not single words: "member states" alone names other members; "fellow member states" says the
// subject is one of them. Each topic's values are states that cannot hold at once for one subject and object.
const STATUS_PATTERNS: Array<[topic: string, value: string, pattern: string, needs: string[]]> = [
  ['membership', 'member', String.raw`fellow members?(?: states?| countries| nations)?|(?:is|are|was|became|become|now) (?:a |an )?(?:full(?:-fledged)? |permanent |official )?members?\b|(?:has|have|had) (?:officially |formally )?joined|full(?:-fledged)? membership (?:was|has been) (?:granted|approved)`, ['member', 'joined']],
  ['membership', 'not-member', String.raw`membership (?:is|remains|was) (?:still )?pending|pending membership|(?:is|are|was|remains) (?:not|not yet|no longer) (?:a |an )?members?\b|(?:has|have) (?:not|yet to) join(?:ed)?|observer status|candidate (?:country|status|member)|applied (?:for membership|to join)|membership application`, ['member', 'join', 'observer', 'candidate']],
  ['decision', 'approved', String.raw`(?:was|were|has been|have been|had been) (?:formally |officially |unanimously )?(?:approved|ratified|passed|adopted|signed into law)`, ['approved', 'ratified', 'passed', 'adopted', 'signed']],
  ['decision', 'rejected', String.raw`(?:was|were|has been|have been|had been) (?:formally |officially |unanimously )?(?:rejected|vetoed|voted down|struck down|blocked)`, ['rejected', 'vetoed', 'voted', 'struck', 'blocked']],
  ['decision', 'pending', String.raw`(?:awaits|awaiting|pending|still needs) (?:final )?(?:approval|ratification)|(?:has|have) (?:not|yet to) (?:been )?(?:approved|ratified)`, ['approv', 'ratifi']],
  ['life', 'dead', String.raw`(?:was|were|has been|have been) killed|died|(?:is|was) dead|(?:were|was) found dead`, ['killed', 'died', 'dead']],
  ['life', 'alive', String.raw`survived|(?:is|was|are|were) (?:still )?alive|(?:is|was) in (?:stable|critical) condition`, ['survived', 'alive', 'condition']],
  ['verdict', 'guilty', String.raw`(?:was|were) (?:found guilty|convicted)|pleaded guilty`, ['guilty', 'convicted']],
  ['verdict', 'not-guilty', String.raw`(?:was|were) (?:acquitted|found not guilty|cleared of)|pleaded not guilty`, ['acquitted', 'guilty', 'cleared']],
];
/**
 * Each pattern twice: as written (case-insensitive Unicode matching, `giu`), and without the `u` flag, which
 * compiles several times faster and matches the same wherever the text has no U+017F (long s) or U+212A (Kelvin
 * sign): the patterns are ASCII, and those two are the only characters Unicode case folding maps into ASCII
 * letters that non-Unicode case-insensitive matching does not (for `\b` too). `needs`: words one of which every
 * match contains (lower case), so a sentence without any skips the pattern.
 */
const PATTERNS = STATUS_PATTERNS.map(([topic, value, p, needs]) => ({
  topic,
  value,
  needs,
  unicode: new RegExp(`\\b(?:${p})\\b`, 'giu'),
  ascii: new RegExp(`\\b(?:${p})\\b`, 'gi'),
}));
const FOLDS_INTO_ASCII = /[\u017f\u212a]/;

/** Status statements in one sentence that are asserted, not hedged ("could join as a full member" is a hope, not a status). */
export function sentenceStatuses(text: string, offset: number): StatusMention[] {
  return statuses(text, offset, true);
}

/** The same without the shortcuts (every pattern as written, on every sentence the first test lets through): the tests' reference. */
export function sentenceStatusesPlain(text: string, offset: number): StatusMention[] {
  return statuses(text, offset, false);
}

/**
 * False only when ANY_STATUS cannot match the sentence whose tokens are tokens[from, to), so sentenceStatuses would
 * find nothing. Every ANY_STATUS word is ASCII letters, and the tokenizer keeps a run of letters inside one word
 * token, save where an ordinal figure ends it ("2nd" + "ied"): so a match lies in one word, whose normalised form
 * (lower case, same letters) holds the word too, read per vocabulary id (STATUS_WORD); a sentence with a figure
 * ending in a letter is let through.
 */
export function mayStateStatus(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') {
      if (wordFlags(t) & STATUS_WORD) return true;
    } else if (t.kind === 'number' && t.text.charCodeAt(t.text.length - 1) > 57) return true;
  }
  return false;
}

/** Which patterns' `needs` a normalised word holds: bit i for PATTERNS[i]. */
const NEEDS = new VocabIndex((norm) => {
  let mask = 0;
  for (let i = 0; i < PATTERNS.length; i++) if (PATTERNS[i]!.needs.some((w) => norm.includes(w))) mask |= 1 << i;
  return mask;
});

/**
 * sentenceStatuses(text, offset) for the sentence whose tokens are tokens[from, to), with each pattern's `needs`
 * read per word id instead of searched in the lower-cased sentence. The same answer: every `needs` word is ASCII
 * letters, so (as for mayStateStatus) it lies in one word token, and a word's normalised form is its lower case;
 * a sentence with a figure ending in a letter is read the plain way.
 */
export function sentenceStatusesOf(tokens: readonly Token[], from: number, to: number, text: string, offset: number): StatusMention[] {
  let mask = 0;
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.kind === 'word') mask |= NEEDS.get(t.vocabId, t.norm);
    else if (t.kind === 'number' && t.text.charCodeAt(t.text.length - 1) > 57) return statuses(text, offset, true);
  }
  return statuses(text, offset, true, mask);
}

function statuses(text: string, offset: number, shortcuts: boolean, needsMask = -1): StatusMention[] {
  const out: StatusMention[] = [];
  if (!ANY_STATUS.test(text)) return out;
  // Lower-casing keeps every ASCII letter a letter of the same word, so a match's word is still found in it.
  const plain = shortcuts && !FOLDS_INTO_ASCII.test(text);
  const lower = plain && needsMask < 0 ? text.toLowerCase() : '';
  for (let p = 0; p < PATTERNS.length; p++) {
    const { topic, value, needs, unicode, ascii } = PATTERNS[p]!;
    if (plain && !(needsMask >= 0 ? (needsMask & (1 << p)) !== 0 : needs.some((w) => lower.includes(w)))) continue;
    const re = plain ? ascii : unicode;
    re.lastIndex = 0;
    // exec, not matchAll, which builds a copy of the expression per call (no pattern matches the empty string).
    let m: RegExpExecArray | null;
    while ((m = re.exec(text)) !== null) {
      if (hedgedBefore(text, m.index)) continue;
      const start = offset + m.index;
      const end = start + m[0].length;
      if (out.some((o) => o.start < end && o.end > start)) continue; // "not a member" is not also "a member"
      out.push({ topic, value, start, end, text: m[0] });
    }
  }
  return out;
}

function hedgedBefore(text: string, at: number): boolean {
  const words = text.slice(Math.max(0, at - 50), at).toLowerCase().match(/[\p{L}]+/gu) ?? [];
  return words.slice(-5).some((w) => HEDGES.has(w));
}
