import { Parser } from 'htmlparser2';
import type { BodyComment } from '../types.js';
import { commentOffsets, type CommentMark } from './html-comments.js';
import type { PageStructure } from '../types.js';
import { StructureRecorder } from './html-structure.js';
import { normalizeDate } from './normalize-date.js';

export interface HtmlDocument {
  text: string;
  title: string | null;
  publishedAt: string | null;
  publishedAtOrigin: 'html-meta' | 'html-time' | null;
  url: string | null;
  /** Visible comments (`<!-- ... -->` outside hidden elements) at their offsets in `text`, for inline suppressions. */
  comments: BodyComment[];
  /** Per-line structure of `text` (landmarks, class words, link share), for the chrome detector. */
  structure: PageStructure;
}

// Elements that start a new line in the visible text.
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'dd', 'details', 'dialog', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'li',
  'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot', 'tr', 'ul', 'caption', 'option',
]);
// Elements whose content is never shown as text.
const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'svg', 'head', 'iframe', 'object', 'canvas', 'select', 'button']);
const CELL = new Set(['td', 'th']);
const DATE_META = new Set(['article:published_time', 'og:published_time', 'datepublished', 'pubdate', 'publishdate', 'publish-date', 'date', 'dc.date', 'dc.date.issued', 'sailthru.date', 'parsely-pub-date']);

/**
 * Visible text of an HTML page, with block elements as line breaks and runs of spaces collapsed,
 * plus the title (<title>, else the first <h1>), the publication date (meta, else <time datetime>) and canonical URL.
 */
export function parseHtml(html: string): HtmlDocument {
  const out: string[] = [];
  const structure = new StructureRecorder();
  // Every output line goes through here, so the structure stays line for line with the text.
  const emit = (...parts: string[]): void => {
    for (const p of parts) {
      out.push(p);
      structure.endLine();
    }
  };
  let line = '';
  const hiddenStack: string[] = [];
  let preDepth = 0;
  let inTitle = false;
  let inH1 = false;
  let afterLink = false;
  let title = '';
  let h1 = '';
  let metaDate: string | null = null;
  let timeDate: string | null = null;
  let url: string | null = null;
  const commentMarks: CommentMark[] = [];
  const breakLine = (): void => {
    const t = preDepth ? line : line.replace(/[ \t\f\v\u00a0]*$/, '');
    emit(t);
    line = '';
  };
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'title') inTitle = true;
        if (name === 'meta') {
          const key = (attrs.property ?? attrs.name ?? attrs.itemprop ?? '').toLowerCase();
          if (!metaDate && DATE_META.has(key) && attrs.content) metaDate = normalizeDate(attrs.content);
          if (!url && key === 'og:url' && attrs.content) url = attrs.content;
        }
        if (name === 'link' && attrs.rel === 'canonical' && attrs.href) url = attrs.href;
        if (name === 'time' && !timeDate && attrs.datetime) timeDate = normalizeDate(attrs.datetime);
        if (hiddenStack.length || HIDDEN.has(name) || 'hidden' in attrs || /display\s*:\s*none/i.test(attrs.style ?? '')) {
          hiddenStack.push(name);
          return;
        }
        // Menus written as bare links side by side (<a>Home</a><a>World</a>) read as words, not "HomeWorld".
        if (name === 'a' && afterLink && line !== '' && !/\s$/.test(line)) line += ' ';
        if (name === 'h1' && !h1) inH1 = true;
        if (name === 'pre') preDepth++;
        if (BLOCK.has(name) && line.trim() !== '') breakLine();
        // A line break, not a block: one break, so "spoke<br>and" is two lines of one paragraph (two <br> make one).
        if (name === 'br') breakLine();
        if (CELL.has(name) && line.trim() !== '') line += ' | ';
        // After the line break, so the line before this element is not counted inside it.
        structure.open(name, attrs);
      },
      ontext(data) {
        if (inTitle) title += data;
        if (hiddenStack.length) return;
        afterLink = false;
        if (inH1) h1 += data;
        const before = line.length;
        if (preDepth) line += data;
        else {
          // Whitespace collapses across elements and comments as a browser shows it: "The <em> council</em>" and
          // "met <!-- x --> on" are one space each, not two (which would read as a doubled space).
          const piece = data.replace(/[ \t\r\n\f\v]+/g, ' ');
          line += piece.startsWith(' ') && (line === '' || line.endsWith(' ')) ? piece.slice(1) : piece;
        }
        structure.text(Math.max(0, line.length - before));
        if (preDepth && line.includes('\n')) {
          const parts = line.split('\n');
          line = parts.pop()!;
          emit(...parts);
        }
      },
      oncomment(data) {
        if (!hiddenStack.length) commentMarks.push({ line: out.length, column: line.length, text: data });
      },
      onclosetag(name) {
        if (name === 'title') inTitle = false;
        if (hiddenStack.length) {
          // Pop back to the matching open tag; unclosed children inside hidden content are dropped with it.
          const at = hiddenStack.lastIndexOf(name);
          if (at >= 0) hiddenStack.length = at;
          return;
        }
        if (name === 'h1') inH1 = false;
        if (name === 'a') afterLink = true;
        if (name === 'pre' && preDepth) preDepth--;
        if (BLOCK.has(name) && line.trim() !== '') breakLine();
        if (name === 'p' || /^h[1-6]$/.test(name)) emit('');
        structure.close(name);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  if (line.trim() !== '') breakLine();
  const text = out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  const clean = (s: string): string | null => s.replace(/\s+/g, ' ').trim() || null;
  return {
    text,
    title: clean(title) ?? clean(h1),
    publishedAt: metaDate ?? timeDate,
    publishedAtOrigin: metaDate ? 'html-meta' : timeDate ? 'html-time' : null,
    url,
    comments: commentOffsets(out, text, commentMarks),
    structure: structure.finish(out, text),
  };
}
