// The LanguageTool-compatible endpoint with the request shapes of the LanguageTool HTTP API documentation
// (form fields text / data / language / enabledRules / disabledRules / enabledOnly), and a Markdown article
// annotated by `annotatedtext` over remark's syntax tree, as editor plugins send it.
import { compose, defaults } from 'annotatedtext';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseAnnotation, toOriginal } from '../src/serve/annotated-text.js';
import { serve } from './helpers/serve.js';

interface LtMatch {
  message: string;
  shortMessage: string;
  offset: number;
  length: number;
  replacements: Array<{ value: string }>;
  context: { text: string; offset: number; length: number };
  sentence: string;
  rule: { id: string; description: string; issueType: string; category: { id: string; name: string } };
}
interface LtAnswer {
  software: { name: string; version: string; apiVersion: number };
  language: { name: string; code: string; detectedLanguage: { name: string; code: string; confidence: number } };
  matches: LtMatch[];
}

const TEXT = 'The delegation landed in Tianjin,China,to attend the summit. The the talks covered security,trade,and politics, the ministry said on Monday.';

const MARKDOWN = `# Delegation lands in *Tianjin* for the summit

The delegation landed in **Tianjin,China,to** attend the [summit](https://example.org/sco "SCO").
Officials said the the talks covered security,trade,and politics, and that
the *joint statement* would follow.The ministry gave no date.

- Talks opened on16.10.2025 with a closed session.
- A second round is \`planned\` for *next week*.

> "We are satisfied," the minister said.Observers were less sure.
`;

function form(fields: Record<string, string>): { body: string; headers: Record<string, string> } {
  return { body: new URLSearchParams(fields).toString(), headers: { 'content-type': 'application/x-www-form-urlencoded' } };
}

