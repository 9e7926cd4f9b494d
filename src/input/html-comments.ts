import type { BodyComment } from '../types.js';

/** Where a comment sat while the page's lines were being built: the line index and the column in it. */
export interface CommentMark {
  line: number;
  column: number;
  text: string;
}

/**
 * Body offsets of comments marked while building lines, once the lines are joined and their whitespace
 * tidied. `text` must be `lines.join('\n')` with some whitespace deleted (collapsed blank lines, trimmed
 * ends): walking both strings together maps a raw position to the position it ends up at, in one pass.
 */
export function commentOffsets(lines: readonly string[], text: string, marks: readonly CommentMark[]): BodyComment[] {
  if (marks.length === 0) return [];
  const joined = lines.join('\n');
  const starts: number[] = [];
  let at = 0;
  for (const l of lines) {
    starts.push(at);
    at += l.length + 1;
  }
  // A line's trailing spaces are trimmed after a comment may have been marked past them.
  const raw = marks.map((m) => (m.line < lines.length ? starts[m.line]! + Math.min(m.column, lines[m.line]!.length) : joined.length));
  const order = raw.map((p, k) => [p, k] as const).sort((a, b) => a[0] - b[0]);
  const out: BodyComment[] = new Array(marks.length);
  let i = 0;
  let j = 0;
  for (const [p, k] of order) {
    for (; i < p; i++) if (j < text.length && joined[i] === text[j]) j++;
    out[k] = { offset: j, text: marks[k]!.text };
  }
  return out;
}
