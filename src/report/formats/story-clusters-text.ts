import { literal } from '../format-message.js';
import type { Report } from '../../types.js';

const KIND: Record<string, string> = {
  number: 'figure',
  date: 'date',
  negation: 'negation',
  antonym: 'opposite word',
  entity: 'name',
  attribution: 'speaker',
  quote: 'quoted statement',
  status: 'status',
};

const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** The report's story clusters as text lines: each story's earliest version, then what every other copy changed. */
export function renderStoryClusters(report: Report, paint: (code: string, s: string) => string = (_c, s) => s): string[] {
  const clusters = report.clusters ?? [];
  if (!clusters.length) return [];
  const out: string[] = [paint('1', 'Stories')];
  for (const c of clusters) {
    out.push(`  ${c.id}: ${c.articles.length} versions, earliest ${literal(c.original)}`);
    for (const copy of c.copies) {
      const changed = copy.changes.length
        ? copy.changes.map((ch) => `${KIND[ch.kind] ?? ch.kind} ${literal(ch.a)} → ${literal(ch.b)}`).join('; ')
        : 'no statement changed';
      out.push(
        `    ${literal(copy.article)}: carries ${pct(copy.carries)} of ${copy.copyOf === c.original ? 'it' : literal(copy.copyOf)} (${pct(copy.carriedFrom)} of the copy), ` +
          `${copy.addedSentences} sentence(s) added, ${copy.droppedSentences} dropped; ${copy.changes.length ? paint('31', changed) : changed}`,
      );
    }
  }
  out.push('');
  return out;
}
