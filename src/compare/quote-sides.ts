import type { ComparisonSide, ContradictionKind } from '../types.js';
import { position, type FactsView } from './facts-view.js';
import { collapseSpaces, isSpaceCode, quoteSentence } from './quote.js';

/** The body of an article by id, where the caller still has it (one process); undefined across shards. */
export type BodyOf = (article: string) => string | undefined;

const SIDE_TEXT = 400;

export { isSpaceCode } from './quote.js';

/**
 * The span as one line (white space collapsed, trimmed), cut at SIDE_TEXT characters. A near-duplicate's span
 * is most of an article: only as much of it is collapsed as the cut keeps. A window that ends on a
 * non-space character collapses exactly as the same characters do within the whole span, so once it gives
 * more than SIDE_TEXT characters the result is known.
 */
function sideText(body: string, start: number, end: number): string {
  let from = start;
  while (from < end && isSpaceCode(body.charCodeAt(from))) from++;
  for (let to = Math.min(end, from + 2 * SIDE_TEXT); to < end; to = Math.min(end, to + 2 * SIDE_TEXT)) {
    if (isSpaceCode(body.charCodeAt(to - 1))) continue;
    const t = collapseSpaces(body, from, to);
    if (t.length > SIDE_TEXT) return `${t.slice(0, SIDE_TEXT - 1)}…`;
  }
  const t = collapseSpaces(body, start, end).trim();
  return t.length > SIDE_TEXT ? `${t.slice(0, SIDE_TEXT - 1)}…` : t;
}

/** Quotes sentences for reported pairs only, from the bodies; without a body, points at the line instead. */
export class Quoter {
  constructor(private readonly bodyOf?: BodyOf) {}

  sentence(v: FactsView, start: number, end: number, max = 160, focus?: string): string {
    const body = this.bodyOf?.(v.facts.article);
    if (body !== undefined && end <= body.length) return quoteSentence(body.slice(start, end), max, focus);
    const p = position(v, start);
    return `the sentence at line ${p.line}, column ${p.column}`;
  }

  /** The n-th figure (0 = the first) of a span, from the body: a run of digits with its separators. */
  figure(v: FactsView, start: number, end: number, n: number): string | undefined {
    const body = this.bodyOf?.(v.facts.article);
    if (body === undefined || end > body.length) return undefined;
    return [...body.slice(start, end).matchAll(/\d+(?:[.,]\d+)*/g)][n]?.[0];
  }

  /** Fills a side's text (when the body is at hand) and its line/column from the facts' line starts. */
  fill(v: FactsView | undefined, side: ComparisonSide): void {
    if (!v) return;
    const body = this.bodyOf?.(v.facts.article);
    if (!side.text && body !== undefined && side.end <= body.length) side.text = sideText(body, side.start, side.end);
    const s = position(v, side.start);
    const e = position(v, side.end);
    side.line = s.line;
    side.column = s.column;
    side.endLine = e.line;
    side.endColumn = e.column;
  }
}

const CHANGED: Record<ContradictionKind, string> = {
  number: 'changes a figure',
  date: 'changes a date',
  negation: 'turns a statement around (negation or modality)',
  entity: 'puts another name in the same role',
  status: 'changes a status',
  antonym: 'replaces a word with its opposite',
  quote: 'changes a quoted statement',
  attribution: 'attributes a statement to someone else',
};

/** A copy's change against the story's earliest version, both sentences quoted. */
export function alignedMessage(kind: ContradictionKind, what: { a: string; b: string }, idA: string, qa: string, idB: string, qb: string): string {
  const slot = kind === 'quote' ? '' : ` (“${what.a}” → “${what.b}”)`;
  return `${idB} copies ${idA} but ${CHANGED[kind]}${slot}: ${idA} says ${qa}; ${idB} says ${qb}`;
}
