import type { Finding } from '../../types.js';
import { clampSpans } from './clamp-spans.js';
import { dropDuplicates } from './drop-duplicates.js';

/** A step applied to one rule's findings before they become flags. Steps run in this order. */
export type FindingStep = (findings: Finding[], textLength: number) => Finding[];

export const FINDING_STEPS: readonly FindingStep[] = [clampSpans, dropDuplicates];

export function postprocess(findings: Finding[], textLength: number): Finding[] {
  return FINDING_STEPS.reduce((acc, step) => step(acc, textLength), findings);
}
