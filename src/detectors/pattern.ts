import { isCaseless } from '../text/fold-case.js';
import { escapeRegExp } from '../text/regexp-escape.js';
import { splitTemplate } from '../text/split-template.js';
import { insidePair, pairAt } from '../text/surrogates.js';
import type { Finding } from '../types.js';
import { overlapsProtected, PROTECTED_KINDS, protectedSpans, type ProtectedKind, type ProtectedSpans } from '../text/protected-spans.js';
import type { Detector } from './detector.js';
import { preparedSource } from './pattern-prepared.js';

export interface PatternOptions {
  pattern: string;
  flags?: string;
  lists?: Record<string, string[]>;
  replacement?: string;
  skip?: ProtectedKind[];
  group?: string;
  unless?: string;
  /** A fix applied to every occurrence inside the flagged text ("," → ", " for "Tianjin,China,to"). */
  fix?: { find: string; replace: string };
  /**
   * Where matches can be: every match must have a position from its start to `before` characters (UTF-16 code
   * units) after it where `pattern` matches. The main expression is then tried only at those starts.
   */
  anchor?: { pattern: string; before: number };
}

export interface PreparedPattern {
  re: RegExp;
  unless: RegExp | null;
  /** The suggested fix from `replacement`, compiled. */
  suggest: Suggest | undefined;
  skip: ReadonlySet<ProtectedKind>;
  group: string | undefined;
  fix: { find: RegExp; replace: string } | null;
  /** False when the text cannot hold a match (it lacks every required literal): the expression is not run. */
  mayMatch: ((text: string) => boolean) | null;
  /** The anchor (global) and how far before its hits a match may start; `re` is then sticky, not global. */
  anchor: { re: RegExp; before: number } | null;
}

/** The anchor option's shape; schemas/rule.schema.json holds the same definition (a test keeps them equal). */
export const ANCHOR_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['pattern', 'before'],
  properties: {
    pattern: { type: 'string', minLength: 1, description: 'A cheap regular expression (a literal, `[,]`, `\\d`) that matches at some position from the start of each of the rule\'s matches to `before` characters after it; the same flags and lists as `pattern`.' },
    before: { type: 'integer', minimum: 0, maximum: 64, description: 'How many characters (UTF-16 code units) before an anchor hit a match may start.' },
  },
  description: 'Speed only, same matches: the rule\'s expression is tried (sticky) only from `before` characters before each hit of `anchor.pattern` up to the hit, not at every position of the text.',
} as const;


/** Expands `{{name}}` to an alternation of the named list, longest entries first so they win. */
export function expandLists(pattern: string, lists: Record<string, string[]> = {}): string {
  return pattern.replace(/\{\{(\w[\w-]*)\}\}/g, (_, name: string) => {
    const list = lists[name];
    if (!list) throw new Error(`the pattern uses {{${name}}} but options.lists has no "${name}"`);
    return listTrie(list) ?? `(?:${[...list].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')})`;
  });
}

/**
 * The list as a trie ("sep", "sept", "september" → `(?:sep(?:t(?:ember)?)?)`), which the engine tries far faster
 * than 50 alternatives at every character. The same matches in the same order: the entries that can match at one
 * place are prefixes of one another, and the trie tries them longest first, as the sorted alternation does.
 * Only for ASCII lists (of up to 500 entries: the check below is quadratic) where, ignoring case, no entry begins another unless it also does with case (so that
 * under the `i` flag too the entries matching at one place share one path); otherwise null.
 */
function listTrie(list: readonly string[]): string | null {
  if (list.length > 500 || !list.every((w) => /^[\x20-\x7e]+$/.test(w))) return null;
  const lower = list.map((w) => w.toLowerCase());
  for (let i = 0; i < list.length; i++) {
    for (let j = 0; j < list.length; j++) if (i !== j && lower[j]!.startsWith(lower[i]!) && !list[j]!.startsWith(list[i]!)) return null;
  }
  interface Node {
    next: Map<string, Node>;
    end: boolean;
  }
  const root: Node = { next: new Map(), end: false };
  for (const w of list) {
    let node = root;
    for (const ch of w) {
      let child = node.next.get(ch);
      if (!child) node.next.set(ch, (child = { next: new Map(), end: false }));
      node = child;
    }
    node.end = true;
  }
  const emit = (node: Node): string => {
    const branches = [...node.next].map(([ch, child]) => escapeRegExp(ch) + emit(child));
    if (!branches.length) return '';
    const body = branches.length === 1 && !node.end ? branches[0]! : `(?:${branches.join('|')})`;
    return node.end ? `${body}?` : body;
  };
  return `(?:${emit(root)})`;
}

/** A suggestion template compiled at prepare time: the match in, the suggested text out. */
export type Suggest = (m: RegExpExecArray) => string;

