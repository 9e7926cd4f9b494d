import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

// franc's answer (`franc(value, { only, minLength })`, the top language of francAll), computed from franc's own data
// without its costs: franc cuts the sample into about 2,000 trigram strings, counts them in an object and then, for
// each of the 45 allowed languages, looks every distinct trigram up in that language's table (tens of thousands of
// string-keyed lookups per call, ~1.2 ms). Here a trigram is a number (its three UTF-16 units); the sample's are sorted
// and counted by runs, and each script's tables are inverted once into sorted trigram → (language, rank) pairs, met by
// the sample's runs in one merge. The arithmetic is franc's: a trigram missing from a language costs MAX_DIFFERENCE, one present
// costs |count - rank - 1|; the least total wins, ties going to the language listed first in franc's data (its
// stable sort). test/detp5-shortcuts.test.ts checks the answer against franc itself.

const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptIndex {
  /** The allowed languages of the script, in franc's data order. */
  codes: string[];
  /** The distinct trigram codes of their tables, ascending. */
  trigrams: Float64Array;
  /** Trigram k's (language index, rank) pairs are pairs[2 * from[k]] up to pairs[2 * from[k + 1]]. */
  from: Int32Array;
  pairs: Int32Array;
}

const code3 = (s: string, i: number): number => s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);

const indexes = new Map<string, ScriptIndex>();

function scriptIndex(script: string, only: readonly string[], key: string): ScriptIndex {
  let index = indexes.get(key);
  if (index) return index;
  const languages = (data as Record<string, Record<string, string>>)[script]!;
  const codes = Object.keys(languages).filter((l) => only.length === 0 || only.includes(l));
  const byTrigram = new Map<number, number[]>();
  codes.forEach((code, li) => {
    const model = languages[code]!.split('|');
    // franc assigns ranks from the last trigram to the first: a trigram listed twice keeps its first rank.
    const seen = new Set<number>();
    for (let rank = 0; rank < model.length; rank++) {
      const t = model[rank]!;
      if (t.length !== 3) throw new Error(`franc data: trigram "${t}" of ${code} is not three units long`);
      const c = code3(t, 0);
      if (seen.has(c)) continue;
      seen.add(c);
      let list = byTrigram.get(c);
      if (!list) byTrigram.set(c, (list = []));
      list.push(li, rank);
    }
  });
  const trigrams = Float64Array.from(byTrigram.keys()).sort();
  const from = new Int32Array(trigrams.length + 1);
  const flat: number[] = [];
  trigrams.forEach((c, k) => {
    from[k] = flat.length >> 1;
    flat.push(...byTrigram.get(c)!);
  });
  from[trigrams.length] = flat.length >> 1;
  const pairs = Int32Array.from(flat);
  indexes.set(key, (index = { codes, trigrams, from, pairs }));
  return index;
}

/**
 * Whether `re` can never match the empty string: with no assertion in it (look-around, anchor, word boundary,
 * back-reference), whether it matches the empty string does not depend on where, so trying '' decides.
 */
const NEVER_EMPTY = new WeakMap<RegExp, boolean>();
function neverEmpty(re: RegExp): boolean {
  let known = NEVER_EMPTY.get(re);
  if (known === undefined) NEVER_EMPTY.set(re, (known = !/\(\?<?[=!]|[\^$]|\\[bBk1-9]/.test(re.source) && !new RegExp(re.source, re.flags.replace('g', '')).test('')));
  return known;
}

/**
 * `value.match(re)?.length ?? 0` without the array of matched strings: a global expression that cannot match the empty
 * string is counted one `test` at a time (each match resumes at its end, as `match` does).
 */
function matchCount(value: string, re: RegExp): number {
  if (!re.global || !neverEmpty(re)) return value.match(re)?.length ?? 0;
  let n = 0;
  re.lastIndex = 0;
  while (re.test(value)) n++;
  return n;
}

/** The script whose expression matches the most characters (franc's getTopScript), and that share. */
function topScript(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  for (const script of Object.keys(expressions)) {
    const count = matchCount(value, (expressions as Record<string, RegExp>)[script]!) / value.length || 0;
    if (count > topCount) {
      topCount = count;
      top = script;
    }
  }
  return [top, topCount];
}

/** trigram-utils' clean: ASCII punctuation and digits to spaces, white space collapsed, trimmed, lower-cased. */
function clean(value: string): string {
  return value
    .replace(/[\u0021-\u0040]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

/** `franc(value, { only, minLength })`: ISO 639-3 code, or 'und'. */
export function trigramLanguage(value: string, only: readonly string[], minLength: number): string {
  if (!value || value.length < minLength) return 'und';
  const sample = value.slice(0, MAX_LENGTH);
  const [script, share] = topScript(sample);
  const allowed = (l: string): boolean => only.length === 0 || only.includes(l);
  if (!script || !(script in data)) return !script || share === 0 || !allowed(script) ? 'und' : script;
  const { codes, trigrams, from, pairs } = scriptIndex(script, only, `${script}\u0000${only.join(',')}`);
  if (codes.length === 0) return 'und';
  // The sample's trigrams as numbers, sorted: each run is one distinct trigram and its count, and the runs meet the
  // index's (also ascending) trigrams in one merge.
  const padded = ' ' + clean(sample) + ' ';
  const n = Math.max(0, padded.length - 2);
  const sampleCodes = new Float64Array(n);
  for (let i = 0; i < n; i++) sampleCodes[i] = code3(padded, i);
  sampleCodes.sort();
  let distinct = 0;
  const distance = new Array<number>(codes.length).fill(0);
  for (let i = 0, j = 0; i < n; ) {
    const c = sampleCodes[i]!;
    let end = i + 1;
    while (end < n && sampleCodes[end] === c) end++;
    const count = end - i;
    distinct++;
    while (j < trigrams.length && trigrams[j]! < c) j++;
    if (j < trigrams.length && trigrams[j] === c) {
      for (let k = from[j]!, to = from[j + 1]!; k < to; k++) {
        const d = count - pairs[2 * k + 1]! - 1;
        distance[pairs[2 * k]!]! += (d < 0 ? -d : d) - MAX_DIFFERENCE;
      }
    }
    i = end;
  }
  for (let l = 0; l < distance.length; l++) distance[l]! += distinct * MAX_DIFFERENCE;
  let best = 0;
  for (let i = 1; i < distance.length; i++) if (distance[i]! < distance[best]!) best = i;
  return codes[best]!;
}
