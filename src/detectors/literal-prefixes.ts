// The literal texts every match of a regular expression must start with, read from its source, and a small trie
// that tells whether a text has one of them at a position. Why: template-sentence tries hundreds of phrase
// patterns at the words they can start with ("the", "as", "play"...), and almost every try fails within the
// first words; a walk of a few characters through a trie rejects those tries exactly, without running the
// expression (a match at p always starts with one of the prefixes, so a position none of them fits cannot match).

/** One way a piece of the expression can begin: its literal text, and whether that is the whole piece. */
interface Start {
  text: string;
  /** The piece matches exactly `text` (so what follows the piece continues the prefix). */
  whole: boolean;
}

/** Beyond this many prefixes per piece the expansion stops extending (shorter prefixes are still exact gates). */
const MAX_PREFIXES = 256;

/** What the parser reads: a source and a cursor. */
interface Cursor {
  s: string;
  i: number;
}

/** A piece of the expression whose beginning nothing is known about (a class of many characters, `\s`, `.`). */
const UNKNOWN: Start[] = [{ text: '', whole: false }];

/**
 * Literal prefixes of `source` (a `u`-mode expression, case-sensitive): every match of it starts with one of
 * them. [''] when nothing is known (the gate then passes every position). Tested in test/prose-detectors.test.ts.
 */
export function literalPrefixes(source: string): string[] {
  const c: Cursor = { s: source, i: 0 };
  let starts: Start[];
  try {
    starts = alternation(c);
    if (c.i !== source.length) starts = UNKNOWN;
  } catch {
    starts = UNKNOWN;
  }
  // A prefix that another one begins with adds nothing to the gate. Sorted, such a shorter one is the last kept.
  const out: string[] = [];
  for (const t of [...new Set(starts.map((x) => x.text))].sort()) if (!out.length || !t.startsWith(out[out.length - 1]!)) out.push(t);
  return out;
}

function alternation(c: Cursor): Start[] {
  const out: Start[] = [];
  for (;;) {
    for (const x of sequence(c)) out.push(x);
    if (c.s[c.i] !== '|') return out;
    c.i++;
  }
}

function sequence(c: Cursor): Start[] {
  let acc: Start[] = [{ text: '', whole: true }];
  while (c.i < c.s.length && c.s[c.i] !== '|' && c.s[c.i] !== ')') {
    const piece = quantified(c);
    if (!acc.some((a) => a.whole)) continue; // already ended: the rest is parsed only to find the group's end
    const next: Start[] = [];
    for (const a of acc) {
      if (!a.whole) next.push(a);
      else for (const p of piece) next.push({ text: a.text + p.text, whole: p.whole });
    }
    // Too many ways: keep what is known so far, extend no further.
    acc = next.length > MAX_PREFIXES ? next.map((x) => ({ text: x.text, whole: false })) : next;
  }
  return acc;
}

function quantified(c: Cursor): Start[] {
  const piece = atom(c);
  const q = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/.exec(c.s.slice(c.i));
  if (!q) return piece;
  c.i += q[0].length;
  const op = q[0][0];
  // Zero or one: nothing (what follows continues the prefix), or the piece as it is.
  if (op === '?') return [{ text: '', whole: true }, ...piece];
  const min = op === '*' ? 0 : op === '+' ? 1 : Number(q[1]);
  // Repeated: its first copy begins the match and what follows is unknown; with none required, nothing is known.
  return min === 0 ? UNKNOWN : piece.map((x) => ({ text: x.text, whole: false }));
}

