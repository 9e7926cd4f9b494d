// A checking thread checks a short built-in article before its first real one, so V8's first optimised compile of
// the hot functions already has type feedback for their rare branches (see src/text/prime.ts for why).
import type { BatchHints, LoadedRule } from '../detectors/detector.js';
import type { Config } from '../rules/config.js';
import { PRIMER } from '../text/prime.js';
import type { Article } from '../types.js';
import { checkArticleWith } from './check-article.js';
import { compactOutput } from './compact-output.js';

/**
 * Site chrome, a counting headline, a byline with a date, attributions, doubled words and dates: the lines whose
 * features take the chrome, date and prose rules' rarer branches, after the tokenizer's primer text.
 */
const CHECK_PRIMER = [
  'Home | News | Sport | Contact',
  '10 Things You Need To Know About The Harbour Plan',
  'By Jane Doe, Harbour Reporter – March 3, 2024 at 10:15 am',
  'Share on Facebook Share on Twitter Email',
  '',
  PRIMER,
  '',
  'Officials said on Tuesday that the the council would review the plan, according to people familiar with the matter.',
  'The mayor, who declined to comment, said the vote was close: five members against, 4 in favour (Ward 7).',
  '',
  'Sign up for our newsletter. Read more: Harbour plan approved',
  '© 2024 Harbour Times. All rights reserved.',
].join('\n');

/** Checks the primer `rounds` times as a batch's article is checked (the result is dropped). */
export function primeChecking(rules: readonly LoadedRule[], config: Config, rounds = 3): void {
  const hints: BatchHints | null = null;
  for (let i = 0; i < rounds; i++) {
    const article: Article = { id: 'credlint-primer', source: 'credlint-primer', title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'jsonl', body: CHECK_PRIMER };
    compactOutput(checkArticleWith(article, rules, config, hints, { facts: true }), 'line');
  }
}
