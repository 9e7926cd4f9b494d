import { chmodSync, existsSync, linkSync, lstatSync, openSync, readdirSync, readFileSync, statSync, symlinkSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixArticle, fixCandidates, isMechanical, isSafeFix, nonOverlapping } from '../src/fix/apply-fixes.js';
import { checkArticle } from '../src/engine/check-article.js';
import { defaultConfig } from '../src/rules/config.js';
import type { Flag } from '../src/types.js';
import { article, builtinRules, CLI, cli, HAS_SHARED, ROOT, SHARED, seed } from './helpers/run.js';
import { tempDir } from './helpers/tmp.js';

const config = defaultConfig();
const WORD = /[\p{L}\p{N}]+/gu;

/** Words of `text` with their spans. */
function words(text: string): { w: string; start: number; end: number }[] {
  return [...text.matchAll(WORD)].map((m) => ({ w: m[0], start: m.index!, end: m.index! + m[0].length }));
}

/** Every word of `before` that no fixed span touches appears in `after`, in the same order. */
function wordsOutsideSurvive(before: string, spans: readonly { start: number; end: number }[], after: string): string[] {
  const kept = words(before).filter((w) => !spans.some((s) => s.start <= w.end && s.end >= w.start)).map((w) => w.w);
  const out = words(after).map((w) => w.w);
  const lost: string[] = [];
  let j = 0;
  for (const w of kept) {
    while (j < out.length && out[j] !== w) j++;
    if (j === out.length) lost.push(w);
    else j++;
  }
  return lost;
}

const flag = (start: number, end: number, ruleId = 'spacing/x'): Flag => ({ ruleId, category: 'spacing', severity: 'warning', message: 'm', start, end, line: 1, column: 1, text: '', suggestion: '' });

describe('choosing fixes that do not overlap', () => {
  it('keeps the earliest of overlapping or touching fixes, whatever order they come in', () => {
    const fixes = [flag(5, 9, 'b/b'), flag(0, 6), flag(6, 8), flag(9, 9), flag(12, 14)];
    const kept = nonOverlapping(fixes).map((f) => [f.start, f.end]);
    expect(kept).toEqual([[0, 6], [9, 9], [12, 14]]);
    expect(nonOverlapping([...fixes].reverse()).map((f) => [f.start, f.end])).toEqual(kept);
  });
  it('a fix that drops words must drop an exact repeat', () => {
    expect(isMechanical('the the', 'the')).toBe(true);
    expect(isMechanical('in the in the', 'in the')).toBe(true);
    expect(isMechanical('growth and growth', 'growth')).toBe(false);
    expect(isMechanical('always, always', 'always')).toBe(false);
    expect(isMechanical('Tianjin,China', 'Tianjin, China')).toBe(true);
    expect(isMechanical('\u00e2\u20ac\u2122', '\u2019')).toBe(true);
  });
  it('which rules are safe is configuration, not code', () => {
    expect(isSafeFix('spacing/missing-space-after-comma', config)).toBe(true);
    expect(isSafeFix('tortured-phrase/synonym-swap', config)).toBe(false);
    expect(isSafeFix('spacing/missing-space-after-comma', { ...config, fix: { safe: ['encoding/mojibake'] } })).toBe(false);
  });
});

describe('fixing a text', () => {
  it('repairs spacing, encoding and doubled words, and a second fix changes nothing', () => {
    const body = 'The minister\u00e2\u20ac\u2122s plane landed in Tianjin,China,to attend the summit.The talks covered security,trade,and and politics.\n';
    const r = fixArticle(article(body), builtinRules(), config);
    expect(r.text).toBe('The minister\u2019s plane landed in Tianjin, China, to attend the summit. The talks covered security, trade, and politics.\n');
    expect(r.pending).toBe(0);
    expect(fixArticle(article(r.text), builtinRules(), config).passes).toEqual([]);
  });
  it('leaves a doubled word around a connector to an editor', () => {
    const r = fixArticle(article('The plan will grow and grow over the years, and the the council agrees.\n'), builtinRules(), config);
    expect(r.text).toBe('The plan will grow and grow over the years, and the council agrees.\n');
  });
  it('leaves flags of other rules and suppressed flags alone', () => {
    const body = 'Talks covered security,trade and the plan.\n<!-- credlint-disable-next-line spacing -->\nPrices rose in Tianjin,China on Monday.\n';
    const r = fixArticle(article(body, { format: 'md' }), builtinRules(), config);
    expect(r.text).toContain('security, trade');
    expect(r.text).toContain('Tianjin,China');
  });
});

