// The shapes that cross module boundaries. Everything here is plain data (serialisable), so an
// article's check can run in a worker thread and its facts can travel to the batch comparison.

export type Severity = 'error' | 'warning' | 'info';

/** The fixed vocabulary of categories that reports and downstream tools rely on. */
export const CATEGORIES = [
  'chrome',
  'boilerplate',
  'repetition',
  'spacing',
  'dates',
  'tortured-phrase',
  'encoding',
  'structure',
  'attribution',
  'language',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type InputFormat = 'txt' | 'md' | 'html' | 'json' | 'jsonl';

/** Where a publication date was read from. */
export type DateOrigin = 'record' | 'html-meta' | 'html-time' | 'text' | 'url';

/** One article as read, before any analysis. `body` is exactly the text offsets refer to. */
export interface Article {
  /** The record's id, else the path as given (with `#n` for the n-th record of a multi-article file). */
  id: string;
  /** The path as given (or `-` for stdin), with `:line` for JSONL records. */
  source: string;
  title: string | null;
  url: string | null;
  /** `YYYY-MM-DD` when the input states it (record field, HTML meta); inference happens later. */
  publishedAt: string | null;
  publishedAtOrigin: DateOrigin | null;
  /** Name of the publication or feed, when the record gives it. */
  publisher: string | null;
  format: InputFormat;
  body: string;
  /** HTML comments at their offsets in `body` (the loader removes them from the text); read for inline suppressions. */
  comments?: BodyComment[];
  /** For HTML input: what the markup says about each line of `body` (landmarks, class words, links). */
  structure?: PageStructure;
}

/** A comment of the source page, kept out of the text: where it sat in the body, and what it said. */
export interface BodyComment {
  offset: number;
  text: string;
}

/** The HTML structure of an article's lines, keyed by offsets into its body; plain data, so it serialises. */
export interface PageStructure {
  /** Distinct sets of words describing a line's surroundings: landmark element names ("el:nav") and class, id, role and itemprop words ("comment", "sidebar"). */
  sets: string[][];
  /** Non-blank lines of the body, in order. */
  lines: StructureLine[];
}

export interface StructureLine extends Span {
  /** Index into `sets`. */
  set: number;
  /** Share of the line's characters inside links (0–1). */
  linkShare: number;
}

/** A problem with the input itself: it goes into the report's `errors[]`; the batch goes on. */
export interface InputError {
  source: string;
  message: string;
  /** The article's id, when the problem belongs to one checked article (a rule failure, a timeout). */
  article?: string;
  /** The rule that failed, when one rule's detector threw on the article. */
  ruleId?: string;
}

export interface Span {
  start: number;
  end: number;
}

export interface Line extends Span {
  index: number;
  text: string;
  blank: boolean;
}

export interface Paragraph extends Span {
  index: number;
  /** Index of the first and last line (inclusive). */
  firstLine: number;
  lastLine: number;
  /** Index range [from, to) into Doc.sentences. */
  sentenceFrom: number;
  sentenceTo: number;
}

export interface Sentence extends Span {
  index: number;
  paragraph: number;
  text: string;
  /** Index range [from, to) into Doc.tokens. */
  tokenFrom: number;
  tokenTo: number;
}

export type TokenKind = 'word' | 'number' | 'punct' | 'symbol';

export interface Token extends Span {
  text: string;
  /** Lower-cased text, with typographic apostrophes folded to ASCII. */
  norm: string;
  kind: TokenKind;
  sentence: number;
  /**
   * The word's id in the process-wide vocabulary (src/text/vocabulary.ts): equal for equal `norm`, dense, stable for
   * the life of the process (thread); NO_ID (-1) for numbers, punctuation and symbols, and for new words once the
   * vocabulary is full. A detector that looks every word up in its own table reads a VocabIndex (an array by id)
   * instead of hashing `norm` again: the phrase packs, spun collocations and broken infinitives do; others
   * (stopwords, roles, attribution cues, content words, redundancy's per-article ids) can adopt it the same way.
   * Process-local: never written to a report or to facts.
   */
  vocabId: number;
}

/** A detector's raw result: a span and, optionally, a specific message and a mechanical fix. */
export interface Finding extends Span {
  /** Overrides the rule's message; may use `{text}` and keys of `data` as placeholders. */
  message?: string;
  /** The text that should replace [start, end). */
  suggestion?: string;
  /** Values for message placeholders. */
  data?: Record<string, string | number>;
  /** Per-finding severity override (e.g. a detector that grades its confidence). */
  severity?: Severity;
  /** Related span elsewhere in the same article (e.g. the earlier of two restated sentences). */
  related?: Span;
}

/** A flag as it appears in the report. */
export interface Flag extends Span {
  ruleId: string;
  category: Category;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** Position of `end` (exclusive: the column just past the last flagged character). Schema 1.1.0. */
  endLine?: number;
  endColumn?: number;
  text: string;
  suggestion?: string;
  related?: Span & { line: number; column: number; text: string };
  /** Present when the flag does not count (kept in the report, never dropped): why, and where the comment is. */
  suppressed?: Suppression;
}

/** Why a flag is not counted: an inline `<!-- credlint-disable ... -->` comment, or a baseline file. */
export interface Suppression {
  kind: 'inline' | 'baseline';
  /** The directive as written (inline), or the baseline file. */
  reason: string;
  /** Where the directive comment is in the body (inline only). */
  start?: number;
  line?: number;
  column?: number;
}

export interface CategoryTally {
  flags: number;
  penalty: number;
}

export type Verdict = 'pass' | 'review' | 'fail';

export interface ArticleResult {
  id: string;
  source: string;
  title: string | null;
  url: string | null;
  publishedAt: string | null;
  publishedAtOrigin: DateOrigin | null;
  language: string;
  score: number;
  verdict: Verdict;
  stats: Record<string, number>;
  categories: Partial<Record<Category, CategoryTally>>;
  flags: Flag[];
  /** Rules not run on this article (language mismatch), by id. */
  skippedRules: string[];
}

export interface ComparisonSide extends Span {
  article: string;
  /** The span's text, read from the body at report time (empty when only the article's facts were compared). */
  text: string;
  /** 1-based position of start and end (since schema 1.1.0): no renderer needs to re-segment a body. */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
}

export type ComparisonType = 'near-duplicate' | 'shared-claim' | 'contradiction';
export type ContradictionKind = 'number' | 'date' | 'negation' | 'entity' | 'status' | 'antonym' | 'quote' | 'attribution';

/** One copy in a story: how much it shares with the earliest version, and what it changed (since schema 1.1.0). */
export interface StoryCopy {
  article: string;
  /** The version it was compared with: the earliest one it is linked to (the story's original when linked directly). */
  copyOf: string;
  /** Share of the original's text (by sentence length) this copy carries. */
  carries: number;
  /** Share of this copy's text that comes from the original. */
  carriedFrom: number;
  addedSentences: number;
  droppedSentences: number;
  /** Each changed statement: the kind, what the original says and what the copy says, and where (in the copy). */
  changes: Array<{ kind: ContradictionKind; a: string; b: string; start: number; end: number }>;
}

/** Articles of the batch that are one story (near-duplicates and partial copies, transitively). */
export interface StoryCluster {
  id: string;
  /** The earliest version: by publishedAt, else input order. */
  original: string;
  /** Every member, the original first. */
  articles: string[];
  copies: StoryCopy[];
}

export interface Comparison {
  type: ComparisonType;
  a: ComparisonSide;
  b: ComparisonSide;
  similarity: number;
  kind: ContradictionKind | null;
  message: string;
}

export interface Summary {
  articles: number;
  errors: number;
  verdicts: Record<Verdict, number>;
  categories: Partial<Record<Category, number>>;
  comparisons: Partial<Record<ComparisonType, number>>;
  durationMs: number;
  /** Flags kept in the report but not counted (inline suppressions and baseline matches). */
  suppressed?: number;
  /** With `--baseline`: flags new since the baseline, flags it already held, and baseline flags no longer found. */
  baseline?: { file: string; new: number; matched: number; gone: number };
}

export interface Report {
  schemaVersion: string;
  tool: { name: string; version: string };
  articles: ArticleResult[];
  comparisons: Comparison[];
  /** Stories of copies (since schema 1.1.0). */
  clusters?: StoryCluster[];
  errors: InputError[];
  summary: Summary;
  /** Set when a pre-publish gate was asked for (the service's failOn). */
  gate?: Gate;
}

export interface Gate {
  failOn: 'review' | 'fail';
  passed: boolean;
  /** Ids of the articles at `failOn` or worse. */
  failing: string[];
  /** Sources that could not be read or checked: a gate never passes what it did not read. */
  unchecked: string[];
}
