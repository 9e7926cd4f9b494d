// The facts' speed shortcuts (session 5) give exactly what the plain computation gives: each is compared here with
// the expression or code it stands for, on samples/ and the news and blog bodies and pages of ../shared (when
// present; without it the samples and the generated strings still run), and on random strings built from the
// characters each shortcut treats specially.
import { afterEach, describe, expect, it } from 'vitest';
import { packClaimRows, packClaims } from '../src/facts/claim-codec.js';
import { extractClaimRows, extractClaims } from '../src/facts/claims.js';
import { capitalised, entityKey, sentenceEntities, type Entity } from '../src/facts/entities.js';
import { hashString } from '../src/facts/hash.js';
import { normHashes } from '../src/facts/norm-hashes.js';
import { GLUED_UNIT, lastContentWord, lastContentWordPlain, nextNumber, NUMBER, TIME_OR_ORDINAL } from '../src/facts/quantities.js';
import { buildSentenceTable } from '../src/facts/sentence-table.js';
import { signatureUsesSimd, textSignature, wordsSignature } from '../src/facts/signature.js';
import { EXPLICIT, MONTH_OR_YEAR, wordBefore, wordBeforePlain } from '../src/facts/stated-dates.js';
import { ANY_STATUS } from '../src/facts/status-words.js';
import { mayStateStatus, sentenceStatuses, sentenceStatusesOf } from '../src/facts/status.js';
import { HEDGES, NEGATIONS, STOPWORDS } from '../src/facts/stopwords.js';
import { flagsOf, HEDGES_CLAIM, NEGATES, STATUS_WORD, wordFlags, wordHash } from '../src/facts/word-facts.js';
import { buildDoc, type Doc } from '../src/text/doc.js';
import { NO_ID } from '../src/text/vocabulary.js';
import type { Token } from '../src/types.js';
import { article, HAS_SHARED } from './helpers/run.js';
import { randomStrings, realTexts, seededRandom } from './helpers/shortcut-texts.js';

const TEXTS: string[] = realTexts();
let docCache: Doc[] | null = null;
const docs = (): Doc[] => (docCache ??= TEXTS.map((t) => buildDoc(article(t))));

if (!HAS_SHARED) console.warn('facts-shortcuts: ../shared is missing; comparing on samples/ and generated strings only');

/** Collects the cases where two readings differ (one expect per test: vitest's expect costs microseconds a call). */
class Differences {
  readonly seen: string[] = [];
  count = 0;
  check(fast: unknown, plain: unknown, what: () => unknown): void {
    this.count++;
    const a = JSON.stringify(fast);
    const b = JSON.stringify(plain);
    if (a !== b && this.seen.length < 5) this.seen.push(`${JSON.stringify(what())}: ${a} != ${b}`);
  }
}


describe('facts: per-word answers read by vocabulary id', () => {
  it('gives hashString(norm) and the word lists’ answers for every word and figure', () => {
    const d = new Differences();
    let negating = 0;
    let hedging = 0;
    for (const doc of docs()) {
      const hashes = normHashes(doc);
      doc.tokens.forEach((t, i) => {
        const word = t.kind === 'word' || t.kind === 'number';
        d.check(hashes[i], word ? hashString(t.norm) : 0, () => t.text);
        if (!word) return;
        d.check(wordHash(t), hashString(t.norm), () => t.text);
        const f = wordFlags(t);
        const plain = (NEGATIONS.has(t.norm) || t.norm.endsWith("n't") ? NEGATES : 0) | (HEDGES.has(t.norm) ? HEDGES_CLAIM : 0) | (ANY_STATUS.test(t.norm) ? STATUS_WORD : 0);
        d.check(f & (NEGATES | HEDGES_CLAIM | STATUS_WORD), plain, () => t.text);
        if (f & NEGATES) negating++;
        if (f & HEDGES_CLAIM) hedging++;
      });
    }
    expect(d.seen).toEqual([]);
    expect(negating).toBeGreaterThan(0);
    expect(hedging).toBeGreaterThan(0);
  });
  it('answers a token without an id from its word', () => {
    const t = { text: "Won't", norm: "won't", kind: 'word', vocabId: NO_ID, start: 0, end: 5, sentence: 0 } as Token;
    expect(wordHash(t)).toBe(hashString("won't"));
    expect(wordFlags(t) & NEGATES).toBe(NEGATES);
    expect(flagsOf('perhaps') & HEDGES_CLAIM).toBe(HEDGES_CLAIM);
  });
});

