import type { Line } from '../types.js';

/** Splits text into lines at \n, \r\n or \r; offsets exclude the line break. */
export function segmentLines(text: string): Line[] {
  const lines: Line[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    push(start, m.index);
    start = m.index + m[0].length;
  }
  push(start, text.length);
  return lines;

  function push(s: number, e: number): void {
    const t = text.slice(s, e);
    lines.push({ index: lines.length, start: s, end: e, text: t, blank: t.trim() === '' });
  }
}

/**
 * Offsets of each line start, for offset → line/column lookups by binary search. A typed array like the facts'
 * line table, so positionOf sees one kind of array (a mapped array is packed or holey by which tier mapped it).
 */
export function lineStarts(lines: Line[]): Uint32Array {
  return Uint32Array.from(lines, (l) => l.start);
}

export function positionOf(starts: ArrayLike<number>, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}
