import type { Line, Token } from '../types.js';
import { lineKey } from '../text/line-key.js';
import { figureLine, lineFeatures, MONTH, type LineFeatures } from './line-features.js';
import { growRegion, neighbour } from './grow-region.js';
import { bestRegions } from './main-region.js';
import type { CompiledChromeOptions } from './options.js';
import { repeatMask } from './repeats.js';
import { teaserMask } from './teasers.js';
import { cardSeries } from './cards.js';
import { findThreads, type Thread } from './threads.js';
import type { LineHint } from './structure-hints.js';
import { emptyObjectArray } from '../text/object-array.js';

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
  /** Only when asked for (`ClassifyInput.trace`): the evidence behind each verdict, for tuning. */
  trace?: LineTrace[];
}

/** Why a line came out as it did: its weight towards the article region and the masks it fell in. */
export interface LineTrace {
  weight: number;
  teaser: boolean;
  thread: boolean;
  region: boolean;
}

export interface ClassifyInput {
  lines: readonly Line[];
  language: string;
  templateLines?: ReadonlySet<string>;
  /** The document's tokens (in text order): line features reuse them instead of scanning each line again. */
  tokens?: readonly Token[];
  /** HTML input: what the markup says about each line (null per line where it says nothing). */
  hints?: readonly (LineHint | null)[];
  /** Return the evidence per line as well (weights, teaser and thread masks, region). */
  trace?: boolean;
}

/** Extra Latin characters one ideographic or syllabic character counts for in the length thresholds. */
const CJK_EXTRA = 2;

/** The first-pass class of a line, from its own features. */
export function classOf(f: LineFeatures, o: CompiledChromeOptions, template: boolean): LineClass {
  const th = o.thresholds;
  if (template || f.kind) return 'chrome';
  if (f.dateWidget && !f.endsSentence) return 'chrome';
  const prose = f.stopwordDensity >= 0 ? f.stopwordDensity >= th.stopwordDensity : f.sentenceEnds > 0;
  const headline = (!f.endsSentence && f.titleCase >= th.titleCaseShare && f.words >= 3) || f.headlineCaseWords >= th.headlineRun || f.gluedDateline || f.gluedHeadline;
  // An ideograph says about what three Latin letters do: "困った挙げ句、色々調べた結果…" is a full sentence.
  const length = f.chars + CJK_EXTRA * f.cjkChars;
  if (length >= th.goodChars && prose && !headline) return 'good';
  if (length < th.shortChars) return 'short';
  if (prose && !headline) return 'near-good';
  return 'bad';
}

/** How much a line pulls the main-content region towards itself (+) or apart (-). */
function weightOf(cls: LineClass, f: LineFeatures, o: CompiledChromeOptions): number {
  const th = o.thresholds;
  const g = th.gapPenalty;
  switch (cls) {
    case 'good':
      return f.words;
    case 'near-good':
      // Prose without a closing full stop is mostly a headline.
      return f.endsSentence ? f.words * th.nearGoodWeight : -g * th.headlinePenalty;
    case 'short':
      // Headings, list items and table cells inside an article have stopwords, digits or punctuation;
      // menu items are bare names.
      // (Scripts without word spaces have no stopwords to count: a closing stop will do.)
      if (f.endsSentence && (f.stopwords > 0 || f.stopwordDensity < 0)) return th.shortSentenceWeight;
      if (figureLine(f)) return th.shortFigureWeight;
      // A line starting in lower case continues a list or sentence; menu items are capitalised.
      return f.stopwords > 0 || f.digits || f.listItem || f.startsLower ? -g * th.shortWordsPenalty : -g;
    case 'bad':
      // Rows of a table of results are figures more than words: neutral-ish, like short lines.
      return f.numberShare >= 0.2 ? th.tableRowWeight : -g * th.badPenalty;
    case 'chrome':
      return -g * (f.kind?.weight ?? th.kindWeight);
  }
}

/**
 * Classifies every line as article or chrome: features per line, a first class per line, the main text
 * region (the run of lines where prose outweighs everything else), then context inside the region.
 */
