import type { Finding } from '../types.js';
import { badness } from '../text/badness.js';
import { C1_AS_1252, CODE_PAGES, type CodePage } from '../text/code-pages.js';
import type { Detector } from './detector.js';
import { pairAt } from '../text/surrogates.js';

/** The most layers of mis-decoding undone ("cafÃƒÂ©" is two). */
const MAX_LAYERS = 4;
// Characters that a repair commonly produces, so a small gain in plausibility is enough: Latin-1,
// general punctuation, the euro sign and the trade mark sign.
const COMMON = /^[\u00a0-\u00ff\u2010-\u2044\u20ac\u2122]+$/u;
// Runs of non-ASCII characters: every byte of a multi-byte UTF-8 character is 0x80 or above, so its
// mis-decoded form never contains ASCII.
/** A non-ASCII run of the Basic Multilingual Plane: what a code page can have garbled (read by forEachRun). */
export const RUN = /[\u0080-\uffff]+/gu;

/**
 * [start, end) of each match of RUN in `text`, in order, read by character code: an article has a non-ASCII run at
 * every typographic quote and dash, and matchAll made a match array for each (about 50 an article) only to drop most.
 */
export function forEachRun(text: string, visit: (start: number, end: number) => void): void {
  const len = text.length;
  for (let i = 0; i < len; ) {
    if (text.charCodeAt(i) < 0x80) i++;
    else if (pairAt(text, i)) i += 2;
    else {
      let j = i + 1;
      while (j < len && text.charCodeAt(j) >= 0x80 && !pairAt(text, j)) j++;
      visit(i, j);
      i = j;
    }
  }
}

function continuation(b: number): boolean {
  return b >= 0x80 && b <= 0xbf;
}

/** Length of the well-formed UTF-8 sequence starting at bytes[i], or 0. */
function sequenceLength(bytes: number[], i: number): number {
  const b = bytes[i]!;
  const need = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  if (need === 0 || i + need > bytes.length) return 0;
  const second = bytes[i + 1]!;
  // Overlong forms, surrogates and code points above U+10FFFF are not UTF-8.
  if (b === 0xe0 && second < 0xa0) return 0;
  if (b === 0xed && second > 0x9f) return 0;
  if (b === 0xf0 && second < 0x90) return 0;
  if (b === 0xf4 && second > 0x8f) return 0;
  for (let k = 1; k < need; k++) if (!continuation(bytes[i + k]!)) return 0;
  return need;
}

const utf8 = new TextDecoder('utf-8');

/**
 * One layer of repair: the characters read back as bytes of `page`, and every well-formed UTF-8
 * sequence among them decoded. Characters the page cannot hold, and bytes that form no sequence, stay.
 */
export function decodeLayer(s: string, page: CodePage): { text: string; complete: boolean } {
  const chars = [...s];
  const bytes = chars.map((ch) => page.toByte.get(ch) ?? -1);
  let out = '';
  let complete = true;
  for (let i = 0; i < chars.length; ) {
    const n = bytes[i]! >= 0 ? sequenceLength(bytes, i) : 0;
    if (n > 0 && bytes.slice(i, i + n).every((b) => b >= 0)) {
      out += utf8.decode(new Uint8Array(bytes.slice(i, i + n)));
      i += n;
    } else {
      out += chars[i];
      complete = false;
      i++;
    }
  }
  return { text: out, complete };
}

/**
 * Whether any reading of `run` can differ from it: some code page reads a well-formed UTF-8 sequence
 * in it, or it holds a C1 control. A run no reading changes can never be repaired, in any pass, so
 * clean text (single curly quotes, dashes, accented letters) skips the badness measure entirely.
 */
function readable(run: string): boolean {
  if (run.length < 2) return run.charCodeAt(0) <= 0x9f;
  // A sequence starts with a lead byte followed by a continuation byte of the same page: the pages where
  // some neighbours are such a pair, from one table read per character (most runs, Cyrillic words or "’”",
  // have none). By code unit: a surrogate has no role in any page, as the astral character has none.
  let pages = 0;
  let prev = 0;
  for (let i = 0; i < run.length; i++) {
    const c = run.charCodeAt(i);
    if (c <= 0x9f) return true;
    const cur = ROLES[c]!;
    pages |= prev & (cur >>> 16);
    prev = cur;
  }
  if (pages === 0) return false;
  const chars = [...run];
  for (let p = 0; p < CODE_PAGES.length; p++) {
    if (!(pages & (1 << p))) continue;
    const page = CODE_PAGES[p]!;
    const bytes = chars.map((ch) => page.toByte.get(ch) ?? -1);
    for (let i = 0; i + 1 < bytes.length; i++) {
      const n = bytes[i]! >= 0 ? sequenceLength(bytes, i) : 0;
      if (n > 0 && bytes.slice(i, i + n).every((b) => b >= 0)) return true;
    }
  }
  return false;
}