/**
 * Compiles a suggestion template: $1..$9, $<name>, $& (the whole match); a group that did not take part is
 * empty. The template is split once, so each flag costs one join of its parts, not a scan of the template.
 */
export function compileSuggestion(template: string): Suggest {
  const { parts, refs: names } = splitTemplate(template, SUGGESTION_REF);
  // Per reference: -1 the whole match, 0-9 a numbered group, a string a named group.
  const refs = names.map((r): number | string => (r === '&' ? -1 : /^\d$/.test(r) ? Number(r) : r));
  const tail = parts[refs.length]!;
  if (!refs.length) return () => tail;
  return (m) => {
    let out = '';
    for (let i = 0; i < refs.length; i++) {
      const r = refs[i]!;
      out += parts[i]!;
      out += typeof r === 'string' ? (m.groups?.[r] ?? '') : r < 0 ? m[0] : (m[r] ?? '');
    }
    return out + tail;
  };
}
// $<name> captures the name (first), $1 and $& the reference itself (second).
const SUGGESTION_REF = /\$(?:<(\w+)>|(\d|&))/g;

/** A match's named groups as the finding's data (message placeholders); a group that did not take part is empty. */
function groupData(groups: Record<string, string | undefined>): Record<string, string> {
  const data: Record<string, string> = {};
  for (const k in groups) {
    const v = groups[k] ?? '';
    // An own property like any other, as Object.fromEntries makes it, not the object's prototype.
    if (k === '__proto__') Object.defineProperty(data, k, { value: v, enumerable: true, writable: true, configurable: true });
    else data[k] = v;
  }
  return data;
}

/** A regular expression from the rule pack, minus spans where glued punctuation is correct. */
export const pattern: Detector<PatternOptions, PreparedPattern> = {
  type: 'pattern',
  summary: 'Flags matches of a regular expression (with word lists spliced in), skipping protected spans such as URLs and numbers.',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['pattern'],
    properties: {
      pattern: { type: 'string', minLength: 1, description: 'JavaScript regular expression; {{name}} expands to the list `lists.name`.' },
      flags: { type: 'string', pattern: '^[ims]*$', description: 'Extra flags: i, m, s (g, u and d are always on).' },
      lists: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string', minLength: 1 }, minItems: 1 } },
      replacement: { type: 'string', description: 'Suggested fix: $1, $<name> and $& refer to the match.' },
      skip: { type: 'array', items: { enum: [...PROTECTED_KINDS] }, uniqueItems: true },
      group: { type: 'string', description: 'Flag only this named group of the match.' },
      unless: { type: 'string', description: 'Leave a match alone when its text matches this expression.' },
      fix: {
        type: 'object',
        additionalProperties: false,
        required: ['find', 'replace'],
        properties: { find: { type: 'string', minLength: 1 }, replace: { type: 'string' } },
        description: 'Suggested fix: replace every match of `find` (a regular expression) inside the flagged text.',
      },
      anchor: ANCHOR_SCHEMA,
    },
  },
  prepare(o) {
    const { source, literals } = preparedSource(o.pattern, o.lists, o.flags ?? '', expandLists);
    // Under the i flag the literals are folded. Those without a cased character are found as they are in the text;
    // the others would need the folded text or a case-insensitive scan, and on the shipped rules (a heading
    // anchored at line starts, a hyphen's look-ahead) either cost more than the expression they would spare: 0.04
    // to 0.07 ms an article against 0.004 to 0.013 (a 2k batch). Those rules run without a prefilter, as before.
    const usable = !(o.flags ?? '').includes('i') || (literals?.every(isCaseless) ?? false);
    // Match indices (the `d` flag) cost an array per match: asked for only when a group is the flagged span.
    // Anchored, the expression is only ever tried at one position at a time: sticky.
    const re = compile(source, `${o.anchor ? 'y' : 'g'}u${o.group ? 'd' : ''}${o.flags ?? ''}`);
    if (o.group && !new RegExp(`\\(\\?<${o.group}>`).test(source)) throw new Error(`options.group names "${o.group}" but the pattern has no such group`);
    return {
      re,
      unless: o.unless ? compile(expandLists(o.unless, o.lists), `u${o.flags ?? ''}`) : null,
      suggest: o.replacement !== undefined ? compileSuggestion(o.replacement) : undefined,
      skip: new Set(o.skip ?? []),
      group: o.group,
      fix: o.fix ? { find: compile(o.fix.find, 'gu'), replace: o.fix.replace } : null,
      mayMatch: literalTest(usable ? literals : null),
      anchor: o.anchor ? { re: compile(expandLists(o.anchor.pattern, o.lists), `gu${o.flags ?? ''}`), before: o.anchor.before } : null,
    };
  },
  run(doc, rule) {
    const p = rule.prepared;
    if (p.mayMatch && !p.mayMatch(doc.text)) return [];
    // Read on the first match that needs them: most articles have no match for most rules, and the spans are a
    // pure function of the text (memoised on the document), so when they are computed does not matter.
    let spans: ProtectedSpans | null = null;
    const out: Finding[] = [];
    // One compiled expression per rule: run() is synchronous, so resetting its position is enough.
    const re = p.re;
    re.lastIndex = 0;
    const next = p.anchor ? anchoredExec(re, p.anchor.re, p.anchor.before, doc.text) : null;
    let m: RegExpExecArray | null;
    while ((m = next ? next() : re.exec(doc.text)) !== null) {
      if (m[0] === '') {
        // By a whole character: inside a surrogate pair the engine steps back to its start, and would match the
        // same empty string there again and again.
        re.lastIndex = m.index + codePointLength(doc.text, m.index);
        continue;
      }
      const [start, end] = p.group ? (m.indices?.groups?.[p.group] ?? [m.index, m.index + m[0].length]) : [m.index, m.index + m[0].length];
      if (p.unless?.test(m[0])) continue;
      if (p.skip.size && overlapsProtected((spans ??= protectedSpans(doc)), start, end, p.skip)) continue;
      const f: Finding = { start, end };
      // Named groups become message placeholders: "Missing space in \"{w1},{w2}\"".
      if (m.groups) f.data = groupData(m.groups);
      if (p.suggest) f.suggestion = p.suggest(m);
      else if (p.fix) f.suggestion = doc.text.slice(start, end).replace(p.fix.find, p.fix.replace);
      out.push(f);
    }
    return out;
  },
};