export function classifyLines(input: ClassifyInput, o: CompiledChromeOptions): ChromeClassification {
  const { lines } = input;
  const stopwords = o.stopwords.get(input.language) ?? o.allStopwords;
  const perLine = input.tokens ? tokensByLine(lines, input.tokens) : null;
  // The per-line arrays are pushed, not mapped: `map` returns a packed array from the interpreter and a holey
  // one once this function is optimised, and every function that reads them deoptimises at the switch.
  const feats: (LineFeatures | null)[] = [];
  const template: boolean[] = [];
  const classes: (LineClass | null)[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const f = l.blank ? null : lineFeatures(l.text, o, stopwords, perLine?.[i] ?? null, l.start);
    const t = !l.blank && (input.templateLines?.has(lineKey(l.text)) ?? false);
    feats.push(f);
    template.push(t);
    classes.push(f ? classOf(f, o, t) : null);
  }
  keepSchedules(lines, feats, classes, o);
  keepSectionNumbers(lines, feats, classes);
  const teasers = teaserMask(feats, classes);
  const repeats = repeatMask(lines);
  for (let i = 0; i < lines.length; i++) if (repeats[i]) classes[i] = 'chrome';
  const g = o.thresholds.gapPenalty;
  // Teaser snippets add nothing to the article region (their headlines already count against it).
  // A snippet cut off mid-word ("[...]", "towar…") is a teaser's, whatever its neighbours: it weighs like a headline.
  // A typed array: plain arrays of weights switch between Smi and double elements from one article to the
  // next, and each switch deoptimises every function that reads them.
  const weights = Float64Array.from(feats, (f, i) => (!f ? 0 : f.truncated ? Math.min(0, weightOf(classes[i]!, f, o)) - g * o.thresholds.truncatedPenalty : teasers[i] ? Math.min(0, weightOf(classes[i]!, f, o)) : weightOf(classes[i]!, f, o)));
  const markup = applyMarkup(input.hints ?? [], feats, classes, weights, o);
  // A long unbroken run of non-article lines (menus, tag lists) separates more than its lines one by one:
  // each further line in the run costs a quarter more.
  let run = 0;
  for (let i = 0; i < weights.length; i++) {
    if (!feats[i]) continue;
    if (weights[i]! <= -o.thresholds.gapPenalty) weights[i] = weights[i]! * (1 + o.thresholds.runGrowth * run++);
    else if (weights[i]! >= 0) run = 0;
  }
  const barriers = Uint8Array.from(feats, (f) => (f?.kind && f.kind.weight >= o.thresholds.barrierWeight ? 1 : 0));
  // Reader comments can outweigh the article they follow: their prose adds nothing to any region, and
  // the thread's first line is a barrier the article never crosses.
  const inThread = new Uint8Array(lines.length);
  for (const t of [...findThreads(lines, feats, classes, weights, o.thresholds), ...markup.threads]) {
    inThread.fill(1, t.from, t.to + 1);
    barriers[t.from] = 1;
    for (let i = t.from; i <= t.to; i++) if (feats[i]) weights[i] = Math.min(0, weights[i]!) - g * o.thresholds.threadPenalty;
  }
  const regions = bestRegions(weights, barriers, o.thresholds.secondaryRegionShare, o.thresholds.earliestRegionShare, furnitureBreaks(feats, weights, o.thresholds), o.thresholds.secondaryGapShare, o.thresholds.cheapGapShare, o.thresholds.leadGapLines);
  const inRegion = new Uint8Array(lines.length);
  for (const r of regions) {
    const { from, to } = growRegion(lines, feats, classes, r.from, r.to);
    inRegion.fill(1, skipLeadingCaption(lines, feats, classes, from, to, o.thresholds.captionLeadLines), to + 1);
  }
  const cards = joinCardSeries(lines, feats, classes, inRegion, barriers, inThread, o.thresholds.cardRepeats);
  joinPhotoCaptions(lines, feats, classes, inRegion, o.thresholds.photoCaptionRun);
  joinColonList(lines, feats, classes, inRegion, o.thresholds.colonListLines);
  // Inside the article, one or two headline-like lines are headings; several in a row are a list of links.
  const listLike = (i: number): boolean => {
    const f = feats[i];
    // Lines with figures are schedules and results (article content), not links.
    return classes[i] === 'bad' && !!f && !f.listItem && !f.endsSentence && !f.digits && f.words <= o.thresholds.linkListMaxWords;
  };
  const linkListAt = (i: number): boolean => {
    if (!listLike(i)) return false;
    let n = 1;
    for (let j = neighbour(lines, i, -1); j >= 0 && listLike(j) && n < o.thresholds.linkListLines; j = neighbour(lines, j, -1)) n++;
    for (let j = neighbour(lines, i, 1); j >= 0 && listLike(j) && n < o.thresholds.linkListLines; j = neighbour(lines, j, 1)) n++;
    return n >= o.thresholds.linkListLines;
  };
  const first = inRegion.indexOf(1) < 0 ? lines.length : inRegion.indexOf(1);
  const verdictOf = (i: number): LineVerdict => {
    const f = feats[i];
    const cls = classes[i] ?? 'short';
    if (!f) return { index: i, cls, chrome: false, reason: '' };
    const marked = markup.reasons[i];
    if (marked && !f.kind) return { index: i, cls, chrome: true, reason: marked };
    if (inRegion[i]) {
      if (cls === 'chrome') return { index: i, cls, chrome: true, reason: reasonOf(f, template[i]!, repeats[i] === 1, 'inside') };
      if (linkListAt(i)) return { index: i, cls, chrome: true, reason: 'related links' };
      return { index: i, cls, chrome: false, reason: '' };
    }
    return { index: i, cls, chrome: true, reason: inThread[i] && !f.kind ? 'reader comments' : reasonOf(f, template[i]!, repeats[i] === 1, i < first ? 'before' : 'after') };
  };
  const verdicts: LineVerdict[] = [];
  for (let i = 0; i < lines.length; i++) verdicts.push(verdictOf(i));
  if (!markup.reasons.some((r) => r !== null)) keepOwnHead(verdicts, feats, first, o.thresholds.headLines, lines);
  keepCardsHeader(verdicts, lines, feats, cards);
  cutRelatedBlocks(verdicts, lines, feats);
  keepClosingHeader(verdicts, lines, feats);
  keepSignOff(verdicts, lines, feats, o.thresholds.signOffLines);
  keepInlineDates(verdicts, lines, feats, inRegion, o.thresholds.inlineDateWords);
  if (!input.trace) return { lines: verdicts };
  const trace = lines.map((_, i) => ({ weight: weights[i]!, teaser: teasers[i] === 1, thread: inThread[i] === 1, region: inRegion[i] === 1 }));
  return { lines: verdicts, trace };
}

