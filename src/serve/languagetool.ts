// A LanguageTool-compatible face (POST /v2/check, GET /v2/languages) so the editor plugins, browser extensions
// and client libraries that talk to a self-hosted LanguageTool server can point at credlint instead.
// Field names and shapes follow the LanguageTool HTTP API; offsets count UTF-16 code units, as Java's do.
import type { LoadedRule } from '../detectors/detector.js';
import { TOOL_VERSION } from '../report/version.js';
import { LANGUAGES } from '../text/language.js';
import type { ArticleResult, Category, Flag } from '../types.js';
import { parseAnnotation, toOriginal, type AnnotatedText } from './annotated-text.js';
import { HttpError } from './http-error.js';

/** ISO 639-3 (what franc reports) → the two-letter codes LanguageTool clients send. */
const TWO_LETTER: Readonly<Record<string, string>> = {
  eng: 'en', spa: 'es', fra: 'fr', deu: 'de', ita: 'it', por: 'pt', nld: 'nl', rus: 'ru', ukr: 'uk', pol: 'pl',
  ces: 'cs', slk: 'sk', ron: 'ro', hun: 'hu', swe: 'sv', dan: 'da', nob: 'nb', fin: 'fi', tur: 'tr', ell: 'el',
  bul: 'bg', srp: 'sr', hrv: 'hr', slv: 'sl', lit: 'lt', lav: 'lv', est: 'et', cat: 'ca', ind: 'id', vie: 'vi',
  arb: 'ar', heb: 'he', pes: 'fa', hin: 'hi', ben: 'bn', cmn: 'zh', jpn: 'ja', kor: 'ko', tha: 'th', bel: 'be',
  kaz: 'kk', uzn: 'uz', aze: 'az', tgl: 'tl', swh: 'sw',
};
const SUPPORTED = new Set(LANGUAGES.map((l) => TWO_LETTER[l]).filter((c): c is string => !!c));
// Clients pick a variant from this list; credlint's rules do not differ between variants.
const VARIANTS = ['en-US', 'en-GB', 'en-AU', 'en-CA', 'de-DE', 'de-AT', 'de-CH', 'pt-PT', 'pt-BR', 'es-ES', 'fr-FR', 'nl-NL'];

const names = new Intl.DisplayNames(['en'], { type: 'language', languageDisplay: 'standard' });
const nameOf = (code: string): string => {
  try {
    return names.of(code) ?? code;
  } catch {
    return code;
  }
};

/** GET /v2/languages */
export function languagesList(): Array<{ name: string; code: string; longCode: string }> {
  const out = [...SUPPORTED].map((code) => ({ name: nameOf(code), code, longCode: code }));
  for (const v of VARIANTS) out.push({ name: nameOf(v), code: v.slice(0, 2), longCode: v });
  return out.sort((a, b) => a.longCode.localeCompare(b.longCode));
}

/** LanguageTool's issue types (they drive the colour of the underline in most clients). */
const ISSUE_TYPE: Readonly<Record<Category, string>> = {
  chrome: 'non-conformance',
  boilerplate: 'style',
  repetition: 'duplication',
  spacing: 'whitespace',
  dates: 'inconsistency',
  'tortured-phrase': 'style',
  encoding: 'typographical',
  structure: 'style',
  attribution: 'uncategorized',
  language: 'locale-violation',
};
const CATEGORY_NAME: Readonly<Record<Category, string>> = {
  chrome: 'Site chrome',
  boilerplate: 'Boilerplate',
  repetition: 'Repetition',
  spacing: 'Spacing',
  dates: 'Dates',
  'tortured-phrase': 'Spun phrases',
  encoding: 'Encoding',
  structure: 'Structure',
  attribution: 'Attribution',
  language: 'Language',
};
const categoryId = (c: Category): string => c.toUpperCase().replace(/-/g, '_');

export interface LtRequest {
  /** The text the rules see. */
  text: string;
  annotated: AnnotatedText | null;
  language: string;
  enabledRules: Set<string>;
  disabledRules: Set<string>;
  enabledCategories: Set<string>;
  disabledCategories: Set<string>;
  enabledOnly: boolean;
}

