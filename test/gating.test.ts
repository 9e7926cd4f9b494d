import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fingerprint } from '../src/gate/fingerprint.js';
import { cli, cliReport } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

const PARAS = [
  'Officials met in Tianjin,China,to discuss the budget on Monday.',
  'The council said it would publish the figures next week, after the vote.',
  'Talks covered security,trade and energy, a spokesperson said.',
  'Residents will be able to comment on the plan until the end of the month.',
];
const MORE = [
  'The budget includes money for roads, schools and the harbour, and a small rise in council tax.',
  'Opposition members said the rise was too steep for families already paying more for energy and food.',
  'The mayor answered that the council had frozen the tax for three years and could not do so again.',
];
const body = (paras: string[]): string => `${[...paras, ...MORE].join('\n\n')}\n`;

describe('fingerprints', () => {
  it('do not move with edits elsewhere in the article, and tell apart the same text in another place', () => {
    const a = body(PARAS);
    const b = body(['A new first paragraph, added later by an editor.', ...PARAS.slice(0, 3), 'A rewritten last paragraph.']);
    // The comma glued in "Tianjin,China".
    const at = (text: string, needle: string) => ({ ruleId: 'spacing/x', start: text.indexOf(needle) + needle.length - 1, end: text.indexOf(needle) + needle.length });
    expect(fingerprint(at(a, 'Tianjin,'), a)).toEqual(fingerprint(at(b, 'Tianjin,'), b));
    const first = at(a, 'security,');
    const again = `${a}Talks covered security,trade, again.\n`;
    const second = { ...first, start: again.lastIndexOf('security,') + 8, end: again.lastIndexOf('security,') + 9 };
    expect(fingerprint(first, again).exact).not.toBe(fingerprint(second, again).exact);
    expect(fingerprint(first, again).loose).toBe(fingerprint(second, again).loose);
  });
});

describe('fingerprints of a short flag', () => {
  it('keep one loose print when the word on either side of the flag is edited, and tell other places apart', () => {
    const text = 'Harbour master Anna Berg said the the crews were safe.';
    const flag = (t: string) => ({ ruleId: 'repetition/x', start: t.indexOf('the the'), end: t.indexOf('the the') + 7 });
    const now = fingerprint(flag(text), text);
    for (const edited of [text.replace('crews', 'sailors'), text.replace('said', 'stated')]) {
      const p = fingerprint(flag(edited), edited);
      expect(p.exact).not.toBe(now.exact);
      expect(p.loose === now.loose || p.looseAfter === now.looseAfter).toBe(true);
    }
    const elsewhere = 'The mayor wrote the the minutes.';
    const other = fingerprint(flag(elsewhere), elsewhere);
    expect(other.loose === now.loose || other.looseAfter === now.looseAfter).toBe(false);
  });
});