/**
 * Product boxes right after (or inside) the article region belong to it: a series of cards (see
 * cards.ts) whose first card starts within one card's length of the region's end takes the region on to
 * its last card. Never across a comment thread or a barrier.
 */
function joinCardSeries(lines: readonly Line[], feats: readonly (LineFeatures | null)[], classes: readonly (LineClass | null)[], inRegion: Uint8Array, barriers: Uint8Array, inThread: Uint8Array, minCards: number): Uint8Array {
  const joined = new Uint8Array(lines.length);
  if (inRegion.indexOf(1) < 0) return joined;
  for (const s of cardSeries(lines, feats, classes, minCards)) {
    if (inRegion[s.last]) continue;
    // The region's last line before the series' first fixed line.
    let end = s.first;
    while (end >= 0 && !inRegion[end]) end--;
    if (end < 0) continue;
    // The first card's content lies before its fixed line: the region may end up to a card's length before it.
    let gap = 0;
    for (let i = end + 1; i < s.first; i++) if (feats[i]) gap++;
    if (gap > CARD_REACH_LINES) continue;
    let blocked = false;
    for (let i = end + 1; i <= s.last && !blocked; i++) blocked = barriers[i] === 1 || inThread[i] === 1;
    if (!blocked) {
      inRegion.fill(1, end + 1, s.last + 1);
      joined.fill(1, end + 1, s.last + 1);
    }
  }
  return joined;
}

/**
 * A photo essay: right after the article's text, a run of at least `minRun` pictures' captions, each a
 * sentence with its credit in brackets ("A mother carries her baby dressed up for Halloween. (Daniel
 * Sorabji/AFP/Getty Images)"). One caption's credit is residue; a run of them straight after the text is
 * the post's own pictures, and the article goes on over them.
 */
function joinPhotoCaptions(lines: readonly Line[], feats: readonly (LineFeatures | null)[], classes: (LineClass | null)[], inRegion: Uint8Array, minRun: number): void {
  if (minRun <= 0) return;
  const caption = (i: number): boolean => {
    const f = feats[i];
    if (!f || f.words < CAPTION_WORDS || f.stopwords === 0 || !CAPTION_CREDIT_END.test(lines[i]!.text)) return false;
    // A credit the vocabulary knows, or a photographer and an agency ("(Vincent Yu/Associated Press)").
    return f.kind?.name === 'credit' || (!f.kind && CAPTION_AGENCY_END.test(lines[i]!.text));
  };
  for (let i = 0; i < lines.length; i++) {
    if (!inRegion[i]) continue;
    const next = neighbour(lines, i, 1);
    if (next < 0 || inRegion[next]) continue;
    const run: number[] = [];
    for (let j = next; j >= 0 && caption(j); j = neighbour(lines, j, 1)) run.push(j);
    if (run.length < minRun) continue;
    for (const j of run) classes[j] = 'near-good';
    inRegion.fill(1, i + 1, run.at(-1)! + 1);
    i = run.at(-1)!;
  }
}

