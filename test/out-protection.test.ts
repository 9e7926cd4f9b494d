// The files `check` and `fix` write (--out, --emit-facts, --write-baseline) never land on a file the run reads,
// whatever path reaches it (a hard link included); a file that cannot be written is one line naming its option.
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckOptions } from '../src/cli/check-command.js';
import type { Report } from '../src/types.js';
import { checkHere } from './helpers/in-process.js';
import { assertValidReport } from './helpers/report-schema.js';
import { cli } from './helpers/run.js';
import { houseStylePack } from './helpers/packs.js';
import { tempDir } from './helpers/tmp.js';

const t = tempDir();
const STORY = 'Officials met in Tianjin on Monday to discuss the budget, a spokesperson for the council said.\n';
const DAMAGED = 'Officials met in Tianjin,China,to talk.The the talks went on.\n';
const lines = (s: string): string[] => s.trim().split('\n');

const inputs = join(t.dir, 'in');
const story = t.put('in/story.txt', STORY);
const latin1 = t.put('in/latin1.txt', Buffer.from('Caf\xe9 au lait, a story.', 'latin1'));
const rc = t.put('rc.json', '{}');
const rules = join(t.dir, 'house');
const pack = t.put('house/house.json', JSON.stringify(houseStylePack()));
const beside = t.put('house/NOTES.txt', 'why the house packs say what they say');
const baseline = t.put('baseline.json', `${JSON.stringify({ format: 'credlint-baseline/1', tool: 'credlint', articles: {} })}\n`);
/** A second name for `file` (same device and inode), outside the input folder so it is not read as an article. */
const hardLink = (file: string, name: string): string => {
  mkdirSync(join(t.dir, 'links'), { recursive: true });
  const p = join(t.dir, 'links', name);
  linkSync(file, p);
  return p;
};

type Option = 'out' | 'emitFacts' | 'writeBaseline';
const FLAG: Record<Option, string> = { out: '--out', emitFacts: '--emit-facts', writeBaseline: '--write-baseline' };
// Every file the run reads, by a path the old guard knew (config, baseline, packs) or did not resolve (hard links).
const victims: Array<[string, () => string, RegExp]> = [
  ['the configuration file', () => rc, /a configuration file/],
  ['the --baseline file', () => baseline, /the --baseline file/],
  ['a pack in a -r folder', () => pack, /a file in the rules folder/],
  ['another file in a -r folder', () => beside, /a file in the rules folder/],
  ['a hard link to an article', () => hardLink(story, `story-${Math.random()}.json`), /one of the input files/],
  ['a hard link to an input that fails to load', () => hardLink(latin1, `latin1-${Math.random()}.json`), /one of the input files/],
  ['a hard link to the configuration', () => hardLink(rc, `rc-${Math.random()}.json`), /a configuration file/],
];

describe('check: no output over a file the run reads', () => {
  for (const option of ['out', 'emitFacts', 'writeBaseline'] as const) {
    for (const [name, target, what] of victims) {
      // Refreshing a baseline in place is what --write-baseline on the --baseline file asks for (tested below).
      if (option === 'writeBaseline' && name === 'the --baseline file') continue;
      it(`${FLAG[option]} on ${name}: one line naming ${FLAG[option]}, exit 2, the file untouched`, async () => {
        const path = target();
        const before = readFileSync(path);
        const opts: Partial<CheckOptions> = { config: rc, rules: [rules], baseline, [option]: path };
        const r = await checkHere([inputs], opts);
        expect(r.status).toBe(2);
        expect(lines(r.stderr)).toEqual([expect.stringContaining(`credlint: ${FLAG[option]} ${path}: that is `)]);
        expect(r.stderr).toMatch(what);
        expect(r.stdout).toBe('');
        expect(readFileSync(path)).toEqual(before);
      });
    }
  }

  it('two outputs on one file (by another name too) are refused before either is written', async () => {
    const report = t.put('out/report.json', 'an earlier report');
    const other = hardLink(report, 'report-link.json');
    const r = await checkHere([story], { out: report, writeBaseline: other });
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`credlint: --write-baseline ${other}: the same file as --out`]);
    expect(readFileSync(report, 'utf8')).toBe('an earlier report');
  });

  it('--write-baseline on the --baseline file refreshes it in place (read whole first, replaced whole)', async () => {
    const own = t.put('refresh/baseline.json', readFileSync(baseline));
    const link = hardLink(own, 'refresh-link.json');
    const r = await checkHere([story], { baseline: own, writeBaseline: own, quiet: true });
    expect(r.stderr).toBe('');
    const refreshed = JSON.parse(readFileSync(own, 'utf8')) as { format: string; articles: Record<string, unknown> };
    expect(refreshed.format).toBe('credlint-baseline/1');
    expect(Object.keys(refreshed.articles)).toHaveLength(1);
    // Replaced by renaming a whole new file over it: another name for the old file keeps the old content.
    expect(readFileSync(link)).toEqual(readFileSync(baseline));
    expect(readdirSync(join(t.dir, 'refresh'))).toEqual(['baseline.json']);
    // --out on the same file is still refused.
    const out = await checkHere([story], { baseline: own, out: own });
    expect(out.status).toBe(2);
    expect(lines(out.stderr)).toEqual([expect.stringContaining('that is the --baseline file')]);
  });

  it('outputs beside the inputs, not over them, are written', async () => {
    const out = join(t.dir, 'beside', 'fine.json');
    const written = join(t.dir, 'beside', 'fine-baseline.json');
    mkdirSync(join(t.dir, 'beside'), { recursive: true });
    const r = await checkHere([inputs], { config: rc, rules: [rules], out, writeBaseline: written, quiet: true });
    expect(r.status).toBe(2); // latin1.txt is an input error, reported
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    assertValidReport(report);
    expect(report.articles.map((a) => a.source)).toEqual([story]);
    expect(JSON.parse(readFileSync(written, 'utf8')).format).toBe('credlint-baseline/1');
  });
});