describe('credlint serve: LanguageTool-compatible /v2', async () => {
  const s = await serve(['--workers', '1']);
  const check = async (fields: Record<string, string>): Promise<LtAnswer> => {
    const res = await fetch(`${s.url}/v2/check`, { method: 'POST', ...form(fields) });
    expect(res.status, await res.clone().text()).toBe(200);
    return (await res.json()) as LtAnswer;
  };

  it('text + language: matches in the LanguageTool shape, offsets into the text as sent', async () => {
    const r = await check({ text: TEXT, language: 'en-US' });
    expect(r.software.name).toBe('credlint');
    expect(r.language.code).toBe('en-US');
    expect(r.matches.length).toBeGreaterThan(2);
    for (const m of r.matches) {
      expect(m).toMatchObject({ message: expect.any(String), shortMessage: expect.any(String), rule: { id: expect.any(String), description: expect.any(String), issueType: expect.any(String), category: { id: expect.any(String), name: expect.any(String) } } });
      // The context window shows the same characters the offsets point at.
      expect(m.context.text.substr(m.context.offset, m.context.length)).toBe(TEXT.substr(m.offset, m.length));
      expect(TEXT).toContain(m.sentence);
    }
    const comma = r.matches.find((m) => m.rule.id === 'spacing/missing-space-after-comma' && TEXT.slice(m.offset - 7, m.offset) === 'Tianjin')!;
    expect(comma.rule.issueType).toBe('whitespace');
    expect(comma.replacements).toEqual([{ value: ', ' }]);
    const doubled = r.matches.find((m) => m.rule.id === 'repetition/reduplicated-words')!;
    expect(TEXT.substr(doubled.offset, doubled.length).toLowerCase()).toMatch(/the the/);
    expect(comma.sentence).toBe('The delegation landed in Tianjin,China,to attend the summit.');
  });

  it("answers the documentation's first example (language=en-US&text=a simple test)", async () => {
    const res = await fetch(`${s.url}/v2/check`, { method: 'POST', body: 'language=en-US&text=a simple test', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    const r = (await res.json()) as LtAnswer;
    expect(r).toMatchObject({ software: { name: 'credlint', apiVersion: 1 }, language: { code: 'en-US', name: 'English (United States)' }, matches: expect.any(Array) });
  });

  it('language=auto reports the detected language; other documented parameters are accepted', async () => {
    const r = await check({ text: TEXT, language: 'auto', motherTongue: 'de-DE', level: 'picky', preferredVariants: 'en-GB' });
    expect(r.language.detectedLanguage.code).toBe('en');
    expect(r.language.code).toBe('en');
  });

  it('disabledRules, disabledCategories, enabledRules with enabledOnly narrow the matches', async () => {
    const all = await check({ text: TEXT, language: 'en-US' });
    const ids = new Set(all.matches.map((m) => m.rule.id));
    expect(ids.has('spacing/missing-space-after-comma')).toBe(true);
    const without = await check({ text: TEXT, language: 'en-US', disabledRules: 'spacing/missing-space-after-comma,repetition/reduplicated-words' });
    expect(without.matches.some((m) => m.rule.id === 'spacing/missing-space-after-comma' || m.rule.id === 'repetition/reduplicated-words')).toBe(false);
    expect(without.matches.map((m) => m.offset)).toEqual(all.matches.filter((m) => m.rule.id !== 'spacing/missing-space-after-comma' && m.rule.id !== 'repetition/reduplicated-words').map((m) => m.offset));
    const noSpacing = await check({ text: TEXT, language: 'en-US', disabledCategories: 'SPACING' });
    expect(noSpacing.matches.some((m) => m.rule.category.id === 'SPACING')).toBe(false);
    const only = await check({ text: TEXT, language: 'en-US', enabledRules: 'repetition/reduplicated-words', enabledOnly: 'true' });
    expect(new Set(only.matches.map((m) => m.rule.id))).toEqual(new Set(['repetition/reduplicated-words']));
  });

  it('data: the documentation examples (<b> markup, <p> read as a paragraph break) map offsets onto the markup', async () => {
    const doc = { annotation: [{ text: 'A ' }, { markup: '<b>' }, { text: 'test' }, { markup: '</b>' }] };
    expect((await check({ data: JSON.stringify(doc), language: 'en-US' })).matches).toBeInstanceOf(Array);
    const html = { annotation: [{ markup: '<p>', interpretAs: '\n\n' }, { text: 'They met in ' }, { markup: '<b>' }, { text: 'Tianjin,China,to' }, { markup: '</b>' }, { text: ' talk.' }, { markup: '</p>' }, { markup: '<p>', interpretAs: '\n\n' }, { text: 'It was was fine.' }, { markup: '</p>' }] };
    const original = html.annotation.map((p) => ('text' in p ? p.text : p.markup)).join('');
    const r = await check({ data: JSON.stringify(html), language: 'en-US' });
    const commas = r.matches.filter((m) => m.rule.id === 'spacing/missing-space-after-comma');
    expect(commas.length).toBe(2);
    for (const m of commas) expect(original.substr(m.offset, m.length)).toBe(',');
    expect(original.slice(commas[0]!.offset - 7, commas[0]!.offset)).toBe('Tianjin');
    const doubled = r.matches.find((m) => m.rule.id === 'repetition/reduplicated-words')!;
    expect(original.substr(doubled.offset, doubled.length)).toMatch(/^was was$/);
  });

  for (const [name, options] of [
    ['markup read as its newlines (as editor plugins configure annotatedtext)', { interpretmarkup: (t = '') => '\n'.repeat((t.match(/\n/g) ?? []).length) }],
    ["annotatedtext's defaults (markup read as itself)", undefined],
  ] as const) {
    it(`data from annotatedtext on a Markdown article, ${name}: every offset lands on the flagged text of the Markdown`, async () => {
      const tree = unified().use(remarkParse).parse(MARKDOWN);
      const annotation = options ? compose(MARKDOWN, tree, { ...defaults, ...options }) : compose(MARKDOWN, tree);
      const r = await check({ data: JSON.stringify(annotation), language: 'en-US' });
      expect(r.matches.length).toBeGreaterThan(4);
      for (const m of r.matches) {
        const flagged = m.context.text.substr(m.context.offset, m.context.length);
        const inMarkdown = MARKDOWN.substr(m.offset, m.length);
        // A span inside one text node is the same characters; one across markup holds them with the markup between.
        expect(withoutMarkdown(inMarkdown), `${m.rule.id} at ${m.offset}`).toBe(withoutMarkdown(flagged));
        expect(inMarkdown.startsWith(flagged.slice(0, 1))).toBe(true);
      }
      const at = (rule: string, near: string): LtMatch | undefined => r.matches.find((m) => m.rule.id === rule && MARKDOWN.slice(m.offset - near.length, m.offset) === near);
      expect(MARKDOWN.substr(at('spacing/missing-space-after-comma', '**Tianjin')!.offset, 1)).toBe(',');
      expect(at('spacing/missing-space-after-comma', 'security')).toBeDefined();
      const glued = r.matches.find((m) => m.rule.id === 'spacing/word-glued-to-number')!;
      expect(MARKDOWN.substr(glued.offset, glued.length)).toBe('on16.10.2025');
      const doubled = r.matches.find((m) => m.rule.id === 'repetition/reduplicated-words')!;
      expect(MARKDOWN.substr(doubled.offset, doubled.length)).toBe('the the');
      const period = r.matches.filter((m) => m.rule.id === 'spacing/missing-space-after-period').map((m) => MARKDOWN.slice(m.offset - 6, m.offset + m.length + 3));
      expect(period.some((p) => p.includes('follow.The'))).toBe(true);
    });
  }

  it('answers /v2/languages in the LanguageTool shape', async () => {
    const list = (await (await fetch(`${s.url}/v2/languages`)).json()) as Array<{ name: string; code: string; longCode: string }>;
    expect(list).toContainEqual({ name: expect.stringMatching(/English/), code: 'en', longCode: 'en-US' });
    expect(list.find((l) => l.code === 'de')).toBeDefined();
  });

  it('refuses a declared charset other than UTF-8 with 415 instead of decoding %E9 as U+FFFD', async () => {
    for (const charset of ['iso-8859-1', 'windows-1252', '"latin1"']) {
      const res = await fetch(`${s.url}/v2/check`, { method: 'POST', body: 'text=Caf%E9 au lait&language=fr-FR', headers: { 'content-type': `application/x-www-form-urlencoded; charset=${charset}` } });
      expect(res.status, charset).toBe(415);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toMatch(/^Error: charset "[a-z0-9-]+" is not supported; send UTF-8/);
    }
    // UTF-8, declared or not, reads as before.
    for (const type of ['application/x-www-form-urlencoded; charset=UTF-8', 'application/x-www-form-urlencoded']) {
      const res = await fetch(`${s.url}/v2/check`, { method: 'POST', body: 'text=Caf%C3%A9 au lait,avec du sucre.&language=fr-FR', headers: { 'content-type': type } });
      expect(res.status, type).toBe(200);
    }
  });

  it('answers bad requests with 400 and a plain-text reason, as LanguageTool does', async () => {
    const bad: Array<[Record<string, string>, RegExp]> = [
      [{ language: 'en-US' }, /Missing 'text' or 'data'/],
      [{ text: 'Hello there.' }, /Missing 'language'/],
      [{ text: 'Hello there.', language: 'xx-YY' }, /not a supported language/],
      [{ data: '{"annotation": [', language: 'en-US' }, /not valid JSON/],
      [{ data: '{"annotation": [{"text": 1}]}', language: 'en-US' }, /annotation\[0\]/],
      [{ data: '{"items": []}', language: 'en-US' }, /"annotation" array/],
      [{ text: 'a', data: '{"annotation":[]}', language: 'en-US' }, /not both/],
      [{ text: 'Hello there.', language: 'en-US', enabledOnly: 'true' }, /enabledOnly/],
    ];
    for (const [fields, message] of bad) {
      const res = await fetch(`${s.url}/v2/check`, { method: 'POST', ...form(fields) });
      expect(res.status, JSON.stringify(fields)).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await res.text()).toMatch(message);
    }
    const empty = await check({ text: '', language: 'en-US' });
    expect(empty.matches).toEqual([]);
  });
});

describe('AnnotatedText offsets', () => {
  it('maps spans inside text parts one for one and widens spans that end inside markup readings', () => {
    const doc = parseAnnotation(JSON.stringify({ annotation: [{ markup: '<p>', interpretAs: '\n\n' }, { text: 'Hello ' }, { markup: '<b>' }, { text: 'world' }, { markup: '</b>' }, { text: '!' }] }));
    expect(doc.text).toBe('\n\nHello world!');
    expect(doc.original).toBe('<p>Hello <b>world</b>!');
    const at = (word: string): { offset: number; length: number } => toOriginal(doc, doc.text.indexOf(word), doc.text.indexOf(word) + word.length);
    expect(doc.original.substr(at('world').offset, at('world').length)).toBe('world');
    expect(doc.original.substr(at('Hello').offset, at('Hello').length)).toBe('Hello');
    expect(doc.original.substr(at('world!').offset, at('world!').length)).toBe('world</b>!');
    expect(toOriginal(doc, 0, 2)).toEqual({ offset: 0, length: 3 });
    expect(toOriginal(doc, doc.text.length, doc.text.length)).toEqual({ offset: doc.original.length, length: 0 });
  });
});

/** Markdown markup characters out, so a span across `**` compares with the same span in the checked text. */
function withoutMarkdown(s: string): string {
  return s.replace(/`[^`]*`|\*\*|[*_]|\[|\]\([^)]*\)|^#+ |^- |^> /gm, '').replace(/\s+/g, ' ');
}
