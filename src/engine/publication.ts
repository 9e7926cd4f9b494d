import type { Doc } from '../text/doc.js';
import type { DateOrigin } from '../types.js';

export interface Publication {
  date: string | null;
  origin: DateOrigin | null;
}

/**
 * The date the article claims to be from. The record's own date wins; inferring one from the text
 * (dateline, byline widget, URL) is the dates analysis' job and plugs in here.
 */
export function inferPublication(doc: Doc): Publication {
  const a = doc.article;
  return { date: a.publishedAt, origin: a.publishedAt ? a.publishedAtOrigin : null };
}