describe('check: an output that cannot be written is one line naming its option', () => {
  it('--write-baseline into a missing folder: the report is still written, exit 2 (the built CLI)', () => {
    const out = t.put('out/with-lost-baseline.json', '');
    const lost = join(t.dir, 'nodir', 'b.json');
    const r = cli(['check', story, '--write-baseline', lost, '--out', out]);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual([`credlint: --write-baseline ${lost}: cannot be written (the folder does not exist)`]);
    const report = JSON.parse(readFileSync(out, 'utf8')) as Report;
    assertValidReport(report);
    expect(report.articles).toHaveLength(1);
  });

  it.skipIf(!existsSync('/dev/full'))('--write-baseline /dev/full: the disk is full, the report still on standard output', () => {
    const r = cli(['check', story, '--write-baseline', '/dev/full', '-q']);
    expect(r.status).toBe(2);
    expect(lines(r.stderr)).toEqual(['credlint: --write-baseline /dev/full: cannot be written (the disk is full)']);
    assertValidReport(JSON.parse(r.stdout));
  });

  it('--emit-facts and --out into a missing folder: the same line, each naming its own option, before any work', async () => {
    for (const [option, flag] of [['emitFacts', '--emit-facts'], ['out', '--out']] as const) {
      const path = join(t.dir, 'nodir', `${option}.jsonl`);
      const r = await checkHere([story], { [option]: path });
      expect(r.status).toBe(2);
      expect(lines(r.stderr)).toEqual([`credlint: ${flag} ${path}: cannot be written (the folder does not exist)`]);
      expect(r.stdout).toBe('');
    }
  });
});

describe('fix --out', () => {
  const g = t.put('fix/g.txt', DAMAGED);

  it('into a missing folder or a full disk: one line, exit 2, the input untouched (the built CLI)', () => {
    const targets = [join(t.dir, 'nodir', 'x.txt'), ...(existsSync('/dev/full') ? ['/dev/full'] : [])];
    for (const out of targets) {
      const r = cli(['fix', g, '--out', out]);
      expect(r.status).toBe(2);
      expect(lines(r.stderr)).toEqual([`credlint: --out ${out}: cannot be written (${out === '/dev/full' ? 'the disk is full' : 'the folder does not exist'})`]);
      expect(readFileSync(g, 'utf8')).toBe(DAMAGED);
    }
  });

  it('never over the file to fix (by a hard link too), the configuration or a rule pack', () => {
    const link = hardLink(g, 'g-link.txt');
    for (const [out, what] of [[link, 'the file to fix'], [rc, 'a configuration file'], [pack, 'a file in the rules folder']] as const) {
      const before = readFileSync(out);
      const r = cli(['fix', g, '-c', rc, '-r', rules, '--out', out]);
      expect(r.status).toBe(2);
      expect(lines(r.stderr)).toEqual([expect.stringContaining(`credlint: --out ${out}: that is ${what}`)]);
      expect(readFileSync(out)).toEqual(before);
    }
    expect(readFileSync(g, 'utf8')).toBe(DAMAGED);
  });
});
