import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stripSpans } from '../src/chrome/strip.js';
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
    // Nothing removed, nothing changed: not even a line break added.
    expect(out[1]).toMatchObject({ id: 'b', content: PROSE, removed: 0 });
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

/** The brief's scraped page: a menu, then an article with a Markdown hard line break and a run of blank lines. */
const HARBOUR_MENU = 'Home\nNews\nSport\nSubscribe\nSign in\nShare on Facebook\n\n';
const HARBOUR = 'The harbour wall will run for a kilometre, the port authority said on Tuesday.  \nIt will cost nineteen million dollars, officials said.\n\n\n\nMore text follows here so the article is long enough to be read as an article.\n';
const span = (text: string, cut: string) => ({ start: text.indexOf(cut), end: text.indexOf(cut) + cut.length });

describe('stripping tidies only the seams', () => {
  it('credlint strip keeps a hard line break and a blank-line run far from the chrome, byte for byte', () => {
    const r = cli(['strip', '-'], { input: HARBOUR_MENU + HARBOUR });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(HARBOUR);
  });
  it('on a CRLF file the blank lines left at the start go too', () => {
    const crlf = (s: string) => s.replace(/\n/g, '\r\n');
    const r = cli(['strip', '-'], { input: crlf(HARBOUR_MENU + HARBOUR) });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(crlf(HARBOUR));
  });
  it('a span cut between paragraphs leaves one blank line there; spaces it leaves at a line end go; the rest is kept', () => {
    const text = 'The harbour wall will run for a kilometre.  \nThe port authority said so on Tuesday. Share on Facebook\n\nRelated: Port strike ends\n\n\nIt will cost nineteen million dollars.\n\n\n\nWork starts in the spring.';
    const s = stripSpans(text, [span(text, 'Share on Facebook'), span(text, 'Related: Port strike ends')]);
    expect(s).toEqual({ removed: 2, text: 'The harbour wall will run for a kilometre.  \nThe port authority said so on Tuesday.\n\nIt will cost nineteen million dollars.\n\n\n\nWork starts in the spring.' });
  });
  it('a hard line break just before a cut line keeps its spaces; CRLF blank lines collapse in CRLF; the end keeps one line break', () => {
    const text = 'The harbour wall will run for a kilometre.  \r\nMore: Harbour news\r\n\r\n\r\nIt will cost nineteen million dollars.  \r\n\r\n\u00a9 2024 Harbour Gazette\r\n\r\n';
    const s = stripSpans(text, [span(text, 'More: Harbour news'), span(text, '\u00a9 2024 Harbour Gazette')]);
    expect(s.text).toBe('The harbour wall will run for a kilometre.  \r\n\r\nIt will cost nineteen million dollars.  \r\n');
  });
  it('no span, no change; every span, nothing left', () => {
    const text = 'It will cost nineteen million dollars.  \n\n\n\nWork starts in the spring.';
    expect(stripSpans(text, [])).toEqual({ text, removed: 0 });
    expect(stripSpans(text, [{ start: 0, end: 38 }, { start: 44, end: text.length }])).toEqual({ text: '', removed: 2 });
  });
});
