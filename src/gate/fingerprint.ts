import { createHash } from 'node:crypto';
import type { Flag } from '../types.js';

const CONTEXT_WORDS = 3;
const CONTEXT_CHARS = 120;
const WORD = /[\p{L}\p{N}]+/gu;

const norm = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').trim();
const hash = (s: string): string => createHash('sha256').update(s).digest('hex').slice(0, 20);

function words(s: string): string[] {
  return (s.match(WORD) ?? []).map((w) => w.toLowerCase());
}

export interface Fingerprints {
  /** Rule, flagged text and a few words either side: stays the same when the article changes elsewhere. */
  exact: string;
  /** Rule and flagged text only: still matches after an edit right beside the flag. */
  loose: string;
}

/**
 * A flag's identity across runs, from what it says rather than where it is: offsets move with every edit
 * above a flag, its text and its neighbouring words do not.
 */
export function fingerprint(flag: Pick<Flag, 'ruleId' | 'start' | 'end'>, body: string): Fingerprints {
  const text = norm(body.slice(flag.start, flag.end));
  const before = words(body.slice(Math.max(0, flag.start - CONTEXT_CHARS), flag.start)).slice(-CONTEXT_WORDS).join(' ');
  const after = words(body.slice(flag.end, flag.end + CONTEXT_CHARS)).slice(0, CONTEXT_WORDS).join(' ');
  return { exact: hash(`${flag.ruleId}\n${text}\n${before}\n${after}`), loose: hash(`${flag.ruleId}\n${text}`) };
}
