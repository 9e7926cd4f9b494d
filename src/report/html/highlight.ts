// Highlighting flagged spans in an article's text: one implementation, run by Node (tests, server-side
// pages) and, through HIGHLIGHT_SCRIPT, by the browser. The functions below are written to be embedded
// with Function.prototype.toString: they use nothing from this module's scope but each other.

/** A span to highlight. `key` names it in the DOM (data-m); `start`/`end` are UTF-16 offsets into the text. */
export interface Mark {
  key: string;
  start: number;
  end: number;
  /** CSS classes for the span's category and severity, e.g. "c-spacing s-warning". */
  cls: string;
  /** Hover text. */
  title: string;
  /** The replacement, shown inline after the span. */
  suggestion?: string;
  /** Shown struck through (site chrome). */
  strike?: boolean;
  /** A long span (a whole paragraph or article): not painted until focused, so it does not drown the others. */
  wide?: boolean;
  /** A small number shown after the span, tying it to the side list (and to the page in print). */
  label?: string;
}

/** A run of text covered by the same marks (indices into the marks array). */
export interface Segment {
  start: number;
  end: number;
  marks: number[];
}

/**
 * Cuts [0, length) into runs covered by the same set of spans, in order; uncovered runs have no marks.
 * Overlapping and nested spans are fine; spans outside the text are clamped. O((n + k) log k).
 */
export function segmentSpans(length: number, spans: ReadonlyArray<{ start: number; end: number }>): Segment[] {
  const cuts = [0, length];
  for (const s of spans) {
    cuts.push(Math.max(0, Math.min(length, s.start)), Math.max(0, Math.min(length, s.end)));
  }
  cuts.sort((a, b) => a - b);
  const points: number[] = [];
  for (const c of cuts) if (points.length === 0 || points[points.length - 1] !== c) points.push(c);
  // Spans sorted by start; a sweep keeps the set active over each elementary interval.
  const order: number[] = [];
  for (let i = 0; i < spans.length; i++) order.push(i);
  order.sort((a, b) => spans[a]!.start - spans[b]!.start);
  const segments: Segment[] = [];
  let active: number[] = [];
  let next = 0;
  for (let p = 0; p + 1 < points.length; p++) {
    const from = points[p]!;
    const to = points[p + 1]!;
    while (next < order.length && spans[order[next]!]!.start <= from) active.push(order[next++]!);
    active = active.filter((i) => spans[i]!.end > from);
    const covering = active.filter((i) => spans[i]!.start <= from && spans[i]!.end >= to && spans[i]!.end > spans[i]!.start);
    covering.sort((a, b) => a - b);
    segments.push({ start: from, end: to, marks: covering });
  }
  return segments;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}

/**
 * The text as HTML with every mark highlighted: each run is a <span class="hl ..." data-m="keys"> whose
 * text is exactly the text's run, so the runs of one key put together are exactly its span. Suggestions
 * (<ins class="sugg">) and labels (<sup class="mk">) go after a mark's last run, outside every run.
 */
