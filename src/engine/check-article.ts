import type { BatchHints, DetectorContext, LoadedRule } from '../detectors/detector.js';
import { DETECTORS } from '../detectors/index.js';
import { buildFacts, type ArticleFacts } from '../facts/facts.js';
import type { Config } from '../rules/config.js';
import { scoreFlags } from '../score/score.js';
import { buildDoc, type Doc } from '../text/doc.js';
import type { Article, ArticleResult, Finding, Flag } from '../types.js';
import { formatMessage } from './format-message.js';
import { postprocess } from './postprocess/index.js';
import { inferPublication } from './publication.js';

const TEXT_MAX = 300;

export interface CheckOutput {
  result: ArticleResult;
  facts: ArticleFacts;
}

/** A rule applies unless it names languages and the article is confidently in another one. */
export function ruleApplies(rule: LoadedRule, language: string): boolean {
  return !rule.languages || language === 'und' || rule.languages.includes(language);
}

/**
 * Checks one article: builds its text model once, runs every enabled rule on it, scores the flags.
 * A pure function of (article, rules, config, hints): what a worker thread or the HTTP service runs.
 */
export function checkArticle(article: Article, rules: readonly LoadedRule[], config: Config, hints: BatchHints | null = null): CheckOutput {
  const doc = buildDoc(article);
  const stats: Record<string, number> = {
    characters: doc.text.length,
    words: doc.wordCount,
    sentences: doc.sentences.length,
    paragraphs: doc.paragraphs.length,
    lines: doc.lines.length,
  };
  const ctx: DetectorContext = { hints, stat: (name, value) => void (stats[name] = value) };
  const flags: Flag[] = [];
  const skipped: string[] = [];
  for (const rule of rules) {
    if (!rule.enabled) continue;
    if (!ruleApplies(rule, doc.language)) {
      skipped.push(rule.id);
      continue;
    }
    const findings = postprocess(DETECTORS.get(rule.type)!.run(doc, rule, ctx), doc.text.length);
    for (const f of findings) flags.push(toFlag(doc, rule, f));
  }
  if (skipped.length) flags.push(languageNote(doc, skipped));
  flags.sort((a, b) => a.start - b.start || a.end - b.end || a.ruleId.localeCompare(b.ruleId));

  const publication = inferPublication(doc);
  const { score, verdict, categories } = scoreFlags(flags, config.scoring);
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
  return { result, facts: buildFacts(doc, flags, publication.date) };
}

function clip(s: string): string {
  return s.length > TEXT_MAX ? `${s.slice(0, TEXT_MAX - 1)}…` : s;
}

function toFlag(doc: Doc, rule: LoadedRule, f: Finding): Flag {
  const text = doc.text.slice(f.start, f.end);
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
    flag.related = { start: f.related.start, end: f.related.end, ...p, text: clip(doc.text.slice(f.related.start, f.related.end)) };
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
