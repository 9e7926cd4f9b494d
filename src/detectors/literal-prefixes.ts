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

/**
 * How many characters of a prefix a gate reads. Beyond that, the text is left to the expression itself: the first
 * 16 characters already turn away nearly every position that cannot match (the phrase's first words), while the
 * full expansions of the generic phrases ("play a crucial role", "plays a pivotal role"...) are three times as
 * many prefixes and five times the characters to build into a trie.
 */
export const GATE_DEPTH = 16;

/**
 * The prefixes a gate for `source` is built from: literalPrefixes cut to `depth` characters, and again minimal.
 * Every match still starts with one of them.
 */
export function gatePrefixes(source: string, depth = GATE_DEPTH): string[] {
  return minimalPrefixes(literalPrefixes(source).map((p) => (p.length > depth ? p.slice(0, depth) : p)));
}

/**
 * `prefixes` sorted (by UTF-16 code units, as PrefixGate reads them), without repeats and without any that another
 * kept one starts with (it adds nothing to a gate): sorted, such a shorter one is the last kept.
 */
export function minimalPrefixes(prefixes: Iterable<string>): string[] {
  const out: string[] = [];
  for (const t of [...new Set(prefixes)].sort()) if (!out.length || !t.startsWith(out[out.length - 1]!)) out.push(t);
  return out;
}

/** A quantifier at the start of a source's rest (`?`, `*`, `+`, `{n}`, `{n,}`, `{n,m}`, each perhaps lazy); group 1: n. */
export const QUANTIFIER = /^(?:[?*+]|\{(\d+)(?:,\d*)?\})\??/;

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
  return minimalPrefixes(starts.map((x) => x.text));
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
  const q = QUANTIFIER.exec(c.s.slice(c.i));
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
 * edges sorted by character; a node where a prefix ends has no edges (a longer prefix through it decides nothing:
 * fitsAt stops at the first end).
 */
export class PrefixGate {
  private readonly trie: Int32Array;
  /** Some prefix is '': every position fits. */
  readonly open: boolean;

  constructor(prefixes: readonly string[]) {
    this.open = prefixes.length === 0 || prefixes.includes('');
    this.trie = this.open ? new Int32Array(2) : flatTrie(prefixes);
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

/**
 * The trie of `prefixes` (none empty), laid out node by node in depth-first order, from the sorted, minimal list
 * (a prefix that another kept one starts with is dropped): there, the words below a node are one contiguous range,
 * a node branches where two neighbours' common prefix (lcp) ends, and a range of one word is a chain of its
 * characters. So the work is the characters compared once with the neighbour, plus one cell per node and edge:
 * no per-node maps, and the few thousand prefixes of the phrases one word can start take a fraction of a
 * millisecond instead of tens.
 */
function flatTrie(prefixes: readonly string[]): Int32Array {
  const words = minimalPrefixes(prefixes);
  let chars = 0;
  for (const p of words) chars += p.length;
  // lcp[i]: the length of the common prefix of words[i - 1] and words[i] (shorter than both: the list is minimal).
  const lcp = new Int32Array(words.length);
  for (let i = 1; i < words.length; i++) {
    const a = words[i - 1]!;
    const b = words[i]!;
    let k = 0;
    while (a.charCodeAt(k) === b.charCodeAt(k)) k++;
    lcp[i] = k;
  }
  // Each character adds at most one node of two cells and one edge of two: 4 cells per character, plus the root.
  const out = new Int32Array(2 + 4 * chars);
  let size = 0;
  /** Lays out the node at `depth` below which words[lo..hi) lie; returns its offset. */
  const node = (lo: number, hi: number, depth: number): number => {
    const first = words[lo]!;
    // Where the range branches: its least lcp (the end of the word when it is alone).
    let branch = first.length;
    for (let i = lo + 1; i < hi; i++) if (lcp[i]! < branch) branch = lcp[i]!;
    const at = size;
    // A chain of single edges down to the branch.
    for (let d = depth; d < branch; d++) {
      out[size + 1] = 1;
      out[size + 2] = first.charCodeAt(d);
      out[size + 3] = size + 4;
      size += 4;
    }
    if (hi - lo === 1) {
      out[size] = 1;
      size += 2;
      return at;
    }
    const here = size;
    let edges = 1;
    for (let i = lo + 1; i < hi; i++) if (lcp[i] === branch) edges++;
    out[here + 1] = edges;
    size += 2 + 2 * edges;
    let e = here + 2;
    for (let i = lo; i < hi; ) {
      let j = i + 1;
      while (j < hi && lcp[j]! > branch) j++;
      out[e] = words[i]!.charCodeAt(branch);
      out[e + 1] = node(i, j, branch + 1);
      e += 2;
      i = j;
    }
    return at;
  };
  node(0, words.length, 0);
  return out.slice(0, size);
}

/**
 * Prefix lists (one per alternative) as one string, for the build-time table: a list is its length then its
 * prefixes, each its length in UTF-16 units then its text (`2|5|play 6|plays |`...): one JSON string parses far
 * faster than thousands of small ones, and any character a pattern holds survives. decodePrefixes reads it back.
 */
export function encodePrefixes(lists: readonly (readonly string[])[]): string {
  let out = '';
  for (const list of lists) {
    out += `${list.length}|`;
    for (const p of list) out += `${p.length}|${p}`;
  }
  return out;
}

export function decodePrefixes(s: string): string[][] {
  const lists: string[][] = [];
  let i = 0;
  const int = (): number => {
    const bar = s.indexOf('|', i);
    if (bar < 0) throw new Error('truncated prefix table');
    const n = Number(s.slice(i, bar));
    if (!Number.isInteger(n) || n < 0) throw new Error('malformed prefix table');
    i = bar + 1;
    return n;
  };
  while (i < s.length) {
    const list: string[] = [];
    for (let k = int(); k > 0; k--) {
      const len = int();
      if (i + len > s.length) throw new Error('truncated prefix table');
      list.push(s.slice(i, i + len));
      i += len;
    }
    lists.push(list);
  }
  return lists;
}
