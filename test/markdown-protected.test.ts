// Markdown code blocks and link destinations are not prose: in Markdown input the spacing rules leave them alone
// (protected spans of kinds `code` and `url`), as they leave inline `code` alone, and `credlint fix` keeps them.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixArticle } from '../src/fix/apply-fixes.js';
import { defaultConfig } from '../src/rules/config.js';
import { buildDoc } from '../src/text/doc.js';
import { protectedSpans } from '../src/text/protected-spans.js';
import { article, builtinRules, check, cli, ROOT } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

const md = { format: 'md' as const };
/** The spacing flags of a text: rule, flagged text, span and suggestion. */
const spacing = (text: string, extra = md) =>
  check(text, 'spacing/', extra)
    .flags.filter((f) => f.ruleId.startsWith('spacing/'))
    .map((f) => ({ ruleId: f.ruleId, text: f.text, start: f.start, end: f.end, suggestion: f.suggestion }));
/** The flag of a comma glued to the next word at `at`, as the spacing rule reports it. */
const gluedComma = (at: number) => ({ ruleId: 'spacing/missing-space-after-comma', text: ',', start: at, end: at + 1, suggestion: ', ' });
const fixed = (text: string, extra = md) => fixArticle(article(text, extra), builtinRules(), defaultConfig()).text;

// The audit's file: a fenced SQL and shell block, and a link to a file whose name has a full stop.
const AUDIT = '# Notes\n\n```\nSELECT name,age FROM t ;\npython x.py --cols=a,b,c\n```\n\nSee [the docs](./docs/Read.Me) now.\n';

describe('Markdown fenced code blocks are protected', () => {
  it('flags nothing inside a ``` block, and fix leaves the audit file as it is', () => {
    expect(spacing(AUDIT)).toEqual([]);
    expect(fixed(AUDIT)).toBe(AUDIT);
  });

  it('flags the prose around a block, with the span and fix it had', () => {
    const text = 'The council met in Tianjin,China on Monday.\n\n~~~sql\nSELECT name,age FROM t ;\n~~~\n\nThe vote was close.The mayor spoke.\n';
    const comma = text.indexOf(',China');
    const dot = text.indexOf('.The');
    expect(spacing(text)).toEqual([
      gluedComma(comma),
      { ruleId: 'spacing/missing-space-after-period', text: '.', start: dot, end: dot + 1, suggestion: '. ' },
    ]);
    expect(fixed(text)).toBe('The council met in Tianjin, China on Monday.\n\n~~~sql\nSELECT name,age FROM t ;\n~~~\n\nThe vote was close. The mayor spoke.\n');
  });

  it('keeps doubled spaces, tabs and blank lines of code as they are', () => {
    const text = 'Run this:\n\n```make\nbuild:\tnpm  run build\n\n\n\ntest:\tnpm  test\n```\n';
    expect(spacing(text)).toEqual([]);
    expect(fixed(text)).toBe(text);
  });

  it('closes a block only with a fence of the same character at least as long; unclosed, it runs to the end', () => {
    // The ``` and ~~~ lines inside the ```` block are code; so is everything after a fence that is never closed.
    const nested = 'Before.\n\n````\n```\nSELECT name,age FROM t ;\n~~~~\nlist,of,words\n````\n\nAfter the block,a comma.\n';
    const at = nested.indexOf(',a comma');
    expect(spacing(nested).map((f) => [f.ruleId, f.start])).toEqual([['spacing/missing-space-after-comma', at]]);
    const open = 'Intro text.\n\n```\nSELECT name,age FROM t ;\n\nmore,code here\n';
    expect(spacing(open)).toEqual([]);
  });

  it('a line of backticks with a backtick after it opens no block (it is inline code), nor does a fence indented four spaces', () => {
    const text = '``` a ` b\nPrices rose in Tianjin,China today.\n```\n';
    expect(spacing(text).map((f) => f.ruleId)).toEqual(['spacing/missing-space-after-comma']);
    const indented = '    ```\nPrices rose in Tianjin,China today.\n    ```\n';
    expect(spacing(indented).map((f) => f.ruleId)).toEqual(['spacing/missing-space-after-comma']);
  });

  it('a blank-line run after the closing fence is still flagged, one inside the block is not', () => {
    const text = 'Code:\n\n```\na\n\n\n\nb\n```\n\n\n\nNext paragraph.\n';
    const run = text.indexOf('```\n\n\n\n') + 3;
    expect(spacing(text)).toEqual([{ ruleId: 'spacing/blank-line-run', text: '\n\n\n\n', start: run, end: run + 4, suggestion: '\n\n' }]);
  });

  it('protects the whole of a long block, past any number of other spans inside it', () => {
    const rows = Array.from({ length: 200 }, (_, i) => `row ${i}.5, ${i},${i + 1} v1.${i}.2`).join('\n');
    const text = `The council published the figures for every district of the city on Monday.\n\n\`\`\`\n${rows}\nSELECT name,age FROM t ;\n\`\`\`\n`;
    expect(spacing(text)).toEqual([]);
    expect(protectedSpans(buildDoc(article(text, md))).blocks).toEqual([{ kind: 'code', start: text.indexOf('```'), end: text.lastIndexOf('```') + 3 }]);
  });

  it('a word repeated across two lines of code is no doubled word; one in the prose still is', () => {
    const text =
      'The council published a short guide on Monday, and the the guide explains how to install the tool.\n\n' +
      '```bash\nnpm install --save-dev credlint\ncredlint check docs/*.md --format json\n```\n';
    const at = text.indexOf('the the');
    const flags = check(text, 'repetition/reduplicated', md).flags.map((f) => [f.ruleId, f.start, f.end, f.suggestion]);
    expect(flags).toEqual([['repetition/reduplicated-words', at, at + 7, 'the']]);
    expect(fixed(text)).toBe(text.replace('the the', 'the'));
  });

  it('applies to Markdown input only: in plain text a ``` line is not markup', () => {
    expect(spacing(AUDIT, { format: 'txt' } as never).map((f) => f.ruleId)).toEqual([
      'spacing/missing-space-after-comma',
      'spacing/space-before-punctuation',
      'spacing/missing-space-after-period',
    ]);
  });
});

