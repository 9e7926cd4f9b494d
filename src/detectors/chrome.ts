import { classifyLines, type ChromeClassification } from '../chrome/classify.js';
import { chromeRuns, POSITIONAL_REASONS } from '../chrome/runs.js';
import { compileChromeOptions, type ChromeOptions, type CompiledChromeOptions } from '../chrome/options.js';
import { lineHints } from '../chrome/structure-hints.js';
import type { Doc } from '../text/doc.js';
import { firstIndex } from '../text/first-index.js';
import { protectedSpans } from '../text/protected-spans.js';
import type { Finding, Span } from '../types.js';
import type { Detector, DetectorContext } from './detector.js';

const kindSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['label'],
  properties: {
    label: { type: 'string', minLength: 1, description: 'Plain words for the message ("share buttons").' },
    lines: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Regular expressions matching a whole line (case-insensitive).' },
    starts: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Regular expressions matching the start of a line (case-insensitive).' },
    ends: { type: 'array', items: { type: 'string', minLength: 1 }, description: 'Regular expressions matching the end of a line (case-insensitive).' },
    weight: { type: 'number', minimum: 0, maximum: 100, description: 'How hard a matching line separates the article from what lies beyond it (default 3).' },
    thread: { type: 'boolean', description: 'Lines of this kind mark reader comments; several with prose between them make a comment thread.' },
  },
};

const num = (min: number, max: number) => ({ type: 'number', minimum: min, maximum: max });
const words = { type: 'array', items: { type: 'string', pattern: '^[a-z]+$' } };
const labels = { type: 'object', propertyNames: { pattern: '^[a-z0-9]+$' }, additionalProperties: { type: 'string', minLength: 1 } };

/** The page's classification, computed once per article and shared (strip uses the same one). */
export function chromeClassification(doc: Doc, options: CompiledChromeOptions, ctx: DetectorContext | null): ChromeClassification {
  return doc.memo('chrome', (d) =>
    classifyLines({ lines: d.lines, tokens: d.tokens, language: d.language, templateLines: ctx?.hints?.templateLines, hints: lineHints(d.lines, d.article.structure, options.structure) }, options),
  );
}

/**
 * The article's own headline, which the loader read as its title, is not chrome even where its place
 * alone would make it so (a headline above the text). A line with any chrome vocabulary stays chrome.
 */
function keepTitle(doc: Doc, c: ChromeClassification): ChromeClassification {
  const title = doc.article.title?.trim();
  if (!title) return c;
  // The headline sits at the top, below the page's navigation at most.
  const firstLines = doc.lines.filter((l) => !l.blank).slice(0, 12);
  const line = firstLines.find((l) => {
    const t = l.text.trim();
    return t === title || (t.split(/\s+/).length >= 3 && title.startsWith(`${t} `));
  });
  if (!line || !POSITIONAL_REASONS.has(c.lines[line.index]!.reason)) return c;
  const lines = c.lines.slice();
  lines[line.index] = { ...lines[line.index]!, chrome: false, reason: '' };
  return { ...c, lines };
}

