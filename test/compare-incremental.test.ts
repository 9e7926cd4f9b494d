// The comparison does most of its work while the batch arrives: each article's near-duplicate candidates
// are judged when it is added, copies are aligned with their earlier version then, and the end replays the
// serial order over those judgements. What must hold: the result is the serial comparison's, whatever the
// chunks the articles arrive in, whether the dates put copies before their originals, and however the
// comparisons are handed on.
import { describe, expect, it } from 'vitest';
import { compareBatch, type CompareOutput } from '../src/compare/compare.js';
import { viewFacts } from '../src/compare/facts-view.js';
import { NearDuplicateIndex } from '../src/compare/near-duplicates.js';
import { CompareSession } from '../src/compare/session.js';
import type { ArticleFacts } from '../src/facts/facts.js';
import { createChecker, toArticle } from '../src/index.js';
import type { Comparison } from '../src/types.js';
import { HAS_SHARED, newsPages } from './helpers/run.js';
import { serialNearDuplicates } from './helpers/serial-near-duplicates.js';
import { mulberry32 } from '../scripts/lib/random.mjs';

if (!HAS_SHARED) console.warn('compare-incremental: ../shared is missing (news pages): these tests are skipped');

const random = mulberry32;

/**
 * News bodies and copies of them as a syndicated archive has them: copies of copies, with sentences dropped,
 * figures changed and paragraphs of another story appended (partial copies that link stories).
 */
function copyRichBatch(size: number, seed: number): Array<{ id: string; body: string }> {
  const rnd = random(seed);
  const pages = newsPages().filter((p) => p.body.length > 800);
  const out: Array<{ id: string; body: string }> = [];
  const sentencesOf = (body: string): string[] => body.split(/(?<=[.!?])\s+/);
  for (let i = 0; i < size; i++) {
    if (i > 5 && rnd() < 0.45) {
      const src = out[Math.floor(rnd() * out.length)]!;
      let kept = sentencesOf(src.body)
        .filter(() => rnd() < 0.85)
        .map((s) => (rnd() < 0.2 ? s.replace(/\d+/, (d) => String(Number(d) + 1 + Math.floor(rnd() * 5))) : s));
      if (rnd() < 0.15) kept = kept.concat(sentencesOf(out[Math.floor(rnd() * out.length)]!.body).slice(0, 4));
      out.push({ id: `c${i}`, body: kept.join(' ') || src.body });
      continue;
    }
    const page = pages[Math.floor(rnd() * pages.length)]!;
    out.push({ id: `n${i}`, body: page.body });
  }
  return out;
}

let cached: ArticleFacts[] | null = null;
function batchFacts(): ArticleFacts[] {
  if (cached) return cached;
  const checker = createChecker({ configFile: null });
  cached = copyRichBatch(240, 11).map((a, i) => checker.check(toArticle(a, i)).facts);
  return cached;
}

/** The same facts with dates that often put a copy before its original. */
function dated(facts: readonly ArticleFacts[]): ArticleFacts[] {
  const rnd = random(5);
  return facts.map((f) => ({ ...f, publishedAt: rnd() < 0.2 ? null : `2025-10-${String(1 + Math.floor(rnd() * 9)).padStart(2, '0')}` }));
}

function session(facts: readonly ArticleFacts[], chunk: number, tuning: { early?: boolean; emitEvery?: number } = {}): CompareSession {
  const s = new CompareSession({ enabled: true }, tuning);
  for (let i = 0; i < facts.length; i += chunk) s.addMany(facts.slice(i, i + chunk).map((f) => structuredClone(f)));
  return s;
}

function same(a: CompareOutput, b: CompareOutput): void {
  expect(JSON.stringify(a.comparisons)).toBe(JSON.stringify(b.comparisons));
  expect(JSON.stringify(a.clusters)).toBe(JSON.stringify(b.clusters));
  expect([...a.corroboration]).toEqual([...b.corroboration]);
}

describe.skipIf(!HAS_SHARED)('the incremental comparison equals the serial one', () => {
  it('near-duplicates judged as articles arrive give the serial pass’s pairs, groups and candidates', () => {
    const views = batchFacts().map(viewFacts);
    const serial = serialNearDuplicates(views);
    expect(serial.comparisons.length).toBeGreaterThan(60); // a batch made of copies: most articles are in a story
    for (const early of [true, false]) {
      const index = new NearDuplicateIndex(undefined, undefined, early);
      for (const v of views) index.add(v);
      const out = index.finish();
      expect(Array.from({ length: out.count }, (_, k) => out.comparison(k))).toEqual(serial.comparisons);
      expect(out.candidates).toBe(serial.candidates);
      expect(views.map((_, i) => out.groups.find(i))).toEqual(views.map((_, i) => serial.groups.find(i)));
    }
  });

  it('a session fed in any chunking equals compareBatch, and equals a session that leaves all the work to the end', () => {
    for (const facts of [batchFacts(), dated(batchFacts())]) {
      const whole = compareBatch(facts.map((f) => structuredClone(f)), { enabled: true });
      expect(whole.clusters.length).toBeGreaterThan(10);
      expect(whole.comparisons.some((c) => c.type === 'contradiction')).toBe(true);
      const lazy = session(facts, facts.length, { early: false }).finish();
      same(lazy, whole);
      for (const chunk of [1, 7, 64]) same(session(facts, chunk).finish(), whole);
    }
  });

  it('comparisons handed on in small chunks are the same comparisons in the same order', () => {
    const facts = dated(batchFacts());
    const whole = compareBatch(facts.map((f) => structuredClone(f)), { enabled: true });
    const chunks: Comparison[][] = [];
    const out = session(facts, 64, { emitEvery: 25 }).finish(undefined, (done) => void chunks.push(done));
    expect(out.comparisons).toEqual([]);
    expect(chunks.length).toBeGreaterThan(3);
    expect(Math.max(...chunks.map((c) => c.length))).toBeLessThanOrEqual(25);
    expect(JSON.stringify(chunks.flat())).toBe(JSON.stringify(whole.comparisons));
    expect(JSON.stringify(out.clusters)).toBe(JSON.stringify(whole.clusters));
  });
});