describe('Markdown link destinations, autolinks and reference definitions are protected', () => {
  it('leaves inline link and image destinations (with titles) alone, and checks the link text', () => {
    const text =
      'See [the docs](./docs/Read.Me) now. The chart ![Chart](img/Fig.One "Sales,by region") is new.\n' +
      'Read [the report](<files/Annual Report.Final> \'Draft,two\') and [Tianjin,China](https://example.org/a_(b).x,y) today.\n';
    const comma = text.indexOf(',China');
    expect(spacing(text)).toEqual([gluedComma(comma)]);
    expect(fixed(text)).toBe(text.replace('Tianjin,China', 'Tianjin, China'));
  });

  it('a parenthesis after a bracket that holds prose is not a destination', () => {
    const text = 'The figure [1](see page four,the table) was wrong.\n';
    const at = text.indexOf(',the');
    expect(spacing(text)).toEqual([gluedComma(at)]);
  });

  it('leaves autolinks alone', () => {
    const text = 'Mail <mailto:desk@example.org?subject=Hello,World> or read <urn:isbn:Intro,Volume> today.\n';
    expect(spacing(text)).toEqual([]);
  });

  it('leaves link reference definitions alone, but not footnotes', () => {
    const text = 'See [the docs][docs] now.\n\n[docs]: ./docs/Read.Me "The docs,v2"\n[^1]: Officials met in Tianjin,China on Monday.\n';
    const at = text.indexOf(',China');
    expect(spacing(text)).toEqual([gluedComma(at)]);
  });

  it('applies to Markdown input only', () => {
    const text = 'See [the docs](./docs/Read.Me) now.\n';
    expect(spacing(text, { format: 'txt' } as never).map((f) => f.ruleId)).toEqual(['spacing/missing-space-after-period']);
  });
});

describe('credlint fix on a Markdown file', () => {
  const t = tempDir();
  it('leaves code blocks and link destinations as they are', () => {
    const f = t.put('notes.md', AUDIT.replace('See [', 'The docs,here.See ['));
    const r = cli(['fix', f]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(AUDIT.replace('See [', 'The docs, here. See ['));
  });
});

describe('chrome and Markdown code blocks', () => {
  // A scraped page saved as Markdown, with a listing in the article: the menu is page furniture, the listing is not.
  const page = readFileSync(join(ROOT, 'samples', 'scraped-harbour-page.txt'), 'utf8');
  const at = page.indexOf('Engineers will begin');
  const listing = '```\nHome\nNews\nSport\nlevel_m,cost_musd\n1.2,19\n```\n';
  const text = `${page.slice(0, at)}\n${listing}\n${page.slice(at)}`;
  const block = { start: text.indexOf(listing), end: text.indexOf(listing) + listing.length - 1 };

  it('never flags lines of a fenced code block as site chrome, and still flags the menu', () => {
    const chrome = check(text, '', md).flags.filter((f) => f.ruleId === 'chrome/site-chrome');
    expect(chrome.some((f) => f.start === 0)).toBe(true);
    for (const f of chrome) expect(f.end <= block.start || f.start >= block.end).toBe(true);
  });

  it('fix --strip removes the menu and keeps the code block byte for byte', () => {
    const out = fixArticle(article(text, md), builtinRules(), defaultConfig(), { strip: true }).text;
    expect(out).toContain(listing);
    expect(out.startsWith('Home\n')).toBe(false);
  });
});
