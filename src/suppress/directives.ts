import type { Article, Span } from '../types.js';

export type DirectiveKind = 'disable' | 'enable' | 'disable-next-line';

/** One `<!-- credlint-... -->` comment: what it does, to which rules, and where it is. */
export interface Directive {
  kind: DirectiveKind;
  /** Rule ids, `pack/*` or a pack name; empty means every rule. */
  rules: string[];
  /** The comment's text, trimmed (`credlint-disable spacing/doubled-space -- quoting a tweet`). */
  text: string;
  /** The comment's span in the body: the comment itself in Markdown or text, a zero-width point in HTML. */
  span: Span;
}

const MARK = 'credlint-';
const OPEN = '<!--';
const CLOSE = '-->';
const DIRECTIVE = /^\s*credlint-(disable-next-line|disable|enable)(?=\s|$)([^]*)$/;

/** Reads a comment's inner text; null when it is not a credlint directive. A reason follows ` -- `. */
export function parseDirective(inner: string, span: Span): Directive | null {
  const m = DIRECTIVE.exec(inner);
  if (!m) return null;
  const list = m[2]!.split(/\s--\s|\s--$/)[0]!;
  const rules = list.split(/[\s,]+/).filter(Boolean);
  return { kind: m[1] as DirectiveKind, rules, text: inner.trim().replace(/\s+/g, ' '), span };
}

/**
 * Every directive of an article, in body order: comments written in the text itself (Markdown, plain text,
 * record bodies) and comments the HTML loader kept aside with their body offsets.
 */
export function readDirectives(article: Article): Directive[] {
  const out: Directive[] = [];
  const body = article.body;
  // Most bodies hold no directive at all: one literal search decides.
  if (body.includes(MARK)) {
    for (let at = body.indexOf(OPEN); at >= 0; at = body.indexOf(OPEN, at + OPEN.length)) {
      const end = body.indexOf(CLOSE, at + OPEN.length);
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
  for (const s of spans) {
    out += body.slice(at, s.start) + body.slice(s.start, s.end).replace(/[^\r\n]/g, ' ');
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