describe('baseline', () => {
  const t = tempDir();
  const file = t.put('story.txt', body(PARAS));
  const base = join(t.dir, 'baseline.json');

  it('--write-baseline records today\'s flags; --baseline then counts none of them, after edits elsewhere', () => {
    const first = cliReport([file, '--write-baseline', base]);
    const flagged = first.report.articles[0]!.flags.length;
    expect(flagged).toBeGreaterThan(2);
    const written = JSON.parse(readFileSync(base, 'utf8'));
    expect(written.format).toBe('credlint-baseline/1');
    expect(Object.values(written.articles as Record<string, { count: number }[]>)[0]!.reduce((n, e) => n + e.count, 0)).toBe(flagged);

    writeFileSync(file, body([PARAS[0]!, 'An extra paragraph the editor added, with nothing wrong in it.', ...PARAS.slice(1)]));
    const r = cliReport([file, '--baseline', base, '--fail-on', 'review']);
    expect(r.status).toBe(0);
    expect(r.report.summary.baseline).toEqual({ file: base, new: 0, matched: flagged, gone: 0 });
    expect(r.report.articles[0]!.flags.every((f) => f.suppressed?.kind === 'baseline')).toBe(true);
    expect(r.report.articles[0]!.score).toBe(100);
    expect(r.stderr).toContain('0 new flag(s)');
  });

  it('gates a new flag, and counts baseline flags that are gone; duplicates are counted', () => {
    // One glued comma fixed, the same defect added twice elsewhere.
    writeFileSync(file, body([PARAS[0]!.replace('China,to', 'China, to'), PARAS[1]!, PARAS[2]!, PARAS[3]!, 'Prices rose in Paris,France and in Rome,Italy.']));
    const r = cliReport([file, '--baseline', base, '--fail-on', 'review', '--max-warnings', '0']);
    const s = r.report.summary.baseline!;
    expect(s.gone).toBe(1);
    expect(s.new).toBeGreaterThanOrEqual(2);
    const fresh = r.report.articles[0]!.flags.filter((f) => !f.suppressed);
    expect(fresh.length).toBe(2);
    expect(fresh.every((f) => f.line === 9 && f.ruleId === 'spacing/missing-space-after-comma')).toBe(true);
    expect(r.status).toBe(1);
  });

  it('matches a flag after the word right beside it was edited (either side)', () => {
    const story = t.put('beside/story.md', body(['Harbour master Anna Berg said the the crews were safe.', ...PARAS.slice(1)]));
    const b = join(t.dir, 'beside', 'baseline.json');
    cliReport([story, '--write-baseline', b]);
    for (const [from, to] of [['crews', 'sailors'], ['said', 'stated']] as const) {
      writeFileSync(story, body([`Harbour master Anna Berg ${from === 'said' ? 'stated' : 'said'} the the ${from === 'crews' ? to : 'crews'} were safe.`, ...PARAS.slice(1)]));
      const r = cliReport([story, '--baseline', b]);
      const doubled = r.report.articles[0]!.flags.find((f) => f.ruleId === 'repetition/reduplicated-words')!;
      expect(doubled.suppressed?.kind).toBe('baseline');
    }
  });

  it('knows a file by its path from the baseline\'s folder, however the command names it; says when it matches no article', () => {
    const dir = join(t.dir, 'site');
    const story = t.put('site/story.txt', body(PARAS));
    const b = join(dir, 'baseline.json');
    cli(['check', 'story.txt', '--write-baseline', 'baseline.json', '-q'], { cwd: dir });
    expect(Object.keys(JSON.parse(readFileSync(b, 'utf8')).articles)).toEqual(['story.txt']);
    for (const [args, cwd] of [[['./story.txt', '--baseline', 'baseline.json'], dir], [[join('site', 'story.txt'), '--baseline', join('site', 'baseline.json')], t.dir], [[story, '--baseline', b], t.dir]] as const) {
      const r = cliReport([...args], { cwd });
      expect(r.report.summary.baseline!.new).toBe(0);
      expect(r.report.summary.baseline!.matched).toBeGreaterThan(0);
    }
    const other = t.put('other/story.txt', body(PARAS));
    const none = cliReport([other, '--baseline', b, '-q']);
    expect(none.stderr.trim()).toBe(`credlint: baseline ${b}: none of its 1 article(s) is in this run (files are known by their path from the baseline's folder, records by their id)`);
  });

  it('a missing or foreign baseline file is one clear usage error', () => {
    const r = cli(['check', file, '--baseline', join(t.dir, 'nope.json')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--baseline .*nope\.json: no such baseline file/);
    const foreign = t.put('foreign.json', '{"rules":[]}');
    expect(cli(['check', file, '--baseline', foreign]).stderr).toContain('not a credlint baseline');
    const broken = t.put('broken.json', JSON.stringify({ format: 'credlint-baseline/1', tool: 'x', articles: { 'a/b.txt': [{ ruleId: 'spacing/x', exact: 'e', count: 1 }] } }));
    const r2 = cli(['check', file, '--baseline', broken]);
    expect(r2.status).toBe(2);
    expect(r2.stderr.trim()).toBe(`credlint: --baseline ${broken}: /articles/a~1b.txt/0: expected { ruleId, exact, loose, count } as --write-baseline writes them`);
  });
});

describe('--max-warnings', () => {
  const t = tempDir();
  const file = t.put('w.txt', body(PARAS));
  it('exits 1 above N counted warnings, 0 at or below', () => {
    const n = cliReport([file]).report.articles[0]!.flags.filter((f) => f.severity === 'warning').length;
    expect(n).toBeGreaterThan(0);
    expect(cli(['check', file, '--max-warnings', String(n)]).status).toBe(0);
    const over = cli(['check', file, '--max-warnings', String(n - 1)]);
    expect(over.status).toBe(1);
    expect(over.stderr).toContain(`${n} warning(s), more than --max-warnings ${n - 1}`);
    expect(cli(['check', file, '--max-warnings', 'x']).status).toBe(2);
  });
});
