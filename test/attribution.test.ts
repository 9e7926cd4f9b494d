import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArticle } from '../src/engine/check-article.js';
import { defaultConfig } from '../src/rules/config.js';
import type { ArticleResult } from '../src/types.js';
import { article, builtinRules, HAS_SHARED, newsPages, SHARED } from './helpers/run.js';

let loaded: ReturnType<typeof builtinRules> | null = null;
const rules = () => (loaded ??= builtinRules().filter((r) => r.category === 'attribution'));
const run = (body: string): ArticleResult => checkArticle(article(body), rules(), defaultConfig()).result;
const flagged = (body: string): string[] => run(body).flags.map((f) => body.slice(f.start, f.end));

describe('attribution: vague against named sources', () => {
  it('flags the vague phrase itself, not the sentence, in a news paragraph', () => {
    const body =
      'The pipeline, which runs 1,800 kilometres from the Caspian coast, opened in March. ' +
      'Experts say it will double gas exports to China within five years. ' +
      'It is believed that the project cost more than $10 billion.';
    const r = run(body);
    expect(r.flags.map((f) => body.slice(f.start, f.end))).toEqual(['Experts say', 'It is believed']);
    expect(r.flags[0]!.message).toBe('Vague attribution: "Experts say" names no expert; name the source or cut the claim.');
    expect(r.flags.map((f) => f.severity)).toEqual(['warning', 'info']);
  });

  it('leaves a claim alone when the same sentence names a person, an institution or a role', () => {
    const body =
      'Exports will double within five years, said Erlan Baizhanov, Kazakhstan\'s ambassador, though experts say the figure is optimistic. ' +
      'The minister will resign, according to RIA Novosti. ' +
      'A spokesperson for the ministry said the talks would resume. ' +
      'The suspect reportedly fled to Bishkek, police said.';
    expect(flagged(body)).toEqual([]);
  });

  it('reads "according to reports" against the sentences beside it, and a named report beside "reportedly"', () => {
    expect(flagged('The talks collapsed on Tuesday. According to reports, the delegations left the hotel before dawn.')).toEqual(['According to reports']);
    expect(flagged('According to reports, the delegations left the hotel before dawn. Interfax reported that the talks would resume in May.')).toEqual([]);
    expect(flagged('WeWork is reportedly under investigation. According to Reuters, the inquiry began in October.')).toEqual([]);
    // A speaker in the next sentence is not the report's source.
    expect(flagged('WeWork is reportedly under investigation. "We have nothing to add," Ms. Chen said.')).toEqual(['reportedly']);
  });

  it('never flags inside a quotation, and treats a quoted vague group as the speaker\'s words', () => {
    expect(flagged('“Experts say this is the worst drought in a century, and it is believed to be getting worse,” said Amina Okafor.')).toEqual([]);
    expect(flagged('“This is the worst drought in a century,” critics said.')).toEqual(['critics said']);
  });

  it('shows an anonymous source as info, apart from the vague group', () => {
    const r = run('The bank will cut 2,000 jobs, according to people familiar with the matter.');
    expect(r.flags.map((f) => [f.text, f.severity])).toEqual([['according to people', 'info']]);
    expect(r.stats.anonymousSources).toBe(1);
    expect(r.stats.vagueAttributions).toBe(0);
  });

  it('counts sourcing in stats: named attributions, vague ones and hedges', () => {
    const r = run(
      'The mayor said the bridge would reopen in May. Police said two lanes may stay closed. ' +
        'Critics argue the repairs could cost twice as much. The contractor reportedly asked for more time.',
    );
    expect(r.stats.attributedClaims).toBe(2);
    expect(r.stats.vagueAttributions).toBe(2);
    // "may", "could", "reportedly"; the month in "in May" is no hedge.
    expect(r.stats.hedges).toBe(3);
  });
});

describe.skipIf(!HAS_SHARED)('attribution on clean professional text (../shared)', () => {
  const rate = (pages: { id: string; body: string }[]): { flags: number; words: number; per1000: number } => {
    let words = 0;
    let flags = 0;
    for (const p of pages) {
      const { result } = checkArticle(article(p.body, { id: p.id }), rules(), defaultConfig());
      words += result.stats.words ?? 0;
      flags += result.flags.filter((f) => f.category === 'attribution').length;
    }
    return { flags, words, per1000: (1000 * flags) / words };
  };

  it('raises at most 0.3 flags per 1,000 words on 181 news bodies and on 99 blog bodies', () => {
    const news = rate(newsPages());
    const blog = rate(
      readFileSync(join(SHARED, 'corpus', 'blog-pages', 'pages.jsonl'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l) as { id: string; body: string }),
    );
    console.log(`attribution on clean news: ${news.flags} flags, ${news.per1000.toFixed(3)}/1,000 words; blog: ${blog.flags}, ${blog.per1000.toFixed(3)}`);
    expect(news.per1000).toBeLessThanOrEqual(0.3);
    expect(blog.per1000).toBeLessThanOrEqual(0.3);
  });

  it('finds a vague attribution injected into a clean news body, and not a named one', () => {
    // The first clean English body long enough to carry a paragraph of its own.
    const page = newsPages().find((p) => p.body.length > 3000 && run(p.body).flags.length === 0 && /^[\x00-\x7f’“”—–]+$/u.test(p.body.slice(0, 2000)))!;
    const cut = page.body.indexOf('\n\n', 1000);
    const inject = (para: string): string => `${page.body.slice(0, cut)}\n\nThe plan will be dropped before the summer, ${para}.${page.body.slice(cut)}`;
    expect(flagged(inject('sources said'))).toEqual(['sources said']);
    expect(flagged(inject('said Maria Lopez, a professor of economics at Yale'))).toEqual([]);
  });
});