/**
 * A list the article's last line introduces ("Dare to Play 3:" then its points, one a line): the lines
 * straight under it, with no blank line between (one block), are the list's items, up to `max` of them.
 * A chrome line ("Share this:", "Tags:") introduces nothing of the article's.
 */
function joinColonList(lines: readonly Line[], feats: readonly (LineFeatures | null)[], classes: readonly (LineClass | null)[], inRegion: Uint8Array, max: number): void {
  if (max <= 0) return;
  for (let i = 0; i + 1 < lines.length; i++) {
    const f = feats[i];
    const first = neighbour(lines, i, 1);
    if (!inRegion[i] || !f || !f.endsColon || classes[i] === 'chrome' || first < 0 || inRegion[first]) continue;
    let j = first;
    while (j < lines.length && j - first < max && feats[j] && classes[j] !== 'chrome' && classes[j] !== 'good') j++;
    // A list, not one line: at least two items, and the block ends there (a blank line or chrome).
    if (j - first >= COLON_LIST_MIN && (j >= lines.length || !feats[j] || classes[j] === 'chrome')) inRegion.fill(1, i + 1, j);
    i = j - 1;
  }
}

const COLON_LIST_MIN = 2;

/** Words a caption has (a sentence about the picture), and its credit closing the line in brackets. */
const CAPTION_WORDS = 6;
const CAPTION_CREDIT_END = /\)\s*$/u;
const CAPTION_AGENCY_END = /\([^()/]{2,60}\/[^()]{2,60}\)\s*$/u;

/**
 * A related-links header ("Don't Miss:") between the article's text and the product cards it goes on
 * with heads the cards, which are the article's: it is the article's heading, not a box of links.
 */
function keepCardsHeader(verdicts: LineVerdict[], lines: readonly Line[], feats: readonly (LineFeatures | null)[], cards: Uint8Array): void {
  for (let i = 0; i < feats.length; i++) {
    const f = feats[i];
    if (!f || !cards[i] || f.kind?.name !== 'related' || f.words > CLOSING_HEADER_WORDS || LINK_AFTER_LABEL.test(lines[i]!.text)) continue;
    keepLine(verdicts, i);
  }
}

/** How far (non-blank lines) the first card's fixed line may sit past the region's end. */
const CARD_REACH_LINES = 40;

/**
 * A gallery above the article: the region opens on a picture's caption (a sentence, so it scored as
 * prose), its credit ("Photo: Hau Dinh, AP") and the gallery's counter ("1 / 8", "Image 1 of 8"), before
 * the article's lead. The region starts at the first paragraph after them when they sit among its first
 * `max` lines and at least two full paragraphs follow (else the caption may be all the text there is).
 * A credit alone is not enough: an article's lead is often followed by its first picture's credit.
 */
function skipLeadingCaption(lines: readonly Line[], feats: readonly (LineFeatures | null)[], classes: readonly (LineClass | null)[], from: number, to: number, max: number): number {
  let credit = -1;
  let counter = false;
  let seen = 0;
  let prose = 0;
  for (let i = from; i <= to && seen < max; i++) {
    if (!feats[i]) continue;
    seen++;
    if (GALLERY_COUNTER.test(lines[i]!.text)) {
      counter = true;
      credit = i;
    } else if (feats[i]!.kind?.name === 'credit') credit = i;
    else if (classes[i] === 'good' || classes[i] === 'near-good') prose++;
    // A caption is a line or two; more prose before a credit is the article with a picture in it.
    if (prose > CAPTION_LINES) break;
  }
  if (credit < 0 || !counter) return from;
  // The article starts on its first sentence after them (a lead too short to be "good" included).
  let start = -1;
  let good = 0;
  for (let i = credit + 1; i <= to; i++) {
    const f = feats[i];
    if (start < 0 && f && classes[i] !== 'chrome' && f.endsSentence && f.stopwords > 0 && f.chars >= CAPTION_LEAD_CHARS) start = i;
    if (classes[i] === 'good' && ++good >= CAPTION_FOLLOWING_PARAGRAPHS) return start;
  }
  return from;
}

