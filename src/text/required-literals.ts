/**
 * Required literals of a regular expression (the idea of ripgrep's and Vale's literal extraction): a short list
 * of strings such that any text in which the expression finds a non-empty match contains at least one of them.
 * A caller first asks whether the text contains one (`String#includes`, or one literal-only expression when there
 * are many), and runs the expression only when it does: most articles have no doubled space, no " ," and no "( ",
 * so a pattern rule's expression (often led by a look-behind the engine tries at every character) never runs on
 * them, and most lines hold none of a chrome pattern's words.
 *
 * For an expression with the i and u flags, ask with `fold`: the literals come back folded (src/text/fold-case.ts)
 * and must be looked for in the folded text, since a letter then matches its other cases (and "k" the Kelvin sign).
 *
 * The analysis is conservative: whatever it cannot read (a class of more than a few characters, \p{…}, a
 * back-reference) breaks a run of known characters, and when some alternative of the expression yields no literal
 * the answer is null (no prefilter: the expression always runs). Look-arounds are zero-width, so a run goes on
 * across them; a positive look-around's own literals are required too (it matches against the same text), and a
 * look-behind's last characters are the text just before the point where it stands. Negative look-arounds require
 * nothing.
 */

import { foldCase } from './fold-case.js';

const MAX_SET = 64;
const MAX_CLASS = 16;
const DIGITS = [...'0123456789'];

/** What is known of the text a piece of the expression consumes. */
interface Info {
  /** Every string the piece can consume (a finite, small set), or null. */
  exact: string[] | null;
  /** The piece's consumed text starts with one of these (null: unknown). */
  prefix: string[] | null;
  /** The piece's consumed text ends with one of these (null: unknown). */
  suffix: string[] | null;
  /** Sets of which the text must contain one string each (where the piece matches). */
  required: string[][];
  /** The piece can match without consuming anything. */
  canBeEmpty: boolean;
}

type Node =
  | { kind: 'chars'; chars: string[] | null }
  | { kind: 'assert' }
  | { kind: 'look'; ahead: boolean; body: Node[][] }
  | { kind: 'group'; body: Node[][] }
  | { kind: 'backref' }
  | { kind: 'repeat'; node: Node; min: number; max: number };

class Unreadable extends Error {}

/**
 * The required literals of `source` (a `u`-mode expression), or null when none can be proven. With `fold` (the
 * expression has the `i` flag) they are folded, for a search of the folded text.
 */
export function requiredLiterals(source: string, fold: boolean): string[] | null {
  const parser = new Parser(source, fold);
  let tree: Node[][];
  try {
    tree = parser.parseAlternation();
  } catch (e) {
    if (e instanceof Unreadable) return null;
    throw e;
  }
  if (!parser.atEnd()) return null;
  return pickBest(alternation(tree));
}

function pickBest(info: Info): string[] | null {
  const candidates = [...info.required];
  if (info.exact) candidates.push(info.exact);
  let best: string[] | null = null;
  let bestScore = -Infinity;
  for (const c of candidates) {
    if (!c.length || c.some((s) => s === '')) continue;
    const score = rarity(c);
    if (score > bestScore) {
      best = c;
      bestScore = score;
    }
  }
  return best;
}

