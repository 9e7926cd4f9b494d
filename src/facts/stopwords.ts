import { languageData } from '../text/language-data.js';

const ENG = languageData('eng');

/**
 * Words left out of claim terms, so two sentences count as "about the same thing" only through content words.
 * Derived from the ONE stopword list (rules/lang/eng.json `stopwords`, the list content words use too), with the
 * two adjustments of that file, named there:
 * - `claimNeutral` is added: reporting verbs, calendar words, numerals and scale words ("told", "year", "million")
 *   are content words for repetition, but two stories that share only them are not about the same thing;
 * - `claimKeep` is taken out: stopwords that change what a claim states (negation "not", quantity "less", "every",
 *   concession "although") or that are content words too ("won", "us" for US) stay in claim terms.
 */
export const STOPWORDS: ReadonlySet<string> = new Set([...[...ENG.stopwords].filter((w) => !ENG.claimKeep.has(w)), ...ENG.claimNeutral]);

/** Words that negate the clause they are in. */
export const NEGATIONS = new Set(['not', 'no', 'never', 'none', 'nobody', 'nothing', 'neither', 'nor', 'cannot', 'without']);

/** Words that make a statement tentative: a hedged claim does not contradict a plain one. */
export const HEDGES = new Set([
  'could', 'may', 'might', 'would', 'should', 'possibly', 'perhaps', 'reportedly', 'allegedly', 'likely', 'unlikely',
  'expected', 'expects', 'plans', 'planned', 'hopes', 'hoped', 'aims', 'seeks', 'if', 'whether', 'potential', 'potentially',
  'eventual', 'eventually', 'optimism', 'bid', 'proposed', 'wants', 'intends',
]);
