import { stripSpans } from '../chrome/strip.js';
import type { BatchHints, LoadedRule } from '../detectors/detector.js';
import { checkArticle } from '../engine/check-article.js';
import type { Config } from '../rules/config.js';
import { covers } from '../suppress/directives.js';
import type { Article, Flag, Span } from '../types.js';

/** More passes than this means fixes keep producing new flags: stop rather than loop. */
export const MAX_PASSES = 5;

export interface AppliedFix extends Span {
  ruleId: string;
  /** The text replaced, and what replaced it. */
  from: string;
  to: string;
}

/** One pass: the text it started from and the fixes it applied, in that text's offsets. */
export interface FixPass {
  before: string;
  applied: AppliedFix[];
  /** True for the --strip pass, which also tidies the blank lines it leaves. */
  strip?: boolean;
}

export interface FixResult {
  text: string;
  passes: FixPass[];
  /** Fixes still proposed when MAX_PASSES ran out (0 when a fixpoint was reached). */
  pending: number;
}

export interface FixOptions {
  /** Also cut the site chrome flags cover (navigation, share rows, bylines), as `credlint strip` does. */
  strip?: boolean;
  hints?: BatchHints | null;
}

/** Whether the configuration lists a rule as safe to fix unattended (`fix.safe`: ids or `pack/*`). */
export function isSafeFix(ruleId: string, config: Config): boolean {
  return config.fix.safe.length > 0 && covers(config.fix.safe, ruleId);
}

const WORD = /[\p{L}\p{N}]+/gu;
const wordsOf = (s: string): string[] => (s.match(WORD) ?? []).map((w) => w.toLowerCase());

/**
 * Whether a suggestion is mechanical enough to apply unattended. A fix that drops words must drop an exact
 * repeat with nothing but spaces between the copies ("the the" → "the", "in the in the" → "in the"); around a
 * connector ("growth and growth", "always, always") the suggestion is a guess at what was meant: an editor decides.
 */
export function isMechanical(from: string, to: string): boolean {
  const a = wordsOf(from);
  const b = wordsOf(to);
  if (b.length === 0 || b.length >= a.length) return true;
  if (a.length % b.length !== 0) return false;
  // Only spaces between the copies: "always, always" is emphasis, not a slip.
  const unit = to.trim().replace(/\s+/g, ' ').toLowerCase();
  return from.trim().replace(/\s+/g, ' ').toLowerCase() === Array.from({ length: a.length / b.length }, () => unit).join(' ');
}

/** The flags `fix` would apply to `text`: safe rule, a suggestion that changes something, mechanical, not suppressed. */
export function fixCandidates(flags: readonly Flag[], text: string, config: Config): Flag[] {
  return flags.filter((f) => {
    if (f.suppressed || f.suggestion === undefined || !isSafeFix(f.ruleId, config)) return false;
    const from = text.slice(f.start, f.end);
    return from !== f.suggestion && isMechanical(from, f.suggestion);
  });
}

/**
 * A deterministic set of fixes that do not touch one another: in order of position (then shorter first, then
 * rule id), each is kept unless it overlaps or touches the span of one already kept. What is left out is
 * proposed again on the next pass, against the text the kept ones produced.
 */
export function nonOverlapping(fixes: readonly Flag[]): Flag[] {
  const sorted = [...fixes].sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  const kept: Flag[] = [];
  let lastEnd = -1;
  for (const f of sorted) {
    // Touching counts as overlapping: an insertion at the end of a replacement has no single right order.
    if (f.start <= lastEnd) continue;
    kept.push(f);
    lastEnd = f.end;
  }
  return kept;
}

function replaceSpans(text: string, fixes: readonly Flag[]): string {
  let out = '';
  let at = 0;
  for (const f of fixes) {
    out += text.slice(at, f.start) + f.suggestion!;
    at = f.end;
  }
  return out + text.slice(at);
}

/**
 * Applies the mechanical fixes of safe rules (spacing, encoding repair, doubled words) and, with `strip`,
 * removes chrome, re-checking after every pass until nothing safe is left to fix (at most MAX_PASSES).
 * Suppressed flags are not fixed. Text outside the fixed spans is never changed (the strip pass only tidies
 * the seams it leaves: blank lines where a span was cut, spaces left at a line end).
 */
export function fixArticle(article: Article, rules: readonly LoadedRule[], config: Config, options: FixOptions = {}): FixResult {
  const passes: FixPass[] = [];
  let text = article.body;
  // Only the rules that can propose a fix run: each rule reads the text on its own, so the flags are the same.
  const fixing = rules.filter((r) => isSafeFix(r.id, config) || (options.strip && r.category === 'chrome'));
  const check = (body: string): Flag[] => checkArticle({ ...article, body }, fixing, config, options.hints ?? null).result.flags.filter((f) => !f.suppressed);
  if (options.strip) {
    const chrome = check(text).filter((f) => f.category === 'chrome' && f.end > f.start);
    if (chrome.length) {
      const s = stripSpans(text, chrome);
      passes.push({ before: text, strip: true, applied: chrome.map((f) => ({ start: f.start, end: f.end, ruleId: f.ruleId, from: text.slice(f.start, f.end), to: '' })) });
      text = s.text;
    }
  }
  let pending = 0;
  for (let pass = 0; ; pass++) {
    const fixes = fixCandidates(check(text), text, config);
    if (fixes.length === 0) break;
    if (pass === MAX_PASSES) {
      pending = fixes.length;
      break;
    }
    const kept = nonOverlapping(fixes);
    passes.push({ before: text, applied: kept.map((f) => ({ start: f.start, end: f.end, ruleId: f.ruleId, from: text.slice(f.start, f.end), to: f.suggestion! })) });
    text = replaceSpans(text, kept);
  }
  return { text, passes, pending };
}