const list = (v: string | null): Set<string> => new Set((v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/** The parameters of POST /v2/check (form fields, or the query string as some clients send them). */
export function parseLtRequest(params: URLSearchParams): LtRequest {
  const text = params.get('text');
  const data = params.get('data');
  if (text === null && data === null) throw new HttpError(400, "Missing 'text' or 'data' parameter");
  if (text !== null && data !== null) throw new HttpError(400, "Send either 'text' or 'data', not both");
  const language = params.get('language');
  if (!language) throw new HttpError(400, "Missing 'language' parameter (a code such as en-US, or auto)");
  if (language !== 'auto' && !SUPPORTED.has(language.toLowerCase().split(/[-_]/)[0]!)) {
    throw new HttpError(400, `'${language}' is not a supported language (GET /v2/languages lists them; or send language=auto)`);
  }
  const annotated = data !== null ? parseAnnotation(data) : null;
  const req: LtRequest = {
    text: annotated ? annotated.text : text!,
    annotated,
    language,
    enabledRules: list(params.get('enabledRules')),
    disabledRules: list(params.get('disabledRules')),
    enabledCategories: list(params.get('enabledCategories')),
    disabledCategories: list(params.get('disabledCategories')),
    enabledOnly: params.get('enabledOnly') === 'true',
  };
  if (req.enabledOnly && req.enabledRules.size === 0 && req.enabledCategories.size === 0) {
    throw new HttpError(400, "enabledOnly=true needs 'enabledRules' or 'enabledCategories'");
  }
  return req;
}

const WHOLE_ARTICLE_NOTES = new Set(['language/rules-skipped', 'structure/short-body']);

/** Which flags a request wants: rules run as the server is configured; a request can only narrow them. */
function wanted(req: LtRequest, flag: Flag): boolean {
  const cat = categoryId(flag.category);
  if (req.disabledRules.has(flag.ruleId) || req.disabledCategories.has(cat)) return false;
  if (req.enabledOnly) return req.enabledRules.has(flag.ruleId) || req.enabledCategories.has(cat);
  // Editor plugins send a paragraph or a page at a time: notes about the whole article are not spans to
  // underline there, unless the client asks for them by name.
  if (WHOLE_ARTICLE_NOTES.has(flag.ruleId)) return req.enabledRules.has(flag.ruleId);
  return true;
}

const CONTEXT = 40;

/** The answer LanguageTool gives: software, language, matches. */
export function ltResponse(req: LtRequest, result: ArticleResult, rules: ReadonlyMap<string, LoadedRule>): Record<string, unknown> {
  const detected = TWO_LETTER[result.language] ?? (result.language === 'und' ? 'en' : result.language);
  const code = req.language === 'auto' ? detected : req.language;
  const matches = result.flags.filter((f) => wanted(req, f)).map((f) => match(req, f, rules.get(f.ruleId)));
  return {
    software: { name: 'credlint', version: TOOL_VERSION, buildDate: '', apiVersion: 1, status: '', premium: false },
    warnings: { incompleteResults: false },
    language: {
      name: nameOf(code),
      code,
      // The detector gives a language, not a probability: 0 says "too little text to tell".
      detectedLanguage: { name: nameOf(detected), code: detected, confidence: result.language === 'und' ? 0 : 1 },
    },
    matches,
  };
}

function match(req: LtRequest, f: Flag, rule: LoadedRule | undefined): Record<string, unknown> {
  const text = req.text;
  const where = req.annotated ? toOriginal(req.annotated, f.start, f.end) : { offset: f.start, length: f.end - f.start };
  const from = Math.max(0, f.start - CONTEXT);
  const to = Math.min(text.length, f.end + CONTEXT);
  return {
    message: f.message,
    shortMessage: CATEGORY_NAME[f.category],
    replacements: f.suggestion !== undefined ? [{ value: f.suggestion }] : [],
    offset: where.offset,
    length: where.length,
    context: { text: text.slice(from, to), offset: f.start - from, length: f.end - f.start },
    sentence: sentenceAround(text, f.start, f.end),
    type: { typeName: 'Other' },
    rule: {
      id: f.ruleId,
      description: rule ? firstSentence(rule.description) : f.ruleId,
      issueType: ISSUE_TYPE[f.category],
      category: { id: categoryId(f.category), name: CATEGORY_NAME[f.category] },
    },
    ignoreForIncompleteSentence: false,
    contextForSureMatch: 0,
  };
}

const REACH = 400;

/** The sentence holding a span: from the last stop (or line break) before it to the next one after it. */
function sentenceAround(text: string, start: number, end: number): string {
  let a = start;
  const minA = Math.max(0, start - REACH);
  while (a > minA && !/[\n]/.test(text[a - 1]!) && !(/[.!?]/.test(text[a - 2] ?? '') && /\s/.test(text[a - 1]!))) a--;
  let b = end;
  const maxB = Math.min(text.length, end + REACH);
  while (b < maxB && text[b] !== '\n' && !(/[.!?]/.test(text[b - 1] ?? '') && /\s/.test(text[b]!) && b > end)) b++;
  return text.slice(a, b).trim();
}

function firstSentence(s: string): string {
  const m = /^.*?[.!?](?=\s|$)/s.exec(s.trim());
  return (m ? m[0] : s).replace(/\s+/g, ' ');
}
