import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DETECTORS } from '../src/detectors/index.js';
import { defaultConfig } from '../src/rules/config.js';
import { loadRules } from '../src/rules/load-rules.js';
import { buildDoc, type Doc } from '../src/text/doc.js';
import { NO_ID, VOCABULARY, VocabIndex, Vocabulary } from '../src/text/vocabulary.js';
import { article, ROOT } from './helpers/run.js';

const doc = (text: string): Doc => buildDoc(article(text));
const words = (d: Doc) => d.tokens.filter((t) => t.kind === 'word');

describe('the process-wide vocabulary (Token.vocabId)', () => {
  it('gives equal ids to equal normalised words, in every article, and the shared normalised string', () => {
    const a = doc('The council met. THE COUNCIL said the budget’s cuts were the council’s own.');
    const b = doc('Later the Council’s budget passed; council members left.');
    const byNorm = new Map<string, number>();
    for (const t of [...words(a), ...words(b)]) {
      expect(t.vocabId).toBeGreaterThanOrEqual(0);
      const seen = byNorm.get(t.norm);
      if (seen === undefined) byNorm.set(t.norm, t.vocabId);
      else expect(t.vocabId).toBe(seen);
      expect(VOCABULARY.word(t.vocabId)).toBe(t.norm);
    }
    // Different normalised words, different ids; "’" folds to "'" before the id is given.
    expect(new Set(byNorm.values()).size).toBe(byNorm.size);
    expect(byNorm.get("council's")).toBe(VOCABULARY.idOf("council's"));
    // The text as written is kept exactly (only the normalised form is shared).
    for (const t of [...a.tokens, ...b.tokens]) expect(t.text).toBe((a.tokens.includes(t) ? a : b).text.slice(t.start, t.end));
  });

  it('gives no id to numbers, punctuation and symbols', () => {
    const d = doc('Prices rose 2.5% in 2024, officials said.');
    for (const t of d.tokens) expect(t.vocabId === NO_ID).toBe(t.kind !== 'word');
  });

  it('is bounded: once full, new words get NO_ID and known words keep theirs', () => {
    const v = new Vocabulary(3, 4);
    expect(['alpha', 'beta', 'gamma'].map((w) => v.add(w, w))).toEqual([0, 1, 2]);
    expect(v.add('delta', 'delta')).toBe(NO_ID);
    expect(v.add('beta', 'Beta')).toBe(1);
    expect(v.size).toBe(3);
    // Spellings are bounded too: the fifth spelling is not remembered, its word still has its id.
    expect(v.spellings).toBe(4);
    expect(v.add('alpha', 'ALPHA')).toBe(0);
    expect(v.spellings).toBe(4);
    const text = 'x ALPHA Beta gamma';
    expect(v.spellingAt(text, 2, 7)).toBe(-1);
    const beta = v.spellingAt(text, 8, 12);
    expect(v.spellingTextOf(beta)).toBe('Beta');
    expect(v.spellingWord(beta)).toBe(1);
    expect(v.spellingAt(text, 13, 18)).toBeGreaterThanOrEqual(0);
    expect(v.spellingAt('gamm', 0, 4)).toBe(-1);
  });

  it('finds a spelling only when every character matches (no false hit on a hash collision)', () => {
    const v = new Vocabulary(5000);
    const all: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const w = `w${i.toString(36)}`;
      all.push(w);
      v.add(w, w);
    }
    for (const [i, w] of all.entries()) expect(v.spellingWord(v.spellingAt(` ${w} `, 1, 1 + w.length))).toBe(i);
    for (let i = 3000; i < 6000; i++) expect(v.spellingAt(`w${i.toString(36)}`, 0, `w${i.toString(36)}`.length)).toBe(-1);
  });

  it('VocabIndex asks its lookup once per id, and every time for a token without an id', () => {
    const asked: string[] = [];
    const index = new VocabIndex((norm) => (asked.push(norm), norm.length > 4 ? norm.length : -1));
    const d = doc('Budget budget BUDGET cuts cuts cuts again.');
    const answers = words(d).map((t) => index.get(t.vocabId, t.norm));
    expect(answers).toEqual([6, 6, 6, -1, -1, -1, 5]);
    expect(asked).toEqual(['budget', 'cuts', 'again']);
    expect(index.get(NO_ID, 'budget')).toBe(6);
    expect(index.get(NO_ID, 'budget')).toBe(6);
    expect(asked.filter((w) => w === 'budget')).toHaveLength(3);
    // Ids beyond the initial memo grow it.
    expect(index.get(50_000, 'x')).toBe(-1);
    expect(index.get(50_000, 'ignored: memoised')).toBe(-1);
  });
});

describe('detectors reading ids give the flags they give by string lookup', () => {
  const rules = loadRules(defaultConfig()).filter((r) => ['phrase', 'spun-collocation', 'broken-infinitive'].includes(r.type));
  const ctx = { hints: null, stat() {} };
  const texts = [
    readFileSync(join(ROOT, 'samples', 'spun-renewables.md'), 'utf8'),
    'Pilots of the atmosphere force marched with the toil unions against climate alteration. Both nations are expected to purposeful on the frameworks. Counterfeit consciousness and profound learning drive the enormous information age.',
    'The council approved the budget on Monday after a long debate; officials said the vote was close.',
  ];
  it.each(texts.map((t, i) => [i, t]))('text %i', (_, text) => {
    const d = doc(text as string);
    // The same document with every id withheld: each detector falls back to its string lookup.
    const bare: Doc = { ...d, tokens: d.tokens.map((t) => ({ ...t, vocabId: NO_ID })) };
    let flagged = 0;
    for (const rule of rules) {
      const detector = DETECTORS.get(rule.type)!;
      const withIds = detector.run(d, rule, ctx);
      flagged += withIds.length;
      expect(withIds).toEqual(detector.run(bare, rule, ctx));
    }
    if (text !== texts[2]) expect(flagged).toBeGreaterThan(0);
  });
});
