import type { Span } from '../types.js';
import type { Doc } from './doc.js';
import { firstIndex } from './first-index.js';

/**
 * Spans where punctuation without spaces is correct: rules that look for glued punctuation skip them.
 * Kept in one place so every spacing rule agrees on what a URL or a version number is.
 */
export const PROTECTED_KINDS = ['url', 'email', 'domain', 'filename', 'abbreviation', 'number', 'version', 'ellipsis', 'initials', 'handle', 'code'] as const;
export type ProtectedKind = (typeof PROTECTED_KINDS)[number];

export interface ProtectedSpan extends Span {
  kind: ProtectedKind;
}

/** A document's protected spans: the short ones sorted by start, and the long ones (code blocks) apart. */
export interface ProtectedSpans {
  /** Sorted by start; each short (a URL, a number, an inline code span, a link destination): see overlapsProtected. */
  spans: ProtectedSpan[];
  /**
   * Fenced code blocks of Markdown input (kind `code`): sorted by start, disjoint, of any length. Kept apart
   * because a block holds any number of other spans, which the scan back over `spans` would not get past.
   */
  blocks: ProtectedSpan[];
}

const TLD = 'com|org|net|edu|gov|mil|int|io|co|uk|us|de|fr|ru|cn|jp|in|it|es|nl|eu|info|biz|tv|me|ly|ai|app|dev|news|ca|au|ch|se|no|pl|by|kz|ua|br|mx|za|nz|ie|be|at|dk|fi|gr|pt|tr|il|sg|hk|kr|tw|xyz|online|site|blog|media';
interface ProtectedPattern {
  kind: ProtectedKind;
  re: RegExp;
  /** Cheap test on the whole text: most articles have no URL or e-mail, so the costly pattern is skipped. */
  needs?: RegExp;
  /** The pattern matches from a suffix (".com", ".pdf"); the span is extended back over the name before it. */
  extendBack?: RegExp;
  /** `re` is the part from the "@" on (sticky); the name before it is read backwards (e-mail addresses). */
  atSign?: boolean;
  /** `re` (sticky) is tried only this many characters (UTF-16 units) before each full stop: every match has one there. */
  beforeDots?: number;
}

