import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, HAS_SHARED, SHARED } from './helpers/run.js';

const PROSE = [
  'The city council voted on Tuesday to approve the new budget after a long debate about the cost of the bridge and the schools it would fund.',
  'Opponents said the plan would raise taxes for families who are already struggling, while supporters argued that the repairs could not wait any longer.',
].join('\n\n');
const PAGE = `Home\nNews\nPolitics\n\n${PROSE}\n\n\n\nShare on Facebook\nTweet\n© 2024 Riverside Gazette. All rights reserved.\n`;

describe('credlint strip', () => {
  it('prints the article without its chrome, from standard input', () => {
    const r = cli(['strip', '-'], { input: PAGE });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(`${PROSE}\n`);
  });

  it('reads a file and never writes over it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'credlint-strip-'));
    const file = join(dir, 'page.txt');
    writeFileSync(file, PAGE);
    const r = cli(['strip', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('The city council voted');
    expect(r.stdout).not.toContain('Share on Facebook');
    expect(readFileSync(file, 'utf8')).toBe(PAGE);
  });

  it('--jsonl keeps each record, replaces its body field and counts what was removed', () => {
    const input = [JSON.stringify({ id: 'a', url: 'https://example.com/a', text: PAGE }), JSON.stringify({ id: 'b', content: PROSE })].join('\n') + '\n';
    const r = cli(['strip', '--jsonl', '-'], { input });
    expect(r.status).toBe(0);
    const out = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ id: 'a', url: 'https://example.com/a', text: `${PROSE}\n` });
    expect(out[0].removed).toBeGreaterThanOrEqual(2);
    expect(out[0].body).toBeUndefined();
    expect(out[1]).toMatchObject({ id: 'b', content: `${PROSE}\n`, removed: 0 });
  });

  it('exits 2 with a one-line error on bad input', () => {
    const bad = cli(['strip', '--jsonl', '-'], { input: '{"id": 1, "body": "ok text"}\n{not json\n' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/-:2: invalid JSON/);
    const missing = cli(['strip', join(tmpdir(), 'no-such-credlint-file.txt')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr.trim().split('\n')).toHaveLength(1);
    const noBody = cli(['strip', '--jsonl', '-'], { input: '{"id": 1}\n' });
    expect(noBody.status).toBe(2);
    expect(noBody.stderr).toMatch(/no body/);
  });

  it.skipIf(!HAS_SHARED)('strips the founding article of its breadcrumb and date widget and keeps every sentence', () => {
    const file = join(SHARED, 'corpus', 'seeds', 'belarus-sco-membership.txt');
    const original = readFileSync(file, 'utf8');
    const r = cli(['strip', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).not.toContain('Truth Social Media Politics');
    expect(r.stdout).not.toContain('on16.10.2025');
    expect(r.stdout).toContain(original.split('\n')[0]!);
  });
});
