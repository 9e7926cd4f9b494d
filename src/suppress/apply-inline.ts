import type { Flag, Line, Span } from '../types.js';
import { covers, type Directive } from './directives.js';

/** A stretch of the body where some rules are off, and the directive that turned them off. */
interface Region extends Span {
  directive: Directive;
  rules: string[];
  /** Rules (ids, `pack/*`, pack names) an `enable X` turned back on inside the region, each from where it stands. */
  except: { rule: string; at: number }[];
  /** Rules of the list that silenced at least one flag (or '*' for a list-less directive). */
  used: Set<string>;
}

export interface InlineOutcome {
  /** Directives that silenced nothing (per listed rule), name no known rule, or are no directive at all. */
  unused: { directive: Directive; rule: string | null; why: 'unused' | 'unknown-rule' | 'unknown-directive' }[];
}

/** The first non-blank line at or after `offset`: what a `disable-next-line` comment is about. */
function nextLine(lines: readonly Line[], offset: number): Line | null {
  let lo = 0;
  let hi = lines.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (lines[mid]!.start < offset) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo; i < lines.length; i++) if (!lines[i]!.blank) return lines[i]!;
  return null;
}

/** `pack/*` and `pack` name the same rules. */
const pattern = (rule: string): string => (rule.endsWith('/*') ? rule.slice(0, -2) : rule);

/** Whether every rule `inner` names is one `outer` names too (`spacing` holds `spacing/*` and `spacing/doubled-space`). */
function holds(outer: string, inner: string): boolean {
  const o = pattern(outer);
  const i = pattern(inner);
  return i === o || i.startsWith(`${o}/`);
}

/**
 * Disable ranges, with ESLint's semantics: a `disable` runs to the end of the body, or to the `enable` with no list
 * that ends every open disable. `enable X` turns back on only X (a rule id, `pack/*` or a pack name): the open disables
 * go on for their other rules (after a bare `disable`, for every rule but X), and one whose every rule X holds ends there.
 */
function regions(directives: readonly Directive[], lines: readonly Line[], textLength: number): Region[] {
  const out: Region[] = [];
  let open: Region[] = [];
  for (const d of directives) {
    if (d.kind === 'disable-next-line') {
      const line = nextLine(lines, d.span.end);
      if (line) out.push({ start: line.start, end: line.end, directive: d, rules: d.rules, except: [], used: new Set() });
      else out.push({ start: textLength, end: textLength, directive: d, rules: d.rules, except: [], used: new Set() });
    } else if (d.kind === 'disable') {
      const r: Region = { start: d.span.end, end: textLength, directive: d, rules: d.rules, except: [], used: new Set() };
      open.push(r);
      out.push(r);
    } else if (d.kind === 'enable') {
      open = open.filter((r) => {
        for (const rule of d.rules) r.except.push({ rule, at: d.span.start });
        const ends = d.rules.length === 0 || (r.rules.length > 0 && r.rules.every((x) => r.except.some((e) => holds(e.rule, x))));
        if (ends) r.end = d.span.start;
        return !ends;
      });
    }
  }
  return out;
}

/**
 * Marks the flags an inline directive covers as suppressed (they stay in the report, with the directive
 * and where it is); reports the directives that covered nothing, rule names no rule has, and comments that start
 * with `credlint-` but are no directive.
 * Directive comments live in the body (Markdown) or beside it (HTML), so flags are matched by where they start.
 */
export function applyInline(flags: Flag[], directives: readonly Directive[], lines: readonly Line[], textLength: number, knownRules: readonly string[], position: (offset: number) => { line: number; column: number }): InlineOutcome {
  const rs = regions(directives, lines, textLength);
  for (const f of flags) {
    for (const r of rs) {
      const inside = r.directive.kind === 'disable-next-line' ? f.start >= r.start && f.start <= r.end && r.start < r.end : f.start >= r.start && f.start < r.end;
      if (!inside || !covers(r.rules, f.ruleId)) continue;
      if (r.except.some((e) => f.start >= e.at && covers([e.rule], f.ruleId))) continue;
      if (!f.suppressed) f.suppressed = { kind: 'inline', reason: r.directive.text, start: r.directive.span.start, ...position(r.directive.span.start) };
      r.used.add(r.rules.length === 0 ? '*' : (r.rules.find((x) => covers([x], f.ruleId)) ?? '*'));
    }
  }
  const unused: InlineOutcome['unused'] = [];
  const known = (rule: string): boolean => knownRules.some((id) => covers([rule], id));
  for (const d of directives) {
    if (d.kind === 'unknown') unused.push({ directive: d, rule: null, why: 'unknown-directive' });
    // An enable names rules too: a typo there leaves the rule off for the rest of the article, silently.
    if (d.kind === 'enable') for (const rule of d.rules) if (!known(rule)) unused.push({ directive: d, rule, why: 'unknown-rule' });
  }
  for (const r of rs) {
    if (r.rules.length === 0) {
      if (r.used.size === 0) unused.push({ directive: r.directive, rule: null, why: 'unused' });
      continue;
    }
    for (const rule of r.rules) {
      if (!known(rule)) unused.push({ directive: r.directive, rule, why: 'unknown-rule' });
      else if (!r.used.has(rule)) unused.push({ directive: r.directive, rule, why: 'unused' });
    }
  }
  return { unused };
}