/** A gallery's counter: "1 / 8", "Image 1 of 8", "Photo 3/12". */
const GALLERY_COUNTER = /^\s*(?:(?:image|photo|picture|slide)\s+)?\d{1,3}\s*(?:of|\/)\s*\d{1,3}\s*$/iu;
/** Prose lines a caption may take (a long caption is sometimes repeated, cut short, below itself). */
const CAPTION_LINES = 2;
/** The shortest line that can open the article after a gallery ("Back to Gallery" cannot). */
const CAPTION_LEAD_CHARS = 45;
/** Full paragraphs that must follow a skipped caption. */
const CAPTION_FOLLOWING_PARAGRAPHS = 2;

/**
 * A text that opens straight on a headline and its byline or date, with nothing before them, is an
 * article as submitted, not a page: those lines are its own. (A page puts navigation above them.) Only
 * lines that read as a headline (three words or more), a byline, a name or a date qualify; bare menu words do not.
 */
function keepOwnHead(verdicts: LineVerdict[], feats: readonly (LineFeatures | null)[], first: number, max: number, lines: readonly Line[]): void {
  if (first >= verdicts.length) return;
  const all: number[] = [];
  for (let i = 0; i < first; i++) if (feats[i]) all.push(i);
  // A date set one part per line ("24 / Jul / 2012") is one date line: its first part stands for it.
  const split = splitDateAt(all, lines);
  const head = split > 0 ? all.slice(split - 1) : all;
  if (split > 0) feats = feats.map((f, i) => (i === head[0] ? { ...f!, kind: null, dateWidget: true } : f));
  if (head.length === 0 || head.length > max) return;
  // It holds a headline (three words or more, not a date) and opens on it or on a plain date; the other
  // lines are bylines, dates, a two-word name ("Adam Garber") or a standfirst. A labelled widget
  // ("PUBLISHED: ... | UPDATED: ...") on the first line is the page's. A plain date alone qualifies too.
  const headline = (f: LineFeatures): boolean => !f.kind && !f.dateWidget && f.words >= 3;
  // Below the headline: a byline, the picture's credit ("Getty Images"), a label ending in a stop ("Q.").
  const own = (i: number, n: number): boolean => {
    const f = feats[i]!;
    if (f.kind) return n > 0 && (f.kind.name === 'byline' || (f.kind.name === 'credit' && f.words <= HEAD_CREDIT_WORDS));
    return f.dateWidget || f.commentByline || f.words >= (n === 0 ? 3 : 2) || (n > 0 && f.words === 1 && (f.endsSentence || f.endsColon));
  };
  // A date alone, or a dateline and its date ("The Briefing, Thursday, November 8, 2012").
  const lone = head.length <= 2 && head.every((i) => feats[i]!.dateWidget && !feats[i]!.kind);
  if (!head.every((i, n) => own(i, n)) || !(lone || head.some((i) => headline(feats[i]!)))) return;
  for (const i of all) keepLine(verdicts, i);
}

/**
 * Lines at the start of the head that are the parts of one date, one per line: day, month name and year
 * ("24", "Jul", "2012") or month, day and year. Returns how many (0: none).
 */
function splitDateAt(head: readonly number[], lines: readonly Line[]): number {
  if (head.length < 3) return 0;
  const [a, b, c] = head.slice(0, 3).map((i) => lines[i]!.text.trim());
  const day = (t: string): boolean => SPLIT_DAY.test(t) && Number(t) >= 1 && Number(t) <= 31;
  const month = (t: string): boolean => SPLIT_MONTH.test(t);
  return SPLIT_YEAR.test(c!) && ((day(a!) && month(b!)) || (month(a!) && day(b!))) ? 3 : 0;
}

const SPLIT_MONTH = new RegExp(`^${MONTH}$`, 'iu');
const SPLIT_DAY = /^\d{1,2}$/u;
const SPLIT_YEAR = /^\d{4}$/u;

/**
 * A related-links header inside the article ("Related articles", "DON'T MISS") heads the links under it:
 * the headlines that follow (no closing stop) go with it, up to the article's next sentence.
 */
function cutRelatedBlocks(verdicts: LineVerdict[], lines: readonly Line[], feats: readonly (LineFeatures | null)[]): void {
  for (let i = 0; i < feats.length; i++) {
    const f = feats[i];
    if (!f || !verdicts[i]!.chrome || f.kind?.name !== 'related' || LINK_AFTER_LABEL.test(lines[i]!.text)) continue;
    let n = 0;
    for (let j = neighbour(lines, i, 1); j >= 0 && n < RELATED_BLOCK_LINES; j = neighbour(lines, j, 1), n++) {
      const g = feats[j]!;
      if (verdicts[j]!.chrome) continue;
      if (g.endsSentence || g.listItem || g.chars >= RELATED_LINK_CHARS) break;
      verdicts[j] = { ...verdicts[j]!, chrome: true, reason: f.kind.label };
    }
  }
}