/** 2 where a surrogate pair starts at `i`, else 1. */
const codePointLength = (text: string, i: number): number => (pairAt(text, i) ? 2 : 1);

/**
 * What `exec` of the global form of the sticky `re` would return from `re.lastIndex` on (the first position
 * from there where it matches), trying `re` only from `before` characters before each anchor hit up to the hit.
 * The hits come in order and each start position is tried at most once, where windows overlap too: the
 * work is the anchor's scan plus at most `before + 1` tries a hit. The rule's promise (a match holds an anchor
 * hit within `before` of its start) makes these the only starts where a match can begin.
 */
function anchoredExec(re: RegExp, anchor: RegExp, before: number, text: string): () => RegExpExecArray | null {
  anchor.lastIndex = 0;
  let hit = -1; // where the current anchor hit starts
  let untried = 0; // the first start position not yet tried
  return () => {
    // After a match the caller has left re.lastIndex past it.
    if (re.lastIndex > untried) untried = re.lastIndex;
    for (;;) {
      if (hit < untried) {
        // Hits before `untried` have windows wholly tried: look from there. Every position the anchor matches
        // at is a hit (the next search starts one character on, not at the hit's end), so overlapping hits count.
        if (anchor.lastIndex < untried) anchor.lastIndex = untried;
        const h = anchor.exec(text);
        if (h === null) return null;
        hit = h.index;
        anchor.lastIndex = hit + codePointLength(text, hit);
        continue;
      }
      for (let s = Math.max(untried, hit - before); s <= hit; s++) {
        if (insidePair(text, s)) continue;
        re.lastIndex = s;
        const m = re.exec(text);
        if (m !== null) {
          untried = s + 1;
          return m;
        }
      }
      untried = hit + 1;
    }
  };
}

// A literal as common as one comma or one space would pass nearly every article: not worth testing.
const COMMON = /^[\p{L}\p{N} \n\r.,;:?!'"()-]$/u;

/** The prefilter for a set of required literals: `includes` for a few, one literal-only expression for more. */
export function literalTest(literals: readonly string[] | null): ((text: string) => boolean) | null {
  if (!literals || !literals.length || literals.some((l) => COMMON.test(l))) return null;
  if (literals.length <= 3) {
    const [a, b, c] = literals as [string, string?, string?];
    return (text) => text.includes(a) || (b !== undefined && text.includes(b)) || (c !== undefined && text.includes(c));
  }
  // Code units, no flags: the same test as `includes` for each literal, in one scan (a class when each is one unit).
  const any = literals.every((l) => l.length === 1)
    ? new RegExp(`[${literals.map((l) => l.replace(/[\\\]^-]/g, '\\$&')).join('')}]`)
    : new RegExp(literals.map(escapeRegExp).join('|'));
  return (text) => any.test(text);
}

function compile(source: string, flags: string): RegExp {
  try {
    return new RegExp(source, [...new Set(flags)].join(''));
  } catch (e) {
    throw new Error(`invalid regular expression: ${(e as Error).message}`);
  }
}
