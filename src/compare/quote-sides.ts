import type { ComparisonSide, ContradictionKind } from '../types.js';
import { position, type FactsView } from './facts-view.js';
import { isSpaceCode, quoteSentence } from './quote.js';
import { clipText } from '../text/surrogates.js';

/** The body of an article by id, where the caller still has it (one process); undefined across shards. */
export type BodyOf = (article: string) => string | undefined;

const SIDE_TEXT = 400;

export { isSpaceCode } from './quote.js';

/**
 * The span as one line (white space collapsed, trimmed), cut at SIDE_TEXT characters: what
 * `collapse(body.slice(start, end)).trim()` cut there gives (the plain form, `plainSideText`, is pinned against this
 * one in test/compare-tail.test.ts). A near-duplicate's span is most of an article and its text breaks into
 * paragraphs, so collapsing even a window of it fell back to a slice and a replace of the window: here the body is
 * read once as far as the cut, and copied in stretches whose white space is already single spaces.
 */
export function sideText(body: string, start: number, end: number): string {
  let i = start;
  while (i < end && isSpaceCode(body.charCodeAt(i))) i++;
  let out = '';
  // The stretch of the body from `stretch` to i is copied as it is: its white space is single spaces.
  let stretch = i;
  while (i < end) {
    if (!isSpaceCode(body.charCodeAt(i))) {
      i++;
      continue;
    }
    // More than SIDE_TEXT characters before this white space: the text is cut, what follows does not matter.
    if ((out.length > 0 ? out.length + 1 : 0) + (i - stretch) > SIDE_TEXT) break;
    let j = i + 1;
    while (j < end && isSpaceCode(body.charCodeAt(j))) j++;
    if (j >= end) break; // trailing white space: trimmed
    if (j === i + 1 && body.charCodeAt(i) === 0x20) {
      i = j;
      continue;
    }
    out = out.length > 0 ? `${out} ${body.slice(stretch, i)}` : body.slice(stretch, i);
    stretch = i = j;
  }
  const t = out.length > 0 ? `${out} ${body.slice(stretch, i)}` : body.slice(stretch, i);
  return clipText(t, SIDE_TEXT);
}

/** sideText's plain computation: the whole span collapsed and trimmed, then cut (for the tests). */
export function plainSideText(body: string, start: number, end: number): string {
  const t = body.slice(start, end).replace(/\s+/g, ' ').trim();
  return clipText(t, SIDE_TEXT);
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
