import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Span } from '../../src/types.js';
import { ROOT } from './paths.js';

export interface MarkedText {
  name: string;
  body: string;
  /** Spans an editor marked with [[...]] as template prose. */
  marked: Span[];
}

/** Reads the `.txt` fixtures of a folder, stripping `[[...]]` marks and keeping their spans. */
export function markedFixtures(folder: string): MarkedText[] {
  const dir = join(ROOT, 'test', 'fixtures', folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const raw = readFileSync(join(dir, name), 'utf8');
      const marked: Span[] = [];
      let body = '';
      let last = 0;
      for (const m of raw.matchAll(/\[\[([\s\S]*?)\]\]/g)) {
        body += raw.slice(last, m.index);
        marked.push({ start: body.length, end: body.length + m[1]!.length });
        body += m[1];
        last = m.index! + m[0].length;
      }
      return { name, body: body + raw.slice(last), marked };
    });
}

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