// Suffix-first patterns (".com", ".pdf") are far cheaper than name-first ones, which the engine
// would try at every letter of the text.
const PATTERNS: ProtectedPattern[] = [
  { kind: 'url', re: /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'“”‘’]+[^\s<>"'“”‘’.,;:!?)\]]/giu, needs: /:\/\/|www\./i },
  // Anchored on the "@" (see emailSpans): a name-first pattern is tried at every letter of the text.
  { kind: 'email', re: /@[\p{L}\p{N}.-]+\.\p{L}{2,}/uy, needs: /@/, atSign: true },
  // TLDs match in lower case only, so a glued "member.In the" is not mistaken for a domain.
  { kind: 'domain', re: new RegExp(`\\.(?<=[\\p{L}\\p{N}]\\.)(?:${TLD})(?![\\p{L}\\p{N}])(?:\\/[^\\s]*)?`, 'gu'), extendBack: /[\p{L}\p{N}.-]/u },
  {
    kind: 'filename',
    re: /\.(?<=[\p{L}\p{N}_-]\.)(?:pdf|docx?|xlsx?|pptx?|csv|txt|md|json|jsonl|xml|html?|js|ts|py|rb|go|rs|java|cpp|exe|zip|gz|tar|png|jpe?g|gif|svg|webp|mp[34]|mov|wav|ya?ml|ini|cfg|log|sh|bat|dll|so|apk|ipa)(?![\p{L}\p{N}])/giu,
    extendBack: /[\p{L}\p{N}_-]/u,
  },
  // Tried only just before full stops (see dottedSpans): scanning, the engine would test it at every character.
  // A match's first group is one to three letters (up to six UTF-16 units) and a full stop.
  { kind: 'abbreviation', re: /\b(?:\p{L}{1,3}\.){2,}/uy, beforeDots: 6 },
  { kind: 'version', re: /\b[vV]?\d+(?:\.\d+){2,}\b|\b[vV]\d+(?:\.\d+)+\b|\.(?<=\p{L}\d*\.)\d+(?:\.\d+)*\b/gu, extendBack: /[\p{L}\p{N}]/u },
  // Starts at the first digit of a run: tried at every digit, the greedy run is re-read (quadratic on long runs).
  { kind: 'number', re: /(?<!\d)\d+(?:[.,:'’]\d+)+|[$€£¥]\d|\d[.,]\d/gu },
  { kind: 'ellipsis', re: /\.{2,}|…|\.(?: \.){2,}/gu },
  // A capital (one or two UTF-16 units) and a full stop: tried just before full stops too.
  { kind: 'initials', re: /\b\p{Lu}\.(?:\s?\p{Lu}\.)*/uy, beforeDots: 2 },
  { kind: 'handle', re: /[@#][\p{L}\p{N}_]+/gu, needs: /[@#]/ },
  { kind: 'code', re: /`[^`\n]+`/gu, needs: /`/ },
];

/** All protected spans of the document: the short ones sorted by start, and Markdown code blocks. */
export function protectedSpans(doc: Doc): ProtectedSpans {
  return doc.memo('protected-spans', () => {
    const text = doc.text;
    const spans: ProtectedSpan[] = [];
    // Markdown syntax only in Markdown input: in plain text a "```" line or a "](" is not markup.
    const blocks = doc.article.format === 'md' ? markdownSpans(doc, spans) : [];
    for (const { kind, re, needs, extendBack, atSign, beforeDots } of PATTERNS) {
      if (needs && !needs.test(text)) continue;
      if (atSign) {
        emailSpans(text, re, spans);
        continue;
      }
      if (beforeDots) {
        dottedSpans(text, re, kind, spans, beforeDots);
        continue;
      }
      // The run before the previous match, reused when this one's run reaches it ("a.com.com.com…"
      // would otherwise walk back over the whole run once per match).
      let prevAt = -1;
      let prevRun = -1;
      for (const m of text.matchAll(re)) {
        let start = m.index!;
        if (extendBack) {
          while (start > 0 && extendBack.test(text[start - 1]!)) {
            start--;
            if (start === prevAt) {
              start = prevRun;
              break;
            }
          }
          prevAt = m.index!;
          prevRun = start;
        }
        spans.push({ kind, start, end: m.index! + m[0].length });
      }
    }
    return { spans: spans.sort((a, b) => a.start - b.start), blocks };
  });
}

// CommonMark: a fence is three or more backticks or tildes after at most three spaces; a backtick fence's info
// string holds no backtick. The closing fence is of the same character, at least as long, and nothing but
// spaces or tabs follows it.
const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})(.*)$/s;
const FENCE_CLOSE = /^ {0,3}(`{3,}|~{3,})[ \t]*$/;
// Optional spaces or tabs with at most one line break among them; `WS` the same, not empty.
const S = String.raw`[ \t]*(?:(?:\r\n?|\n)[ \t]*)?`;
const WS = String.raw`(?:[ \t]+(?:(?:\r\n?|\n)[ \t]*)?|(?:\r\n?|\n)[ \t]*)`;
// A destination: in angle brackets (spaces allowed), or a run without spaces or control characters whose
// parentheses are escaped or balanced (one level deep here); a title in double or single quotes or parentheses, on one line.
const DEST = String.raw`(?:<(?:[^<>\\\r\n]|\\.)*>|(?!<)(?:[^\s\x00-\x1f()\\]|\\\S|\((?:[^\s\x00-\x1f()\\]|\\\S)*\))+)`;
const TITLE = String.raw`(?:"(?:[^"\\\r\n]|\\.)*"|'(?:[^'\\\r\n]|\\.)*'|\((?:[^()\\\r\n]|\\.)*\))`;
/** An inline link's or image's parenthesised part, `](dest "title")`: the span is from "(" to ")". */
const LINK_TAIL = new RegExp(String.raw`\]\(${S}(?:${DEST}(?:${WS}(?:${TITLE}${S})?)?|${TITLE}${S})?\)`, 'g');
/** An autolink, `<scheme:...>` (CommonMark: a scheme of 2 to 32 characters, no spaces, controls or angle brackets). */
const AUTOLINK = /<[A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s\x00-\x1f<>]*>/g;
/**
 * A link reference definition on one line, `[id]: dest "title"` after at most three spaces (a footnote, `[^1]:`,
 * is prose). The label and all after it are protected.
 */
const REF_DEF = new RegExp(String.raw`^ {0,3}\[(?!\^)(?:[^[\]\\\r\n]|\\.){1,999}\]:[ \t]*${DEST}(?:[ \t]+${TITLE})?[ \t]*$`);

/**
 * The Markdown constructs whose text is not prose: fenced code blocks (returned, sorted and disjoint), link and
 * image destinations, autolinks and link reference definitions (added to `out`, kind `url`). Top-level blocks only:
 * a fence inside a block quote or indented in a list item is not seen, nor are indented code blocks (telling
 * them from a list item's indented paragraphs needs the list structure).
 */
function markdownSpans(doc: Doc, out: ProtectedSpan[]): ProtectedSpan[] {
  const text = doc.text;
  const blocks: ProtectedSpan[] = [];
  const fenced = text.includes('```') || text.includes('~~~');
  const defs = text.includes(']:');
  if (fenced || defs) {
    const lines = doc.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i]!;
      const open = fenced ? FENCE_OPEN.exec(line.text) : null;
      if (open && !(open[1]![0] === '`' && open[2]!.includes('`'))) {
        const fence = open[1]!;
        let end = text.length; // an unclosed fence runs to the end of the document
        for (let j = i + 1; j < lines.length; j++) {
          const close = FENCE_CLOSE.exec(lines[j]!.text);
          if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) {
            end = lines[j]!.end;
            i = j;
            break;
          }
          if (j === lines.length - 1) i = j;
        }
        // From the fence itself: the indentation before it belongs to the blank lines around it.
        blocks.push({ kind: 'code', start: line.start + line.text.indexOf(fence), end });
        continue;
      }
      if (defs && REF_DEF.test(line.text)) {
        const at = line.text.indexOf('[');
        out.push({ kind: 'url', start: line.start + at, end: line.end });
      }
    }
  }
  if (text.includes('](')) for (const m of text.matchAll(LINK_TAIL)) out.push({ kind: 'url', start: m.index! + 1, end: m.index! + m[0].length });
  if (text.includes(':')) for (const m of text.matchAll(AUTOLINK)) out.push({ kind: 'url', start: m.index!, end: m.index! + m[0].length });
  return blocks;
}