/** How rare a set of literals is in prose, roughly: longer strings and fewer of them are rarer. */
export function rarity(set: readonly string[]): number {
  let min = Infinity;
  for (const s of set) {
    let r = 0;
    for (const ch of s) {
      const c = ch.codePointAt(0)!;
      if (/[a-z]/i.test(ch) || c === 32) r += 1;
      else if (/[0-9.,\n'"-]/.test(ch)) r += 1.5;
      else if (c < 128) r += 3;
      else r += 4;
    }
    min = Math.min(min, r);
  }
  return min - Math.log2(set.length) * 0.5;
}

function cross(a: string[] | null, b: string[] | null): string[] | null {
  if (!a || !b) return null;
  if (a.length * b.length > MAX_SET) return null;
  const out = new Set<string>();
  for (const x of a) for (const y of b) out.add(x + y);
  return [...out];
}

function union(a: string[] | null, b: string[] | null): string[] | null {
  if (!a || !b) return null;
  const out = new Set([...a, ...b]);
  return out.size > MAX_SET ? null : [...out];
}

const EMPTY: Info = { exact: [''], prefix: [''], suffix: [''], required: [], canBeEmpty: true };

function alternation(alts: Node[][]): Info {
  const infos = alts.map(sequence);
  if (infos.length === 1) return infos[0]!;
  let exact: string[] | null = [];
  let prefix: string[] | null = [];
  let suffix: string[] | null = [];
  let picked: string[] | null = [];
  for (const i of infos) {
    exact = union(exact, i.exact);
    prefix = union(prefix, i.prefix);
    suffix = union(suffix, i.suffix);
    picked = union(picked, pickBest(i));
  }
  return { exact, prefix, suffix, required: picked ? [picked] : [], canBeEmpty: infos.some((i) => i.canBeEmpty) };
}

function sequence(items: Node[]): Info {
  // `run`: the text up to this point ends with one of these; `[""]` at the start (nothing known before).
  let run: string[] | null = [''];
  // While `exact`, `run` is exactly what the sequence consumed so far; `prefix` is fixed when that ends.
  let exact = true;
  let prefix: string[] | null = null;
  let canBeEmpty = true;
  const required: string[][] = [];
  const endExact = (start: string[] | null): void => {
    if (exact) prefix = start;
    exact = false;
  };
  for (const item of items) {
    if (item.kind === 'assert') continue;
    if (item.kind === 'look') {
      const body = alternation(item.body);
      required.push(...body.required);
      if (item.ahead) {
        const joined = cross(run, body.prefix);
        if (joined) required.push(joined);
      } else if (body.suffix && (!run || run.every((s) => s === ''))) {
        // The text before this point ends with the look-behind's last characters (context, not consumed).
        endExact(null);
        run = body.suffix;
      }
      continue;
    }
    const info = piece(item);
    required.push(...info.required);
    if (!info.canBeEmpty) canBeEmpty = false;
    if (info.exact) {
      const next = cross(run, info.exact);
      if (next) {
        run = next;
        continue;
      }
    }
    if (run) required.push(run);
    if (info.canBeEmpty) {
      // Consumed nothing (the run stands) or something ending in the piece's suffix.
      endExact(run);
      run = union(run, info.suffix);
      continue;
    }
    const joined = cross(run, info.prefix);
    if (joined) required.push(joined);
    endExact(joined ?? run);
    run = info.suffix;
  }
  if (run) required.push(run);
  if (exact) prefix = run;
  const useless = (set: string[] | null): boolean => !set || set.every((s) => s === '');
  return { exact: exact ? run : null, prefix: useless(prefix) ? null : prefix, suffix: useless(run) ? null : run, required, canBeEmpty };
}

function piece(node: Node): Info {
  switch (node.kind) {
    case 'chars':
      return node.chars
        ? { exact: node.chars, prefix: node.chars, suffix: node.chars, required: [node.chars], canBeEmpty: false }
        : { exact: null, prefix: null, suffix: null, required: [], canBeEmpty: false };
    case 'group':
      return alternation(node.body);
    case 'backref':
      return { exact: null, prefix: null, suffix: null, required: [], canBeEmpty: true };
    case 'repeat': {
      const inner = piece(node.node);
      if (node.max === 0) return EMPTY;
      if (node.min === 0) return { exact: null, prefix: null, suffix: inner.suffix, required: [], canBeEmpty: true };
      let exact: string[] | null = inner.exact;
      for (let k = 1; k < Math.min(node.min, 4) && exact; k++) exact = cross(exact, inner.exact);
      if (node.min === node.max && node.min <= 4) return { ...inner, exact, prefix: exact ?? inner.prefix, suffix: exact ?? inner.suffix, required: exact ? [...inner.required, exact] : inner.required };
      // At least `min` copies: it starts (and ends) with that many.
      const required = exact ? [...inner.required, exact] : inner.required;
      return { exact: null, prefix: exact ?? inner.prefix, suffix: exact ?? inner.suffix, required, canBeEmpty: inner.canBeEmpty };
    }
    default:
      return EMPTY;
  }
}

/** A reader of the JavaScript (`u` mode) expression syntax, just enough to find literals. */
class Parser {
  private i = 0;
  constructor(
    private readonly s: string,
    private readonly fold: boolean,
  ) {}

  /** Whether the whole expression was read (a stray ")" stops the reading early). */
  atEnd(): boolean {
    return this.i === this.s.length;
  }

  parseAlternation(): Node[][] {
    const alts: Node[][] = [this.parseSequence()];
    while (this.s[this.i] === '|') {
      this.i++;
      alts.push(this.parseSequence());
    }
    return alts;
  }

  private parseSequence(): Node[] {
    const items: Node[] = [];
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.parseAtom();
      items.push(this.parseQuantifier(atom));
    }
    return items;
  }

  private parseQuantifier(atom: Node): Node {
    const c = this.s[this.i];
    let min: number;
    let max: number;
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.s.slice(this.i));
      if (!m) throw new Unreadable();
      min = Number(m[1]);
      max = m[2] ? (m[3] ? Number(m[3]) : Infinity) : min;
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.s[this.i] === '?') this.i++;
    if (atom.kind === 'assert' || atom.kind === 'look') return min === 0 ? { kind: 'assert' } : atom;
    return { kind: 'repeat', node: atom, min, max };
  }

  private parseAtom(): Node {
    const s = this.s;
    const c = s[this.i]!;
    if (c === '(') {
      this.i++;
      let node: Node;
      if (s.startsWith('?:', this.i)) {
        this.i += 2;
        node = { kind: 'group', body: this.parseAlternation() };
      } else if (s.startsWith('?=', this.i) || s.startsWith('?!', this.i)) {
        const positive = s[this.i + 1] === '=';
        this.i += 2;
        const body = this.parseAlternation();
        node = positive ? { kind: 'look', ahead: true, body } : { kind: 'assert' };
      } else if (s.startsWith('?<=', this.i) || s.startsWith('?<!', this.i)) {
        const positive = s[this.i + 2] === '=';
        this.i += 3;
        const body = this.parseAlternation();
        node = positive ? { kind: 'look', ahead: false, body } : { kind: 'assert' };
      } else if (s.startsWith('?<', this.i)) {
        const close = s.indexOf('>', this.i);
        if (close < 0) throw new Unreadable();
        this.i = close + 1;
        node = { kind: 'group', body: this.parseAlternation() };
      } else if (s[this.i] === '?') {
        throw new Unreadable(); // modifiers and anything newer
      } else node = { kind: 'group', body: this.parseAlternation() };
      if (s[this.i] !== ')') throw new Unreadable();
      this.i++;
      return node;
    }
    if (c === '[') return this.parseClass();
    if (c === '^' || c === '$') {
      this.i++;
      return { kind: 'assert' };
    }
    if (c === '.') {
      this.i++;
      return { kind: 'chars', chars: null };
    }
    if (c === '\\') return this.parseEscape(false) as Node;
    if ('*+?{}'.includes(c) || c === ']') throw new Unreadable();
    const cp = s.codePointAt(this.i)!;
    const ch = String.fromCodePoint(cp);
    this.i += ch.length;
    return this.literal(ch);
  }

  private literal(ch: string): Node {
    return { kind: 'chars', chars: [this.fold ? foldCase(ch) : ch] };
  }

  /** An escape: a node in an expression, or inside a class a character (string) or null (a set). */
  private parseEscape(inClass: boolean): Node | string | null {
    const s = this.s;
    this.i++; // the backslash
    const c = s[this.i]!;
    this.i++;
    const char = (ch: string): Node | string | null => (inClass ? ch : this.literal(ch));
    const set = (): Node | null => (inClass ? null : { kind: 'chars', chars: null });
    // A digit is one of ten (and has no other case): a set small enough to carry on a run ("\d+ shares").
    if (c === 'd' && !inClass) return { kind: 'chars', chars: DIGITS };
    if ('dDwWsS'.includes(c)) return set();
    if (c === 'p' || c === 'P') {
      const close = s.indexOf('}', this.i);
      if (s[this.i] !== '{' || close < 0) throw new Unreadable();
      this.i = close + 1;
      return set();
    }
    if (c === 'b' || c === 'B') {
      if (inClass) throw new Unreadable();
      return { kind: 'assert' };
    }
    if (c === 'k') {
      const close = s.indexOf('>', this.i);
      if (close < 0) throw new Unreadable();
      this.i = close + 1;
      return { kind: 'backref' };
    }
    if (/[1-9]/.test(c)) {
      while (/[0-9]/.test(s[this.i] ?? '')) this.i++;
      return inClass ? null : { kind: 'backref' };
    }
    const simple: Record<string, string> = { n: '\n', r: '\r', t: '\t', v: '\v', f: '\f', '0': '\0' };
    if (c in simple) return char(simple[c]!);
    if (c === 'u') {
      if (s[this.i] === '{') {
        const close = s.indexOf('}', this.i);
        if (close < 0) throw new Unreadable();
        const cp = parseInt(s.slice(this.i + 1, close), 16);
        this.i = close + 1;
        return char(String.fromCodePoint(cp));
      }
      const hex = s.slice(this.i, this.i + 4);
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new Unreadable();
      this.i += 4;
      let ch = String.fromCharCode(parseInt(hex, 16));
      // A surrogate pair written as two escapes is one character in `u` mode.
      const low = /^\\u(d[c-f][0-9a-f]{2})/i.exec(s.slice(this.i));
      if (/[\ud800-\udbff]/.test(ch) && low) {
        ch += String.fromCharCode(parseInt(low[1]!, 16));
        this.i += 6;
      }
      return char(ch);
    }
    if (c === 'x') {
      const hex = s.slice(this.i, this.i + 2);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) throw new Unreadable();
      this.i += 2;
      return char(String.fromCharCode(parseInt(hex, 16)));
    }
    if (c === 'c') throw new Unreadable();
    // Identity escape of a syntax character (\. \( \/ \-).
    if (/[\^$\\.*+?()[\]{}|/-]/.test(c)) return char(c);
    throw new Unreadable();
  }

  private parseClass(): Node {
    const s = this.s;
    this.i++;
    let negated = false;
    if (s[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const members: string[] = [];
    let unknown = false;
    const readOne = (): string | null => {
      if (s[this.i] === '\\') return this.parseEscape(true) as string | null;
      const cp = s.codePointAt(this.i)!;
      const ch = String.fromCodePoint(cp);
      this.i += ch.length;
      return ch;
    };
    while (this.i < s.length && s[this.i] !== ']') {
      const from = readOne();
      if (s[this.i] === '-' && s[this.i + 1] !== ']' && this.i + 1 < s.length) {
        this.i++;
        const to = readOne();
        if (from === null || to === null) throw new Unreadable();
        const a = from.codePointAt(0)!;
        const b = to.codePointAt(0)!;
        if (b - a >= MAX_CLASS) unknown = true;
        else for (let cp = a; cp <= b; cp++) members.push(String.fromCodePoint(cp));
        continue;
      }
      if (from === null) unknown = true;
      else members.push(from);
    }
    if (s[this.i] !== ']') throw new Unreadable();
    this.i++;
    if (negated || unknown || members.length > MAX_CLASS) return { kind: 'chars', chars: null };
    return { kind: 'chars', chars: [...new Set(this.fold ? members.map(foldCase) : members)] };
  }
}