/** Site chrome left around scraped article text: navigation, share buttons, bylines, related links, footers. */
export const chrome: Detector<ChromeOptions, CompiledChromeOptions> = {
  type: 'chrome',
  summary: 'Classifies every line as article text or site chrome (navigation, share buttons, byline widgets, related links, footers) and flags the chrome runs.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['stopwords', 'kinds'],
    properties: {
      stopwords: {
        type: 'object',
        propertyNames: { pattern: '^[a-z]{3}$' },
        additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 },
        description: 'Function words per language (ISO 639-3): their density marks running prose.',
      },
      kinds: { type: 'object', additionalProperties: kindSchema, description: 'Kinds of chrome and the lines that give them away.' },
      structure: {
        type: 'object',
        additionalProperties: false,
        required: ['chromeElements', 'outerElements', 'articleElements', 'articleWords', 'commentWords', 'furnitureWords'],
        description: 'HTML input only: elements and class/id words that mark furniture, the article and comment sections.',
        properties: {
          chromeElements: labels,
          outerElements: labels,
          articleElements: words,
          articleWords: words,
          commentWords: words,
          furnitureWords: labels,
        },
      },
      thresholds: {
        type: 'object',
        additionalProperties: false,
        properties: {
          goodChars: num(1, 10000),
          shortChars: num(1, 1000),
          stopwordDensity: num(0, 1),
          vocabularyMaxWords: num(1, 100),
          titleCaseShare: num(0, 1),
          headlineRun: num(1, 100),
          gapPenalty: num(0, 100),
          earliestRegionShare: num(0, 1),
          minPositionalWords: num(0, 1000),
          secondaryRegionShare: num(0, 1),
          secondaryGapShare: num(0, 100000),
          truncatedPenalty: num(0, 100),
          cheapGapShare: num(0, 100),
          gluedHeadlineWords: num(2, 100),
          captionLeadLines: num(0, 100),
          cardRepeats: num(0, 100),
          leadGapLines: num(0, 100),
          photoCaptionRun: num(0, 100),
          colonListLines: num(0, 100),
          errorLines: num(1, 1000),
          threadMaxGap: num(1, 1000),
          threadMinSignals: num(2, 1000),
          threadArticleWords: num(0, 100000),
          inlineDateWords: num(0, 20),
          headLines: num(0, 100),
          signOffLines: num(0, 10),
          breakLines: num(1, 1000),
          breakVocabulary: num(0, 1000),
          structurePenalty: num(0, 100),
          linkShare: num(0, 1),
          outsideArticlePenalty: num(0, 100),
          articleShare: num(0, 1),
          nearGoodWeight: num(0, 100),
          headlinePenalty: num(0, 100),
          shortSentenceWeight: num(-100, 100),
          shortFigureWeight: num(-100, 100),
          shortWordsPenalty: num(0, 100),
          tableRowWeight: num(-100, 100),
          badPenalty: num(0, 100),
          kindWeight: num(0, 100),
          runGrowth: num(0, 10),
          barrierWeight: num(0, 1000),
          threadPenalty: num(0, 100),
          linkListLines: num(1, 100),
          linkListMaxWords: num(1, 1000),
          markupThreadChars: num(0, 100000),
        },
      },
    },
  },
  prepare: compileChromeOptions,
  run(doc, rule, ctx) {
    const c = keepTitle(doc, chromeClassification(doc, rule.prepared, ctx));
    const findings: Finding[] = [];
    let lines = 0;
    // A Markdown code block is the author's (a listing, a table of figures), however little it reads like prose:
    // never page furniture, and never what `fix --strip` removes.
    const blocks = doc.article.format === 'md' ? protectedSpans(doc).blocks : [];
    for (const run of chromeRuns(doc.lines, c, rule.prepared.thresholds.minPositionalWords)) {
      for (const part of blocks.length ? outside(run, blocks, doc) : [run]) {
        const n = part === run ? run.lines : linesIn(doc, part);
        lines += n;
        const f: Finding = { start: part.start, end: part.end, data: { kind: run.reason, lines: n } };
        // A block of page furniture this size would go to print with the article: as serious as it gets.
        if (n >= rule.prepared.thresholds.errorLines) f.severity = 'error';
        findings.push(f);
      }
    }
    ctx.stat('chromeLines', lines);
    return findings;
  },
};

/** The parts of `run` outside the sorted, disjoint `blocks`, each trimmed to its text; none that is only whitespace. */
function outside(run: Span, blocks: readonly Span[], doc: Doc): Span[] {
  const parts: Span[] = [];
  let from = run.start;
  for (const b of blocks) {
    if (b.end <= from || b.start >= run.end) continue;
    if (b.start > from) parts.push({ start: from, end: b.start });
    from = Math.max(from, b.end);
  }
  if (from < run.end) parts.push({ start: from, end: run.end });
  const t = doc.text;
  return parts.flatMap((p) => {
    let { start, end } = p;
    while (start < end && /\s/.test(t[start]!)) start++;
    while (end > start && /\s/.test(t[end - 1]!)) end--;
    return end > start ? [{ start, end }] : [];
  });
}

/** Lines of the document that `span` touches (lines are sorted and disjoint: two binary searches). */
function linesIn(doc: Doc, span: Span): number {
  const n = doc.lines.length;
  return firstIndex(n, (i) => doc.lines[i]!.start >= span.end) - firstIndex(n, (i) => doc.lines[i]!.end > span.start);
}