export function renderMarkedText(text: string, marks: ReadonlyArray<Mark>): string {
  const segments = segmentSpans(text.length, marks);
  // Empty spans (an insertion point) become an empty run where they sit.
  const points = new Map<number, number[]>();
  marks.forEach((m, i) => {
    if (m.end <= m.start) points.set(m.start, (points.get(m.start) || []).concat(i));
  });
  const out: string[] = [];
  const after = (i: number): string => {
    const m = marks[i]!;
    let s = '';
    if (m.suggestion !== undefined) s += `<ins class="sugg" data-for="${escapeHtml(m.key)}">${escapeHtml(m.suggestion === '' ? '(delete)' : JSON.stringify(m.suggestion).slice(1, -1))}</ins>`;
    if (m.label) s += `<sup class="mk" data-for="${escapeHtml(m.key)}">${escapeHtml(m.label)}</sup>`;
    return s;
  };
  const pointsAt = (offset: number): void => {
    const list = points.get(offset);
    if (!list) return;
    for (const i of list) out.push(`<span class="hl caret ${marks[i]!.cls}" data-m="${escapeHtml(marks[i]!.key)}" title="${escapeHtml(marks[i]!.title)}"></span>${after(i)}`);
    points.delete(offset);
  };
  for (const seg of segments) {
    pointsAt(seg.start);
    const piece = escapeHtml(text.slice(seg.start, seg.end));
    if (seg.marks.length === 0) {
      out.push(piece);
      continue;
    }
    // The narrowest painted mark decides the colour; wide marks paint only when focused.
    let primary = -1;
    let strike = false;
    let painted = 0;
    for (const i of seg.marks) {
      const m = marks[i]!;
      if (m.strike) strike = true;
      if (m.wide) continue;
      painted++;
      if (primary < 0 || m.end - m.start < marks[primary]!.end - marks[primary]!.start) primary = i;
    }
    const cls = ['hl'];
    if (primary >= 0) cls.push(marks[primary]!.cls);
    else cls.push('wide');
    if (strike) cls.push('strike');
    if (painted > 1) cls.push('multi');
    const keys = seg.marks.map((i) => marks[i]!.key).join(' ');
    const title = seg.marks.map((i) => marks[i]!.title).join('\n');
    out.push(`<span class="${cls.join(' ')}" data-m="${escapeHtml(keys)}" title="${escapeHtml(title)}">${piece}</span>`);
    for (const i of seg.marks) if (marks[i]!.end === seg.end) out.push(after(i));
  }
  pointsAt(text.length);
  return out.join('');
}

/** Background colours by category (light, readable under black text; printed as is). */
export const CATEGORY_COLOURS: Record<string, string> = {
  chrome: '#d9d9d9',
  boilerplate: '#ffd9a8',
  repetition: '#e3d0f7',
  spacing: '#bfe0ff',
  dates: '#ffc9c9',
  'tortured-phrase': '#c6efc6',
  encoding: '#f7bde6',
  structure: '#e6e6b8',
  attribution: '#bdeee9',
  language: '#e8e8e8',
  comparison: '#fff09a',
};

/** The CSS of highlighted text, for any page that shows it (the HTML report, the service's editor page). */
export const HIGHLIGHT_CSS = `
.cl-text { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; font-family: Georgia, 'Times New Roman', serif; font-size: 16px; }
.hl { border-radius: 2px; cursor: pointer; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
${Object.entries(CATEGORY_COLOURS)
  .map(([c, colour]) => `.c-${c} { --cat: ${colour}; } .hl.c-${c} { background: ${colour}; }`)
  .join('\n')}
.hl.s-error { box-shadow: inset 0 -2px 0 #c62828; }
.hl.s-warning { box-shadow: inset 0 -1px 0 #b26a00; }
.hl.s-info { box-shadow: none; }
.hl.multi { box-shadow: inset 0 -3px 0 rgba(0,0,0,.45); }
.hl.wide { background: none; cursor: default; }
.hl.strike { text-decoration: line-through; text-decoration-color: #555; color: #666; }
.hl.strike.c-chrome { background: #ececec; }
.hl.caret { display: inline-block; width: 2px; height: 1.1em; vertical-align: text-bottom; background: #c62828; }
.hl.on { background: var(--on, #ffeb3b) !important; }
.hl.on.edge { outline: 2px solid #1a237e; outline-offset: 1px; }
ins.sugg { text-decoration: none; font-family: system-ui, sans-serif; font-size: 12px; color: #1b5e20; background: #e8f5e9; border: 1px solid #a5d6a7; border-radius: 3px; padding: 0 3px; margin: 0 2px; white-space: pre; }
ins.sugg::before { content: '→ '; }
sup.mk { font-family: system-ui, sans-serif; font-size: 9px; color: #555; margin-left: 1px; user-select: none; }
`;

/** The browser side of highlighting, as a script: defines `credlintHighlight.{segmentSpans, renderMarkedText, escapeHtml}`. */
export const HIGHLIGHT_SCRIPT = `
var credlintHighlight = (function () {
${segmentSpans.toString()}
${escapeHtml.toString()}
${renderMarkedText.toString()}
return { segmentSpans: segmentSpans, renderMarkedText: renderMarkedText, escapeHtml: escapeHtml };
})();
`;
