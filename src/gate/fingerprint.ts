import { createHash } from 'node:crypto';
import type { Flag } from '../types.js';

const CONTEXT_WORDS = 3;
const CONTEXT_CHARS = 120;
const SHORT = 20;
const LONG = 300;
const EDGE_WORDS = 8;
const WORD = /[\p{L}\p{N}]+/gu;

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 20);

function words(s: string): string[] {
  return (s.match(WORD) ?? []).map((w) => w.toLowerCase());
}

export interface Fingerprints {
  /** Rule, flagged text and a few words either side: stays the same when the article changes elsewhere. */
  exact: string;
  /**
   * Still matches after an edit right beside the flag: rule and flagged text, and for a short text (a glued comma,
   * a doubled word) the nearest word before it, so it matches no other occurrence of the same text.
   */
  loose: string;
  /** For a short text, the same with the nearest word after it: the flag still matches when the word before changed. */
  looseAfter?: string;
}

/**
 * A flag's identity across runs, from what it says rather than where it is: offsets move with every edit
 * above a flag, its text and its neighbouring words do not.
 */
export function fingerprint(flag: Pick<Flag, 'ruleId' | 'start' | 'end'>, body: string): Fingerprints {
  let text = norm(body.slice(flag.start, flag.end));
  const before = words(body.slice(Math.max(0, flag.start - CONTEXT_CHARS), flag.start));
  const after = words(body.slice(flag.end, flag.end + CONTEXT_CHARS));
  if (text.length > LONG) {
    // A flag over a paragraph or the whole body (a wall of text, a short body): any edit inside changes its
    // text, so it is known by its rule and its first and last words.
    const w = words(text);
    text = `${w.slice(0, EDGE_WORDS).join(' ')} … ${w.slice(-EDGE_WORDS).join(' ')}`;
    return { exact: hash(`${flag.ruleId}\n${text}`), loose: hash(`${flag.ruleId}\nlong`) };
  }
  const exact = hash(`${flag.ruleId}\n${text}\n${before.slice(-CONTEXT_WORDS).join(' ')}\n${after.slice(0, CONTEXT_WORDS).join(' ')}`);
  // A short flagged text (a glued comma) says little by itself: a nearest word keeps it from matching any other.
  // One side each, so an edit of the word on either side of the flag leaves the other print intact.
  if (text.length >= SHORT) return { exact, loose: hash(`${flag.ruleId}\n${text}`) };
  return { exact, loose: hash(`${flag.ruleId}\n${text}\n${before.at(-1) ?? ''}\n`), looseAfter: hash(`${flag.ruleId}\n${text}\n\n${after[0] ?? ''}`) };
}
