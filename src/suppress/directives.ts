import type { Article, Span } from '../types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

/** One `<!-- credlint-... -->` comment: what it does, to which rules, and where it is. */
export interface Directive {
  /** `unknown`: the comment starts with `credlint-` but is none of the directives (a typo, or another tool's habit). */
  kind: DirectiveKind | 'unknown';
  /** Rule ids, `pack/*` or a pack name; empty means every rule (and for an unknown directive, none). */
  rules: string[];
  /** The comment's text, trimmed (`credlint-disable spacing/doubled-space -- quoting a tweet`). */
  text: string;
  /** The comment's span in the body: the comment itself in Markdown or text, a zero-width point in HTML. */
  span: Span;
  /** For an unknown directive: what was written in the directive's place (`credlint-disable-line`). */
  written?: string;
  /** For an unknown directive: the directive it is nearest to, when one is near (`credlint-disable-next-line`). */
  nearest?: string;
}

/** The directives there are, as written. */
export const DIRECTIVES: readonly string[] = ['credlint-disable', 'credlint-enable', 'credlint-disable-next-line'];

const OPEN = '<!--';
const CLOSE = '-->';
const DIRECTIVE = /^\s*credlint-(disable-next-line|disable|enable)(?=\s|$)([^]*)$/;
/** A comment meant as a directive: it starts with the prefix (in any case), whatever follows. */
const MEANT = /^\s*credlint-/i;

/** How near a misspelt name must be to a directive's for it to be suggested (`credlint-ignore` is near none). */
const NEAR = 0.6;

/** Longest common subsequence of two short strings: how much of one is the other, in order. */
function common(a: string, b: string): number {
  let prev = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    const row = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, row[j - 1]!);
    prev = row;
  }
  return prev[b.length]!;
}

/**
 * The directive a misspelt name is nearest to, or null when none is near: the most letters in common, in order, for
 * the letters of both (so `credlint-disable-line` is nearest `credlint-disable-next-line`, not `credlint-disable`).
 */
export function nearestDirective(written: string): string | null {
  const w = written.toLowerCase().replace(/^credlint-/, '').replace(/[^a-z-].*$/, '');
  if (!w) return null;
  let best: string | null = null;
  let score = 0;
  for (const d of DIRECTIVES) {
    const name = d.slice('credlint-'.length);
    const s = (2 * common(w, name)) / (w.length + name.length);
    if (s > score) [best, score] = [d, s];
  }
  return score >= NEAR ? best : null;
}

/**
 * Reads a comment's inner text; null when it is no credlint comment. A reason follows ` -- `. A comment that starts
 * with `credlint-` (in any case) but is none of the directives is one of kind `unknown`, so it can be reported:
 * it would otherwise suppress nothing without a word.
 */
export function parseDirective(inner: string, span: Span): Directive | null {
  const m = DIRECTIVE.exec(inner);
  if (!m && !MEANT.test(inner)) return null;
  const text = inner.trim().replace(/\s+/g, ' ');
  if (!m) {
    const written = text.split(' ')[0]!;
    const nearest = nearestDirective(written);
    return { kind: 'unknown', rules: [], text, span, written, ...(nearest ? { nearest } : {}) };
  }
  const list = m[2]!.split(/\s--\s|\s--$/)[0]!;
  const rules = list.split(/[\s,]+/).filter(Boolean);
  return { kind: m[1] as DirectiveKind, rules, text, span };
}

/**
 * Every directive of an article, in body order: comments written in the text itself (Markdown, plain text,
 * record bodies) and comments the HTML loader kept aside with their body offsets.
 */
export function readDirectives(article: Article): Directive[] {
  const out: Directive[] = [];
  const body = article.body;
  // Most bodies hold no comment at all: one literal search decides.
  if (body.includes(OPEN)) {
    // One close serves every open before it (`<!-- a <!-- b -->` is read at both), so the search stays linear.
    let end = -1;
    for (let at = body.indexOf(OPEN); at >= 0; at = body.indexOf(OPEN, at + OPEN.length)) {
      if (end < at + OPEN.length) end = body.indexOf(CLOSE, at + OPEN.length);
      if (end < 0) break;
      const d = parseDirective(body.slice(at + OPEN.length, end), { start: at, end: end + CLOSE.length });
      if (d) out.push(d);
    }
  }
  for (const c of article.comments ?? []) {
    const d = parseDirective(c.text, { start: c.offset, end: c.offset });
    if (d) out.push(d);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}

/** Whether a directive's rule list covers a rule id: the id itself, `pack/*`, or the pack name. */
export function covers(rules: readonly string[], ruleId: string): boolean {
  if (rules.length === 0) return true;
  return rules.some((r) => r === ruleId || (r.endsWith('/*') ? ruleId.startsWith(r.slice(0, -1)) : ruleId.startsWith(`${r}/`)));
}

/**
 * The body with directive comments written in it blanked out (every character but line breaks becomes a space), so
 * detectors read the article and not the markup, and every offset still points into the body as read.
 */
export function blankDirectives(body: string, spans: readonly Span[]): string {
  let out = '';
  let at = 0;
  // Spans come in order of start; one may lie inside another (`<!-- credlint-x <!-- credlint-y -->`): each
  // character is blanked once, so the body keeps its length.
  for (const s of spans) {
    if (s.end <= at) continue;
    const from = Math.max(at, s.start);
    out += body.slice(at, from) + body.slice(from, s.end).replace(/[^\r\n]/g, ' ');
    at = s.end;
  }
  return out + body.slice(at);
}

/** A flag that touches a blanked comment and holds nothing else but whitespace was made by the blanking. */
export function onlyBlanked(flag: Span, spans: readonly Span[], body: string): boolean {
  let touches = false;
  let at = flag.start;
  for (const s of spans) {
    if (s.end <= flag.start || s.start >= flag.end) continue;
    touches = true;
    if (body.slice(at, Math.max(at, s.start)).trim() !== '') return false;
    at = Math.max(at, s.end);
  }
  return touches && body.slice(at, flag.end).trim() === '';
}
