import { franc } from 'franc';

// franc guesses Scots or other small languages for short English unless it is given a short list.
export const LANGUAGES = [
  'eng', 'spa', 'fra', 'deu', 'ita', 'por', 'nld', 'rus', 'ukr', 'pol', 'ces', 'slk', 'ron', 'hun', 'swe', 'dan',
  'nob', 'fin', 'tur', 'ell', 'bul', 'srp', 'hrv', 'slv', 'lit', 'lav', 'est', 'cat', 'ind', 'vie', 'arb', 'heb',
  'pes', 'hin', 'ben', 'cmn', 'jpn', 'kor', 'tha', 'bel', 'kaz', 'uzn', 'aze', 'tgl', 'swh',
];
const MIN_LETTERS = 60;
const SAMPLE = 2500;

/** ISO 639-3 code of the text's language, or `und` when there is too little text to tell. */
export function detectLanguage(text: string): string {
  // Sample from the middle of long texts: the start is often navigation and the end a footer.
  const sample = text.length > SAMPLE ? text.slice((text.length - SAMPLE) >> 1, (text.length + SAMPLE) >> 1) : text;
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return 'und';
  return franc(sample, { only: LANGUAGES, minLength: MIN_LETTERS });
}
