// The text-model, chrome, date and pattern shortcuts of the fifth round must give exactly what the plain code gives:
// each is compared here with the computation it stands for, on samples/, the news and blog bodies of ../shared (when
// present; the rest of the comparisons still run without it) and random strings built from the characters each
// shortcut treats specially.
import { franc } from 'franc';
import { describe, expect, it } from 'vitest';
import { COLON_END, endsColon, TRUNCATED, truncatedEnd } from '../src/chrome/line-features.js';
import { buildDoc } from '../src/text/doc.js';
import { LANGUAGES } from '../src/text/language.js';
import { trigramLanguage } from '../src/text/trigram-language.js';
import { lineShape, lineWordCount } from '../src/text/line-shape.js';
import { normalizeWord } from '../src/text/tokens.js';
import { article, HAS_SHARED } from './helpers/run.js';
import { randomStrings, realTexts } from './helpers/shortcut-texts.js';


if (!HAS_SHARED) console.warn('detp5-shortcuts: ../shared is absent; comparing on samples/ and random strings only');

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
    for (const text of [...realTexts(), ...randomStrings(alphabet, 3000, 60, 11)]) {
      const doc = buildDoc(article(text));
      const got = doc.tokens.map(({ start, end, text: t, norm, kind }) => ({ start, end, text: t, norm, kind }));
      expect(got).toEqual(tokensPlain(text));
      for (const t of doc.tokens) expect(t.text).toBe(text.slice(t.start, t.end));
    }
  });
});

describe('the word count of a line, capped', () => {
  it("is lineShape's word count up to the cap, on every line of real text and of random strings", () => {
    const extra = randomStrings([...'ab1 #*’.-', '## ', '**', 'Word', '\t'], 2000, 30, 17);
    for (const text of [...realTexts(), ...extra]) {
      for (const line of buildDoc(article(text)).lines) {
        const words = lineShape(line).words;
        for (const cap of [0, 1, 3, 13, 16]) expect(lineWordCount(line, cap)).toBe(Math.min(words, cap));
      }
    }
  });
});

describe("franc's answer from franc's data", () => {
  // Text in the scripts and languages franc tells apart: the real bodies (English, some in other languages), their
  // pieces at several lengths, and random strings over several alphabets (Latin with accents, Cyrillic, Greek,
  // Arabic, Hebrew, kana, Hangul, Han, Devanagari, digits and punctuation that franc's cleaning removes).
  const alphabets = [
    [...'abcdefghijklmnopqrstuvwxyz      éèàçñãõüößåøæłżść', 'the ', 'de ', 'la ', 'und ', 'og ', 'och ', 'ja '],
    [...'абвгдежзийклмнопрстуфхцчшщыьэюяіїє     ', 'и ', 'на '],
    [...'αβγδεζηθικλμνξοπρστυφχψω   ', ...'ابتثجحخدذرزسشصضطظعغفقكلمنهوي   ', ...'אבגדהוזחטיכלמנסעפצקרשת  '],
    [...'あいうえおかきくけこさしすせそたちつてとアイウエオ日本語中文한국어가나다라마바사  ', ...'कखगघचछजझटठडढणतथदधनपफबभमयरलवशसह '],
    [...'abc ,.;:!?0123456789()-"\'\n\tXYZ', 'ſ', 'K'],
  ];
  it('is the same on real text, its pieces and random strings in many scripts', () => {
    const real = realTexts();
    const pieces = real.flatMap((t) => [t, t.slice(0, 70), t.slice(0, 300), t.slice(t.length >> 1, (t.length >> 1) + 2500)]);
    const random = alphabets.flatMap((a, k) => randomStrings(a, 80, 900, 19 + k));
    const mixed = randomStrings(alphabets.flat(), 80, 600, 31);
    for (const text of [...pieces, ...random, ...mixed, '', 'short', '0123456789'.repeat(10)]) {
      for (const minLength of [10, 60]) expect(trigramLanguage(text, LANGUAGES, minLength), text.slice(0, 60)).toBe(franc(text, { only: [...LANGUAGES], minLength }));
      expect(trigramLanguage(text, [], 10)).toBe(franc(text, { minLength: 10 }));
    }
  });
});

describe('chrome line endings read from the last characters', () => {
  it('agree with the end-anchored expressions on every line of real text and on random strings', () => {
    const lines = realTexts().flatMap((t) => t.split('\n').map((l) => l.trim()));
    const random = randomStrings([...'ab .:：]…[', '...', ' [...]', 'é', '𝐀'], 4000, 14, 23);
    for (const l of [...lines, ...random]) {
      expect(endsColon(l), l).toBe(COLON_END.test(l));
      expect(truncatedEnd(l), l).toBe(TRUNCATED.test(l));
    }
  });
});
