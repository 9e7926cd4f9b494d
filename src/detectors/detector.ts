import type { Category, Finding, Severity } from '../types.js';
import type { Doc } from '../text/doc.js';

/** An example in a rule's documentation: a text it must flag (optionally naming the exact flagged text) or pass. */
export type RuleExample = string | { text: string; flagged?: string; suggestion?: string; message?: string; publishedAt?: string };

/** A rule as written in a pack (rules/*.json), after validation. */
export interface RuleSpec {
  id: string;
  category: Category;
  severity: Severity;
  message: string;
  description: string;
  type: string;
  /** ISO 639-3 codes the rule applies to; absent means every language. */
  languages?: string[];
  /** The pack said `"languages": "any"`: the rule is language-neutral by declaration (languages is then absent). */
  languageNeutral?: boolean;
  options: Record<string, unknown>;
  examples?: { flag?: RuleExample[]; pass?: RuleExample[] };
}

/** A rule ready to run: its spec, where it came from, and its options compiled once by its detector. */
export interface LoadedRule<P = unknown> extends RuleSpec {
  pack: string;
  enabled: boolean;
  prepared: P;
  /**
   * Set when the rule runs patterns from a user's pack or configuration: checked at load for catastrophic
   * backtracking only, so a polynomial one may run long inside one call, where only a thread's hard guard stops it.
   */
  userPatterns?: true;
}

/**
 * What a batch run knows that one article cannot: lines that recur across many articles of the same
 * source (footers, disclaimers). Compact, computed before the per-article phase, the same in every worker.
 */
export interface BatchHints {
  /** Normalised line keys (see text/line-key.ts) seen in many articles of this article's source. */
  templateLines: ReadonlySet<string>;
}

export interface DetectorContext {
  hints: BatchHints | null;
  /** Adds a figure to the article's `stats` (e.g. an information-density measure). */
  stat(name: string, value: number): void;
}

/**
 * A detector type: one file in src/detectors/. Rule packs pick a type and hold its data; the detector
 * validates that data with `optionsSchema`, compiles it once in `prepare`, and reports spans in `run`.
 */
export interface Detector<O = Record<string, unknown>, P = O> {
  type: string;
  summary: string;
  /** JSON Schema of the rule's `options`, closed (additionalProperties: false). */
  optionsSchema: Record<string, unknown>;
  /** Compiles options once per rule; throws an Error with a plain message when they are unusable. */
  prepare?(options: O): P;
  run(doc: Doc, rule: LoadedRule<P>, ctx: DetectorContext): Finding[];
}

// Erases the option types so detectors of every shape can sit in one registry.
export type AnyDetector = Detector<any, any>;
