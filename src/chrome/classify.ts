import type { Line } from '../types.js';
import { lineKey } from '../engine/line-key.js';
import { lineFeatures, type LineFeatures } from './line-features.js';
import { bestRegions } from './main-region.js';
import type { CompiledChromeOptions } from './options.js';

/** First impression of a line, before its neighbours are considered (after jusText's classes). */
export type LineClass = 'good' | 'near-good' | 'short' | 'bad' | 'chrome';

export interface LineVerdict {
  index: number;
  cls: LineClass;
  chrome: boolean;
  /** Why it is chrome, in plain words ("share buttons", "navigation"); empty for article lines. */
  reason: string;
}

export interface ChromeClassification {
  /** One verdict per line of the text (blank lines: chrome only when inside a chrome run). */
  lines: LineVerdict[];
}

export interface ClassifyInput {
  lines: readonly Line[];
  language: string;
  templateLines?: ReadonlySet<string>;
}

/** The first-pass class of a line, from its own features. */
export function classOf(f: LineFeatures, o: CompiledChromeOptions, template: boolean): LineClass {
  const th = o.thresholds;
  if (template || f.kind) return 'chrome';
  if (f.dateWidget && !f.endsSentence) return 'chrome';
  const prose = f.stopwordDensity >= 0 ? f.stopwordDensity >= th.stopwordDensity : f.sentenceEnds > 0;
  const headline = (!f.endsSentence && f.titleCase >= th.titleCaseShare && f.words >= 3) || f.leadingCaps >= th.headlineRun;
  if (f.chars >= th.goodChars && prose && !headline) return 'good';
  if (f.chars < th.shortChars) return 'short';
  if (prose && !headline) return 'near-good';
  return 'bad';
}

/** How much a line pulls the main-content region towards itself (+) or apart (-). */
function weightOf(cls: LineClass, f: LineFeatures, o: CompiledChromeOptions): number {
  const g = o.thresholds.gapPenalty;
  switch (cls) {
    case 'good':
      return f.words;
    case 'near-good':
      return f.endsSentence ? f.words * 0.5 : 0;
    case 'short':
      // Headings, list items and table cells inside an article have stopwords, digits or punctuation;
      // menu items are bare names.
      if (f.endsSentence && f.stopwords > 0) return 0.5;
      return f.stopwords > 0 || f.digits || f.listItem ? -g * 0.25 : -g;
    case 'bad':
      return -g * 2;
    case 'chrome':
      return -g * (f.kind?.weight ?? 3);
  }
}

/**
 * Classifies every line as article or chrome: features per line, a first class per line, the main text
 * region (the run of lines where prose outweighs everything else), then context inside the region.
 */
export function classifyLines(input: ClassifyInput, o: CompiledChromeOptions): ChromeClassification {
  const { lines } = input;
  const stopwords = o.stopwords.get(input.language) ?? o.allStopwords;
  const feats: (LineFeatures | null)[] = lines.map((l) => (l.blank ? null : lineFeatures(l.text, o, stopwords)));
  const classes: (LineClass | null)[] = feats.map((f, i) => (f ? classOf(f, o, input.templateLines?.has(lineKey(lines[i]!.text)) ?? false) : null));
  const weights = feats.map((f, i) => (f ? weightOf(classes[i]!, f, o) : 0));
  const regions = bestRegions(weights, o.thresholds.secondaryRegionShare);
  const inRegion = new Uint8Array(lines.length);
  for (const r of regions) inRegion.fill(1, r.from, r.to + 1);
  const first = regions.length ? Math.min(...regions.map((r) => r.from)) : lines.length;
  const verdicts: LineVerdict[] = lines.map((l, i) => {
    const f = feats[i];
    const cls = classes[i] ?? 'short';
    if (!f) return { index: i, cls, chrome: false, reason: '' };
    if (inRegion[i]) {
      if (cls === 'chrome') return { index: i, cls, chrome: true, reason: reasonOf(f, input.templateLines?.has(lineKey(l.text)) ?? false, 'inside') };
      return { index: i, cls, chrome: false, reason: '' };
    }
    return { index: i, cls, chrome: true, reason: reasonOf(f, cls === 'chrome' && !f.kind && !f.dateWidget, i < first ? 'before' : 'after') };
  });
  return { lines: verdicts };
}

function reasonOf(f: LineFeatures, template: boolean, where: 'before' | 'inside' | 'after'): string {
  if (f.kind) return f.kind.label;
  if (f.dateWidget) return 'byline/date widget';
  if (template) return 'a line repeated across this source\'s articles';
  if (where === 'before') return 'navigation or headline';
  return 'related links or footer';
}
