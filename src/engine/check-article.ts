import type { BatchHints, DetectorContext, LoadedRule } from '../detectors/detector.js';
import { DETECTORS } from '../detectors/index.js';
import { buildFacts, type ArticleFacts } from '../facts/facts.js';
import type { Config } from '../rules/config.js';
import { scoreFlags } from '../score/score.js';
import { buildDoc, type Doc } from '../text/doc.js';
import type { Article, ArticleResult, Finding, Flag, Span } from '../types.js';
import { formatMessage } from '../report/format-message.js';
import { postprocess } from './postprocess/index.js';
import { emptyObjectArray } from '../text/object-array.js';
import { inferPublication } from '../dates/publication.js';
import { applyInline, type InlineOutcome } from '../suppress/apply-inline.js';
import { blankDirectives, DIRECTIVES, onlyBlanked, readDirectives } from '../suppress/directives.js';
import { clipText } from '../text/surrogates.js';

const TEXT_MAX = 300;
/** A rule's flags when it found nothing: shared, only read (its flags are copied into the article's). */
const NO_FLAGS: readonly Flag[] = [];

/** A rule that threw on this article: its other rules' flags still stand. */
export interface RuleFailure {
  ruleId: string;
  message: string;
}

/**
 * A time budget for one article, checked cooperatively between rules and shared analyses: cheap (a clock
 * read per rule), and it works on the main thread, where nothing can interrupt a running rule. A worker
 * pool keeps its hard guard (terminating the thread) for a rule that never returns.
 */
export interface ArticleBudget {
  /** Milliseconds the article may take. */
  ms: number;
  /** When its clock started (performance.now()); default: when checkArticle is called. */
  startedAt?: number;
}

/** The article ran past its budget: stopped at the first check after it, in or after `ruleId` (or `stage`). */
export class ArticleOverBudget extends Error {
  constructor(
    readonly budgetMs: number,
    readonly ruleId: string | undefined,
    readonly stage: string,
  ) {
    super(`checking took longer than ${budgetMs / 1000} s (the time budget per article); stopped in ${ruleId ? `rule ${ruleId}` : stage}`);
  }
}

export interface CheckOutput {
  result: ArticleResult;
  facts: ArticleFacts;
  /** Rules that failed on this article (a detector bug): reported in errors[], the rest of the article is checked. */
  ruleErrors?: RuleFailure[];
}

/** A rule applies unless it names languages and the article is confidently in another one. */
export function ruleApplies(rule: LoadedRule, language: string): boolean {
  return !rule.languages || language === 'und' || rule.languages.includes(language);
}

/** An article's outcome without its facts: what a run that neither compares nor writes facts needs. */
export type CheckedResult = Omit<CheckOutput, 'facts'> & { facts?: ArticleFacts };

/**
 * Checks one article: builds its text model once, runs every enabled rule on it, scores the flags.
 * A pure function of (article, rules, config, hints): what a worker thread or the HTTP service runs.
 */
export function checkArticle(article: Article, rules: readonly LoadedRule[], config: Config, hints: BatchHints | null = null, budget?: ArticleBudget): CheckOutput {
  return checkArticleWith(article, rules, config, hints, { budget, facts: true }) as CheckOutput;
}

/**
 * checkArticle, with the facts for the comparison only when asked for (`facts: true`): building them is
 * about a sixth of an article's time, and the result does not depend on them.
 */
export function checkArticleWith(article: Article, rules: readonly LoadedRule[], config: Config, hints: BatchHints | null, options: { budget?: ArticleBudget; facts: boolean }): CheckedResult {
  const { budget } = options;
  const startedAt = budget?.startedAt ?? performance.now();
  const limit = budget && Number.isFinite(budget.ms) ? startedAt + budget.ms : Infinity;
  // Called after each step with what that step was: a rule's id, or a shared analysis.
  const overrun = (ruleId: string | undefined, stage: string): void => {
    if (limit !== Infinity && performance.now() > limit) throw new ArticleOverBudget(budget!.ms, ruleId, stage);
  };
  const directives = readDirectives(article);
  // Directive comments written in the text (Markdown) are markup, not prose: the rules read them as blanks.
  // Pushed, not mapped: `map` returns a packed array from the interpreter and a holey one once this is optimised.
  const inText = emptyObjectArray<Span>();
  for (const d of directives) if (d.span.end > d.span.start) inText.push(d.span);
  const doc = buildDoc(inText.length ? { ...article, body: blankDirectives(article.body, inText) } : article);
  const stats: Record<string, number> = {
    characters: doc.text.length,
    words: doc.wordCount,
    sentences: doc.sentences.length,
    paragraphs: doc.paragraphs.length,
    lines: doc.lines.length,
  };
  overrun(undefined, 'building the text model');
  const ctx: DetectorContext = { hints, stat: (name, value) => void (stats[name] = value) };
  const flags: Flag[] = [];
  const skipped: string[] = [];
  const ruleErrors: RuleFailure[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (!ruleApplies(rule, doc.language)) {
      skipped.push(rule.id);
      continue;
    }
    // One detector's bug costs that rule on this article, never the article's other flags.
    let ruleFlags: readonly Flag[];
    try {
      const findings = DETECTORS.get(rule.type)!.run(doc, rule, ctx);
      // Most rules find nothing in most articles: no steps, filters or arrays for them (each step keeps [] as []).
      if (findings.length === 0) ruleFlags = NO_FLAGS;
      else {
        // Pushed, not mapped: `map` returns a packed array from the interpreter and a holey one once this
        // function is optimised, and the loop below deoptimises at each switch.
        const made = emptyObjectArray<Flag>();
        for (const f of postprocess(findings, doc.text.length)) if (!inText.length || !onlyBlanked(f, inText, article.body)) made.push(toFlag(doc, rule, f, article.body));
        ruleFlags = made;
      }
    } catch (e) {
      ruleErrors.push({ ruleId: rule.id, message: (e as Error)?.message || String(e) });
      overrun(rule.id, rule.id);
      continue;
    }
    for (let i = 0; i < ruleFlags.length; i++) flags.push(ruleFlags[i]!);
    overrun(rule.id, rule.id);
  }
  if (skipped.length) flags.push(languageNote(doc, skipped));
  const hasWords = doc.tokens.some((t) => t.kind === 'word');
  if (!hasWords && doc.text.length > 0) flags.push(noWordsFlag(doc));
  flags.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  if (directives.length) {
    const { unused } = applyInline(flags, directives, doc.lines, doc.text.length, rules.map((r) => r.id), doc.position);
    for (const u of unused) flags.push(unusedSuppression(doc, article.body, u));
    flags.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));
  }

  const publication = inferPublication(doc);
  overrun(undefined, 'publication-date inference');
  const { score, verdict, categories } = scoreFlags(flags, config.scoring, hasWords ? doc.wordCount : 0);
  const result: ArticleResult = {
    id: article.id,
    source: article.source,
    title: article.title,
    url: article.url,
    publishedAt: publication.date,
    publishedAtOrigin: publication.origin,
    language: doc.language,
    score,
    verdict,
    stats,
    categories,
    flags,
    skippedRules: skipped,
  };
  const output: CheckedResult = { result };
  if (options.facts) {
    output.facts = buildFacts(doc, flags, publication.date);
    overrun(undefined, 'collecting facts for the comparison');
  }
  if (ruleErrors.length) output.ruleErrors = ruleErrors;
  return output;
}

