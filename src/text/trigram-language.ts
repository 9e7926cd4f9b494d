import { data } from 'franc/data.js';
import { expressions } from 'franc/expressions.js';

// franc's answer (`franc(value, { only, minLength })`, the top language of francAll), computed from franc's own data
// without its costs: franc cuts the sample into about 2,000 trigram strings, counts them in an object and then, for
// each of the 45 allowed languages, looks every distinct trigram up in that language's table (tens of thousands of
// string-keyed lookups per call, ~1.2 ms). Here a trigram is a number (its three UTF-16 units), counted in a Map, and
// each script's tables are inverted once into trigram → (language, rank) pairs, so a sample costs one lookup per
// distinct trigram. The arithmetic is franc's: a trigram missing from a language costs MAX_DIFFERENCE, one present
// costs |count - rank - 1|; the least total wins, ties going to the language listed first in franc's data (its
// stable sort). test/detp5-shortcuts.test.ts checks the answer against franc itself.

const MAX_LENGTH = 2048;
const MAX_DIFFERENCE = 300;

interface ScriptIndex {
  /** The allowed languages of the script, in franc's data order. */
  codes: string[];
  /** Trigram code → flat (language index, rank) pairs. */
  pairs: Map<number, number[]>;
}

const code3 = (s: string, i: number): number => s.charCodeAt(i) * 4294967296 + s.charCodeAt(i + 1) * 65536 + s.charCodeAt(i + 2);

const indexes = new Map<string, ScriptIndex>();

function scriptIndex(script: string, only: readonly string[], key: string): ScriptIndex {
  let index = indexes.get(key);
  if (index) return index;
  const languages = (data as Record<string, Record<string, string>>)[script]!;
  const codes = Object.keys(languages).filter((l) => only.length === 0 || only.includes(l));
  const pairs = new Map<number, number[]>();
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
      let list = pairs.get(c);
      if (!list) pairs.set(c, (list = []));
      list.push(li, rank);
    }
  });
  indexes.set(key, (index = { codes, pairs }));
  return index;
}

/** The script whose expression matches the most characters (franc's getTopScript), and that share. */
function topScript(value: string): [string | undefined, number] {
  let topCount = -1;
  let top: string | undefined;
  for (const script of Object.keys(expressions)) {
    const count = (value.match((expressions as Record<string, RegExp>)[script]!)?.length ?? 0) / value.length || 0;
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
  const { codes, pairs } = scriptIndex(script, only, `${script}\u0000${only.join(',')}`);
  if (codes.length === 0) return 'und';
  const padded = ' ' + clean(sample) + ' ';
  const counts = new Map<number, number>();
  for (let i = 0; i + 3 <= padded.length; i++) {
    const c = code3(padded, i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  const distance = new Array<number>(codes.length).fill(counts.size * MAX_DIFFERENCE);
  for (const [c, count] of counts) {
    const list = pairs.get(c);
    if (!list) continue;
    for (let k = 0; k < list.length; k += 2) {
      const d = count - list[k + 1]! - 1;
      distance[list[k]!]! += (d < 0 ? -d : d) - MAX_DIFFERENCE;
    }
  }
  let best = 0;
  for (let i = 1; i < distance.length; i++) if (distance[i]! < distance[best]!) best = i;
  return codes[best]!;
}
