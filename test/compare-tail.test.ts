// The comparison's tail shortcuts (session 6), each held to the plain computation it stands for: the kept
// originals' sentence index in typed arrays against the Map of arrays it replaced; white space collapsed by one
// look at the characters against the replace it skips; the aligned contradictions' sides filled when pushed
// (while their bodies are kept) against a side filled from scratch.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SentencesByHash } from '../src/compare/align.js';
import { compareBatch } from '../src/compare/compare.js';
import { sentenceHash, sentenceLength, viewFacts } from '../src/compare/facts-view.js';
import { collapseSpaces } from '../src/compare/quote.js';
import { plainSideText, Quoter, sideText } from '../src/compare/quote-sides.js';
import type { ArticleFacts } from '../src/facts/facts.js';
import { createChecker, toArticle } from '../src/index.js';
import { mulberry32 } from '../scripts/lib/random.mjs';
import { HAS_SHARED, newsPages, ROOT } from './helpers/run.js';

/** Bodies with copies that drop, change and repeat sentences (a repeated sentence is one hash several times). */
function bodies(): string[] {
  const wire = readFileSync(join(ROOT, 'samples/wire-batch.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { body: string }).body);
  const originals = [...wire, ...(HAS_SHARED ? newsPages().slice(0, 40).map((p) => p.body) : [])];
  const rnd = mulberry32(11);
  const copies = originals.map((body) => {
    const sentences = body.split(/(?<=[.!?])\s+/);
    const kept = sentences.filter(() => rnd() < 0.85).map((s) => (rnd() < 0.3 ? s.replace(/\d+/, (d) => String(Number(d) + 3)) : s));
    if (kept.length > 2) kept.push(kept[0]!, kept[1]!, kept[0]!);
    return kept.join(rnd() < 0.5 ? ' ' : '\n\n  ') || body;
  });
  return [...originals, ...copies];
}

let cached: { facts: ArticleFacts[]; text: Map<string, string> } | null = null;
function batch(): { facts: ArticleFacts[]; text: Map<string, string> } {
  if (cached) return cached;
  const checker = createChecker({ configFile: null });
  const text = new Map<string, string>();
  const facts = bodies().map((body, i) => {
    text.set(`t${i}`, body);
    return checker.check(toArticle({ id: `t${i}`, body }, i)).facts;
  });
  return (cached = { facts, text });
}

describe('kept originals indexed by sentence hash (SentencesByHash)', () => {
  it('lists the sentences of each hash in increasing order, as the Map of arrays did', () => {
    let repeated = 0;
    for (const f of batch().facts) {
      const v = viewFacts(f);
      const plain = new Map<number, number[]>();
      for (let s = 0; s < v.sentenceCount; s++) {
        if (sentenceLength(v, s) < 4) continue;
        const h = sentenceHash(v, s);
        (plain.get(h) ?? plain.set(h, []).get(h)!).push(s);
      }
      const index = new SentencesByHash(v);
      const walk = (h: number): number[] => {
        const out: number[] = [];
        for (let at = index.first(h); at >= 0; at = index.next(at)) out.push(index.sentence(at));
        return out;
      };
      for (const [h, list] of plain) {
        expect(walk(h)).toEqual(list);
        if (list.length > 1) repeated++;
      }
      // Hashes it does not hold, including ones next to those it does.
      for (const h of [0, 1, 0xffffffff, ...[...plain.keys()].map((h) => (h + 1) >>> 0)]) if (!plain.has(h)) expect(walk(h)).toEqual([]);
    }
    expect(repeated).toBeGreaterThan(0);
  });
});

describe('white space collapsed (collapseSpaces)', () => {
  it("is text.slice(from, to).replace(/\\s+/g, ' ') on strings of every kind of white space", () => {
    const rnd = mulberry32(5);
    const alphabet = ['a', 'b', '.', ' ', ' ', ' ', '\n', '\t', '\r', '\u00a0', '\u2009', '\u3000', '\ufeff', 'é', '“', '\u0085', '\u200b'];
    for (let k = 0; k < 20000; k++) {
      const n = Math.floor(rnd() * 24);
      let t = '';
      for (let i = 0; i < n; i++) t += alphabet[Math.floor(rnd() * (rnd() < 0.7 ? 4 : alphabet.length))];
      const from = Math.floor(rnd() * (n + 1));
      const to = from + Math.floor(rnd() * (n - from + 1));
      expect(collapseSpaces(t, from, to)).toBe(t.slice(from, to).replace(/\s+/g, ' '));
    }
  });
});

describe('a side quoted as one line (sideText)', () => {
  it('is the span collapsed, trimmed and cut, on texts of every kind of white space and length', () => {
    const rnd = mulberry32(9);
    const alphabet = ['a', 'b', 'c', '.', ' ', ' ', ' ', '\n', '\n\n', '\t', '\r', '\u00a0', '\u2009', '\u3000', '\ufeff', 'é', '“', '\u0085', '\u200b'];
    let cut = 0;
    for (let k = 0; k < 4000; k++) {
      // Short texts, and texts around and well past the 400-character cut (paragraphs, runs of spaces).
      const n = [8, 60, 390, 420, 1500][k % 5]!;
      let t = '';
      for (let i = 0; i < n; i++) t += alphabet[Math.floor(rnd() * (rnd() < 0.8 ? 6 : alphabet.length))];
      const from = Math.floor(rnd() * Math.min(20, t.length + 1));
      const to = t.length - Math.floor(rnd() * Math.min(20, t.length - from + 1));
      const want = plainSideText(t, from, to);
      if (want.endsWith('…')) cut++;
      expect(sideText(t, from, to)).toBe(want);
    }
    expect(cut).toBeGreaterThan(500);
  });

  it('is the same on news bodies quoted whole and from their middle', () => {
    const { text } = batch();
    for (const body of text.values()) {
      for (const [from, to] of [[0, body.length], [Math.floor(body.length / 3), body.length], [0, Math.min(body.length, 420)]] as const) {
        expect(sideText(body, from, to)).toBe(plainSideText(body, from, to));
      }
    }
  });
});

describe("aligned contradictions' sides filled when pushed", () => {
  it('hold the text and positions a side filled from scratch gets', () => {
    const { facts, text } = batch();
    const out = compareBatch(facts, { enabled: true }, (id) => text.get(id));
    const views = new Map(facts.map((f) => [f.article, viewFacts(f)]));
    const quoter = new Quoter((id) => text.get(id));
    let aligned = 0;
    for (const c of out.comparisons) {
      if (c.type === 'contradiction' && / copies /.test(c.message)) aligned++;
      for (const side of [c.a, c.b]) {
        const fresh = { article: side.article, start: side.start, end: side.end, text: '' };
        quoter.fill(views.get(side.article), fresh);
        expect(side).toEqual(fresh);
        expect(Object.keys(side)).toEqual(Object.keys(fresh));
      }
    }
    expect(aligned).toBeGreaterThan(0);
  });
});
