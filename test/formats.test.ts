import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAMES, formatByName } from '../src/report/formats/index.js';
import { reportFromJsonl } from '../src/report/formats/jsonl.js';
import { MARKDOWN_BUDGET, renderMarkdown } from '../src/report/formats/markdown.js';
import { renderSarif } from '../src/report/formats/sarif.js';
import type { Flag, Report } from '../src/types.js';
import { checkHere } from './helpers/in-process.js';
import { CLI, cli, cliReport, ROOT } from './helpers/run.js';
import { assertValidSarif } from './helpers/sarif-schema.js';
import { tempDir } from './helpers/tmp.js';

const CLEAN = 'Officials met on Monday to discuss the budget.\n\nThe talks will resume next week, a spokesperson said.\n';
const DAMAGED = 'The minister\u00e2\u20ac\u2122s plane landed in Tianjin,China,to attend the summit.The talks covered security,trade,and politics.\n';
const SAMPLES = join(ROOT, 'samples');
const ANSI = /\x1b\[[0-9;]*m/;

/** The built CLI with a chosen environment (no inherited colour settings); the same call runs once. */
const memo = new Map<string, { status: number; stdout: string; stderr: string }>();
function run(args: string[], env: Record<string, string> = {}): { status: number; stdout: string; stderr: string } {
  const key = JSON.stringify([args, env]);
  if (!args.includes('--out') && memo.has(key)) return memo.get(key)!;
  const r = runUncached(args, env);
  memo.set(key, r);
  return r;
}
const samplesReport = (() => {
  let r: Report | null = null;
  return (): Report => structuredClone((r ??= cliReport([SAMPLES]).report));
})();

function runUncached(args: string[], env: Record<string, string>): { status: number; stdout: string; stderr: string } {
  const base = { ...process.env };
  delete base.NO_COLOR;
  delete base.FORCE_COLOR;
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...base, ...env }, maxBuffer: 1 << 28 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (const m of text.matchAll(/\r\n|\r|\n/g)) starts.push(m.index! + m[0].length);
  return starts;
}
function positionIn(starts: number[], offset: number): { line: number; column: number } {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1]! <= offset) line++;
  return { line: line + 1, column: offset - starts[line]! + 1 };
}

describe('the format registry', () => {
  it('has json, text, html, sarif and markdown, each chosen by name and listed in --help', () => {
    expect(FORMAT_NAMES).toEqual(expect.arrayContaining(['json', 'text', 'html', 'sarif', 'markdown']));
    const help = cli(['check', '--help']).stdout;
    for (const name of FORMAT_NAMES) expect(help).toMatch(new RegExp(`^\\s+${name}\\s+\\S.*`, 'm'));
  });

  it('renders the one report object: every format from the same report, none changing it', () => {
    const report = samplesReport();
    const frozen = JSON.stringify(report);
    for (const name of FORMAT_NAMES) {
      const out = formatByName(name)!.render(report, {});
      expect(out.length).toBeGreaterThan(100);
    }
    expect(JSON.stringify(report)).toBe(frozen);
  });
});

