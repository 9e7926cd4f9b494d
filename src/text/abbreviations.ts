import { languageData } from './language-data.js';

// Words that end in a full stop without ending a sentence (lower-case, without the final dot), and words
// that usually open a sentence (after "U.S." they mean the full stop also ended one): rules/lang/eng.json.
export const ABBREVIATIONS: ReadonlySet<string> = languageData('eng').abbreviations;
export const SENTENCE_OPENERS: ReadonlySet<string> = languageData('eng').sentenceOpeners;