function clip(s: string): string {
  return clipText(s, TEXT_MAX);
}

/** `body` is the text as read (doc.text has directive comments blanked). */
function toFlag(doc: Doc, rule: LoadedRule, f: Finding, body: string): Flag {
  const text = body.slice(f.start, f.end);
  const { line, column } = doc.position(f.start);
  const stop = doc.position(f.end);
  const flag: Flag = {
    ruleId: rule.id,
    category: rule.category,
    severity: f.severity ?? rule.severity,
    message: formatMessage(f.message ?? rule.message, f, text),
    start: f.start,
    end: f.end,
    line,
    column,
    endLine: stop.line,
    endColumn: stop.column,
    text: clip(text),
  };
  if (f.suggestion !== undefined) flag.suggestion = f.suggestion;
  if (f.related) {
    const p = doc.position(f.related.start);
    flag.related = { start: f.related.start, end: f.related.end, ...p, text: clip(body.slice(f.related.start, f.related.end)) };
  }
  return flag;
}

const endOf = (p: { line: number; column: number }): { endLine: number; endColumn: number } => ({ endLine: p.line, endColumn: p.column });

/** An info note, not an alarm: the article is in a language some rules were not written for. */
function languageNote(doc: Doc, skipped: string[]): Flag {
  const first = doc.paragraphs[0] ?? { start: 0, end: doc.text.length };
  return {
    ruleId: 'language/rules-skipped',
    category: 'language',
    severity: 'info',
    message: `The article reads as language "${doc.language}"; ${skipped.length} rule(s) written for other languages were not run: ${skipped.join(', ')}.`,
    start: first.start,
    end: first.end,
    ...doc.position(first.start),
    ...endOf(doc.position(first.end)),
    text: clip(doc.text.slice(first.start, first.end)),
  };
}

/** Nothing to publish: no word at all (only dots, dashes, emoji, numbers...). The article fails whatever else is said. */
function noWordsFlag(doc: Doc): Flag {
  return {
    ruleId: 'structure/no-words',
    category: 'structure',
    severity: 'error',
    message: 'The body has no words (only punctuation, symbols or numbers): there is no article here.',
    start: 0,
    end: doc.text.length,
    ...doc.position(0),
    text: clip(doc.text),
  };
}

/**
 * An info note: a suppression comment that silenced nothing, names no rule (a typo, or a rule since fixed), or is no
 * directive at all (`credlint-disable-line`, `credlint-disabel`).
 */
function unusedSuppression(doc: Doc, body: string, u: InlineOutcome['unused'][number]): Flag {
  let { start, end } = u.directive.span;
  if (end === start) {
    // An HTML comment is not in the text: point at the line it stands before (or the last line).
    const line = doc.lines.find((l) => !l.blank && l.start >= start) ?? [...doc.lines].reverse().find((l) => !l.blank);
    if (line) ({ start, end } = line);
  }
  const comment = `The comment "<!-- ${clip(u.directive.text)} -->"`;
  let message: string;
  if (u.why === 'unknown-directive') {
    const near = u.directive.nearest ? `; did you mean ${u.directive.nearest}?` : '; remove it or correct the name.';
    message = `${comment} suppresses nothing: "${clip(u.directive.written ?? '')}" is no credlint directive (the directives are ${DIRECTIVES.slice(0, -1).join(', ')} and ${DIRECTIVES.at(-1)})${near}`;
  } else {
    const what = u.why === 'unknown-rule' ? `names "${u.rule}", which is no rule credlint knows` : u.rule ? `silenced no "${u.rule}" flag` : 'silenced no flag';
    message = `${comment} ${what}; remove it (or correct the rule name).`;
  }
  return {
    ruleId: 'suppression/unused',
    category: 'structure',
    severity: 'info',
    message,
    start,
    end,
    ...doc.position(start),
    text: clip(body.slice(start, end)),
  };
}
