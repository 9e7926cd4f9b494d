// A batch keeps no bodies for its comparison: it keeps where each article was read and reads the
// reported pairs again. These tests check the offsets it keeps and that quotes come out of the bodies.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readLines } from '../src/input/read-lines.js';
import { bodyAt, fileItems, type Origin } from '../src/input/stream-articles.js';
import { BodyStore } from '../src/engine/quote-bodies.js';
import type { Comparison, ComparisonSide } from '../src/types.js';
import { cli, cliReport, ROOT } from './helpers/run.js';
import { reportFromJsonl } from '../src/report/formats/jsonl.js';

const dir = mkdtempSync(join(tmpdir(), 'credlint-bodies-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const wire = readFileSync(join(ROOT, 'samples', 'wire-batch.jsonl'), 'utf8');
const records = wire.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; body: string });
const bodyById = new Map(records.map((r) => [r.id, r.body]));

async function* chunked(buf: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

describe('where articles were read', () => {
  it('readLines gives each line the byte offset it starts at, whatever the chunking', async () => {
    const text = Buffer.from('{"a":1}\r\n\n{"b":"é ü"}\nlast line without newline');
    for (const size of [1, 3, 7, 64]) {
      for await (const line of readLines(chunked(text, size), 1000)) {
        if (!('bytes' in line)) throw new Error('no line should be over the limit');
        expect(text.subarray(line.offset, line.offset + line.bytes.length).equals(line.bytes)).toBe(true);
      }
    }
  });

  it('a JSONL article (BOM, CRLF, multi-byte text) and a whole-file article are read again as they were', async () => {
    const file = join(dir, 'crlf.jsonl');
    writeFileSync(file, '\ufeff' + wire.split('\n').filter(Boolean).join('\r\n') + '\r\n');
    const items = [];
    for await (const item of fileItems(file)) if ('article' in item) items.push(item);
    expect(items.map((i) => i.article.id)).toEqual(records.map((r) => r.id));
    for (const item of items) expect(bodyAt(item.origin!)).toBe(item.article.body);
    const txt = join(ROOT, 'samples', 'clean-council-budget.txt');
    for await (const item of fileItems(txt)) if ('article' in item) expect(bodyAt(item.origin!)).toBe(item.article.body);
  });

  it('a body that changed since it was read is not quoted (the store gives nothing rather than the wrong text)', () => {
    const file = join(dir, 'changing.jsonl');
    writeFileSync(file, JSON.stringify({ id: 'x', body: 'One sentence here.' }) + '\n');
    const store = new BodyStore(false);
    const origin: Origin = { path: file, offset: 0, bytes: readFileSync(file).length - 1, lineNo: 1 };
    store.add({ id: 'x', source: file, title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'jsonl', body: 'One sentence here.' }, origin);
    expect(store.bodyOf('x')).toBe('One sentence here.');
    const other = new BodyStore(false);
    other.add({ id: 'x', source: file, title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'jsonl', body: 'A longer sentence was here.' }, origin);
    expect(other.bodyOf('x')).toBeUndefined();
    expect(other.bodyOf('unknown')).toBeUndefined();
  });
});

function expectQuoted(comparisons: Comparison[]): void {
  expect(comparisons.length).toBeGreaterThan(0);
  for (const c of comparisons) {
    for (const side of [c.a, c.b] as ComparisonSide[]) {
      const body = bodyById.get(side.article)!;
      const exact = body.slice(side.start, side.end).replace(/\s+/g, ' ').trim();
      expect(side.text).toBe(exact.length > 400 ? `${exact.slice(0, 399)}…` : exact);
    }
  }
}

describe('the comparison quotes its pairs from bodies it did not keep', () => {
  it('--format json and --format jsonl on a file quote the same sides, read again from the file', () => {
    const json = cliReport(['samples/wire-batch.jsonl', '-q']).report;
    expectQuoted(json.comparisons);
    const r = cli(['check', 'samples/wire-batch.jsonl', '-q', '--format', 'jsonl']);
    expect(reportFromJsonl(r.stdout).comparisons).toEqual(json.comparisons);
  });

  it('standard input: --format json keeps its bodies and quotes; a JSONL stream points at line and column', () => {
    const json = cliReport(['-', '-q'], { input: wire }).report;
    expectQuoted(json.comparisons);
    const r = cli(['check', '-', '-q', '--format', 'jsonl'], { input: wire });
    const streamed = reportFromJsonl(r.stdout).comparisons;
    expect(streamed.length).toBe(json.comparisons.length);
    for (const c of streamed) {
      expect(c.a.text).toBe('');
      expect(c.a.line).toBeGreaterThan(0);
    }
  });
});
