// A bounded fuzz run through the built CLI: pathological shapes, random text, random bytes and malformed
// records. Every run must end, every report must validate, and every flag's text must be the body's
// own text at its offsets (clipped to 300 characters with an ellipsis, as documented).
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../scripts/lib/random.mjs';
import type { Flag, Report } from '../src/types.js';
import { CLI, ROOT } from './helpers/paths.js';
import { assertValidReport } from './helpers/report-schema.js';
import { tempDir } from './helpers/tmp.js';

const TEXT_MAX = 300;
const clip = (s: string): string => (s.length > TEXT_MAX ? `${s.slice(0, TEXT_MAX - 1)}…` : s);
const t = tempDir();
const rand = mulberry32(20261201);
const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;

const ALPHABET = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', ' ', ' ', ' ', '\n', '\n\n', '.', ',', ';', ':', '!', '?', '-', '—', '–', '…', '"', "'", '“', '”', '«', '»', '(', ')', '[', ']', '/', '@', '#', '%', '&', '\u00a0', '\u200b', '\t', '\r\n', 'é', 'ü', 'ß', 'Ã©', 'â€™', '中文', 'русский', 'العربية', '😀', '\u0301', '\ud800', '\u0007', '\u001b[2J', 'on16.10.2025', 'Tianjin,China,to', 'growth and growth', '12 March 2020', 'Monday', 'www.example.com', 'a@b.co', 'Wrapping Up'];

function randomText(max: number): string {
  const n = 1 + Math.floor(rand() * max);
  let s = '';
  while (s.length < n) s += pick(ALPHABET);
  return s;
}

const N = 30_000;
const SHAPES: Record<string, string> = {
  letters: 'a'.repeat(N),
  digits: '9'.repeat(N),
  dots: '.'.repeat(N),
  dates: '12 March 2020 '.repeat(N / 14),
  dashes: 'word - '.repeat(N / 7),
  newlines: `Title\n${'\n'.repeat(N)}end.`,
  commas: 'x,'.repeat(N / 2),
  spaces: `a${' '.repeat(N)}b`,
  emails: 'a@b.c '.repeat(N / 6),
  oneSentence: `${'word '.repeat(N / 5)}.`,
};

interface Case {
  line: string;
  body?: string;
  id?: string;
}

function cases(): Case[] {
  const out: Case[] = [];
  for (const [name, body] of Object.entries(SHAPES)) out.push({ id: `shape-${name}`, body, line: JSON.stringify({ id: `shape-${name}`, body }) });
  for (let i = 0; i < 60; i++) {
    const body = randomText(i < 50 ? 400 : 5000);
    const rec: Record<string, unknown> = { id: `r${i}`, body };
    if (rand() < 0.3) rec.title = randomText(80);
    if (rand() < 0.3) rec.publishedAt = pick(['2020-02-30', 1e20, -1e15, '+033658-09-01', '', 'yesterday', 0, 1700000000, '2024-13-01', null]);
    if (rand() < 0.2) rec.url = pick(['not a url', 'http://', 'https://example.com/2020/01/02/story', 42]);
    if (rand() < 0.2) rec.publisher = pick(['Example News', '', 7, null]);
    out.push({ id: `r${i}`, body: body.trim() === '' ? undefined : body, line: JSON.stringify(rec) });
  }
  const malformed = ['{', '[1,2]', '"just a string"', 'null', '{"body": 5}', '{"body": null}', '{"id": {"x": 1}, "body": "Object id here."}', '{"id": "", "body": "Empty id here."}', '{"text": ["a"]}', '{"content": "Content field story."}', '{"body": "  "}', `{"body": "${'x'.repeat(10)}", "title": [1]}`];
  for (const line of malformed) out.push({ line });
  return out;
}

function run(args: string[], input?: Buffer | string) {
  const r = spawnSync(process.execPath, [CLI, 'check', ...args, '--format', 'json', '--article-timeout', '20', '-q'], { cwd: ROOT, input: input ?? '', encoding: 'utf8', maxBuffer: 1 << 28, timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, signal: r.signal };
}

function assertFlagsAtOffsets(report: Report, bodies: Map<string, string>): number {
  let checked = 0;
  for (const a of report.articles) {
    const body = bodies.get(a.id);
    if (body === undefined) continue;
    const at = (f: Pick<Flag, 'start' | 'end' | 'text'>): void => {
      expect(f.start).toBeGreaterThanOrEqual(0);
      expect(f.end).toBeLessThanOrEqual(body.length);
      expect(f.text, `${a.id} ${JSON.stringify(f)}`).toBe(clip(body.slice(f.start, f.end)));
      checked++;
    };
    for (const f of a.flags) {
      at(f);
      if (f.related) at(f.related);
    }
  }
  return checked;
}

describe('fuzz', () => {
  it('pathological shapes, random text and malformed records: the run ends, the report validates, flags quote the body', () => {
    const cs = cases();
    const file = t.put('fuzz.jsonl', cs.map((c) => c.line).join('\n') + '\n');
    const r = run([file, '-j', '2']);
    expect(r.signal).toBeNull();
    expect([0, 1, 2]).toContain(r.status);
    const report = JSON.parse(r.stdout) as Report;
    assertValidReport(report);
    const bodies = new Map(cs.filter((c) => c.id && c.body !== undefined).map((c) => [c.id!, c.body!]));
    expect(report.articles.length).toBeGreaterThan(50);
    expect(assertFlagsAtOffsets(report, bodies)).toBeGreaterThan(100);
  }, 300_000);

  it('random bytes as a text file, as JSONL and on standard input end in a valid report', () => {
    const bytes = Buffer.from(Array.from({ length: 20_000 }, () => Math.floor(rand() * 256)));
    const txt = t.put('bytes.txt', bytes);
    const jl = t.put('bytes.jsonl', bytes);
    for (const r of [run([txt, jl]), run(['-'], bytes), run(['-'], Buffer.concat([Buffer.from('{"body":"ok story here."}\n'), bytes]))]) {
      expect(r.signal).toBeNull();
      expect(r.status).toBe(2);
      assertValidReport(JSON.parse(r.stdout));
    }
  }, 120_000);
});
