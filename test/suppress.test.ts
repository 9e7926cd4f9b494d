import { describe, expect, it } from 'vitest';
import { parseHtml } from '../src/input/parse-html.js';
import { readDirectives } from '../src/suppress/directives.js';
import { article, check, cliReport } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

const md = (body: string) => check(body, '', { format: 'md' });
const GLUED = 'Talks covered security,trade and energy.';

describe('inline suppression in Markdown', () => {
  it('disable ... enable silences a rule in between; the flags stay, marked, with the comment and where it is', () => {
    const body = `${GLUED}\n\n<!-- credlint-disable spacing/missing-space-after-comma -- quoted as published -->\n\n${GLUED}\n\n<!-- credlint-enable spacing/missing-space-after-comma -->\n\n${GLUED}\n`;
    const r = md(body);
    const flags = r.flags.filter((f) => f.ruleId === 'spacing/missing-space-after-comma');
    expect(flags.map((f) => f.line)).toEqual([1, 5, 9]);
    expect(flags.map((f) => f.suppressed?.kind ?? null)).toEqual([null, 'inline', null]);
    expect(flags[1]!.suppressed).toMatchObject({ reason: 'credlint-disable spacing/missing-space-after-comma -- quoted as published', line: 3, column: 1 });
    expect(r.flags.some((f) => f.ruleId === 'suppression/unused')).toBe(false);
  });
  it('suppressed flags do not count in the score', () => {
    const plain = md(`${GLUED}\n`);
    const silenced = md(`<!-- credlint-disable-next-line -->\n${GLUED}\n`);
    expect(plain.categories.spacing?.flags).toBe(1);
    expect(silenced.categories.spacing).toBeUndefined();
    expect(silenced.score).toBeGreaterThan(plain.score);
    expect(silenced.flags.filter((f) => f.suppressed).map((f) => f.ruleId)).toContain('spacing/missing-space-after-comma');
    expect(silenced.flags.filter((f) => !f.suppressed)).toEqual([]);
  });
  it('disable-next-line covers only the next line; a comma list and pack names are allowed', () => {
    const body = `<!-- credlint-disable-next-line repetition, spacing/missing-space-after-comma -->\n${GLUED} The the plan.\n${GLUED}\n`;
    const r = md(body);
    const glued = r.flags.filter((f) => f.ruleId === 'spacing/missing-space-after-comma');
    expect(glued.map((f) => [f.line, !!f.suppressed])).toEqual([[2, true], [3, false]]);
    expect(r.flags.find((f) => f.ruleId === 'repetition/reduplicated-words')?.suppressed?.kind).toBe('inline');
  });
  it('a suppression that silences nothing, or names no rule, is reported as an info flag', () => {
    const r = md(`<!-- credlint-disable-next-line encoding/mojibake -->\nA plain sentence with nothing wrong in it.\n\n<!-- credlint-disable spacing/no-such-rule -->\n`);
    const unused = r.flags.filter((f) => f.ruleId === 'suppression/unused');
    expect(unused.map((f) => f.severity)).toEqual(['info', 'info']);
    expect(unused[0]!.message).toContain('silenced no "encoding/mojibake" flag');
    expect(unused[1]!.message).toContain('"spacing/no-such-rule", which is no rule');
    expect(unused[0]!.text).toBe('<!-- credlint-disable-next-line encoding/mojibake -->');
  });
  it('comments that do not start with credlint- are ignored', () => {
    expect(readDirectives(article('<!-- TODO: credlint-disable later -->\n<!-- credlintdisable -->\n<!-- see credlint-enable -->\n<!---->\n', { format: 'md' }))).toEqual([]);
  });
});

/** Each flag of the rules asked about as `line rule` and the directive that silenced it, or `-`. */
const silenced = (r: ReturnType<typeof md>, rules: readonly string[]) => r.flags.filter((f) => rules.includes(f.ruleId)).map((f) => `${f.line} ${f.ruleId} ${f.suppressed?.reason ?? '-'}`);
const BOTH = ['spacing/missing-space-after-comma', 'repetition/reduplicated-words'];

