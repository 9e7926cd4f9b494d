import type { AnyDetector } from './detector.js';
import { mojibake } from './mojibake.js';
import { pattern } from './pattern.js';
import { phrase } from './phrase.js';
import { chrome } from './chrome.js';

/** Every detector type a rule pack may name. schemas/rule.schema.json lists the same types (a test checks). */
export const DETECTORS: ReadonlyMap<string, AnyDetector> = new Map(
  [pattern, phrase, mojibake, chrome].map((d) => [d.type, d as AnyDetector]),
);