describe('reading --format jsonl back', () => {
  it('rebuilds the report; a broken line is named by its number', () => {
    const sample = join(ROOT, 'samples', 'clean-council-budget.txt');
    const lines = cli(['check', sample, '--format', 'jsonl']).stdout;
    expect(reportFromJsonl(lines).articles.map((a) => a.id)).toEqual([cliReport([sample]).report.articles[0]!.id]);
    const broken = lines.split('\n');
    broken.splice(1, 0, '{"type":"article", "artic');
    expect(() => reportFromJsonl(broken.join('\n'))).toThrow(/^line 2 is not a JSON line of `--format jsonl` \(/);
  });
});

describe('flags carry endLine/endColumn (schema 1.1.0)', () => {
  it('at the position of end, exclusive, for every flag of the samples', () => {
    const { report } = cliReport([join(SAMPLES, 'scraped-harbour-page.txt'), join(SAMPLES, 'garbled-encoding.txt'), join(SAMPLES, 'spun-renewables.md')]);
    expect(report.schemaVersion).toBe('1.1.0');
    let multiLine = 0;
    for (const a of report.articles) {
      const body = readFileSync(a.source, 'utf8').replace(/^\uFEFF/, '');
      const starts = lineStarts(body);
      for (const f of a.flags) {
        expect(positionIn(starts, f.start)).toEqual({ line: f.line, column: f.column });
        expect(positionIn(starts, f.end)).toEqual({ line: f.endLine, column: f.endColumn });
        if (f.endLine! > f.line) multiLine++;
      }
    }
    expect(multiLine).toBeGreaterThan(0);
  });
});

describe('--format text', () => {
  const t = tempDir();
  const clean = t.put('clean.txt', CLEAN);
  const damaged = t.put('damaged.txt', DAMAGED);

  it('one compact line per flag: line:col  severity  rule  message  "flagged text" -> suggestion', () => {
    const r = run(['check', damaged, '--format', 'text']);
    expect(r.stdout).toMatch(/^ {2}1:41\s+warning\s+spacing\/missing-space-after-comma\s+Missing space after the comma in "Tianjin,China"\.\s+","\s+->\s+", "$/m);
    expect(r.stdout).toMatch(/^ {2}1:13\s+error\s+encoding\/mojibake\s+.*"â€™" -> "’"$/m);
    expect(r.stdout).toMatch(/damaged\.txt\s+(FAIL|REVIEW)\s+\d+\/100/);
  });

  it('ends with a summary table of articles and of flags by category', () => {
    const r = run(['check', clean, damaged, '--format', 'text']);
    expect(r.stdout).toMatch(/Articles, worst first\n\s+verdict\s+score\s+errors\s+warnings\s+info\s+article\n\s+(fail|review)\s+\d+\s+1\s+\d+\s+\d+\s+\S*damaged\.txt\n\s+pass\s+\d+\s+0\s+0\s+\d+\s+\S*clean\.txt/);
    expect(r.stdout).toMatch(/Flags by category\n\s+category\s+flags\s+errors\s+warnings\s+info\s+articles\n(\s+\S+\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+\n)+/);
    expect(r.stdout).toMatch(/\n2 article\(s\): 1 pass, \d review, \d fail/);
  });

  it('colour only on a TTY (or FORCE_COLOR), never with NO_COLOR, --no-color or --out', () => {
    expect(run(['check', damaged, '--format', 'text']).stdout).not.toMatch(ANSI);
    expect(run(['check', damaged, '--format', 'text'], { FORCE_COLOR: '1' }).stdout).toMatch(ANSI);
    expect(run(['check', damaged, '--format', 'text'], { FORCE_COLOR: '1', NO_COLOR: '1' }).stdout).not.toMatch(ANSI);
    expect(run(['check', damaged, '--format', 'text', '--no-color'], { FORCE_COLOR: '1' }).stdout).not.toMatch(ANSI);
    const out = join(t.dir, 'out.txt');
    run(['check', damaged, '--format', 'text', '--out', out], { FORCE_COLOR: '1' });
    expect(readFileSync(out, 'utf8')).not.toMatch(ANSI);
  });

  it.skipIf(!existsSync('/usr/bin/script'))('paints on a real terminal (a pty from script(1)) unless NO_COLOR is set', () => {
    const onTty = (env: Record<string, string>): string => {
      const base = { ...process.env, ...env };
      if (!env.NO_COLOR) delete base.NO_COLOR;
      delete base.FORCE_COLOR;
      const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(CLI)} check ${JSON.stringify(damaged)} --format text`;
      return spawnSync('script', ['-qec', cmd, '/dev/null'], { encoding: 'utf8', env: base }).stdout;
    };
    const painted = onTty({});
    expect(painted).toMatch(/\x1b\[1;31mFAIL|\x1b\[1;33mREVIEW/);
    expect(painted).toContain('Tianjin,China');
    expect(onTty({ NO_COLOR: '1' })).not.toMatch(ANSI);
  });

  it('--quiet shows only what fails: failing articles, their errors and warnings, and the summary', () => {
    const full = run(['check', clean, damaged, '--format', 'text']).stdout;
    const quiet = run(['check', clean, damaged, '--format', 'text', '--quiet']).stdout;
    expect(full).toMatch(/clean\.txt\s+PASS/);
    expect(quiet).not.toMatch(/clean\.txt\s+PASS/);
    expect(quiet).toMatch(/damaged\.txt\s+(FAIL|REVIEW)/);
    expect(quiet).not.toMatch(/^\s+\d+:\d+\s+info\s/m);
    expect(quiet).toMatch(/2 article\(s\): 1 pass/);
    // --fail-on fail raises the bar: a review article is not shown.
    const review = run(['check', join(SAMPLES, 'spun-renewables.md'), '--format', 'text', '--quiet', '--fail-on', 'fail']);
    const verdict = JSON.parse(run(['check', join(SAMPLES, 'spun-renewables.md')]).stdout).articles[0].verdict;
    if (verdict === 'review') expect(review.stdout).not.toMatch(/spun-renewables\.md\s+REVIEW/);
    else expect(review.stdout).toMatch(/spun-renewables\.md\s+FAIL/);
  });
});

describe('--format text shows what records supply on one line', () => {
  const t = tempDir();
  const story = 'The council approved the new budget on Tuesday after a long debate. The vote was close, with five members against and seven in favour of the plan.';
  // Characters that end a line or act on a terminal; the output's own line breaks are the only ones allowed.
  const BREAKS_OR_CONTROLS = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

  it('ids, titles, paths, messages, comparisons and input errors cannot forge lines: breaks and controls show as escapes', async () => {
    const records = t.put('forged.jsonl', [
      JSON.stringify({ id: 'one\nforged.txt  PASS  100/100', title: 'T\r\n  0 flags', body: story }),
      JSON.stringify({ id: 'two\u2028\n  near-duplicate  a.txt:1:1 <-> b.txt:1:1  similarity 1.00\u2029\u0085', body: story }),
      'nope\r\u20281 article(s): 1 pass',
    ].join('\n') + '\n');
    const path = t.put('path\n9 article(s): 9 pass.txt', story);
    const r = await checkHere([records, path], { format: 'text' });
    expect(r.status).toBe(2);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => BREAKS_OR_CONTROLS.test(l))).toEqual([]);
    // None of the forged lines is a line of the output; each shows, escaped, inside the line it belongs to.
    expect(lines.filter((l) => /^(forged\.txt|  0 flags|  near-duplicate  a\.txt|[19] article\(s\))/.test(l))).toEqual([]);
    expect(r.stdout).toContain('(one\\nforged.txt  PASS  100/100)');
    expect(r.stdout).toContain('"T\\r\\n  0 flags"');
    expect(r.stdout).toContain('path\\n9 article(s): 9 pass.txt');
    expect(lines.filter((l) => l.startsWith('  near-duplicate ') || l.startsWith('  contradiction ')).length).toBeGreaterThan(0);
    expect(r.stdout).toMatch(/two\\u2028\\n {2}near-duplicate/);
    expect(lines.filter((l) => l.startsWith('input error '))).toEqual([expect.stringMatching(/forged\.jsonl:3: invalid JSON line .*nope\\r\\u2028/)]);
    expect(lines.at(-2)).toMatch(/^3 article\(s\): 3 pass, 0 review, 0 fail; 1 input error\(s\); \d+ comparison\(s\)/);
  });
});

describe('--format markdown', () => {
  it('a verdict table, worst first, and the worst flags per failing article in collapsed <details>', () => {
    const r = run(['check', SAMPLES, '--format', 'markdown']);
    const report = samplesReport();
    const md = r.stdout;
    expect(md).toMatch(/^## credlint: \d+ articles — \d+ fail, \d+ review, \d+ pass/);
    const rows = md.split('\n').filter((l) => /^\| (✅|⚠️|❌) \|/.test(l));
    expect(rows).toHaveLength(report.articles.length);
    // Every row has the same number of cells: nothing in a title or path broke the table.
    expect(new Set(rows.map((l) => l.split(/(?<!\\)\|/).length)).size).toBe(1);
    const failing = report.articles.filter((a) => a.verdict !== 'pass');
    expect(md.match(/<details><summary>/g)?.length ?? 0).toBe(failing.length + report.articles.filter((a) => a.verdict === 'pass' && a.flags.some((f) => f.severity === 'error')).length);
    expect(md).not.toContain('Cut to fit');
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MARKDOWN_BUDGET);
  });

  it('escapes what would break a table or render as HTML', () => {
    const { report } = cliReport([join(SAMPLES, 'garbled-encoding.txt')]);
    const flag = report.articles[0]!.flags[0]!;
    flag.text = 'a | b <script>alert(1)</script> *bold*';
    flag.message = 'pipe | and <b>tag</b>';
    const md = renderMarkdown(report);
    expect(md).not.toContain('<script>');
    expect(md).not.toContain('<b>tag</b>');
    expect(md).toContain('a \\| b &lt;script&gt;');
    expect(md).toContain('\\*bold\\*');
  });

  it('a title with a line break stays in the heading it is given', () => {
    const { report } = cliReport([join(SAMPLES, 'garbled-encoding.txt')]);
    const md = renderMarkdown(report, { title: 'PR 12\r\n## All checks passed\u2028' });
    expect(md.split(/\r\n|\r|\n|\u2028/).filter((l) => l.startsWith('## All checks passed'))).toEqual([]);
    expect(md.split('\n')[0]).toMatch(/^## PR 12 ## All checks passed: 1 article/);
  });

  it('stays within 65,000 characters on a batch of thousands, with a note of what was cut', () => {
    const report = samplesReport();
    const big: Report = { ...report, articles: [] };
    for (let i = 0; i < 3000; i++) for (const a of report.articles) big.articles.push({ ...a, id: `${a.id}#${i}`, source: `${a.source}#${i}` });
    big.summary = { ...report.summary, articles: big.articles.length };
    const md = renderMarkdown(big);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(MARKDOWN_BUDGET);
    expect(Buffer.byteLength(md)).toBeGreaterThan(MARKDOWN_BUDGET * 0.8);
    const note = /Cut to fit 65,000 characters: (\d+) of (\d+) table rows.*?the flags of (\d+) of (\d+) articles/.exec(md);
    expect(note).not.toBeNull();
    expect(Number(note![2])).toBe(big.articles.length);
    const shownRows = md.split('\n').filter((l) => /^\| (✅|⚠️|❌) \|/.test(l)).length;
    expect(shownRows + Number(note![1])).toBe(big.articles.length);
    const shownDetails = md.match(/<details>/g)!.length;
    expect(shownDetails + Number(note![3])).toBe(Number(note![4]));
    expect(md.match(/<details>/g)!.length).toBe(md.match(/<\/details>/g)!.length);
  });
});

describe('--format sarif', () => {
  const t = tempDir();

  it('validates against the SARIF 2.1.0 schema for every kind of input', () => {
    const r = run(['check', SAMPLES, '--format', 'sarif']);
    const log = JSON.parse(r.stdout);
    assertValidSarif(log);
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results.length).toBeGreaterThan(10);
  });

  it('the schema check bites: a log with a wrong level or no message is refused', () => {
    const log = JSON.parse(run(['check', join(SAMPLES, 'garbled-encoding.txt'), '--format', 'sarif']).stdout);
    log.runs[0].results[0].level = 'info';
    expect(() => assertValidSarif(log)).toThrow(/level/);
    delete log.runs[0].results[0].message;
    expect(() => assertValidSarif(log)).toThrow(/message/);
  });

  it('regions of a text article point at exactly the flagged characters of the file', () => {
    const file = join(SAMPLES, 'scraped-harbour-page.txt');
    const log = JSON.parse(run(['check', file, '--format', 'sarif']).stdout);
    assertValidSarif(log);
    const text = readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    const starts = lineStarts(text);
    const results = log.runs[0].results.filter((x: { ruleId: string }) => !x.ruleId.startsWith('compare/'));
    expect(results.length).toBeGreaterThan(3);
    for (const res of results) {
      const reg = res.locations[0].physicalLocation.region;
      const slice = text.slice(reg.charOffset, reg.charOffset + reg.charLength);
      if (slice.length <= 300) expect(reg.snippet.text).toBe(slice);
      expect(positionIn(starts, reg.charOffset)).toEqual({ line: reg.startLine, column: reg.startColumn });
      expect(positionIn(starts, reg.charOffset + reg.charLength)).toEqual({ line: reg.endLine, column: reg.endColumn });
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:\/\/.*\/samples\/scraped-harbour-page\.txt$/);
    }
  });

  it('rules[] come from the rule metadata with help text; each result points at its rule', () => {
    const log = JSON.parse(run(['check', SAMPLES, '--format', 'sarif']).stdout);
    const rules = log.runs[0].tool.driver.rules;
    const listed = JSON.parse(run(['rules', '--json']).stdout).rules.filter((r: { enabled: boolean }) => r.enabled);
    for (const r of listed) expect(rules.map((x: { id: string }) => x.id)).toContain(r.id);
    for (const res of log.runs[0].results) {
      const rule = rules[res.ruleIndex];
      expect(rule.id).toBe(res.ruleId);
      expect(rule.help.text.length).toBeGreaterThan(20);
      expect(rule.help.markdown).toContain(rule.fullDescription.text);
      expect(['error', 'warning', 'note']).toContain(res.level);
    }
    const mojibake = rules.find((x: { id: string }) => x.id === 'encoding/mojibake');
    expect(mojibake.defaultConfiguration.level).toBe('error');
  });

  it('partialFingerprints are stable across runs and survive an edit elsewhere in the article', () => {
    const body = readFileSync(join(SAMPLES, 'scraped-harbour-page.txt'), 'utf8');
    const one = t.put('story.txt', body);
    const prints = (file: string): string[] => JSON.parse(run(['check', file, '--format', 'sarif']).stdout).runs[0].results.map((x: { partialFingerprints: Record<string, string> }) => x.partialFingerprints['credlintFlag/v1']);
    const first = prints(one);
    expect(prints(one)).toEqual(first);
    expect(new Set(first).size).toBe(first.length);
    const edited = t.put('story2.txt', body.replace(/\n\n/, '\n\nThe council will publish the full figures on Friday, the mayor said.\n\n'));
    const after = new Set(prints(edited));
    const kept = first.filter((p) => after.has(p)).length;
    expect(kept).toBeGreaterThanOrEqual(first.length - 1);
  });

  it('suppressed flags become suppressions, kept in the log', () => {
    const { report } = cliReport([join(SAMPLES, 'garbled-encoding.txt')]);
    const flags = report.articles[0]!.flags as Array<Flag & { suppressed?: unknown }>;
    // The gating step's shape ({kind: 'inline' | 'baseline', reason}) and looser ones.
    flags[0]!.suppressed = { kind: 'inline', reason: `credlint-disable-next-line ${flags[0]!.ruleId}` };
    flags[1]!.suppressed = { kind: 'baseline', reason: 'credlint-baseline.json' };
    flags[2]!.suppressed = true;
    const log = JSON.parse(renderSarif(report));
    assertValidSarif(log);
    const res = log.runs[0].results;
    expect(res).toHaveLength(flags.length);
    expect(res[0].suppressions).toEqual([{ kind: 'inSource', justification: `credlint-disable-next-line ${flags[0]!.ruleId}` }]);
    expect(res[1].suppressions).toEqual([{ kind: 'external', justification: 'credlint-baseline.json' }]);
    expect(res[2].suppressions).toEqual([{ kind: 'inSource' }]);
    expect(res[3].suppressions).toBeUndefined();
  });

  it('a JSONL record is located by its line; its body coordinates stay in the properties', () => {
    const file = t.put('batch.jsonl', [JSON.stringify({ id: 'ok', body: CLEAN }), JSON.stringify({ id: 'bad', body: DAMAGED }), JSON.stringify({ id: 'bad-copy', body: DAMAGED.replace('summit', 'meeting') })].join('\n'));
    const log = JSON.parse(run(['check', file, '--format', 'sarif']).stdout);
    assertValidSarif(log);
    const { report } = cliReport([file]);
    const flagged = report.articles.filter((a) => a.flags.length);
    expect(flagged.length).toBeGreaterThan(0);
    for (const res of log.runs[0].results.filter((x: { ruleId: string }) => !x.ruleId.startsWith('compare/'))) {
      const a = report.articles.find((x) => x.id === res.properties.article)!;
      const line = Number(/:(\d+)$/.exec(a.source)![1]);
      expect(res.locations[0].physicalLocation.region).toEqual({ startLine: line, endLine: line });
      expect(res.locations[0].physicalLocation.artifactLocation.uri).toMatch(/^file:.*\/batch\.jsonl$/);
      expect(res.properties.articleRegion.charLength).toBeGreaterThanOrEqual(0);
    }
    // Contradictions and copies between records are results too, with the other side as a related location.
    const cmp = log.runs[0].results.filter((x: { ruleId: string }) => x.ruleId.startsWith('compare/'));
    const expected = report.comparisons.filter((c) => c.type !== 'shared-claim').length;
    expect(cmp).toHaveLength(expected);
    for (const c of cmp) expect(c.relatedLocations[0].id).toBe(1);
  });
});
