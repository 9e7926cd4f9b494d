import { describe, expect, it } from 'vitest';
import { checkArticle } from '../src/engine/check-article.js';
import { defaultConfig } from '../src/rules/config.js';
import type { ArticleResult } from '../src/types.js';
import { article, builtinRules, check, HAS_SHARED, newsPages, seed } from './helpers/run.js';

const structure = (body: string): ArticleResult['flags'] => check(body, 'structure/').flags;
const byRule = (body: string, id: string) => structure(body).filter((f) => f.ruleId === id);

/** Re-paragraphs a body: a blank line after every `n` sentences, as an editor restoring the breaks would. */
function withBreaks(body: string, n: number): string {
  const sentences = body.match(/[^.!?]+[.!?]+["”’)]*\s*/g) ?? [body];
  const out: string[] = [];
  for (let i = 0; i < sentences.length; i += n) out.push(sentences.slice(i, i + n).join('').trim());
  return out.join('\n\n');
}

describe.skipIf(!HAS_SHARED)('structure on the founding article that lost its paragraph breaks', () => {
  const sco = seed('belarus-sco-membership.txt');
  const [wallBody] = sco.split('\nTruth Social');

  it('flags the wall of text at its first sentence and says how long it is', () => {
    const flags = byRule(sco, 'structure/wall-of-text');
    expect(flags).toHaveLength(1);
    const f = flags[0]!;
    expect(f.start).toBe(0);
    expect(sco.slice(f.start, f.end)).toMatch(/^Belarusian President Alexander Lukashenko expressed optimism.*\.$/);
    const words = Number(/runs (\d+) words/.exec(f.message)?.[1]);
    expect(words).toBeGreaterThan(700);
    expect(words).toBeLessThan(800);
    expect(f.severity).toBe('error');
  });

  it('stops flagging once the paragraph breaks are restored', () => {
    expect(byRule(withBreaks(wallBody!, 4), 'structure/wall-of-text')).toEqual([]);
  });

  it('flags the headline left after the body, not the date widget under it', () => {
    const flags = byRule(sco, 'structure/trailing-headline');
    expect(flags).toHaveLength(1);
    expect(sco.slice(flags[0]!.start, flags[0]!.end)).toContain('Belarus Eyes SCO Membership Amid Global Tensions and Regional Diplomacy');
    expect(sco.slice(flags[0]!.start, flags[0]!.end)).not.toContain('on16');
  });
});

describe.skipIf(!HAS_SHARED)('trailing headlines', () => {
  const tianjin = seed('lukashenko-tianjin.txt').trimEnd();

  it('flags a title-case line after the body that repeats its subject', () => {
    const body = `${tianjin}\nLukashenko Arrives in Tianjin for SCO Summit as Belarus Seeks Closer Ties With China\n`;
    const flags = byRule(body, 'structure/trailing-headline');
    expect(flags.map((f) => body.slice(f.start, f.end))).toEqual(['Lukashenko Arrives in Tianjin for SCO Summit as Belarus Seeks Closer Ties With China']);
  });

  it('leaves credits and unrelated title-case lines alone', () => {
    for (const tail of ['Reporting by Anna Smith in Tianjin; Editing by Mark Jones and Belarus Desk', 'Lyon Wins the French Cup After Extra Time in Paris']) {
      expect(byRule(`${tianjin}\n${tail}`, 'structure/trailing-headline'), tail).toEqual([]);
    }
  });
});

describe('headings with nothing under them and bodies too short', () => {
  it('flags a Markdown heading followed by another of the same level, not one followed by a subsection', () => {
    const body = '# Budget\n\nThe council met on Monday.\n\n## Background\n\n## The vote\n\n### Who voted\n\nThe plan passed by 31 votes to 12.';
    expect(byRule(body, 'structure/empty-heading').map((f) => body.slice(f.start, f.end))).toEqual(['## Background']);
  });

  it('flags a body too short to be an article, and says how short', () => {
    const [f] = byRule('Read the full story in our app.', 'structure/short-body');
    expect(f?.message).toContain('only 7 words');
  });
});

describe.skipIf(!HAS_SHARED)('structure on 181 clean news bodies', () => {
  it('stays rare: under 0.1 flags per 1,000 words, and no wall of text', () => {
    const rules = builtinRules().filter((r) => r.category === 'structure');
    let words = 0;
    const flags: string[] = [];
    for (const p of newsPages()) {
      const { result } = checkArticle(article(p.body, { id: p.id }), rules, defaultConfig());
      words += result.stats.words ?? 0;
      // The info note on articles in other languages (two structure rules are English-only) is not a structure flag.
      for (const f of result.flags) if (f.category === 'structure') flags.push(`${f.ruleId} ${p.id}: ${f.text.slice(0, 60)}`);
    }
    console.log(`structure on clean news: ${flags.length} flags, ${((1000 * flags.length) / words).toFixed(3)} per 1,000 words`, flags);
    expect((1000 * flags.length) / words).toBeLessThan(0.1);
    expect(flags.filter((f) => f.startsWith('structure/wall-of-text'))).toEqual([]);
  });
});
