// Type feedback for the text model's rare paths, given to a checking thread before its first article.
//
// Why: V8 optimises the tokenizer (and the segmenters) within a thread's first articles, compiling only the
// branches those articles took; the first emoji, symbol, dotted abbreviation or lone surrogate met later hits a
// branch with no type feedback, throws the optimised code away ("insufficient type feedback") and TurboFan compiles
// the function again: tokenize was compiled 5-6 times per thread at 50-170 ms of helper-thread CPU each. Running
// the model over a short text that takes every branch, before any function is hot, gives the first compile all of
// them. It changes no result: the text is checked by nothing, and the only state it leaves is the vocabulary's ids
// for its few words (process-local, never in a report; readers answer the same with or without an id) and the
// tokenizer's character-class tables (caches of a pure function).
import type { Article } from '../types.js';
import { buildDoc } from './doc.js';

/**
 * Every token kind and every branch of the scanner: ASCII and accented words, a combining mark, digits inside a
 * word, apostrophes (straight and curly) and hyphens, dotted abbreviations and words before a full stop, numbers
 * with separators and ordinals, punctuation, symbols of one and two UTF-16 units (emoji), an astral letter, CJK,
 * a lone surrogate, a control character, tabs and no-break spaces; paragraphs, a heading-like line and a list.
 */
export const PRIMER = [
  'Prime Minister’s Office: U.S. and U.K. officials met Ph.D. students at 10:30 on the 21st, 2nd and 3rd day.',
  'Café naïve re\u0301sume\u0301 co-operation don’t it\'s well-known abc123 x2 — “quoted” (aside) [note] {x} etc.',
  '',
  'Prices rose 1,000.50% to $2,300 (€1.5m) ± 3 © 2024 ™ ★ 😀 🎉 𝐀𝐁 漢字テスト \ud800x \u0007 a\tb\u00a0c… !?;',
  '- A list item',
  '* Another item, 4th of 5th',
  '',
  'HEADLINE IN CAPITALS',
  'Last line without a stop',
].join('\n');

/** Builds the primer's text model `rounds` times (V8 keeps type feedback only once a function has run a little). */
export function primeTextModel(rounds = 3): void {
  // The fields in the order a batch's records have them (src/input/record.ts), so buildDoc sees one shape.
  const article: Article = { id: 'credlint-primer', source: 'credlint-primer', title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'jsonl', body: PRIMER };
  for (let i = 0; i < rounds; i++) buildDoc(article);
}