/** Most links under one related header, and the longest line that can be one. */
const RELATED_BLOCK_LINES = 8;
const RELATED_LINK_CHARS = 120;

/** A picture credit under a headline ("Getty Images", "Photo: Jane Doe"), not a whole caption. */
const HEAD_CREDIT_WORDS = 4;

/**
 * A related-links header that closes the text with nothing under it ("Related:", "You might also like:")
 * introduces no links: whoever removed the list left it as the article's last line, and a page always
 * has its footer below. Cutting it would change nothing an editor needs; flagging it is a false alarm.
 */
function keepClosingHeader(verdicts: LineVerdict[], lines: readonly Line[], feats: readonly (LineFeatures | null)[]): void {
  // A header, not a link of its own ("Read more: Why the river runs backwards").
  const header = (i: number): boolean => {
    const f = feats[i]!;
    return f.kind?.name === 'related' && f.words <= CLOSING_HEADER_WORDS && !LINK_AFTER_LABEL.test(lines[i]!.text);
  };
  let last = feats.length - 1;
  while (last >= 0 && !feats[last]) last--;
  // Straight after the article's last line: below a share box or a footer it is the page's own.
  const above = last >= 0 ? neighbour(lines, last, -1) : -1;
  if (above >= 0 && !verdicts[above]!.chrome && verdicts[last]!.chrome && header(last)) keepLine(verdicts, last);
}

/**
 * The story's own credits and contact line, straight after its last line: the agency's "(Reporting by NAME;
 * Editing by NAME)", "Write to NAME at ADDRESS", a blog's "Via SOURCE". They are printed with the story (its
 * attribution), not page furniture, though short and link-like; further down the page they stay chrome.
 */
function keepSignOff(verdicts: LineVerdict[], lines: readonly Line[], feats: readonly (LineFeatures | null)[], max: number): void {
  if (max < 1) return;
  for (let i = 0; i < feats.length; i++) {
    const f = feats[i];
    if (!f || f.kind || !verdicts[i]!.chrome || !SIGN_OFF.test(lines[i]!.text)) continue;
    // Back over at most max - 1 other credits to the article's last line.
    let j = neighbour(lines, i, -1);
    for (let n = 1; j >= 0 && n < max && verdicts[j]!.chrome && SIGN_OFF.test(lines[j]!.text); n++) j = neighbour(lines, j, -1);
    if (j >= 0 && !verdicts[j]!.chrome) keepLine(verdicts, i);
  }
}

/**
 * A plain date with its year on a line of its own between two lines of the article ("November 28, 1967"
 * above "Dear Mr. Kennedy"): the date of a letter, a diary entry or a timeline step the text quotes. A date
 * widget says when the page was posted: it carries a time, a label ("Posted", "Updated"), or sits at the
 * article's edge, next to the headline or the byline, not between its lines.
 */
function keepInlineDates(verdicts: LineVerdict[], lines: readonly Line[], feats: readonly (LineFeatures | null)[], inRegion: Uint8Array, maxWords: number): void {
  for (let i = 0; i < feats.length; i++) {
    const f = feats[i];
    if (!f || !inRegion[i] || !verdicts[i]!.chrome || f.kind || !f.dateWidget || f.words > maxWords || !PLAIN_DATE.test(lines[i]!.text)) continue;
    const above = neighbour(lines, i, -1);
    const below = neighbour(lines, i, 1);
    if (above >= 0 && below >= 0 && !verdicts[above]!.chrome && !verdicts[below]!.chrome && inRegion[above] && inRegion[below]) keepLine(verdicts, i);
  }
}

