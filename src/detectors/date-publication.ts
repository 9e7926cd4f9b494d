import { dayNumber, lastDayNumber, spell } from '../dates/calendar.js';
import { dateMentions } from '../dates/date-mentions.js';
import type { PublicationCandidate } from '../dates/publication-candidates.js';
import { inferPublication, publicationConflicts } from '../dates/publication.js';
import type { Finding, Span } from '../types.js';
import type { Detector } from './detector.js';

interface PublicationOptions {
  /** A publication date this many days from every year-stated date in the text is "far". */
  farDays?: number;
  /** How many year-stated dates the text must have before their distance means anything. */
  minDates?: number;
}

const describe = (c: PublicationCandidate): string =>
  ({ metadata: 'the metadata date', published: 'the "Published" date', dateline: 'the dateline', widget: 'the date line', url: 'the date in the URL', updated: 'the "Updated" date' })[c.kind];

/**
 * The publication date against itself and against the text: two statements of it that disagree
 * (metadata vs dateline, "Updated" before "Published"), or a date far from every date the article states
 * (a stale story re-dated).
 */
export const datePublication: Detector<PublicationOptions> = {
  type: 'date-publication',
  summary: 'Flags publication dates that disagree with each other, or that are far from every date the article states.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    properties: {
      farDays: { type: 'integer', minimum: 30, description: 'Distance in days beyond which a publication date is far from a stated date.' },
      minDates: { type: 'integer', minimum: 1, description: 'Year-stated dates the text needs before the stale-story check runs.' },
    },
  },
  run(doc, rule) {
    const pub = inferPublication(doc);
    if (!pub.date) return [];
    const out: Finding[] = [];
    for (const c of publicationConflicts(pub)) {
      const spanned = c.b.span ? c.b : c.a.span ? c.a : null;
      if (!spanned) continue; // nothing in the text to point at
      const other = spanned === c.b ? c.a : c.b;
      const related: Span | undefined = other.span;
      const message =
        c.b.kind === 'updated'
          ? `${cap(describe(c.b))} (${spell(c.b.date)}) is earlier than ${describe(c.a)} (${spell(c.a.date)}): the dates are in the wrong order.`
          : `${cap(describe(c.a))} says ${spell(c.a.date)} but ${describe(c.b)} says ${spell(c.b.date)} (${Math.abs(c.days)} days apart): which is the real publication date?`;
      out.push({ start: spanned.span!.start, end: spanned.span!.end, message, ...(related ? { related } : {}) });
    }
    if (out.length) return out;
    const stale = staleFinding(doc, pub.date, pub.candidates?.[0], rule.prepared.farDays ?? 365, rule.prepared.minDates ?? 2);
    return stale ? [stale] : [];
  },
};

const PROSE_WORDS = 8;
function inProse(doc: Parameters<typeof dateMentions>[0], sentence: number): boolean {
  // Once per sentence: a long sentence full of dates would otherwise be searched once per date.
  const known = doc.memo('date-publication:prose-sentences', () => new Map<number, boolean>());
  let prose = known.get(sentence);
  if (prose === undefined) {
    const s = doc.sentences[sentence];
    prose = !!s && s.tokenTo - s.tokenFrom >= PROSE_WORDS && !s.text.includes('\n');
    known.set(sentence, prose);
  }
  return prose;
}

function cap(s: string): string {
  return s[0]!.toUpperCase() + s.slice(1);
}

function staleFinding(doc: Parameters<typeof dateMentions>[0], pub: string, source: PublicationCandidate | undefined, farDays: number, minDates: number): Finding | null {
  const own = (inferPublication(doc).candidates ?? []).map((c) => c.span).filter((s): s is Span => !!s);
  const p = dayNumber(pub);
  const mentions = dateMentions(doc).filter((m) => m.value && !own.some((s) => s.start < m.end && m.start < s.end));
  // Only full dates count as the story's own time; a bare year or month is as often history as news.
  // Dates on lines of their own are lists and widgets (a "Recent posts" column), not what the story says.
  const stated = mentions.filter((m) => m.yearStated && m.precision === 'day' && inProse(doc, m.sentence));
  if (mentions.some((m) => m.yearStated && m.precision !== 'day' && Math.abs(dayNumber(m.value!) - p) <= farDays)) return null;
  if (stated.length < minDates) return null;
  let nearest = stated[0]!;
  let best = Infinity;
  for (const m of stated) {
    const dist = Math.max(0, dayNumber(m.value!) - p, p - lastDayNumber(m.value!));
    if (dist < best) [best, nearest] = [dist, m];
  }
  if (best <= farDays) return null;
  const where = source?.span ?? { start: nearest.start, end: nearest.end };
  const what = source ? describe(source) : 'the publication date';
  return {
    start: where.start,
    end: where.end,
    message: `The article is dated ${spell(pub)} (${what}), but every date it states is more than ${Math.round(best / 30)} months away; the nearest is "${nearest.text}" (${spell(nearest.value!)}). A stale story re-dated?`,
    ...(source?.span ? { related: { start: nearest.start, end: nearest.end } } : {}),
  };
}
