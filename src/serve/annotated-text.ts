// LanguageTool's AnnotatedText (the `data` parameter): text parts are checked, markup parts are skipped or read
// as their `interpretAs`. Offsets found in the checked text are mapped back onto the document as sent
// (text and markup together), so an editor plugin can underline its own source.
import { HttpError } from './http-error.js';

interface Part {
  /** [from, to) in the checked text. */
  from: number;
  to: number;
  /** Where the part starts in the original document. */
  origin: number;
  /** Its length there (a markup part may read as something shorter or longer). */
  originLength: number;
  markup: boolean;
}

export interface AnnotatedText {
  /** What the rules see: text parts, and markup read as its interpretAs. */
  text: string;
  /** The document as sent: all parts in order. */
  original: string;
  parts: Part[];
}

/** Parses the `data` parameter; anything but the documented shape is a 400 naming what is wrong. */
export function parseAnnotation(data: string): AnnotatedText {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch (e) {
    throw new HttpError(400, `"data" is not valid JSON (${(e as Error).message})`);
  }
  const list = parsed && typeof parsed === 'object' ? (parsed as { annotation?: unknown }).annotation : undefined;
  if (!Array.isArray(list)) throw new HttpError(400, '"data" must be a JSON object with an "annotation" array, e.g. {"annotation":[{"text":"A "},{"markup":"<b>"},{"text":"test"},{"markup":"</b>"}]}');
  const text: string[] = [];
  const original: string[] = [];
  const parts: Part[] = [];
  let at = 0;
  let origin = 0;
  list.forEach((item, i) => {
    const o = item && typeof item === 'object' ? (item as Record<string, unknown>) : null;
    const hasText = o !== null && typeof o.text === 'string';
    const hasMarkup = o !== null && typeof o.markup === 'string';
    if (hasText === hasMarkup) throw new HttpError(400, `"data": annotation[${i}] must have either a "text" or a "markup" string`);
    if (o!.interpretAs !== undefined && typeof o!.interpretAs !== 'string') throw new HttpError(400, `"data": annotation[${i}].interpretAs must be a string`);
    const source = (hasText ? o!.text : o!.markup) as string;
    const read = hasText ? source : ((o!.interpretAs as string | undefined) ?? '');
    parts.push({ from: at, to: at + read.length, origin, originLength: source.length, markup: !hasText });
    text.push(read);
    original.push(source);
    at += read.length;
    origin += source.length;
  });
  return { text: text.join(''), original: original.join(''), parts };
}

/**
 * A span of the checked text as a span of the original document. Inside a text part offsets carry over one
 * for one; a boundary inside a markup part's reading widens to the whole markup.
 */
export function toOriginal(doc: AnnotatedText, start: number, end: number): { offset: number; length: number } {
  const from = position(doc, start, 'start');
  const to = Math.max(from, position(doc, end, 'end'));
  return { offset: from, length: to - from };
}

function position(doc: AnnotatedText, at: number, side: 'start' | 'end'): number {
  const parts = doc.parts;
  // The part holding `at`: for a start, the one with from <= at < to; for an end, from < at <= to.
  let lo = 0;
  let hi = parts.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const p = parts[mid]!;
    const inside = side === 'start' ? p.from <= at && at < p.to : p.from < at && at <= p.to;
    if (inside) {
      found = mid;
      break;
    }
    if ((side === 'start' ? p.to <= at : p.to < at)) lo = mid + 1;
    else hi = mid - 1;
  }
  if (found < 0) {
    // Past every part, or at a point between empty parts: the nearest boundary.
    const last = parts.at(-1);
    return at <= 0 || !last ? 0 : last.origin + last.originLength;
  }
  // Several parts may share a boundary when some are empty; prefer a text part.
  const p = parts[found]!;
  if (!p.markup) return p.origin + (at - p.from);
  return side === 'start' ? p.origin : p.origin + p.originLength;
}
