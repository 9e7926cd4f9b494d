import type { Finding } from '../types.js';
import type { Detector } from './detector.js';

export interface ShortBodyOptions {
  /** A body with fewer words than this is too short to be an article. */
  minWords: number;
}

/**
 * A body too short to be an article: a teaser, a paywall stub, a caption or a failed extraction.
 * Empty input is an input problem, not an article defect, and is left to the loader.
 */
export const shortBody: Detector<ShortBodyOptions> = {
  type: 'short-body',
  summary: 'Flags a body with fewer words than a minimum (a teaser, a stub or a failed extraction).',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['minWords'],
    properties: { minWords: { type: 'integer', minimum: 1 } },
  },
  run(doc, rule) {
    const words = doc.wordCount;
    if (words === 0 || words >= rule.prepared.minWords) return [];
    const first = doc.paragraphs[0]!;
    const last = doc.paragraphs[doc.paragraphs.length - 1]!;
    const f: Finding = { start: first.start, end: last.end, data: { words, minWords: rule.prepared.minWords } };
    return [f];
  },
};
