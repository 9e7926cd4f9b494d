import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { validatedAtBuild } from '../shipped/validated.js';

/** Word lists for one language, from rules/lang/<code>.json (schemas/language.schema.json). */
export interface LanguageData {
  language: string;
  stopwords: ReadonlySet<string>;
  abbreviations: ReadonlySet<string>;
  sentenceOpeners: ReadonlySet<string>;
  /** Not function words, yet nothing a claim states (facts only; see src/facts/stopwords.ts). */
  claimNeutral: ReadonlySet<string>;
  /** Stopwords the facts keep in claim terms (see src/facts/stopwords.ts). */
  claimKeep: ReadonlySet<string>;
}

const LANG_DIR = fileURLToPath(new URL('../../rules/lang/', import.meta.url));
const SCHEMA = fileURLToPath(new URL('../../schemas/language.schema.json', import.meta.url));
const cache = new Map<string, LanguageData>();

/** The language's data, read and validated once; throws naming the file when it is missing or invalid. */
export function languageData(code: string): LanguageData {
  let data = cache.get(code);
  if (data) return data;
  const file = `${LANG_DIR}${code}.json`;
  let raw: { language: string; stopwords: string[]; abbreviations: string[]; sentenceOpeners: string[]; claimNeutral?: string[]; claimKeep?: string[] };
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
    raw = JSON.parse(content);
  } catch (e) {
    throw new Error(`${file}: cannot read language data (${(e as Error).message})`);
  }
  // Validated at build time while unchanged (shipped/validated.ts): ajv is loaded only for an edited file.
  if (!validatedAtBuild(file, content)) {
    const { Ajv } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    const validate = new Ajv({ strict: false }).compile(JSON.parse(readFileSync(SCHEMA, 'utf8')));
    if (!validate(raw)) throw new Error(`${file}: ${validate.errors?.[0]?.instancePath || '/'} ${validate.errors?.[0]?.message}`);
  }
  const unknownKeep = (raw.claimKeep ?? []).filter((w) => !raw.stopwords.includes(w));
  if (unknownKeep.length) throw new Error(`${file}: claimKeep lists words that are not stopwords: ${unknownKeep.join(', ')}`);
  data = {
    language: raw.language,
    stopwords: new Set(raw.stopwords),
    abbreviations: new Set(raw.abbreviations),
    sentenceOpeners: new Set(raw.sentenceOpeners),
    claimNeutral: new Set(raw.claimNeutral ?? []),
    claimKeep: new Set(raw.claimKeep ?? []),
  };
  cache.set(code, data);
  return data;
}
