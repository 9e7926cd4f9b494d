import type { AnyDetector } from './detector.js';
import { attribution } from './attribution.js';
import { boilerplateSentence } from './boilerplate-sentence.js';
import { brokenInfinitive } from './broken-infinitive.js';
import { chrome } from './chrome.js';
import { dateImpossible } from './date-impossible.js';
import { datePublication } from './date-publication.js';
import { dateRelative } from './date-relative.js';
import { dateTense } from './date-tense.js';
import { dateWeekday } from './date-weekday.js';
import { emptyHeading } from './empty-heading.js';
import { mojibake } from './mojibake.js';
import { pattern } from './pattern.js';
import { phrase } from './phrase.js';
import { redundancy } from './redundancy.js';
import { reduplication } from './reduplication.js';
import { restatement } from './restatement.js';
import { shortBody } from './short-body.js';
import { spunCollocation } from './spun-collocation.js';
import { trailingHeadline } from './trailing-headline.js';
import { wallOfText } from './wall-of-text.js';

/** Every detector type a rule pack may name. schemas/rule.schema.json lists the same types (a test checks). */
export const DETECTORS: ReadonlyMap<string, AnyDetector> = new Map(
  [pattern, phrase, mojibake, reduplication, restatement, redundancy, brokenInfinitive, boilerplateSentence, wallOfText, trailingHeadline, emptyHeading, shortBody, dateWeekday, dateImpossible, dateTense, dateRelative, datePublication, chrome, attribution, spunCollocation].map((d) => [d.type, d as AnyDetector]),
);