/**
 * Per character, the code pages in which it is a UTF-8 lead byte (bit p) and a continuation byte (bit 16 + p).
 */
const ROLES: Int32Array = (() => {
  if (CODE_PAGES.length > 16) throw new Error('mojibake: more code pages than role bits');
  const roles = new Int32Array(0x10000);
  CODE_PAGES.forEach((page, p) => {
    for (const [ch, b] of page.toByte) {
      if (ch.length !== 1) continue;
      roles[ch.charCodeAt(0)]! |= (b >= 0xc2 && b <= 0xf4 ? 1 << p : 0) | (continuation(b) ? 1 << (16 + p) : 0);
    }
  });
  return roles;
})();

/** C1 controls standing for the Windows-1252 punctuation of the same byte ("\u0093" for “). */
function restoreC1(s: string): string {
  let out = '';
  for (const ch of s) out += C1_AS_1252.get(ch) ?? ch;
  return out;
}

export interface Repair {
  fixed: string;
  /** How the text was damaged, in words ("UTF-8 read as Windows-1252 twice"). */
  how: string;
  page: string;
  /** Badness removed by the repair. */
  gain: number;
}

const TIMES = ['', '', ' twice', ' three times', ' four times'];

interface Reading {
  page: CodePage;
  fixed: string;
  score: number;
  how: string;
  /** Every character of the run was part of a decoded sequence, in every layer. */
  complete: boolean;
}

/** Each code page's best reading of a run (the layer count with the lowest badness, deeper on ties). */
function readings(run: string, score: (s: string) => number): Reading[] {
  const out: Reading[] = [];
  for (const page of CODE_PAGES) {
    let cur = run;
    let complete = true;
    let best: Reading | null = null;
    for (let layer = 1; layer <= MAX_LAYERS; layer++) {
      const next = decodeLayer(cur, page);
      if (next.text === cur) break;
      cur = next.text;
      complete &&= next.complete;
      const fixed = restoreC1(cur);
      const s = score(fixed);
      if (!best || s <= best.score) best = { page, fixed, score: s, how: `UTF-8 read as ${page.name}${TIMES[layer]}`, complete };
    }
    if (best) out.push(best);
  }
  const c1 = restoreC1(run);
  if (c1 !== run) out.push({ page: CODE_PAGES[0]!, fixed: c1, score: score(c1), how: 'Windows-1252 punctuation read as control characters', complete: true });
  return out;
}

/**
 * The intended text of a run of non-ASCII characters, or null when no reading is clearly more
 * plausible. `before` and `after` are the characters around the run (context for the badness measure).
 * `established` names code pages already shown to have garbled this document: a complete reading
 * through one of them need only be no less plausible ("Рё" for и in a Russian text garbled throughout).
 */
export function repairRun(run: string, before = '', after = '', established: ReadonlySet<string> = new Set()): Repair | null {
  const score = (s: string): number => badness(before + s + after);
  const base = score(run);
  if (base === 0 && established.size === 0) return null;
  let high: Repair | null = null;
  let low: Repair | null = null;
  let highScore = Infinity;
  let lowScore = Infinity;
  for (const r of readings(run, score)) {
    const gain = base - r.score;
    const ok = established.has(r.page.name)
      ? gain >= 1 || (gain >= 0 && r.complete)
      : r.page.lowConfidence
        ? r.score === 0 && gain >= 2
        : gain >= 2 || (gain >= 1 && COMMON.test(r.fixed));
    if (!ok) continue;
    const repair = { fixed: r.fixed, how: r.how, page: r.page.name, gain };
    if (!r.page.lowConfidence && r.score < highScore) [high, highScore] = [repair, r.score];
    if (r.page.lowConfidence && r.score < lowScore) [low, lowScore] = [repair, r.score];
  }
  // Windows-1252 and Latin-1 first; a low-confidence page only when it reads the run better.
  return high && highScore <= lowScore ? high : low;
}

