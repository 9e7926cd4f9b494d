import { dayNumber } from './calendar.js';
import { textCandidates, urlCandidate, type PublicationCandidate } from './publication-candidates.js';
import type { Doc } from '../text/doc.js';
import type { DateOrigin } from '../types.js';

export interface Publication {
  date: string | null;
  origin: DateOrigin | null;
  /** Every statement of the date that was found, the chosen one first (for the conflict checks). */
  candidates?: PublicationCandidate[];
}

// Sources disagreeing by a day or two are time zones and late edits, not a recycled story.
const AGREE_DAYS = 2;
const RANK: Record<PublicationCandidate['kind'], number> = { metadata: 0, published: 1, dateline: 2, widget: 3, url: 4, updated: 5 };

/**
 * The date the article claims to be from. The record's (or HTML metadata's) own date wins; else a
 * "Published" label, a dateline or a date widget in the first or last lines; else a date in the URL;
 * an "Updated" date only as a last resort. Computed once per article (the dates rules read it too).
 */
export function inferPublication(doc: Doc): Publication {
  return doc.memo('publication', () => {
    const a = doc.article;
    const candidates: PublicationCandidate[] = [];
    if (a.publishedAt) candidates.push({ date: a.publishedAt, origin: a.publishedAtOrigin ?? 'record', kind: 'metadata' });
    candidates.push(...textCandidates(doc));
    const url = urlCandidate(a.url);
    if (url) candidates.push(url);
    candidates.sort((x, y) => RANK[x.kind] - RANK[y.kind] || (x.span?.start ?? 0) - (y.span?.start ?? 0));
    const best = candidates[0];
    return best ? { date: best.date, origin: best.origin, candidates } : { date: null, origin: null, candidates };
  });
}

/** Two statements of the publication date that cannot both be true. */
export interface PublicationConflict {
  a: PublicationCandidate;
  b: PublicationCandidate;
  days: number;
}

/** Pairs of publication statements that disagree: metadata vs dateline, or an "Updated" date before the "Published" one. */
export function publicationConflicts(pub: Publication): PublicationConflict[] {
  const cs = pub.candidates ?? [];
  const out: PublicationConflict[] = [];
  const primary = cs.find((c) => c.kind !== 'updated');
  if (!primary) return out;
  for (const c of cs) {
    if (c === primary) continue;
    const days = dayNumber(c.date) - dayNumber(primary.date);
    // An update after publication is normal; one before it, or another publication date, is not.
    // Two bare date lines may be an event's run ("29 November 2018 | 20 January 2019"), not two publication dates.
    if (c.kind === 'widget' && primary.kind === 'widget') continue;
    if (c.kind === 'updated' ? days < 0 : Math.abs(days) > AGREE_DAYS) out.push({ a: primary, b: c, days });
  }
  return out;
}

/**
 * True when the statements of the publication date disagree: checks that measure the text against that
 * date (tense, relative dates, weekdays of year-less dates) then stay quiet, and the conflict itself is the flag.
 */
export function publicationInDoubt(doc: Doc): boolean {
  return doc.memo('publication-in-doubt', (d) => publicationConflicts(inferPublication(d)).length > 0);
}
