// What the HTML says about each line of its visible text, beyond the text itself: the landmark elements
// and the class, id, role and itemprop words of the elements around the line, and how much of the line
// sits inside links. The loader only records; the chrome detector decides what the words mean (its
// vocabulary is in rules/chrome.json), so an editor can tune it without touching the parser.
import type { PageStructure, StructureLine } from '../types.js';

/** Elements recorded by name wherever they are (the rest only give their class and id words). */
const LANDMARKS = new Set(['nav', 'header', 'footer', 'aside', 'form', 'article', 'main', 'figure', 'figcaption', 'blockquote', 'li', 'table']);
/** Attribute values split into words ("comment-list" → comment, list; "disqus_thread" → disqus, thread). */
const NAMED_BY = ['class', 'id', 'role', 'itemprop'] as const;
const WORD = /[a-z]+/g;
const MAX_WORDS_PER_ELEMENT = 12;

interface Open {
  name: string;
  words: string[];
}

/** Collects per-line structure while the parser walks the page; lines are reported in output order. */
export class StructureRecorder {
  private readonly stack: Open[] = [];
  private readonly setIndex = new Map<string, number>();
  readonly sets: string[][] = [];
  /** One entry per output line (parallel to the parser's line list). */
  readonly lines: { set: number; chars: number; linkChars: number }[] = [];
  private chars = 0;
  private linkChars = 0;
  private linkDepth = 0;
  private words: string[] | null = null;

  open(name: string, attrs: Record<string, string>): void {
    const words: string[] = [];
    // Element names are told apart from class words ("el:nav" is a <nav>, "nav" a class or id word).
    if (LANDMARKS.has(name)) words.push(`el:${name}`);
    for (const a of NAMED_BY) {
      const v = attrs[a];
      if (!v) continue;
      for (const w of v.toLowerCase().match(WORD) ?? []) if (words.length < MAX_WORDS_PER_ELEMENT) words.push(w);
    }
    this.stack.push({ name, words });
    this.words = null;
    if (name === 'a') this.linkDepth++;
  }

  close(name: string): void {
    // Pop back to the matching element (unclosed children go with it), as browsers do.
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]!.name !== name) continue;
      for (let j = i; j < this.stack.length; j++) if (this.stack[j]!.name === 'a') this.linkDepth = Math.max(0, this.linkDepth - 1);
      this.stack.length = i;
      this.words = null;
      return;
    }
  }

  /** Visible characters added to the current line. */
  text(chars: number): void {
    this.chars += chars;
    if (this.linkDepth > 0) this.linkChars += chars;
  }

  /** The current line ends; blank lines get an entry too so the list stays parallel to the parser's. */
  endLine(): void {
    const words = this.current();
    const key = words.join(' ');
    let set = this.setIndex.get(key);
    if (set === undefined) {
      set = this.sets.length;
      this.sets.push(words);
      this.setIndex.set(key, set);
    }
    this.lines.push({ set, chars: this.chars, linkChars: this.linkChars });
    this.chars = this.linkChars = 0;
  }

  private current(): string[] {
    if (this.words) return this.words;
    const seen = new Set<string>();
    for (const o of this.stack) for (const w of o.words) seen.add(w);
    this.words = [...seen].sort();
    return this.words;
  }

  /**
   * The structure keyed by offsets into the final text: `parts` are the parser's lines, `text` what they
   * became (blank runs collapsed, ends trimmed), so non-blank lines are matched in order.
   */
  finish(parts: readonly string[], text: string): PageStructure {
    const lines: StructureLine[] = [];
    let k = 0;
    let at = 0;
    for (const line of text.split('\n')) {
      const start = at;
      at += line.length + 1;
      const t = line.trim();
      if (!t) continue;
      while (k < parts.length && parts[k]!.trim() !== t) k++;
      const rec = this.lines[k];
      if (k >= parts.length || !rec) break;
      k++;
      lines.push({ start, end: start + line.length, set: rec.set, linkShare: rec.chars > 0 ? Math.round((100 * rec.linkChars) / rec.chars) / 100 : 0 });
    }
    return { sets: this.sets, lines };
  }
}
