import type { Span } from '../types.js';

export interface Stripped {
  text: string;
  /** Spans removed (after merging overlaps). */
  removed: number;
}

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09;
const isBreak = (c: number): boolean => c === 0x0a || c === 0x0d;

/** The line break starting at `i` (`\r\n`, `\n` or `\r`), as its length; 0 when there is none. */
function breakAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x0d) return text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
  return c === 0x0a ? 1 : 0;
}

/**
 * Tidies the whitespace run [from, to) of `out` that holds one or more seams (`seams`, positions in `out`), and
 * returns what it becomes. The run's first line break ends the line before (its text, when there is any); the text
 * after its last one is the next line's indentation, kept. Between them are blank lines: at the start or end of the
 * document they go, elsewhere they become one empty line (in the run's first line break, `\r\n` or `\n`).
 * Spaces the removal left at the end of a line with text (a seam between them and the line break) go too.
 */
function tidyRun(out: string, from: number, to: number, seams: readonly number[]): string {
  const breaks: { at: number; len: number }[] = [];
  for (let i = from; i < to; ) {
    const len = breakAt(out, i);
    if (len) {
      breaks.push({ at: i, len });
      i += len;
    } else i++;
  }
  const atStart = from === 0;
  const atEnd = to === out.length;
  // Within one line: only spaces at the end of the document go (the document's last line, or all it has left).
  if (breaks.length === 0) return atEnd ? '' : out.slice(from, to);
  const first = breaks[0]!;
  const last = breaks[breaks.length - 1]!;
  const eol = out.slice(first.at, first.at + first.len);
  if (atStart) return atEnd ? '' : out.slice(last.at + last.len, to);
  // Spaces before the first break end a line with text: they go when a seam stands among them (the removal left them).
  const lead = seams.some((p) => p <= first.at) ? '' : out.slice(from, first.at);
  if (atEnd) return lead + eol;
  if (breaks.length === 1) return lead + out.slice(first.at, to);
  return lead + eol + eol + out.slice(last.at + last.len, to);
}

/**
 * Removes spans from text and tidies the seams, and only them: where a span was removed, the blank lines meeting
 * there collapse to one blank line (none at the start or end of the document) and spaces the removal left at the end
 * of a line go. `\r\n`, `\n` and `\r` are line breaks alike. Everything else is kept byte for byte (trailing spaces that
 * break a Markdown line, blank-line runs elsewhere), so no article text is lost.
 */
export function stripSpans(text: string, spans: readonly Span[]): Stripped {
  const sorted = [...spans].filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  let removed = 0;
  const seams: number[] = [];
  for (const s of sorted) {
    if (s.end <= at) continue;
    out += text.slice(at, Math.max(at, s.start));
    at = Math.max(at, s.end);
    removed++;
    if (seams[seams.length - 1] !== out.length) seams.push(out.length);
  }
  out += text.slice(at);
  if (seams.length === 0) return { text: out, removed };
  let tidy = '';
  let kept = 0;
  for (let k = 0; k < seams.length; ) {
    const p = seams[k]!;
    let from = p;
    while (from > 0 && (isSpace(out.charCodeAt(from - 1)) || isBreak(out.charCodeAt(from - 1)))) from--;
    let to = p;
    while (to < out.length && (isSpace(out.charCodeAt(to)) || isBreak(out.charCodeAt(to)))) to++;
    const inRun: number[] = [];
    while (k < seams.length && seams[k]! <= to) inRun.push(seams[k++]!);
    tidy += out.slice(kept, from) + tidyRun(out, from, to, inRun);
    kept = to;
  }
  tidy += out.slice(kept);
  return { text: tidy, removed };
}