/** A calendar date with a year and nothing else: "November 28, 1967", "28 November 1967", "Nov. 28, 1967" (a widget names the weekday: "Wednesday November 20, 2019"). */
const PLAIN_DATE = /^\s*(?:\p{L}{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+|\d{1,2}(?:st|nd|rd|th)?\s+\p{L}{3,9}\.?,?\s+)\d{4}\s*$/iu;

/** "(Reporting by ...", "Additional reporting by ...", "Write to NAME at name@host", "Via SOURCE" or "Via: SOURCE" (a few words). */
const SIGN_OFF = /^\s*(?:\(?(?:additional |editing and )?(?:reporting|writing|editing) by\s+\p{L}|write to\s+\p{L}[^@]{0,80}\sat\s+\S+@\S+\s*$|via:?\s+\p{L}\S*(?:\s+\S+){0,3}\s*$)/iu;

/** Takes a line back into the article (a later pass found it is the text's own). */
function keepLine(verdicts: LineVerdict[], i: number): void {
  verdicts[i] = { ...verdicts[i]!, chrome: false, reason: '' };
}

const LINK_AFTER_LABEL = /[:|»›>]\s*\S/u;

/** Words in a closing related-links header ("More stories you might like:"). */
const CLOSING_HEADER_WORDS = 6;

/**
 * A schedule (tour dates, fixtures, opening times): three or more lines in a row, no blank line between,
 * each a date with a place or name. Its lines look like date widgets one by one, but together they are
 * a table of the article's.
 */
function keepSchedules(lines: readonly Line[], feats: readonly (LineFeatures | null)[], classes: (LineClass | null)[], o: CompiledChromeOptions): void {
  const dated = (i: number): boolean => {
    const f = feats[i];
    return !!f && !f.kind && f.digits && (f.dateWidget || f.commentByline);
  };
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && dated(j)) j++;
    if (j - i >= SCHEDULE_LINES) for (let k = i; k < j; k++) if (classes[k] === 'chrome') classes[k] = feats[k]!.chars < o.thresholds.shortChars ? 'short' : 'bad';
    i = j + 1;
  }
}

/**
 * Numbered sections (a countdown list, numbered steps): lines holding just a number, counting up or down
 * by one, each followed by its section's prose. One by one they look like page numbers; together they
 * are the article's own numbering (a pager's numbers stand in a row, with no prose between them).
 */
function keepSectionNumbers(lines: readonly Line[], feats: readonly (LineFeatures | null)[], classes: (LineClass | null)[]): void {
  const seq: number[] = [];
  for (let i = 0; i < lines.length; i++) if (feats[i]) seq.push(i);
  const numberAt = (i: number): number | null => {
    const m = SECTION_NUMBER.exec(lines[i]!.text);
    return m ? Number(m[1]) : null;
  };
  const prose = (i: number): boolean => classes[i] === 'good' || (classes[i] === 'near-good' && feats[i]!.endsSentence);
  let k = 0;
  while (k < seq.length) {
    const first = numberAt(seq[k]!);
    if (first === null) {
      k++;
      continue;
    }
    // Follow the count: the next number within SECTION_GAP lines, with prose between.
    const found = [k];
    let step = 0;
    for (let at = k; ; ) {
      let next = -1;
      for (let j = at + 1; j < seq.length && j - at <= SECTION_GAP; j++) {
        const n = numberAt(seq[j]!);
        if (n === null) continue;
        const d = n - numberAt(seq[at]!)!;
        if ((d === 1 || d === -1) && (step === 0 || d === step)) next = j;
        break;
      }
      if (next < 0) break;
      let text = false;
      for (let j = at + 1; j < next; j++) if (prose(seq[j]!)) text = true;
      if (!text) break;
      step = numberAt(seq[next]!)! - numberAt(seq[at]!)!;
      found.push(next);
      at = next;
    }
    if (found.length >= SECTION_COUNT) for (const j of found) if (classes[seq[j]!] === 'chrome') classes[seq[j]!] = 'short';
    k = found.at(-1)! + 1;
  }
}