describe('a run of blank lines keeps the line ending it found', () => {
  const t = tempDir();
  const run = (body: string) => checkArticle(article(body), builtinRules().filter((r) => r.id === 'spacing/blank-line-run'), config).result.flags;
  it('CRLF lines: the span is the whole run, the fix two CRLF line breaks', () => {
    const body = 'The council met on Monday.\r\n\r\n\r\n \r\n\r\nThe vote was close.\r\n';
    const flags = run(body);
    expect(flags.map((f) => [f.start, f.end, f.suggestion])).toEqual([[26, 37, '\r\n\r\n']]);
    expect(body.slice(26, 37)).toBe('\r\n\r\n\r\n \r\n\r\n');
    expect(fixArticle(article(body), builtinRules(), config).text).toBe('The council met on Monday.\r\n\r\nThe vote was close.\r\n');
  });
  it('LF lines: as before', () => {
    const body = 'The council met on Monday.\n\n\n\n\nThe vote was close.\n';
    expect(run(body).map((f) => [f.start, f.end, f.suggestion])).toEqual([[26, 31, '\n\n']]);
    expect(fixArticle(article(body), builtinRules(), config).text).toBe('The council met on Monday.\n\nThe vote was close.\n');
  });
  it('credlint fix and the SARIF fix of a CRLF file write CRLF only', () => {
    const f = t.put('crlf.txt', 'First paragraph of the story.\r\n\r\n\r\n\r\n\r\nSecond paragraph of the story.\r\n');
    expect(cli(['fix', f]).stdout).toBe('First paragraph of the story.\r\n\r\nSecond paragraph of the story.\r\n');
    const sarif = JSON.parse(cli(['check', f, '--format', 'sarif']).stdout) as { runs: { results: { ruleId: string; fixes?: { artifactChanges: { replacements: { insertedContent: { text: string } }[] }[] }[] }[] }[] };
    const result = sarif.runs[0]!.results.find((r) => r.ruleId === 'spacing/blank-line-run')!;
    expect(result.fixes![0]!.artifactChanges[0]!.replacements[0]!.insertedContent.text).toBe('\r\n\r\n');
  });
});

