import type { Finding, Line } from '../types.js';
import { lineShape, lineWordCount } from '../text/line-shape.js';
import type { Detector } from './detector.js';

export interface TrailingHeadlineOptions {
  /** Words a headline has. */
  minWords: number;
  maxWords: number;
  /** Share of significant words in capitals (title case). */
  minTitleCase: number;
  /** How many short lines (a date, a byline widget) may follow the headline. */
  maxLinesAfter: number;
  /** Words each of those following lines may have. */
  maxWordsAfter: number;
  /** Words of running text the headline must follow. */
  minBodyWords: number;
  /** Significant words the headline must share with the body (it names the story's subject). */
  minShared: number;
  minSharedShare: number;
  /** Lines matching this expression are credits or signatures, not headlines ("Reporting by ..."). */
  unless?: string;
}

interface PreparedTrailingHeadline extends TrailingHeadlineOptions {
  unlessRe: RegExp | null;
}

// Crude stem: enough to match "Membership" with "membership" and "Diplomacy" with "diplomatic".
const stem = (w: string): string => (w.length > 5 ? w.slice(0, 5) : w).toLowerCase().replace(/’/g, "'");

/**
 * A short title-case line after the body that repeats the story's subject: the page's headline, left at the
 * end by the scraper (often with a breadcrumb or a date widget around it).
 */
export const trailingHeadline: Detector<TrailingHeadlineOptions, PreparedTrailingHeadline> = {
  type: 'trailing-headline',
  summary: 'Flags a headline-like title-case line left after the body (the page title scraped at the end).',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['minWords', 'maxWords', 'minTitleCase', 'maxLinesAfter', 'maxWordsAfter', 'minBodyWords', 'minShared', 'minSharedShare'],
    properties: {
      minWords: { type: 'integer', minimum: 1 },
      maxWords: { type: 'integer', minimum: 1 },
      minTitleCase: { type: 'number', minimum: 0, maximum: 1 },
      maxLinesAfter: { type: 'integer', minimum: 0 },
      maxWordsAfter: { type: 'integer', minimum: 0 },
      minBodyWords: { type: 'integer', minimum: 0 },
      minShared: { type: 'integer', minimum: 0 },
      minSharedShare: { type: 'number', minimum: 0, maximum: 1 },
      unless: { type: 'string', minLength: 1 },
    },
  },
  prepare(o) {
    let unlessRe: RegExp | null = null;
    if (o.unless) {
      try {
        unlessRe = new RegExp(o.unless, 'iu');
      } catch (e) {
        throw new Error(`invalid regular expression in "unless": ${(e as Error).message}`);
      }
    }
    return { ...o, unlessRe };
  },
  run(doc, rule) {
    const o = rule.prepared;
    const lines = doc.lines.filter((l) => !l.blank);
    const out: Finding[] = [];
    // A line of more words than a headline and than a line after one can have ends the walk: counted, not shaped.
    const tooLong = Math.max(o.maxWords, o.maxWordsAfter) + 1;
    // Walk back over the tail: the candidate is followed only by a few very short lines.
    for (let i = lines.length - 1, after = 0; i >= 0 && after <= o.maxLinesAfter; i--, after++) {
      const line = lines[i]!;
      if (lineWordCount(line, tooLong) >= tooLong) break;
      const shape = lineShape(line);
      if (isHeadline(line, shape, o) && followsProse(lines[i - 1], o) && sharesSubject(doc.tokens, line, shape.significant, o)) {
        out.push({ start: line.start + lead(line.text), end: line.end - trail(line.text), data: { words: shape.words } });
        break;
      }
      if (shape.words > o.maxWordsAfter) break;
    }
    return out;
  },
};

function isHeadline(line: Line, shape: ReturnType<typeof lineShape>, o: PreparedTrailingHeadline): boolean {
  return (
    shape.words >= o.minWords &&
    shape.words <= o.maxWords &&
    shape.titleCase >= o.minTitleCase &&
    !shape.endsLikeSentence &&
    !shape.hasWidgetMarks &&
    !(o.unlessRe?.test(line.text) ?? false)
  );
}

/** The line before is running text (a paragraph), not another item of a list of short lines. */
function followsProse(prev: Line | undefined, o: PreparedTrailingHeadline): boolean {
  if (!prev) return false;
  if (lineWordCount(prev, o.maxWords + 1) > o.maxWords) return true;
  const shape = lineShape(prev);
  return shape.words > o.maxWords || (shape.endsLikeSentence && shape.words >= 8);
}

/** Enough running text before the line, and the line repeats enough of its significant words. */
function sharesSubject(tokens: ReadonlyArray<{ start: number; kind: string; norm: string }>, line: Line, significant: string[], o: PreparedTrailingHeadline): boolean {
  const body = new Set<string>();
  let words = 0;
  for (const t of tokens) {
    if (t.start >= line.start) break;
    if (t.kind !== 'word') continue;
    words++;
    body.add(stem(t.norm));
  }
  if (words < o.minBodyWords) return false;
  const candidates = significant.filter((w) => w.length >= 3);
  const shared = candidates.filter((w) => body.has(stem(w))).length;
  return shared >= o.minShared && shared >= o.minSharedShare * candidates.length;
}

const lead = (s: string): number => s.length - s.trimStart().length;
const trail = (s: string): number => s.length - s.trimEnd().length;
