import type { Line, Paragraph } from '../types.js';

const ENDS_OPEN = /[\p{L}\p{N},;(\-–]$/u;
const STARTS_LOWER = /^\s*\p{Ll}/u;

/**
 * Groups lines into paragraphs. Blank lines always separate paragraphs; a single line break does too
 * (scraped and syndicated text puts one paragraph per line), except where the text is hard-wrapped:
 * a line that stops mid-sentence followed by one that starts in lower case continues the paragraph.
 * Sentence ranges are filled in later by the sentence segmenter.
 */
export function segmentParagraphs(lines: Line[]): Paragraph[] {
  const paragraphs: Paragraph[] = [];
  let first = -1;
  let last = -1;
  const close = (): void => {
    if (first < 0) return;
    paragraphs.push({
      index: paragraphs.length,
      start: lines[first]!.start + leading(lines[first]!.text),
      end: lines[last]!.end - trailing(lines[last]!.text),
      firstLine: first,
      lastLine: last,
      sentenceFrom: 0,
      sentenceTo: 0,
    });
    first = last = -1;
  };
  for (const line of lines) {
    if (line.blank) {
      close();
      continue;
    }
    if (first >= 0) {
      const prev = lines[last]!.text.trimEnd();
      if (!continues(prev, line.text)) close();
    }
    if (first < 0) first = line.index;
    last = line.index;
  }
  close();
  return paragraphs;
}

/**
 * A hard-wrapped line continues the previous one: that one stops mid-sentence and is long enough to
 * have been wrapped, and this one starts in lower case and reads as prose (several words, or a sentence end).
 */
function continues(prev: string, next: string): boolean {
  return prev.length >= 40 && ENDS_OPEN.test(prev) && STARTS_LOWER.test(next) && (/\s\S/.test(next.trim()) || /[.!?]["'”’)]*$/.test(next.trim()));
}

function leading(s: string): number {
  return s.length - s.trimStart().length;
}
function trailing(s: string): number {
  return s.length - s.trimEnd().length;
}
