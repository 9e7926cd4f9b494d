import type { Line } from '../types.js';
import type { ChromeClassification } from './classify.js';

/** A run of adjacent chrome lines (blank lines between them included) and what it looks like. */
export interface ChromeRun {
  start: number;
  end: number;
  /** Non-blank chrome lines in the run. */
  lines: number;
  reason: string;
}

/** Groups chrome lines into runs; the reason is the most specific one seen (vocabulary before position). */
export function chromeRuns(lines: readonly Line[], c: ChromeClassification, minPositionalWords = 0): ChromeRun[] {
  const runs: ChromeRun[] = [];
  let cur: { first: number; last: number; reasons: Map<string, number> } | null = null;
  const close = (): void => {
    if (!cur) return;
    // A few words at the edge of the text with nothing but their place against them (a dateline, a
    // sign-off, a section name) are as likely the article's own as the page's: left alone.
    const positionalOnly = [...cur.reasons.keys()].every((r) => POSITIONAL.has(r));
    // Nor is one line wholly in brackets ("(Reporting by ...; Editing by ...)", "(Published Monday)"): an
    // editor's note to the reader, which pages and articles alike carry.
    const note = cur.first === cur.last && BRACKETED.test(lines[cur.first]!.text.trim());
    if (positionalOnly && (note || words(lines, cur.first, cur.last) < minPositionalWords)) {
      cur = null;
      return;
    }
    runs.push({ start: lines[cur.first]!.start, end: lines[cur.last]!.end, lines: [...cur.reasons.values()].reduce((a, b) => a + b, 0), reason: describe(cur.reasons) });
    cur = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    if (l.blank) continue;
    const v = c.lines[i]!;
    if (!v.chrome) {
      close();
      continue;
    }
    if (cur && cur.last < i - 1 && !allBlank(lines, cur.last + 1, i)) close();
    if (!cur) cur = { first: i, last: i, reasons: new Map() };
    cur.last = i;
    cur.reasons.set(v.reason, (cur.reasons.get(v.reason) ?? 0) + 1);
  }
  close();
  return runs;
}

const BRACKETED = /^\([^()]*\)$/u;

function words(lines: readonly Line[], from: number, to: number): number {
  let n = 0;
  for (let i = from; i <= to; i++) n += lines[i]!.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
  return n;
}

function allBlank(lines: readonly Line[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!lines[i]!.blank) return false;
  return true;
}

/** Reasons that rest on a line's place on the page alone, not on anything it says. */
export const POSITIONAL_REASONS: ReadonlySet<string> = new Set(['navigation or headline', 'related links or footer']);
const POSITIONAL = POSITIONAL_REASONS;

/** "share buttons", or "share buttons, cookie notice" for a mixed run: specific kinds only, when there are any. */
function describe(reasons: Map<string, number>): string {
  const sorted = [...reasons.entries()].sort((a, b) => Number(POSITIONAL.has(a[0])) - Number(POSITIONAL.has(b[0])) || b[1] - a[1]);
  // Where the run shows what it is ("share buttons"), its place on the page adds nothing to the message.
  const specific = sorted.filter(([r]) => !POSITIONAL.has(r));
  return (specific.length ? specific : sorted).slice(0, 3).map(([r]) => r).join(', ');
}