describe('facts: the status gate by word', () => {
  it('lets through every sentence the status expression matches, on real text', () => {
    const d = new Differences();
    let gated = 0;
    let stated = 0;
    for (const doc of docs()) {
      for (const s of doc.sentences) {
        stated += sentenceStatuses(s.text, s.start).length;
        if (mayStateStatus(doc.tokens, s.tokenFrom, s.tokenTo)) continue;
        gated++;
        d.check(ANY_STATUS.test(s.text), false, () => s.text);
      }
    }
    expect(d.seen).toEqual([]);
    expect(gated).toBeGreaterThan(HAS_SHARED ? 5000 : 50);
    expect(stated).toBeGreaterThan(0);
  });
  it('reads each pattern’s needed words per word id as the lower-cased sentence gives them', () => {
    const d = new Differences();
    const parts = ['2nd', 'ied', 'died', 'Member', 'members', 'JOINED', 'join', 'has', 'have', 'was', 'not', 'a', 'full', 'approved', 'RATIFİED', 'ratifi', 'K', 'ſurvived', 'guilty', 'pleaded', 'found', 'condition', 'stable', 'in', 'killed', ' ', ' ', ',', '’'];
    const all = [...docs(), ...randomStrings(parts, 5000, 12, 23).map((t) => buildDoc(article(t)))];
    let found = 0;
    for (const doc of all) {
      for (const s of doc.sentences) {
        if (!mayStateStatus(doc.tokens, s.tokenFrom, s.tokenTo)) continue;
        const fast = sentenceStatusesOf(doc.tokens, s.tokenFrom, s.tokenTo, s.text, s.start);
        d.check(fast, sentenceStatuses(s.text, s.start), () => s.text);
        found += fast.length;
      }
    }
    expect(d.seen).toEqual([]);
    expect(found).toBeGreaterThan(100);
  });
  it('holds on word soup: ordinals glued to letters, capitals, Kelvin sign and long s, apostrophes', () => {
    const d = new Differences();
    const parts = ['2nd', '1st', 'ied', 'died', 'DIED', 'Member', 'mem', 'ber', 'join', '-', '’', "'", 'K', 'ſ', 'illed', 'k', ' ', ' ', '.', 'U.S.', 'é', 'x', '3', 'ratif', 'ied', 'PASSED'];
    for (const text of randomStrings(parts, 20_000, 8, 21)) {
      const doc = buildDoc(article(text));
      for (const s of doc.sentences) if (!mayStateStatus(doc.tokens, s.tokenFrom, s.tokenTo)) d.check(ANY_STATUS.test(s.text), false, () => s.text);
    }
    expect(d.seen).toEqual([]);
    expect(d.count).toBeGreaterThan(1000);
  });
});

describe('facts: quantities tried only near a digit', () => {
  const soup = ['1', '9', '0', ',', '.', ' ', '$', 'US$', '€', '£', '¥', 'million', 'm', 'k', '%', 'percent', 'per cent', 'points', 'troops', 'st', 'nd', ':', '/', '-', 'a', 'B', '\u00a0', '\ud835\udc00', 'é'];
  const generated = randomStrings(soup, 20_000, 14, 5);
  const sentences = (): string[] => docs().flatMap((d) => d.sentences.map((s) => s.text));
  it('finds the match the expression finds from the same position', () => {
    const d = new Differences();
    let matches = 0;
    const r = seededRandom(17);
    for (const text of [...sentences(), ...generated]) {
      // The positions the reader asks from (0, then past each match), and a few others.
      const froms = [0, Math.floor(r() * (text.length + 1)), Math.floor(r() * (text.length + 1))];
      for (let m = nextNumber(text, 0); m !== null; m = nextNumber(text, m.index + m[0].length)) froms.push(m.index + m[0].length);
      for (const from of froms) {
        NUMBER.lastIndex = from;
        const plain = NUMBER.exec(text);
        const fast = nextNumber(text, from);
        d.check(fast && [fast.index, fast[0], fast.groups], plain && [plain.index, plain[0], plain.groups], () => [text, from]);
        if (plain) matches++;
      }
    }
    expect(d.seen).toEqual([]);
    expect(matches).toBeGreaterThan(HAS_SHARED ? 5000 : 1000);
  });
  it('reads what follows a figure as the expressions on the rest of the text read it', () => {
    const d = new Differences();
    const check = (text: string, at: number): void => {
      TIME_OR_ORDINAL.lastIndex = at;
      d.check(TIME_OR_ORDINAL.test(text), /^[:\/]\d|^(?:st|nd|rd|th)\b/.test(text.slice(at)), () => [text, at]);
      GLUED_UNIT.lastIndex = at;
      d.check(GLUED_UNIT.exec(text)?.[1] ?? null, /^-?([\p{L}]+)/u.exec(text.slice(at))?.[1] ?? null, () => [text, at]);
    };
    // Real text where the reader asks, right after a digit; generated strings everywhere but inside a surrogate pair
    // (never right after a digit).
    for (const text of sentences()) for (let at = 1; at <= text.length; at++) if (text.charCodeAt(at - 1) >= 48 && text.charCodeAt(at - 1) <= 57) check(text, at);
    for (const text of generated) for (let at = 0; at <= text.length; at++) if (!(text.charCodeAt(at - 1) >= 0xd800 && text.charCodeAt(at - 1) <= 0xdbff)) check(text, at);
    expect(d.seen).toEqual([]);
  });
});

