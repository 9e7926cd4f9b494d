/**
 * The words a regular expression can start with, read from its source: lets a detector try the expression
 * only at tokens that could begin a match instead of at every word. Returns null when it cannot tell
 * (look-arounds, character classes or escapes up front), and the caller then tries every word.
 * Entries ending in `*` are prefixes ("analy[sz]e" → "analy*").
 */
export function firstWords(source: string): Set<string> | null {
  const alternatives = splitTopLevel(source);
  if (!alternatives) return null;
  const out = new Set<string>();
  for (const alt of alternatives) {
    const words = firstOfSequence(alt);
    if (!words) return null;
    for (const w of words) out.add(w);
  }
  return out;
}

const LITERAL = /^[a-z0-9'’-]+/;

function firstOfSequence(p: string): Set<string> | null {
  if (p.startsWith('(?:')) {
    const close = groupEnd(p, 0);
    if (close < 0) return null;
    const inner = p.slice(3, close);
    let rest = p.slice(close + 1);
    const optional = rest.startsWith('?') || rest.startsWith('*');
    if (/^[?*+]/.test(rest)) rest = rest.slice(1);
    const alternatives = splitTopLevel(inner);
    if (!alternatives) return null;
    const out = new Set<string>();
    for (const alt of alternatives) {
      const words = firstOfSequence(alt + rest);
      if (!words) return null;
      for (const w of words) out.add(w);
    }
    if (optional) {
      const words = firstOfSequence(rest);
      if (!words) return null;
      for (const w of words) out.add(w);
    }
    return out;
  }
  const m = LITERAL.exec(p);
  if (!m) return null;
  const run = m[0].replace(/’/g, "'");
  const next = p.slice(run.length);
  // The word ends at a space, at the end, or where a group closes the sequence.
  if (next === '' || next.startsWith(' ') || next.startsWith('\\s') || next.startsWith(')')) return new Set([run]);
  // A quantifier applies to the last character: the word is known up to the one before.
  if (/^[?*+{]/.test(next)) return run.length > 1 ? new Set([`${run.slice(0, -1)}*`]) : null;
  return new Set([`${run}*`]);
}

/**
 * Walks a regular-expression source from `from`, skipping escapes and character classes, and calls
 * `visit(i, char, depth)` for every structural character with the group depth after it; `visit` returns
 * true to stop. Returns the index where it stopped, or -1; `unbalanced` is set when a class stays open.
 */
function scanSource(p: string, from: number, visit: (i: number, c: string, depth: number) => boolean): { at: number; unbalanced: boolean } {
  let depth = 0;
  let inClass = false;
  for (let i = from; i < p.length; i++) {
    const c = p[i]!;
    if (c === '\\') {
      i++;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    if (visit(i, c, depth)) return { at: i, unbalanced: false };
  }
  return { at: -1, unbalanced: inClass || depth !== 0 };
}

/** Index of the `)` closing the group that opens at `open`, or -1. */
function groupEnd(p: string, open: number): number {
  return scanSource(p, open, (_i, c, depth) => c === ')' && depth === 0).at;
}

/** Splits at `|` outside groups and classes; null when the source is unbalanced. */
function splitTopLevel(p: string): string[] | null {
  const parts: string[] = [];
  let from = 0;
  let broken = false;
  const r = scanSource(p, 0, (i, c, depth) => {
    if (depth < 0) return (broken = true);
    if (c === '|' && depth === 0) {
      parts.push(p.slice(from, i));
      from = i + 1;
    }
    return false;
  });
  if (broken || r.unbalanced) return null;
  parts.push(p.slice(from));
  return parts;
}
