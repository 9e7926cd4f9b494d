import type { Line, PageStructure } from '../types.js';

/** What an HTML page's markup says about the chrome detector's vocabulary of elements and class words (rules/chrome.json `structure`). */
export interface StructureSpec {
  /** Landmarks that hold page furniture wherever they are, with the label for the message ("nav": "navigation"). */
  chromeElements: Record<string, string>;
  /** Landmarks that are furniture only outside the article ("header": the site's masthead, not the article's own). */
  outerElements: Record<string, string>;
  /** Landmarks and role/itemprop words that hold the article ("article", "main", "articlebody"). */
  articleElements: string[];
  articleWords: string[];
  /** Class and id words of comment sections ("comment", "respond", "disqus"). */
  commentWords: string[];
  /** Class and id words of page furniture ("sidebar", "share", "related"), with the label for the message. */
  furnitureWords: Record<string, string>;
}

export interface LineHint {
  /** Why the markup makes this line chrome ("navigation", "sidebar"), or null. */
  chrome: string | null;
  /** Inside a comment section. */
  comment: boolean;
  /** Inside the article's element. */
  inArticle: boolean;
  /** Share of the line's characters inside links. */
  linkShare: number;
}

/** Share of the page's text above which a furniture word is the layout's ("has-sidebar", "comments-open" on a wrapper), not furniture's. */
const LAYOUT_SHARE = 0.5;

/**
 * Words around most of the page's text: wrappers' classes (a body or page div classed "with-sidebar",
 * a form around the whole page) say nothing about any one line.
 */
function layoutWords(structure: PageStructure, keep: ReadonlySet<string>): Set<string> {
  const chars = new Map<string, number>();
  let total = 0;
  const perSet = new Array<number>(structure.sets.length).fill(0);
  for (const l of structure.lines) {
    perSet[l.set]! += l.end - l.start;
    total += l.end - l.start;
  }
  structure.sets.forEach((words, i) => {
    for (const w of words) chars.set(w, (chars.get(w) ?? 0) + perSet[i]!);
  });
  const out = new Set<string>();
  for (const [w, n] of chars) if (n > total * LAYOUT_SHARE && !keep.has(w)) out.add(w);
  return out;
}

/** One hint per line of the text (null where the structure says nothing: blank lines, text input). */
export function lineHints(lines: readonly Line[], structure: PageStructure | undefined, spec: StructureSpec | null): (LineHint | null)[] {
  const hints: (LineHint | null)[] = new Array(lines.length).fill(null);
  if (!structure || !spec) return hints;
  const byStart = new Map<number, PageStructure['lines'][number]>();
  for (const s of structure.lines) byStart.set(s.start, s);
  const article = new Set([...spec.articleElements.map((e) => `el:${e}`), ...spec.articleWords]);
  const comment = new Set(spec.commentWords);
  const layout = layoutWords(structure, article);
  // Each distinct set of surrounding words is read once.
  const perSet = structure.sets.map((all) => {
    const words = all.filter((w) => !layout.has(w));
    const inArticle = words.some((w) => article.has(w));
    let chrome: string | null = null;
    for (const w of words) {
      const el = w.startsWith('el:') ? w.slice(3) : null;
      const label = el ? (spec.chromeElements[el] ?? (inArticle ? undefined : spec.outerElements[el])) : spec.furnitureWords[w];
      if (label) {
        chrome = label;
        break;
      }
    }
    return { inArticle, chrome, comment: words.some((w) => comment.has(w)) };
  });
  for (const l of lines) {
    if (l.blank) continue;
    const s = byStart.get(l.start);
    const set = s ? perSet[s.set] : undefined;
    if (!s || !set) continue;
    hints[l.index] = { ...set, linkShare: s.linkShare };
  }
  return hints;
}