const EMAIL_NAME = /[\p{L}\p{N}._%+-]/u;

/**
 * E-mail addresses, found from each "@": the name is the run of name characters before it (not reaching
 * back into the previous address), the domain is matched forward. The same spans as the regular expression
 * `[name]+@domain`, without trying it at every character.
 */
function emailSpans(text: string, domain: RegExp, out: ProtectedSpan[]): void {
  let lastEnd = 0;
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > lastEnd && EMAIL_NAME.test(text[start - 1]!)) start--;
    if (start === at) continue;
    domain.lastIndex = at;
    const m = domain.exec(text);
    if (!m) continue;
    lastEnd = at + m[0].length;
    out.push({ kind: 'email', start, end: lastEnd });
  }
}

/**
 * The matches the global form of `re` (sticky here) finds scanning the text, tried only at the positions that can
 * start one: up to `reach` characters before a full stop, in text order, each position once.
 */
function dottedSpans(text: string, re: RegExp, kind: ProtectedKind, out: ProtectedSpan[], reach: number): void {
  let from = 0;
  for (let dot = text.indexOf('.', 1); dot >= 0; dot = text.indexOf('.', from + 1)) {
    let matched = false;
    for (let at = Math.max(from, dot - reach); at < dot; at++) {
      re.lastIndex = at;
      const m = re.exec(text);
      if (!m) continue;
      out.push({ kind, start: at, end: at + m[0].length });
      from = at + m[0].length;
      matched = true;
      break;
    }
    if (!matched) from = dot + 1;
  }
}

/** True when [start, end) overlaps a protected span of one of the given kinds. */
export function overlapsProtected(all: ProtectedSpans, start: number, end: number, kinds: ReadonlySet<ProtectedKind>): boolean {
  const { spans, blocks } = all;
  if (blocks.length && kinds.has('code')) {
    // The first block ending after `start`: the blocks are disjoint, so their ends are sorted too.
    const b = firstIndex(blocks.length, (i) => blocks[i]!.end > start);
    if (b < blocks.length && blocks[b]!.start < end) return true;
  }
  // Spans are sorted by start; protected spans are short, so scanning back a little is enough.
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.start < end) lo = mid + 1;
    else hi = mid;
  }
  for (let i = lo - 1; i >= 0 && i >= lo - 64; i--) {
    const s = spans[i]!;
    if (s.end > start && s.start < end && kinds.has(s.kind)) return true;
  }
  return false;
}