function atom(c: Cursor): Start[] {
  const s = c.s;
  const ch = s[c.i]!;
  if (ch === '(') {
    let inner = c.i + 1;
    let known = true;
    if (s[inner] === '?') {
      if (s[inner + 1] === ':') inner += 2;
      else if (s[inner + 1] === '<' && /[\p{L}_$]/u.test(s[inner + 2] ?? '')) inner = s.indexOf('>', inner) + 1;
      else known = false; // a look-around: zero-width, read no further
    }
    c.i = inner;
    const starts = alternation(c);
    if (s[c.i] !== ')') throw new Error('unbalanced');
    c.i++;
    return known ? starts : UNKNOWN;
  }
  if (ch === '[') return charClass(c);
  if (ch === '\\') {
    const e = s[c.i + 1];
    if (e === undefined) throw new Error('trailing backslash');
    if (/[\p{L}\p{N}]/u.test(e)) {
      // \s, \d, \p{..}, \b, \u...: a class or an assertion (skip its braces).
      c.i += 2;
      if ((e === 'p' || e === 'P' || e === 'u') && s[c.i] === '{') c.i = s.indexOf('}', c.i) + 1;
      else if (e === 'u') c.i += 4;
      else if (e === 'x') c.i += 2;
      else if (e === 'k' && s[c.i] === '<') c.i = s.indexOf('>', c.i) + 1;
      if (c.i <= 0) throw new Error('unclosed escape');
      return UNKNOWN;
    }
    c.i += 2;
    return [{ text: e, whole: true }];
  }
  if (ch === '.' || ch === '^' || ch === '$') {
    c.i++;
    return UNKNOWN;
  }
  if (ch === '*' || ch === '+' || ch === '?' || ch === '{' || ch === '}' || ch === ']') throw new Error('misplaced');
  const cp = s.codePointAt(c.i)!;
  const text = String.fromCodePoint(cp);
  c.i += text.length;
  return [{ text, whole: true }];
}

/** A class of a few listed characters (`[sz]`, `['’]`) expands to them; anything wider is unknown. */
function charClass(c: Cursor): Start[] {
  const s = c.s;
  let i = c.i + 1;
  const chars: string[] = [];
  let simple = s[i] !== '^';
  for (; i < s.length && s[i] !== ']'; i++) {
    let ch = s[i]!;
    if (ch === '\\') {
      const e = s[++i];
      if (e === undefined) throw new Error('trailing backslash');
      if (/[\p{L}\p{N}]/u.test(e)) {
        simple = false;
        if ((e === 'p' || e === 'P' || e === 'u') && s[i + 1] === '{') i = s.indexOf('}', i);
        if (i < 0) throw new Error('unclosed escape');
        continue;
      }
      ch = e;
    } else if (ch === '-' && chars.length && s[i + 1] !== ']') simple = false; // a range
    if (ch.charCodeAt(0) >= 0xd800 && ch.charCodeAt(0) <= 0xdfff) simple = false;
    chars.push(ch);
  }
  if (i >= s.length) throw new Error('unclosed class');
  c.i = i + 1;
  return simple && chars.length ? [...new Set(chars)].map((text) => ({ text, whole: true })) : UNKNOWN;
}

/**
 * A set of literal prefixes as a trie in one flat array: `fitsAt(text, p)` tells whether one of them starts at p.
 * An empty prefix among them makes every position fit. A node is [ends, edge count, (character, node)...], its
 * edges sorted by character.
 */
export class PrefixGate {
  private readonly trie: Int32Array;
  /** Some prefix is '': every position fits. */
  readonly open: boolean;

  constructor(prefixes: readonly string[]) {
    this.open = prefixes.length === 0 || prefixes.includes('');
    // Build with maps, then flatten.
    const nodes: Array<{ end: boolean; next: Map<number, number> }> = [{ end: false, next: new Map() }];
    for (const p of prefixes) {
      let n = 0;
      for (let k = 0; k < p.length; k++) {
        const code = p.charCodeAt(k);
        let to = nodes[n]!.next.get(code);
        if (to === undefined) {
          to = nodes.length;
          nodes.push({ end: false, next: new Map() });
          nodes[n]!.next.set(code, to);
        }
        n = to;
      }
      nodes[n]!.end = true;
    }
    const at = new Int32Array(nodes.length);
    let size = 0;
    nodes.forEach((x, i) => {
      at[i] = size;
      size += 2 + 2 * x.next.size;
    });
    const trie = new Int32Array(size);
    nodes.forEach((x, i) => {
      let k = at[i]!;
      trie[k++] = x.end ? 1 : 0;
      trie[k++] = x.next.size;
      for (const [code, to] of [...x.next].sort((a, b) => a[0] - b[0])) {
        trie[k++] = code;
        trie[k++] = at[to]!;
      }
    });
    this.trie = trie;
  }

  /** One of the prefixes starts at `at` in `text`. */
  fitsAt(text: string, at: number): boolean {
    if (this.open) return true;
    const trie = this.trie;
    let node = 0;
    for (let i = at; trie[node] === 0; i++) {
      if (i >= text.length) return false;
      const code = text.charCodeAt(i);
      let e = node + 2;
      const stop = e + 2 * trie[node + 1]!;
      while (e < stop && trie[e]! < code) e += 2;
      if (e === stop || trie[e] !== code) return false;
      node = trie[e + 1]!;
    }
    return true;
  }
}
