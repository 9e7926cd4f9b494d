import type { Span } from '../types.js';
import type { Doc } from './doc.js';

/**
 * Spans where punctuation without spaces is correct: rules that look for glued punctuation skip them.
 * Kept in one place so every spacing rule agrees on what a URL or a version number is.
 */
export const PROTECTED_KINDS = ['url', 'email', 'domain', 'filename', 'abbreviation', 'number', 'version', 'ellipsis', 'initials', 'handle', 'code'] as const;
export type ProtectedKind = (typeof PROTECTED_KINDS)[number];

export interface ProtectedSpan extends Span {
  kind: ProtectedKind;
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

/** All protected spans of the document, sorted by start. */
export function protectedSpans(doc: Doc): ProtectedSpan[] {
  return doc.memo('protected-spans', () => {
    const text = doc.text;
    const spans: ProtectedSpan[] = [];
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
    return spans.sort((a, b) => a.start - b.start);
  });
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
export function overlapsProtected(spans: ProtectedSpan[], start: number, end: number, kinds: ReadonlySet<ProtectedKind>): boolean {
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