describe('facts: the word before a figure or a date, read backwards', () => {
  const soup = ['a', 'B', 'the', 'of', 'in', 'May', 'March', 'revenue', ' ', ' ', '\n', ',', '.', '’', '“', '—', '\u00a0', 'é', 'İ', 'Σ', 'σ', 'ς', 'ß', 'K', 'ǅ', 'Для', 'о', '−', '\u0301', '\ud835\udc00', '\ud835', '1', '$', '-'];
  const cases = (): Array<[string, number]> => {
    const out: Array<[string, number]> = [];
    // Where the readers ask: the start of a figure or a date, so a token's start; and anywhere in generated strings.
    for (const doc of docs()) for (const t of doc.tokens) if (t.kind === 'number' || t.kind === 'symbol' || /^[A-Z]/.test(t.text)) out.push([doc.text, t.start]);
    const r = seededRandom(3);
    for (const s of randomStrings(soup, 20_000, 30, 13)) out.push([s, Math.floor(r() * (s.length + 1))]);
    return out;
  };
  it('takes the last content word of the last four, as the expression on the lower-cased window does', () => {
    const d = new Differences();
    let named = 0;
    for (const [text, at] of cases()) {
      const w = lastContentWord(text, at);
      d.check(w, lastContentWordPlain(text, at), () => [text.slice(Math.max(0, at - 80), at), at]);
      if (w) named++;
    }
    expect(d.seen).toEqual([]);
    expect(named).toBeGreaterThan(1000);
  });
  it('takes the last word of the 60 characters before a date that is no stopword or month', () => {
    const d = new Differences();
    for (const [text, at] of cases()) d.check(wordBefore(text, at), wordBeforePlain(text, at), () => [text.slice(Math.max(0, at - 60), at), at]);
    expect(d.seen).toEqual([]);
  });
});

describe('facts: the local date reader’s month-or-year gate', () => {
  it('passes every sentence the date expression matches in', () => {
    const parts = ['May', 'Oct.', 'Sept', 'June', 'jan', 'JAN', 'of', 'in ', 'since ', '3', '16th', '31', '2019', '1987', '19', '20', ' ', ',', '.', 'x'];
    const lines = [...docs().flatMap((d) => d.sentences.map((s) => s.text)), ...randomStrings(parts, 20_000, 10, 9)];
    const d = new Differences();
    for (const l of lines) {
      EXPLICIT.lastIndex = 0;
      if (EXPLICIT.test(l)) d.check(MONTH_OR_YEAR.test(l), true, () => l);
    }
    expect(d.seen).toEqual([]);
    expect(d.count).toBeGreaterThan(100);
  });
});