describe('enable X turns back on only X (ESLint semantics)', () => {
  it('an enable naming no rule (a typo, which leaves the real rule off) is reported like a disable naming none', () => {
    const body = '# T\n\n<!-- credlint-disable spacing -->\nThe council met on Tuesday,and the mayor spoke.\n<!-- credlint-enable spacng -->\nThe board met on Monday,and the chair spoke.\n';
    const notes = md(body).flags.filter((f) => f.ruleId === 'suppression/unused');
    expect(notes.map((f) => [f.line, f.message])).toEqual([[5, 'The comment "<!-- credlint-enable spacng -->" names "spacng", which is no rule credlint knows; remove it (or correct the rule name).']]);
    expect(md(body.replace('spacng', 'spacing')).flags.filter((f) => f.ruleId === 'suppression/unused')).toEqual([]);
  });

  it('after a disable of two rules, enable of one leaves the other off', () => {
    const body = '# T\n\n<!-- credlint-disable spacing, repetition -->\nThe council met on Tuesday,and the the mayor spoke.\n<!-- credlint-enable spacing -->\nThe board met on Monday,and the the chair spoke.\n';
    const r = md(body);
    expect(silenced(r, BOTH)).toEqual([
      '4 spacing/missing-space-after-comma credlint-disable spacing, repetition',
      '4 repetition/reduplicated-words credlint-disable spacing, repetition',
      '6 spacing/missing-space-after-comma -',
      '6 repetition/reduplicated-words credlint-disable spacing, repetition',
    ]);
    expect(r.flags.filter((f) => f.ruleId === 'suppression/unused')).toEqual([]);
  });
  it('after a bare disable, enable X leaves every rule but X off; a bare enable ends it all', () => {
    const body = '# T\n\n<!-- credlint-disable -->\nThe council met on Tuesday,and the the mayor spoke.\n<!-- credlint-enable spacing -->\nThe board met on Monday,and the the chair spoke.\n<!-- credlint-enable -->\nThe mayor met on Friday,and the the clerk spoke.\n';
    expect(silenced(md(body), BOTH)).toEqual([
      '4 spacing/missing-space-after-comma credlint-disable',
      '4 repetition/reduplicated-words credlint-disable',
      '6 spacing/missing-space-after-comma -',
      '6 repetition/reduplicated-words credlint-disable',
      '8 spacing/missing-space-after-comma -',
      '8 repetition/reduplicated-words -',
    ]);
  });
  it('enable of one rule of a disabled pack leaves the pack\'s other rules off; a later disable takes the rule back', () => {
    const body = '# T\n\n<!-- credlint-disable spacing -->\nThe council met on Tuesday,and the mayor spoke.Then he left.\n<!-- credlint-enable spacing/missing-space-after-comma -->\nThe board met on Monday,and the chair spoke.Then she left.\n<!-- credlint-disable spacing/missing-space-after-comma -- as printed -->\nThe clerk met on Friday,and the clerk spoke.Then he left.\n<!-- credlint-enable spacing -->\nThe crowd met on Sunday,and the crowd spoke.Then it left.\n';
    const rules = ['spacing/missing-space-after-comma', 'spacing/missing-space-after-period'];
    expect(silenced(md(body), rules)).toEqual([
      '4 spacing/missing-space-after-comma credlint-disable spacing',
      '4 spacing/missing-space-after-period credlint-disable spacing',
      '6 spacing/missing-space-after-comma -',
      '6 spacing/missing-space-after-period credlint-disable spacing',
      '8 spacing/missing-space-after-comma credlint-disable spacing/missing-space-after-comma -- as printed',
      '8 spacing/missing-space-after-period credlint-disable spacing',
      '10 spacing/missing-space-after-comma -',
      '10 spacing/missing-space-after-period -',
    ]);
  });
});

describe('a credlint- comment that is no directive is reported', () => {
  const body = '# T\n\n<!-- credlint-disable-line spacing -->\nThe council met on Tuesday,and the mayor spoke.\n\n<!-- credlint-disabel -->\nThe board met on Monday,and the chair spoke.\n\n<!-- Credlint-Disable-Next-Line -->\n<!-- credlint-ignore -->\n<!-- TODO: credlint-disable later -->\n<!-- an ordinary comment -->\nThe clerk met on Friday.\n';
  it('as an info flag suppression/unused naming what was written, the directives and the nearest one; ordinary comments are not', () => {
    const r = md(body);
    const notes = r.flags.filter((f) => f.ruleId === 'suppression/unused');
    const known = 'the directives are credlint-disable, credlint-enable and credlint-disable-next-line';
    expect(notes.map((f) => [f.line, f.severity, f.text, f.message])).toEqual([
      [3, 'info', '<!-- credlint-disable-line spacing -->', `The comment "<!-- credlint-disable-line spacing -->" suppresses nothing: "credlint-disable-line" is no credlint directive (${known}); did you mean credlint-disable-next-line?`],
      [6, 'info', '<!-- credlint-disabel -->', `The comment "<!-- credlint-disabel -->" suppresses nothing: "credlint-disabel" is no credlint directive (${known}); did you mean credlint-disable?`],
      [9, 'info', '<!-- Credlint-Disable-Next-Line -->', `The comment "<!-- Credlint-Disable-Next-Line -->" suppresses nothing: "Credlint-Disable-Next-Line" is no credlint directive (${known}); did you mean credlint-disable-next-line?`],
      [10, 'info', '<!-- credlint-ignore -->', `The comment "<!-- credlint-ignore -->" suppresses nothing: "credlint-ignore" is no credlint directive (${known}); remove it or correct the name.`],
    ]);
    // They suppress nothing.
    expect(r.flags.filter((f) => f.ruleId === 'spacing/missing-space-after-comma').map((f) => [f.line, f.suppressed ?? null])).toEqual([[4, null], [7, null]]);
  });
  it('in HTML comments too, through the CLI (report valid)', () => {
    const t = tempDir();
    const f = t.put('page.html', `<html><body><!-- credlint-disable-line spacing --><p>${GLUED}</p><!-- a note for the desk --><p>The talks ended on Friday.</p></body></html>`);
    const a = cliReport([f, '--no-compare']).report.articles[0]!;
    expect(a.flags.filter((x) => x.ruleId === 'suppression/unused').map((x) => [x.line, x.text])).toEqual([[1, GLUED]]);
    expect(a.flags.find((x) => x.ruleId === 'spacing/missing-space-after-comma')?.suppressed).toBeUndefined();
  });
});

