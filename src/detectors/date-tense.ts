import { spell } from '../dates/calendar.js';
import { tenseMismatches } from '../dates/tense-mismatches.js';
import type { Detector } from './detector.js';

/** A plan dated before the article, or a past event dated after it: the story was written at another time. */
export const dateTense: Detector<Record<string, never>> = {
  type: 'date-tense',
  summary: 'Flags a date told in the future tense that falls before the publication date, or in the past tense after it.',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run(doc) {
    return tenseMismatches(doc).map((t) => {
      const verb = doc.text.slice(t.verb.start, t.verb.end);
      const when = spell(t.value);
      const pub = spell(t.publishedAt);
      const message =
        t.tense === 'future'
          ? `"{text}" is told as still to come ("${verb}"), but ${when} is before the publication date, ${pub}: the story may be older than its date, or recycled.`
          : `"{text}" is told as past ("${verb}"), but ${when} is after the publication date, ${pub}: the date or the publication date is wrong.`;
      return { start: t.mention.start, end: t.mention.end, message, related: t.verb };
    });
  },
};