/** Lengths of the common prefix and suffix of two strings. */
function commonEnds(run: string, fixed: string): [number, number] {
  let a = 0;
  while (a < run.length && a < fixed.length && run[a] === fixed[a]) a++;
  let b = 0;
  while (b < run.length - a && b < fixed.length - a && run[run.length - 1 - b] === fixed[fixed.length - 1 - b]) b++;
  return [a, b];
}

interface RunRepair {
  start: number;
  end: number;
  repair: Repair;
}

/**
 * Repairs of every non-ASCII run of `text`, in two passes: first each run on its own evidence; then,
 * with the code pages that pass proved, the runs whose evidence alone was too slight ("Ð¸" for и in a
 * Russian text garbled throughout).
 */
export function repairText(text: string): RunRepair[] {
  // Runs no reading can change are left out first: they never repair and never count as evidence.
  const runs: Array<{ run: string; start: number; end: number }> = [];
  forEachRun(text, (start, end) => {
    const run = text.slice(start, end);
    if (readable(run)) runs.push({ run, start, end });
  });
  const context = (r: { start: number; end: number }): [string, string] => [text.slice(Math.max(0, r.start - 2), r.start), text.slice(r.end, r.end + 1)];
  const out: (RunRepair | null)[] = runs.map((r) => {
    const repair = repairRun(r.run, ...context(r));
    return repair ? { start: r.start, end: r.end, repair } : null;
  });
  const established = new Set(out.flatMap((r) => (r ? [r.repair.page] : [])));
  // A code page no single run proves may still be proved by several runs together ("‚Äô" for ’ through Mac Roman, three times in an article).
  for (const page of CODE_PAGES) {
    if (established.has(page.name)) continue;
    let gain = 0;
    let count = 0;
    runs.forEach((r, i) => {
      if (out[i]) return;
      const repair = repairRun(r.run, ...context(r), new Set([page.name]));
      if (repair && repair.page === page.name && repair.gain >= 1) (gain += repair.gain, count++);
    });
    if (count >= 2 && gain >= 3) established.add(page.name);
  }
  if (established.size > 0) {
    runs.forEach((r, i) => {
      if (out[i]) return;
      const repair = repairRun(r.run, ...context(r), established);
      if (repair) out[i] = { start: r.start, end: r.end, repair };
    });
  }
  return out.filter((r): r is RunRepair => r !== null);
}

/** Convenience for a whole string: the repaired text, or null when nothing needs repair. */
export function repairMojibake(s: string): string | null {
  const repairs = repairText(s);
  if (repairs.length === 0) return null;
  let out = '';
  let last = 0;
  for (const r of repairs) {
    out += s.slice(last, r.start) + r.repair.fixed;
    last = r.end;
  }
  return out + s.slice(last);
}

/**
 * Text mis-decoded somewhere upstream: UTF-8 read as Windows-1252 or Latin-1 ("â€™" for ’, "Ã©" for é),
 * possibly more than once ("ÃƒÂ©"), or less often through Mac Roman, Windows-1250, Windows-1251 or code
 * page 437; and Windows-1252 punctuation read as Latin-1 control characters. A reading is suggested
 * only when it is clearly more plausible than the text as it stands.
 */
export const mojibake: Detector<Record<string, never>> = {
  type: 'mojibake',
  summary: 'Finds mis-decoded text (UTF-8 read as Windows-1252, Latin-1 and other code pages, in one or more layers) and suggests the repaired characters.',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run(doc) {
    const out: Finding[] = [];
    for (const { start, end, repair } of repairText(doc.text)) {
      // Point at the characters that change, not at correct ones beside them.
      const run = doc.text.slice(start, end);
      let [a, b] = commonEnds(run, repair.fixed);
      // A deletion ("Â£" → "£") keeps the character after it in the span, so the suggestion is never empty.
      if (a + b >= repair.fixed.length) b > 0 ? b-- : a--;
      const fixed = repair.fixed.slice(a, repair.fixed.length - b);
      out.push({ start: start + a, end: end - b, suggestion: fixed, data: { fixed, how: repair.how } });
    }
    return out;
  },
};
