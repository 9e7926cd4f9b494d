// Archive-scale behaviour end to end through the built CLI: streaming JSONL, shards compared through
// their facts, faults contained (a throwing rule, an article over its budget), output guarded.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportFromJsonl } from '../src/report/formats/jsonl.js';
import type { Comparison, Report } from '../src/types.js';
import { jsonl, relatedBatch } from './helpers/corpus.js';
import { CLI, ROOT } from './helpers/paths.js';
import { assertValidReport } from './helpers/report-schema.js';
import { checkHere } from './helpers/in-process.js';
import { tempDir } from './helpers/tmp.js';

const FAULTS = join(ROOT, 'test', 'fixtures', 'faults', 'fault-detectors.mjs');
const run = (args: string[], opts: { input?: string | Buffer; nodeArgs?: string[] } = {}) => {
  const r = spawnSync(process.execPath, [...(opts.nodeArgs ?? []), CLI, ...args], { cwd: ROOT, input: opts.input ?? '', encoding: 'utf8', maxBuffer: 1 << 28 });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
};
const canon = (cs: Comparison[]): string[] => cs.map((c) => JSON.stringify(c)).sort();
const tmp = tempDir();

describe('streaming and shards', () => {
  const recs = relatedBatch();
  const all = tmp.put('all.jsonl', jsonl(recs));

  it('--format jsonl carries the same report as --format json, article lines in input order', () => {
    const json = run(['check', all, '--format', 'json', '-j', '2']);
    const lines = run(['check', all, '--format', 'jsonl', '-j', '2']);
    expect(lines.status).toBe(json.status);
    const types = lines.stdout.trim().split('\n').map((l) => (JSON.parse(l) as { type: string }).type);
    expect(types.at(-1)).toBe('summary');
    expect(types.lastIndexOf('article')).toBeLessThan(types.indexOf('comparison'));
    const a = JSON.parse(json.stdout) as Report;
    const b = reportFromJsonl(lines.stdout);
    assertValidReport(a);
    assertValidReport(b);
    expect(b.articles.map((x) => x.id)).toEqual(recs.map((r) => r.id));
    expect(a.comparisons.length).toBeGreaterThan(0);
    expect({ ...b, summary: { ...b.summary, durationMs: 0 } }).toEqual({ ...a, summary: { ...a.summary, durationMs: 0 } });
  });

  it('four shards checked alone and compared through their facts give the same comparisons as one run', () => {
    const one = JSON.parse(run(['check', all, '--format', 'json']).stdout) as Report;
    const factFiles: string[] = [];
    const shards: string[] = [];
    for (let s = 0; s < 4; s++) {
      const shard = tmp.put(`shard-${s}.jsonl`, jsonl(recs.filter((_, i) => i % 4 === s)));
      shards.push('--articles', shard);
      const facts = join(tmp.dir, `facts-${s}.jsonl`);
      const r = run(['check', shard, '--format', 'jsonl', '--no-compare', '--emit-facts', facts]);
      expect(r.status).toBe(0);
      factFiles.push(facts);
    }
    const joined = run(['compare', '--facts', ...factFiles, ...shards, '--format', 'json']);
    expect(joined.stderr).toBe('');
    const report = JSON.parse(joined.stdout) as Report;
    assertValidReport(report);
    expect(canon(report.comparisons)).toEqual(canon(one.comparisons));
  });

  it('facts lines of the wrong shape are each an error naming file:line; exit 2, the report valid', () => {
    const facts = tmp.put('broken-facts.jsonl', jsonl([{ type: 'facts', facts: { article: 'x', minhash: 'not a list', claims: 5 } }, { type: 'facts', facts: { article: 'y', minhash: null, claims: null } }]));
    const r = run(['compare', '--facts', facts, '--format', 'json']);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    assertValidReport(report);
    expect(report.errors).toEqual([
      { source: `${facts}:1`, message: 'bad facts line: "facts.language" is not a string' },
      { source: `${facts}:2`, message: 'bad facts line: "facts.language" is not a string' },
    ]);
  });

  it('each bad line of a facts file is one error naming file:line (JSON and stderr); the other facts are still compared', () => {
    const good = join(tmp.dir, 'good-facts.jsonl');
    expect(run(['check', all, '--format', 'json', '--no-compare', '--emit-facts', good]).status).toBe(0);
    const lines = readFileSync(good, 'utf8').trim().split('\n');
    const first = JSON.parse(lines[0]!) as { type: 'facts'; facts: Record<string, unknown> };
    const bad = [
      '{"type":"facts","facts":{"article":"cut short',
      '{"x":1}',
      JSON.stringify({ type: 'facts', facts: { ...first.facts, article: 'packed-wrong', claims: '[[0,' } }),
      JSON.stringify({ type: 'facts', facts: { ...first.facts, article: 'minhash-wrong', minhash: 7 } }),
      '[1,2]',
      JSON.stringify({ type: 'summary', summary: {} }),
    ];
    // The bad lines after the first good one: lines 2 to 7 of the file.
    const mixed = tmp.put('mixed-facts.jsonl', [lines[0], ...bad, ...lines.slice(1)].join('\n') + '\n');
    const ref = run(['compare', '--facts', good, '--format', 'json']);
    const r = run(['compare', '--facts', mixed, '--format', 'json']);
    expect(ref.status).toBe(0);
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    assertValidReport(report);
    const expected = [
      { source: `${mixed}:2`, message: expect.stringMatching(/^invalid JSON line \(/) },
      { source: `${mixed}:3`, message: expect.stringMatching(/^not a facts line: no "type" \(a facts line is \{"type":"facts","facts":\{\.\.\.\}\}/) },
      { source: `${mixed}:4`, article: 'packed-wrong', message: expect.stringMatching(/^bad facts line: its packed data cannot be read \(/) },
      { source: `${mixed}:5`, message: 'bad facts line: "facts.minhash" is not a string' },
      { source: `${mixed}:6`, message: expect.stringMatching(/^not a facts line: an array /) },
    ];
    expect(report.errors).toEqual(expected);
    expect(r.stderr.trim().split('\n')).toEqual(report.errors.map((e) => `credlint: ${e.source}: ${e.message}`));
    const reference = JSON.parse(ref.stdout) as Report;
    expect(reference.comparisons.length).toBeGreaterThan(0);
    expect(canon(report.comparisons)).toEqual(canon(reference.comparisons));
    // A JSONL stream carries the same errors, as error lines.
    const stream = run(['compare', '--facts', mixed, '--format', 'jsonl']);
    expect(stream.status).toBe(2);
    const fromLines = reportFromJsonl(stream.stdout);
    assertValidReport(fromLines);
    expect(fromLines.errors).toEqual(report.errors);
    expect(fromLines.summary.errors).toBe(expected.length);
  });
});

describe('faults are contained', () => {
  const story = 'The council approved the new budget on Tuesday.The vote was close , with five members against.';

  it('a rule that throws: its failure in errors[] with article and rule id, the other flags kept, exit 2', () => {
    const file = tmp.put('throw.jsonl', jsonl([{ id: 'bad', body: `${story}\nCREDLINT-TEST-THROW` }, { id: 'good', body: story }]));
    const r = run(['check', file, '--format', 'json'], { nodeArgs: ['--import', FAULTS] });
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    assertValidReport(report);
    const err = report.errors.find((e) => e.article === 'bad')!;
    expect(err.ruleId).toMatch(/short/);
    expect(err.message).toMatch(/test detector exploded/);
    expect(report.articles.find((a) => a.id === 'bad')!.flags.some((f) => f.category === 'spacing')).toBe(true);
    expect(report.articles).toHaveLength(2);
  });

  it('an article over --article-timeout is stopped and reported; the batch goes on', () => {
    const file = tmp.put('spin.jsonl', jsonl([{ id: 'one', body: story }, { id: 'spin', body: `${story}\nCREDLINT-TEST-SPIN` }, { id: 'three', body: story }]));
    const r = run(['check', file, '--format', 'json', '--article-timeout', '2', '-j', '1'], { nodeArgs: ['--import', FAULTS] });
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    assertValidReport(report);
    expect(report.articles.map((a) => a.id)).toEqual(['one', 'three']);
    expect(report.errors).toEqual([expect.objectContaining({ article: 'spin', message: expect.stringMatching(/longer than 2 s/) })]);
  });

  it('a checking thread that dies mid-batch: the comparison of the other articles is the one without that article', () => {
    // Facts go from the checking threads straight to the comparison thread; the dead thread's article must not
    // be compared, and the articles after it (checked by its replacement) must be, in input order.
    const recs = relatedBatch();
    const crash = { id: 'crash', body: `${recs[1]!.body}\nCREDLINT-TEST-CRASH` };
    const withCrash = tmp.put('crash.jsonl', jsonl([...recs.slice(0, 3), crash, ...recs.slice(3)]));
    const without = tmp.put('no-crash.jsonl', jsonl(recs));
    const args = ['--format', 'json', '-j', '2', '--article-timeout', '30'];
    const r = run(['check', withCrash, ...args], { nodeArgs: ['--import', FAULTS] });
    const ref = run(['check', without, ...args], { nodeArgs: ['--import', FAULTS] });
    expect(r.status).toBe(2);
    const report = JSON.parse(r.stdout) as Report;
    const expected = JSON.parse(ref.stdout) as Report;
    assertValidReport(report);
    expect(report.errors).toEqual([expect.objectContaining({ article: 'crash', message: expect.stringMatching(/died while checking/) })]);
    expect(report.articles.map((a) => a.id)).toEqual(recs.map((x) => x.id));
    expect(expected.comparisons.length).toBeGreaterThan(0);
    expect(report.comparisons).toEqual(expected.comparisons);
    expect(report.clusters).toEqual(expected.clusters);
  });

  it('a rule still running at the budget: the article stops at the next check, an error naming the rule and the budget; the others are checked', () => {
    // 1 article and 3 articles: one rule busy for 1.7 s against a 1 s budget. The worker stops the article
    // itself (the hard guard, which could not name the rule, comes 1.5 s after the budget).
    const slow = { id: 'slow', body: `${story}\nCREDLINT-TEST-SLOW-1700` };
    for (const recs of [[slow], [{ id: 'one', body: story }, slow, { id: 'three', body: story }]]) {
      const file = tmp.put(`slow-${recs.length}.jsonl`, jsonl(recs));
      const r = run(['check', file, '--format', 'json', '--article-timeout', '1'], { nodeArgs: ['--import', FAULTS] });
      expect(r.status).toBe(2);
      const report = JSON.parse(r.stdout) as Report;
      assertValidReport(report);
      expect(report.articles.map((a) => a.id)).toEqual(recs.filter((x) => x !== slow).map((x) => x.id));
      expect(report.errors).toEqual([{ source: expect.any(String), article: 'slow', ruleId: 'attribution/vague-attribution', message: expect.stringMatching(/longer than 1 s \(the time budget per article\); stopped in rule attribution\/vague-attribution/) }]);
    }
  });

  it('--out never writes over an input, even one that failed to load; a missing folder is one clear line', async () => {
    const latin1 = tmp.put('in/latin1.txt', Buffer.from('Caf\xe9 au lait, a story.', 'latin1'));
    tmp.put('in/ok.txt', story);
    const before = readFileSync(latin1);
    const r = await checkHere([join(tmp.dir, 'in')], { out: latin1 });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/one of the input files/);
    expect(readFileSync(latin1)).toEqual(before);
    const missing = await checkHere([join(tmp.dir, 'in', 'ok.txt')], { out: join(tmp.dir, 'no', 'such', 'report.json') });
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toEqual([expect.stringMatching(/--out .*report\.json: cannot be written \(the folder does not exist\)/)]);
    const dir = await checkHere([join(tmp.dir, 'in', 'ok.txt')], { out: tmp.dir });
    expect(dir.status).toBe(2);
    expect(dir.stderr).toMatch(/is a folder/);
  });

  it('a closed standard output has its own exit code, not the gate\'s', () => {
    const file = tmp.put('many.jsonl', jsonl(Array.from({ length: 200 }, (_, i) => ({ id: `m${i}`, body: `${story} Item ${i}.` }))));
    const r = spawnSync('bash', ['-c', `"${process.execPath}" "${CLI}" check "${file}" --format jsonl -j 1 | head -c 10 > /dev/null; echo "\${PIPESTATUS[0]}"`], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe('4');
  });

  it('standard input is never held whole: an endless stream of NULs or of one line ends at the limit', async () => {
    for (const byte of [0x00, 0x61]) {
      const child = spawn(process.execPath, [CLI, 'check', '-', '--format', 'json'], { cwd: ROOT });
      const chunk = Buffer.alloc(1 << 16, byte);
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d) => (stdout += d));
      child.stderr.on('data', (d) => (stderr += d));
      child.stdin.on('error', () => {});
      let open = true;
      const pump = (): void => {
        while (open && child.stdin.write(chunk));
        if (open) child.stdin.once('drain', pump);
      };
      pump();
      const code = await new Promise<number>((res) => child.on('close', (c) => ((open = false), res(c ?? -1))));
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toHaveLength(1);
      expect(stderr).toMatch(byte === 0 ? /NUL bytes/ : /over the 5 MB limit/);
      assertValidReport(JSON.parse(stdout));
    }
  }, 60_000);

  it('escapes control characters from records in text output and on standard error; bad values are normalised', async () => {
    const file = tmp.put('evil.jsonl', jsonl([{ id: '\u001b[2Jevil', title: 'Title\u0007\u001b]0;pwned\u0007', body: story, publishedAt: 1e20 }, { id: '', title: 5, body: story, publishedAt: -1e15 }]));
    const text = await checkHere([file], { format: 'text' });
    expect(text.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    expect(text.stdout).toContain('\\x1b[2Jevil');
    expect(text.stderr).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
    const r = await checkHere([file], { format: 'json' });
    const report = JSON.parse(r.stdout) as Report;
    assertValidReport(report);
    expect(report.articles.map((a) => a.publishedAt)).toEqual([null, null]);
    expect(report.articles[1]!.id).toMatch(/evil\.jsonl:2/);
    expect(report.articles[1]!.title).toBeNull();
  });

  it('-j beyond the cores is capped, with a note', async () => {
    const r = await checkHere(['-'], { jobs: '999', input: story });
    expect(r.stderr).toMatch(/-j 999: \d+ core\(s\) available; using \d+ thread/);
  });
});
