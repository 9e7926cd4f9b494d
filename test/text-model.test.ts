import { describe, expect, it } from 'vitest';
import { buildDoc } from '../src/text/doc.js';
import { article, HAS_SHARED, newsPages, seed } from './helpers/run.js';

const doc = (text: string) => buildDoc(article(text));

describe('the text model', () => {
  it('keeps exact offsets for lines, paragraphs, sentences and tokens', () => {
    const text = 'Títle here\r\n\r\nThe U.S. economy grew 2.5% in 2024. Mr. Smith, of García & Co., agreed!\nNext paragraph, one line.\n';
    const d = doc(text);
    for (const unit of [...d.lines, ...d.paragraphs, ...d.sentences, ...d.tokens]) {
      if ('text' in unit) expect(text.slice(unit.start, unit.end)).toBe(unit.text);
    }
    expect(d.lines.map((l) => l.text)).toEqual(['Títle here', '', 'The U.S. economy grew 2.5% in 2024. Mr. Smith, of García & Co., agreed!', 'Next paragraph, one line.', '']);
    expect(d.paragraphs.map((p) => text.slice(p.start, p.end))).toEqual(['Títle here', 'The U.S. economy grew 2.5% in 2024. Mr. Smith, of García & Co., agreed!', 'Next paragraph, one line.']);
    expect(d.sentences.map((s) => s.text)).toEqual(['Títle here', 'The U.S. economy grew 2.5% in 2024.', 'Mr. Smith, of García & Co., agreed!', 'Next paragraph, one line.']);
    const words = d.tokens.filter((t) => t.kind === 'word').map((t) => t.text);
    expect(words).toContain('U.S.');
    expect(words).toContain('García');
    expect(d.tokens.filter((t) => t.kind === 'number').map((t) => t.text)).toEqual(['2.5', '2024']);
    expect(d.position(text.indexOf('Next'))).toEqual({ line: 4, column: 1 });
  });

  it('does not end sentences at abbreviations and initials, but does after "U.S." when a new sentence starts', () => {
    const d = doc('John F. Kennedy met Dr. King on Jan. 5 in Washington. He moved to the U.S. The move was costly. Prices rose, e.g. for bread.');
    expect(d.sentences.map((s) => s.text)).toEqual(['John F. Kennedy met Dr. King on Jan. 5 in Washington.', 'He moved to the U.S.', 'The move was costly.', 'Prices rose, e.g. for bread.']);
  });

  it('joins hard-wrapped lines into one paragraph, keeps one-paragraph-per-line text apart', () => {
    const wrapped = 'The council said on Monday that after months of argument over taxes\nthe budget would pass before the summer recess, officials said.\nA second paragraph starts here.';
    expect(doc(wrapped).paragraphs).toHaveLength(2);
    expect(doc('First paragraph.\nSecond paragraph.\nThird.').paragraphs).toHaveLength(3);
  });

  it('detects the language, or und for text too short to tell', () => {
    expect(doc('The government announced on Monday that it would raise taxes on fuel to pay for the new hospitals in the north.').language).toBe('eng');
    expect(doc('Le gouvernement a annoncé lundi qu’il augmenterait les taxes sur le carburant pour financer les nouveaux hôpitaux du nord.').language).toBe('fra');
    expect(doc('Short text.').language).toBe('und');
  });

  it.skipIf(!HAS_SHARED)('reads both founding articles and all clean bodies as English where they are', () => {
    expect(doc(seed('lukashenko-tianjin.txt')).language).toBe('eng');
    const d = doc(seed('belarus-sco-membership.txt'));
    expect(d.paragraphs.length).toBe(3);
    expect(d.wordCount).toBeGreaterThan(700);
    const langs = newsPages().map((p) => doc(p.body).language);
    expect(langs.filter((l) => l === 'eng').length).toBeGreaterThan(150);
  });
});