/** A line that is only a section number ("7", "7.", "#7", "No. 7"). */
const SECTION_NUMBER = /^\s*(?:#|no\.\s*)?(\d{1,3})[.):]?\s*$/iu;
/** Numbers in a count before they are sections, and the most lines one section may span. */
const SECTION_COUNT = 3;
const SECTION_GAP = 12;

/** Dated lines in a row that make a schedule. */
const SCHEDULE_LINES = 3;

/**
 * The word and number tokens of each line (all that line features read of them), in one pass over both (tokens
 * never cross a line break). A blank line gets none, and shares one empty array.
 */
function tokensByLine(lines: readonly Line[], tokens: readonly Token[]): (readonly Token[])[] {
  const out: (readonly Token[])[] = new Array(lines.length).fill(NO_TOKENS);
  let k = 0;
  for (const l of lines) {
    while (k < tokens.length && tokens[k]!.start < l.start) k++;
    let own: Token[] | null = null;
    for (; k < tokens.length && tokens[k]!.end <= l.end; k++) {
      const t = tokens[k]!;
      if (t.kind === 'word' || t.kind === 'number') (own ??= []).push(t);
    }
    if (own) out[l.index] = own;
  }
  return out;
}
/** Empty, with the object elements of every line's own token array (an empty literal has Smi elements), so the
 * loops over a line's words see one array map. */
const NO_TOKENS: readonly Token[] = emptyObjectArray();

/**
 * HTML input: the markup's word on each line, on top of what its text says. Lines in furniture (nav,
 * footer, sidebar, share boxes) are chrome; lines mostly inside links cost like menus; when an article
 * element holds most of the prose, lines outside it cannot anchor the article; comment sections are
 * threads. Text input has no hints, and the text-only evidence stays the same on both paths.
 */
function applyMarkup(
  hints: readonly (LineHint | null)[],
  feats: readonly (LineFeatures | null)[],
  classes: (LineClass | null)[],
  weights: Float64Array,
  o: CompiledChromeOptions,
): { reasons: (string | null)[]; threads: Thread[] } {
  const th = o.thresholds;
  const g = th.gapPenalty;
  const reasons: (string | null)[] = new Array(weights.length).fill(null);
  const threads: Thread[] = [];
  if (hints.length === 0) return { reasons, threads };
  let total = 0;
  let inArticle = 0;
  for (let i = 0; i < weights.length; i++) {
    const h = hints[i];
    if (!h || !feats[i]) continue;
    if (h.chrome) {
      classes[i] = 'chrome';
      weights[i] = Math.min(0, weights[i]!) - g * th.structurePenalty;
      reasons[i] = h.chrome;
    } else if (h.linkShare >= th.linkShare) weights[i] = Math.min(weights[i]!, -g);
    if (weights[i]! > 0) {
      total += weights[i]!;
      if (h.inArticle) inArticle += weights[i]!;
    }
  }
  if (inArticle > 0 && inArticle >= th.articleShare * total) {
    for (let i = 0; i < weights.length; i++) if (feats[i] && !hints[i]?.inArticle) weights[i] = Math.min(0, weights[i]!) - g * th.outsideArticlePenalty;
  }
  // Comment sections: runs of lines inside comment containers, long enough to be more than a "12 comments" link.
  let from = -1;
  let chars = 0;
  let last = -1;
  const close = (): void => {
    if (from >= 0 && chars >= th.markupThreadChars) threads.push({ from, to: last });
    from = -1;
    chars = 0;
  };
  for (let i = 0; i < weights.length; i++) {
    const f = feats[i];
    if (!f) continue;
    if (!hints[i]?.comment) {
      close();
      continue;
    }
    if (from < 0) from = i;
    last = i;
    chars += f.chars;
  }
  close();
  for (const t of threads) for (let i = t.from; i <= t.to; i++) if (feats[i] && !reasons[i]) reasons[i] = 'reader comments';
  return { reasons, threads };
}

/**
 * Blocks of page furniture: runs of non-article lines at least `breakLines` long holding at least
 * `breakVocabulary` lines of chrome vocabulary (a related-links box, a share-and-follow footer). Prose on
 * the far side of one (a legal disclaimer, an author's bio) only joins the article when it scores like it.
 */
function furnitureBreaks(feats: readonly (LineFeatures | null)[], weights: Float64Array, th: CompiledChromeOptions['thresholds']): Uint8Array {
  const mask = new Uint8Array(weights.length);
  let from = -1;
  let vocab = 0;
  let n = 0;
  const close = (to: number): void => {
    if (from >= 0 && n >= th.breakLines && vocab >= th.breakVocabulary) mask.fill(1, from, to);
    from = -1;
    vocab = n = 0;
  };
  for (let i = 0; i < weights.length; i++) {
    const f = feats[i];
    if (!f) continue;
    if (weights[i]! >= 0) {
      close(i);
      continue;
    }
    if (from < 0) from = i;
    n++;
    if (f.kind) vocab++;
  }
  close(weights.length);
  return mask;
}






function reasonOf(f: LineFeatures, template: boolean, repeat: boolean, where: 'before' | 'inside' | 'after'): string {
  if (repeat) return 'the article text repeated by the page template';
  if (f.kind) return f.kind.label;
  if (f.dateWidget) return 'byline/date widget';
  if (template) return 'a line repeated across this source\'s articles';
  if (where === 'before') return 'navigation or headline';
  return 'related links or footer';
}