describe('inline suppression in HTML', () => {
  it('the loader keeps comments at their body offsets', () => {
    const page = parseHtml('<html><body><p>First   paragraph.</p>\n\n<!-- one --><p>Second <!-- two -->half.</p><div><!-- three --></div></body></html>');
    expect(page.text).toBe('First paragraph.\n\nSecond half.');
    expect(page.comments.map((c) => [c.text, page.text.slice(c.offset, c.offset + 6)])).toEqual([
      [' one ', 'Second'],
      [' two ', 'half.'],
      [' three ', ''],
    ]);
  });
  it('directives in HTML comments suppress flags in the visible text (through the CLI, report valid)', () => {
    const t = tempDir();
    const f = t.put('page.html', `<html><body><p>${GLUED}</p><!-- credlint-disable-next-line spacing/missing-space-after-comma --><p>${GLUED}</p><p>${GLUED}</p><!-- credlint-disable encoding --></body></html>`);
    const { report } = cliReport([f]);
    const a = report.articles[0]!;
    const glued = a.flags.filter((x) => x.ruleId === 'spacing/missing-space-after-comma');
    expect(glued.map((x) => [x.line, x.suppressed?.kind ?? null])).toEqual([[1, null], [3, 'inline'], [5, null]]);
    expect(a.flags.filter((x) => x.ruleId === 'suppression/unused').length).toBe(1);
    expect(report.summary.suppressed).toBe(1);
    expect(report.schemaVersion).toBe('1.1.0');
  });
});

describe('directive comments are markup, not prose', () => {
  it('a comment opened inside another is blanked once: the text keeps its length and offsets', () => {
    const body = 'The council met on Tuesday and the mayor spoke.\n<!-- credlint-disable <!-- credlint-enable -->\nThe board met on Monday,and the chair spoke.\n';
    const r = md(body);
    expect(r.stats.characters).toBe(body.length);
    const glued = r.flags.find((f) => f.ruleId === 'spacing/missing-space-after-comma')!;
    expect([glued.line, glued.text, body.slice(glued.start, glued.end)]).toEqual([3, ',', ',']);
  });
  it('a Markdown directive raises no flag of its own (chrome, spacing), and offsets still point into the text as read', () => {
    const story = '# Council approves budget\n\nThe council met in Leeds on Monday and approved the budget for the coming year after a long debate.\n\nThe mayor said the council had frozen the tax for three years and could not do so again, officials said.\n';
    const withComment = story.replace('The council met in Leeds', '<!-- credlint-disable-next-line spacing -- as quoted -->\nThe council met in Leeds,England');
    const plain = md(story.replace('Leeds', 'Leeds,England'));
    const r = md(withComment);
    const kinds = (fs: typeof r.flags) => fs.map((f) => `${f.ruleId} ${f.severity}`);
    expect(kinds(r.flags.filter((f) => !f.suppressed))).toEqual(kinds(plain.flags.filter((f) => f.ruleId !== 'spacing/missing-space-after-comma')));
    // Flag texts are the text as read (comments included), not the blanked copy the rules read.
    for (const f of r.flags.filter((x) => x.end - x.start <= 300)) expect(f.text).toBe(withComment.slice(f.start, f.end));
    const glued = r.flags.find((f) => f.ruleId === 'spacing/missing-space-after-comma')!;
    expect(withComment.slice(glued.start, glued.end)).toBe(',');
    expect(glued.suppressed?.kind).toBe('inline');
  });
});
