import { dateImpossible } from './date-impossible.js';
import { datePublication } from './date-publication.js';
import { dateRelative } from './date-relative.js';
import { dateTense } from './date-tense.js';
import { dateWeekday } from './date-weekday.js';
import type { AnyDetector } from './detector.js';
import { mojibake } from './mojibake.js';
import { pattern } from './pattern.js';
import { phrase } from './phrase.js';

/** Every detector type a rule pack may name. schemas/rule.schema.json lists the same types (a test checks). */
export const DETECTORS: ReadonlyMap<string, AnyDetector> = new Map(
  [pattern, phrase, mojibake, dateWeekday, dateImpossible, dateTense, dateRelative, datePublication].map((d) => [d.type, d as AnyDetector]),
);
