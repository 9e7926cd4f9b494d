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
const PATTERNS: Array<[ProtectedKind, RegExp]> = [
  ['url', /\b(?:https?:\/\/|ftp:\/\/|www\.)[^\s<>"'“”‘’]+[^\s<>"'“”‘’.,;:!?)\]]/giu],
  ['email', /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu],
  // TLDs match in lower case only, so a glued "member.In the" is not mistaken for a domain.
  ['domain', new RegExp(`\\b[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.(?:${TLD})\\b(?:\\/[^\\s]*)?`, 'gu')],
  ['filename', /\b[\p{L}\p{N}_-]+\.(?:pdf|docx?|xlsx?|pptx?|csv|txt|md|json|jsonl|xml|html?|js|ts|py|rb|go|rs|java|cpp|exe|zip|gz|tar|png|jpe?g|gif|svg|webp|mp[34]|mov|wav|ya?ml|ini|cfg|log|sh|bat|dll|so|apk|ipa)\b/giu],
  ['abbreviation', /\b(?:\p{L}{1,3}\.){2,}/gu],
  ['version', /\b[vV]?\d+(?:\.\d+){2,}\b|\b[vV]\d+(?:\.\d+)+\b|\b\p{L}+\d*\.\d+(?:\.\d+)*\b/gu],
  ['number', /\d+(?:[.,:'’]\d+)+|[$€£¥]\d|\d[.,]\d/gu],
  ['ellipsis', /\.{2,}|…|\.(?: \.){2,}/gu],
  ['initials', /\b\p{Lu}\.(?:\s?\p{Lu}\.)*/gu],
  ['handle', /[@#][\p{L}\p{N}_]+/gu],
  ['code', /`[^`\n]+`/gu],
];

/** All protected spans of the document, sorted by start. */
export function protectedSpans(doc: Doc): ProtectedSpan[] {
  return doc.memo('protected-spans', () => {
    const spans: ProtectedSpan[] = [];
    for (const [kind, re] of PATTERNS) {
      re.lastIndex = 0;
      for (const m of doc.text.matchAll(re)) spans.push({ kind, start: m.index!, end: m.index! + m[0].length });
    }
    return spans.sort((a, b) => a.start - b.start);
  });
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
