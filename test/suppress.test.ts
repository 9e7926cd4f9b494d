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
  it('comments that are not credlint directives are ignored', () => {
    expect(readDirectives(article('<!-- TODO: credlint-disable later -->\n<!-- credlint-disabled -->\n', { format: 'md' }))).toEqual([]);
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
