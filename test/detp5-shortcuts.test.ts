// The text-model, chrome, date and pattern shortcuts of the fifth round must give exactly what the plain code gives:
// each is compared here with the computation it stands for, on samples/, the news and blog bodies of ../shared (when
// present; the rest of the comparisons still run without it) and random strings built from the characters each
// shortcut treats specially.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { impossibleDateMatches, impossibleDateMatchesPlain } from '../src/dates/impossible-dates.js';
import { buildDoc } from '../src/text/doc.js';
import { lineShape, lineWordCount } from '../src/text/line-shape.js';
import { protectedSpans, protectedSpansPlain } from '../src/text/protected-spans.js';
import { normalizeWord } from '../src/text/tokens.js';
import { article, HAS_SHARED, ROOT, SHARED } from './helpers/run.js';

function bodies(set: 'news-pages' | 'blog-pages'): string[] {
  return readFileSync(join(SHARED, 'corpus', set, 'pages.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { body: string }).body);
}
const samples = (): string[] =>
  readdirSync(join(ROOT, 'samples'))
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));
const texts = (): string[] => [...samples(), ...(HAS_SHARED ? [...bodies('news-pages'), ...bodies('blog-pages')] : [])];

function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}
function strings(alphabet: string[], count: number, maxLength: number, seed: number): string[] {
  const r = random(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    const len = Math.floor(r() * maxLength);
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(r() * alphabet.length)]!;
    out.push(s);
  }
  return out;
}

if (!HAS_SHARED) console.warn('detp5-shortcuts: ../shared is absent; comparing on samples/ and random strings only');

describe('protected spans tried only where a match can start', () => {
  const alphabet = [...'.v V1 2a_b$€£¥…-,:\'’x.com.pdf', '.com', '.pdf', 'v1.2', '1.2.3', '. .', 'www.', 'é', '𝐀', 'ab.', 'U.S.'];
  it('gives the spans of the plain scan on real text and on random strings', () => {
    for (const text of [...texts(), ...strings(alphabet, 3000, 60, 7)]) {
      expect(protectedSpans(buildDoc(article(text)))).toEqual(protectedSpansPlain(text));
    }
  });
});

/** The token grammar as one expression (the reference src/text/tokens.ts states), run over each sentence's text. */
const GRAMMAR = /((?:\p{L}{1,3}\.){2,})|(\d+(?:[.,:]\d+)*(?:st|nd|rd|th)?)|([\p{L}\p{M}][\p{L}\p{M}\p{N}]*(?:['’\-][\p{L}\p{M}\p{N}]+)*)|(\p{P})|(\p{S})/gu;
function tokensPlain(text: string): { start: number; end: number; text: string; norm: string; kind: string }[] {
  const doc = buildDoc(article(text));
  const out: { start: number; end: number; text: string; norm: string; kind: string }[] = [];
  for (const s of doc.sentences) {
    for (const m of s.text.matchAll(GRAMMAR)) {
      const kind = m[1] || m[3] ? 'word' : m[2] ? 'number' : m[4] ? 'punct' : 'symbol';
      const start = s.start + m.index!;
      out.push({ start, end: start + m[0].length, text: m[0], norm: kind === 'number' ? m[0] : normalizeWord(m[0]), kind });
    }
  }
  return out;
}

describe('the tokenizer scanning the text between sentence bounds', () => {
  const alphabet = [...'aB1 .,:\'’-éU.S', 'st', 'th', 'nd', '\u0301', '𝐀', '😀', 'Ⓐ', '€', '1.5', 'Ph.D.', '\n\n', '. ', 'x.y.'];
  it('gives the tokens of the grammar expression on real text and on random strings', () => {
    for (const text of [...texts(), ...strings(alphabet, 3000, 60, 11)]) {
      const doc = buildDoc(article(text));
      const got = doc.tokens.map(({ start, end, text: t, norm, kind }) => ({ start, end, text: t, norm, kind }));
      expect(got).toEqual(tokensPlain(text));
      for (const t of doc.tokens) expect(t.text).toBe(text.slice(t.start, t.end));
    }
  });
});

describe('impossible dates: the numeric-led expressions tried only at the starts of digit runs', () => {
  const alphabet = [...'0123 ./,-stndrh', '31', '29', '2020', '1999', ' of ', 'April', 'Feb.', '\u00a0', '\n', '30th', '12/13/', '2023-13-01'];
  it('finds the matches of the plain scan on real text and on random strings', () => {
    for (const text of [...texts(), ...strings(alphabet, 4000, 40, 13)]) expect(impossibleDateMatches(text)).toEqual(impossibleDateMatchesPlain(text));
  });
});

describe('the word count of a line, capped', () => {
  it("is lineShape's word count up to the cap, on every line of real text and of random strings", () => {
    const extra = strings([...'ab1 #*’.-', '## ', '**', 'Word', '\t'], 2000, 30, 17);
    for (const text of [...texts(), ...extra]) {
      for (const line of buildDoc(article(text)).lines) {
        const words = lineShape(line).words;
        for (const cap of [0, 1, 3, 13, 16]) expect(lineWordCount(line, cap)).toBe(Math.min(words, cap));
      }
    }
  });
});