describe.skipIf(!HAS_SHARED)('fixing the shared pages: news and blog bodies, the founding articles (skipped without ../shared)', () => {
  const read = (set: string): { id: string; body: string }[] =>
    readFileSync(join(SHARED, 'corpus', set, 'pages.jsonl'), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; body: string });
  const bodies = HAS_SHARED ? [...read('news-pages'), ...read('blog-pages'), { id: 'lukashenko', body: seed('lukashenko-tianjin.txt') }, { id: 'belarus', body: seed('belarus-sco-membership.txt') }] : [];
  const rules = builtinRules();
  const results = bodies.map((b) => ({ ...b, fixed: fixArticle(article(b.body, { id: b.id }), rules, config) }));

  it('fixes something, and re-checking finds none of the fixed flags (nothing left that fix would apply)', () => {
    const applied = results.reduce((n, r) => n + r.fixed.passes.reduce((m, p) => m + p.applied.length, 0), 0);
    expect(applied).toBeGreaterThan(10);
    for (const r of results) {
      if (!r.fixed.passes.length) continue;
      const fixedRules = new Set(r.fixed.passes.flatMap((p) => p.applied.map((a) => a.ruleId)));
      const again = checkArticle(article(r.fixed.text, { id: r.id }), rules, config).result.flags;
      const left = fixCandidates(again, r.fixed.text, config).filter((f) => fixedRules.has(f.ruleId));
      expect(left.map((f) => `${r.id} ${f.ruleId} ${JSON.stringify(f.text)}`)).toEqual([]);
    }
  });
  it('a second fix changes nothing', () => {
    for (const r of results) {
      if (!r.fixed.passes.length) continue;
      expect(fixArticle(article(r.fixed.text, { id: r.id }), rules, config).text, r.id).toBe(r.fixed.text);
    }
  });
  it('every word outside the fixed spans survives, in order', () => {
    for (const r of results) {
      const { passes, text } = r.fixed;
      passes.forEach((p, i) => {
        const after = i + 1 < passes.length ? passes[i + 1]!.before : text;
        expect(wordsOutsideSurvive(p.before, p.applied, after), r.id).toEqual([]);
      });
    }
  });
  it('with --strip, chrome goes and the article words stay', () => {
    const body = seed('belarus-sco-membership.txt');
    const r = fixArticle(article(body), rules, config, { strip: true });
    expect(r.passes[0]!.strip).toBe(true);
    expect(r.text).not.toContain('Truth Social Media Politics');
    expect(r.text).toContain('Alexander Lukashenko');
    for (const [i, p] of r.passes.entries()) expect(wordsOutsideSurvive(p.before, p.applied, i + 1 < r.passes.length ? r.passes[i + 1]!.before : r.text)).toEqual([]);
  });
});

