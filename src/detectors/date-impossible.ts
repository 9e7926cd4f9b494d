import { impossibleDates } from '../dates/impossible-dates.js';
import type { Detector } from './detector.js';

/** "February 30", "31 April", "2023-13-01": dates no calendar has. */
export const dateImpossible: Detector<Record<string, never>> = {
  type: 'date-impossible',
  summary: 'Flags written dates that do not exist (a day past the end of its month, a month 13, 29 February in a common year).',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run(doc) {
    return impossibleDates(doc).map((d) => ({ start: d.start, end: d.end, message: `"{text}" is not a real date: ${d.reason}.` }));
  },
};
