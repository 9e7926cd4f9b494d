import type { Finding, Line } from '../types.js';
import { lineShape, looksLikeHeading, type LineShape } from '../text/line-shape.js';
import type { Detector } from './detector.js';

export interface EmptyHeadingOptions {
  /** Words a heading line may have. */
  maxWords: number;
  /** Share of significant words in capitals for a plain line to count as a heading. */
  minTitleCase: number;
  /** Plain-text section headings that are certainly headings ("Conclusion", "Key Takeaways"). */
  knownHeadings: string[];
}

interface PreparedEmptyHeading extends EmptyHeadingOptions {
  known: ReadonlySet<string>;
}

const key = (s: string): string =>
  s
    .replace(/^#{1,6}\s+/, '')
    .replace(/[*_:.!]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ')
    .toLowerCase();

/**
 * A heading with no text under it: followed directly by another heading of the same or a higher level, or
 * by the end of the text. Plain text has no heading levels (a section title followed by a subsection
 * title is normal), so without Markdown marks only the known section headings are checked.
 */
export const emptyHeading: Detector<EmptyHeadingOptions, PreparedEmptyHeading> = {
  type: 'empty-heading',
  summary: 'Flags a heading followed directly by another heading or by the end of the text: a section with no text.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['maxWords', 'minTitleCase', 'knownHeadings'],
    properties: {
      maxWords: { type: 'integer', minimum: 1 },
      minTitleCase: { type: 'number', minimum: 0, maximum: 1 },
      knownHeadings: { type: 'array', items: { type: 'string', minLength: 1 } },
    },
  },
  prepare(o) {
    return { ...o, known: new Set(o.knownHeadings.map(key)) };
  },
  run(doc, rule) {
    const o = rule.prepared;
    const lines = doc.lines.filter((l) => !l.blank);
    const out: Finding[] = [];
    for (let i = 0; i < lines.length; i++) {
      const text = lines[i]!.text;
      // Only Markdown headings and known section headings are candidates; shape the few that are.
      if (text.length > 120 || (!/^\s*#{1,6}\s/.test(text) && !o.known.has(key(text)))) continue;
      const shape = lineShape(lines[i]!);
      const next = i + 1 < lines.length ? lineShape(lines[i + 1]!) : undefined;
      if (!next) {
        out.push(span(lines[i]!, 'the end of the text'));
        continue;
      }
      if (nextIsHeading(shape, next, o, o.known.has(key(lines[i + 1]!.text)))) out.push(span(lines[i]!, 'another heading'));
    }
    return out;
  },
};

/** The next line opens a section at the same or a higher level, so this one has nothing under it. */
function nextIsHeading(shape: LineShape, next: LineShape, o: PreparedEmptyHeading, nextKnown: boolean): boolean {
  if (shape.markdownLevel > 0) return next.markdownLevel > 0 && next.markdownLevel <= shape.markdownLevel;
  return nextKnown || next.markdownLevel > 0 || looksLikeHeading(next, o.maxWords, o.minTitleCase);
}

function span(line: Line, where: string): Finding {
  const start = line.start + (line.text.length - line.text.trimStart().length);
  const end = line.end - (line.text.length - line.text.trimEnd().length);
  return { start, end, data: { where } };
}
