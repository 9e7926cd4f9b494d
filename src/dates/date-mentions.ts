import type { Doc } from '../text/doc.js';

/** A date the text states, resolved against the publication date where it is relative. */
export interface DateMention {
  start: number;
  end: number;
  /** The text as written ("in July", "Friday, May 9, 2016", "last week"). */
  text: string;
  /** Resolved value: YYYY-MM-DD, YYYY-MM or YYYY depending on precision; null when it cannot be anchored. */
  value: string | null;
  precision: 'day' | 'month' | 'year' | null;
  /** Stated relative to another date ("last week", "in July" without a year). */
  relative: boolean;
  /** Index of the sentence it sits in. */
  sentence: number;
}

/** Every date the article states, in text order; computed once per article and shared (dates rules, facts). */
export function dateMentions(doc: Doc): DateMention[] {
  return doc.memo('date-mentions', () => []);
}