describe('credlint fix', () => {
  const t = tempDir();
  const DAMAGED = 'Officials met in Tianjin,China,to talk.The the talks went on.\n';

  it('writes the fixed text to standard output and a summary to standard error; the file is untouched', () => {
    const f = t.put('a.txt', DAMAGED);
    const r = cli(['fix', f]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Officials met in Tianjin, China, to talk. The talks went on.\n');
    expect(r.stderr).toMatch(/a\.txt: \d+ fix\(es\)/);
    expect(readFileSync(f, 'utf8')).toBe(DAMAGED);
  });
  it('--out writes a file', () => {
    const f = t.put('b.txt', DAMAGED);
    const out = join(t.dir, 'b.fixed.txt');
    expect(cli(['fix', f, '--out', out, '-q']).stdout).toBe('');
    expect(readFileSync(out, 'utf8')).toContain('Tianjin, China, to');
  });
  it('--in-place keeps FILE.orig and refuses to run over an existing backup', () => {
    const f = t.put('c.md', DAMAGED);
    expect(cli(['fix', '--in-place', f]).status).toBe(0);
    expect(readFileSync(`${f}.orig`, 'utf8')).toBe(DAMAGED);
    const fixed = readFileSync(f, 'utf8');
    expect(fixed).toContain('Tianjin, China');
    const again = cli(['fix', '--in-place', f]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('c.md.orig exists');
    expect(readFileSync(f, 'utf8')).toBe(fixed);
    expect(readFileSync(`${f}.orig`, 'utf8')).toBe(DAMAGED);
  });
  it('--in-place rewrites the file itself: its permissions, a symlink to it and its hard links stay; no other file is touched', () => {
    const f = t.put('keep/private.txt', DAMAGED);
    chmodSync(f, 0o600);
    const other = join(t.dir, 'keep', 'other-name.txt');
    linkSync(f, other);
    const link = join(t.dir, 'keep', 'link.txt');
    symlinkSync('private.txt', link);
    // A file named like the temporary file of a write-then-rename: must survive.
    const taken = t.put('keep/link.txt.credlint-tmp', 'precious');
    expect(cli(['fix', '--in-place', '-q', link]).status).toBe(0);
    const fixed = 'Officials met in Tianjin, China, to talk. The talks went on.\n';
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(f, 'utf8')).toBe(fixed);
    expect(readFileSync(other, 'utf8')).toBe(fixed);
    expect(statSync(f).mode & 0o777).toBe(0o600);
    expect(readFileSync(`${link}.orig`, 'utf8')).toBe(DAMAGED);
    expect(statSync(`${link}.orig`).mode & 0o777).toBe(0o600);
    expect(readFileSync(taken, 'utf8')).toBe('precious');
    expect(readdirSync(join(t.dir, 'keep')).sort()).toEqual(['link.txt', 'link.txt.credlint-tmp', 'link.txt.orig', 'other-name.txt', 'private.txt']);
  });
  it('fixes standard input to standard output', () => {
    const r = cli(['fix', '-q', '-'], { input: DAMAGED });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('Officials met in Tianjin, China, to talk. The talks went on.\n');
  });
  it('keeps a byte order mark in every output: standard output, --out and --in-place', () => {
    const f = t.put('bom.txt', `\ufeff${DAMAGED}`);
    const fixed = '\ufeffOfficials met in Tianjin, China, to talk. The talks went on.\n';
    expect(cli(['fix', '-q', f]).stdout).toBe(fixed);
    const out = join(t.dir, 'bom.fixed.txt');
    cli(['fix', '-q', f, '--out', out]);
    expect(readFileSync(out, 'utf8')).toBe(fixed);
    cli(['fix', '-q', '--in-place', f]);
    expect(readFileSync(f, 'utf8')).toBe(fixed);
  });
  it.skipIf(!existsSync('/dev/full'))('a full standard output is one line and exit 4 (a lost output), for fix, strip and rules', () => {
    const f = t.put('full.txt', DAMAGED);
    for (const args of [['fix', '-q', f], ['strip', f], ['rules']]) {
      const r = spawnSync(process.execPath, [CLI, ...args], { stdio: ['ignore', openSync('/dev/full', 'w'), 'pipe'], encoding: 'utf8' });
      expect(r.status).toBe(4);
      expect(r.stderr.trim().split('\n')).toEqual(['credlint: standard output cannot be written (the disk is full); the output is lost']);
    }
  });
  it('several files need --in-place; JSONL is refused with one clear line', () => {
    const a = t.put('d.txt', DAMAGED);
    const b = t.put('e.txt', DAMAGED);
    expect(cli(['fix', a, b]).status).toBe(2);
    const j = t.put('f.jsonl', `${JSON.stringify({ id: 'x', body: DAMAGED })}\n`);
    const r = cli(['fix', j]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/f\.jsonl: fix works on one article/);
  });
  it('--strip changes nothing outside the stripped chrome but what a safe rule fixes (a hard line break stays)', () => {
    const story = 'The harbour wall will run for a kilometre, the port authority said on Tuesday.  \nIt will cost nineteen million dollars, officials said.\n\n\n\nMore text follows here so the article is long enough to be read as an article.\n';
    const f = t.put('harbour.md', `Home\nNews\nSport\nSubscribe\nSign in\nShare on Facebook\n\n${story}`);
    const r = cli(['fix', '--strip', f]);
    expect(r.status).toBe(0);
    // The run of blank lines is spacing/blank-line-run's fix (reported), not the strip's.
    expect(r.stdout).toBe(story.replace('\n\n\n\n', '\n\n'));
    expect(r.stderr).toMatch(/harbour\.md: 2 fix\(es\) in 2 pass\(es\): chrome\/site-chrome 1, spacing\/blank-line-run 1/);
    const strip = fixArticle(article(readFileSync(f, 'utf8'), { format: 'md' }), builtinRules(), config, { strip: true });
    expect(strip.passes.map((p) => p.strip ?? false)).toEqual([true, false]);
    expect(strip.passes[1]!.before).toBe(story);
  });
  it('--strip removes chrome from a scraped page', () => {
    const sample = join(ROOT, 'samples', 'scraped-harbour-page.txt');
    if (!existsSync(sample)) return;
    const r = cli(['fix', sample, '--strip', '-q']);
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeLessThan(readFileSync(sample, 'utf8').length);
  });
});