const plainCaps = new WeakMap<Doc, Set<string>>();
// The name reader before this round, as it was written (the reference for the one that reads a capital per token).
function sentenceEntitiesPlain(doc: Doc, sentence: number): Entity[] {
  const NOT_NAMES = new Set('january february march april may june july august september october november december monday tuesday wednesday thursday friday saturday sunday i'.split(' '));
  const TITLES = new Set(
    'president prime minister mr mrs ms dr sir lord lady king queen prince princess pope chancellor governor senator sen rep gen general secretary ambassador minister chief ceo chairman chairwoman director judge justice mayor the former acting deputy vice foreign state'.split(' '),
  );
  const CONNECTORS = new Set(['of', 'de', 'da', 'del', 'von', 'van', 'la', 'le', 'du']);
  const opensClause = (tokens: readonly Token[], i: number, from: number): boolean => {
    if (i === from) return true;
    const prev = tokens[i - 1]!;
    if (prev.kind === 'word' || prev.kind === 'number' || prev.text === ',') return false;
    return !(/^["'”’]$/u.test(prev.text) && i - 2 >= from && tokens[i - 2]!.text === ',');
  };
  let caps = plainCaps.get(doc);
  if (!caps) {
    caps = new Set<string>();
    for (const s of doc.sentences) {
      for (let i = s.tokenFrom + 1; i < s.tokenTo; i++) {
        const t = doc.tokens[i]!;
        if (t.kind === 'word' && capitalised(t.text) && !opensClause(doc.tokens, i, s.tokenFrom)) caps.add(t.norm);
      }
    }
    plainCaps.set(doc, caps);
  }
  const s = doc.sentences[sentence]!;
  const out: Entity[] = [];
  const tokens = doc.tokens;
  let i = s.tokenFrom;
  const isCap = (t: Token | undefined, at: number): boolean =>
    t !== undefined && t.kind === 'word' && capitalised(t.text) && !NOT_NAMES.has(t.norm) && (!opensClause(tokens, at, s.tokenFrom) || caps!.has(t.norm));
  while (i < s.tokenTo) {
    const t = tokens[i]!;
    if (!isCap(t, i)) {
      i++;
      continue;
    }
    let j = i + 1;
    for (;;) {
      const next = tokens[j];
      if (/['’]s$/u.test(tokens[j - 1]!.text)) break;
      if (j < s.tokenTo && isCap(next, j) && next!.start - tokens[j - 1]!.end <= 1) j++;
      else if (j + 1 < s.tokenTo && CONNECTORS.has(next?.norm ?? '') && isCap(tokens[j + 1], j + 1)) j += 2;
      else break;
    }
    const words = tokens.slice(i, j).map((x) => x.norm);
    const lone = j - i === 1 && opensClause(tokens, i, s.tokenFrom) && !caps!.has(t.norm);
    const key = entityKey(words);
    if (!lone && key && !STOPWORDS.has(key) && !TITLES.has(key)) {
      const prev = i > s.tokenFrom ? tokens[i - 1]! : null;
      out.push({ key, start: t.start, end: tokens[j - 1]!.end, before: prev && prev.kind === 'word' ? prev.norm : '' });
    }
    i = j;
  }
  return out;
}

describe('facts: names read with one capital test per token', () => {
  it('finds the names the plain reader finds, on real text and on name soup', () => {
    const soup = ['Bank', 'of', 'England', 'President', 'Alexander', 'Lukashenko’s', "O'Neil's", 'the', 'The', 'May', 'da', 'Vinci', 'I', 'Ms', ',', '”', '"', ' ', ' ', '. ', 'said', 'Kazakhstan’s', 'Ambassador', 'É', 'x', '’', "'"];
    const all = [...docs(), ...randomStrings(soup, 3000, 16, 31).map((t) => buildDoc(article(t)))];
    const d = new Differences();
    let names = 0;
    for (const doc of all) {
      for (const s of doc.sentences) {
        const fast = sentenceEntities(doc, s.index);
        d.check(fast, sentenceEntitiesPlain(doc, s.index), () => s.text);
        names += fast.length;
      }
    }
    expect(d.seen).toEqual([]);
    expect(names).toBeGreaterThan(HAS_SHARED ? 5000 : 20);
  });
});

describe('facts: the signature from the sentence table’s word hashes, and on SIMD', () => {
  afterEach(() => signatureUsesSimd(true));
  it('is the signature of the document’s words, with and without SIMD', () => {
    const short = ['', 'one', 'one two', 'one two three', 'one two three four', 'Figures: 1, 2 and 3.'].map((t) => buildDoc(article(t)));
    // Long enough to grow the module's memory past its first page (16,000 shingles).
    const long = buildDoc(article(Array.from({ length: 40_000 }, (_, i) => `w${i % 977}`).join(' ')));
    for (const doc of [...docs(), ...short, long]) {
      const table = buildSentenceTable(doc);
      const hashes = normHashes(doc);
      const words = doc.tokens.flatMap((t, i) => (t.kind === 'word' || t.kind === 'number' ? [hashes[i]! | 0] : []));
      expect([...table.words]).toEqual(words);
      signatureUsesSimd(false);
      const scalar = textSignature(doc);
      signatureUsesSimd(true);
      expect(textSignature(doc)).toEqual(scalar);
      expect(wordsSignature(table.words, table.words.length)).toEqual(scalar);
    }
  });
});

describe('facts: claim rows packed as the claims pack', () => {
  it('gives the packed claims of extractClaims, built without claim objects', () => {
    let claims = 0;
    const d = new Differences();
    for (const doc of docs()) {
      const table = buildSentenceTable(doc);
      const full = extractClaims(doc, table);
      d.check(packClaimRows(extractClaimRows(doc, table)), packClaims(full), () => doc.text.slice(0, 80));
      claims += full.length;
    }
    expect(d.seen).toEqual([]);
    expect(claims).toBeGreaterThan(HAS_SHARED ? 5000 : 20);
  });
});
