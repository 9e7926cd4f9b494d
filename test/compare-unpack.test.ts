// The comparison thread's shortcuts (session 5), each held to the plain computation it stands for:
// claims scanned from their packed JSON against JSON.parse + claimWords + claimTerms; the alignment's
// stamped sets and posting chains against the Map-based alignment it replaced; the decoded-claims cache
// against decoding; bodies read through one kept handle against bodyAt; the lexicon's bitmap of opposed
// words against the Set it replaced.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alignSentences } from '../src/compare/align.js';
import { scanClaims } from '../src/compare/claim-scan.js';
import { plainClaims, sentenceTokens, viewFacts, type FactsView } from '../src/compare/facts-view.js';
import { RowSlots } from '../src/compare/claim-row-slots.js';
import { claimsMatter, sentenceChange } from '../src/compare/sentence-changes.js';
import { wordDiff } from '../src/compare/word-diff.js';
import { curatedPairs, lexicon } from '../src/compare/lexicon.js';
import { BodyReader } from '../src/engine/quote-bodies.js';
import { isSpaceCode } from '../src/compare/quote-sides.js';
import { packClaims } from '../src/facts/claim-codec.js';
import type { ArticleFacts, Claim } from '../src/facts/facts.js';
import { unpackU24, unpackU32 } from '../src/facts/packed.js';
import { ID_RANGE, wordId } from '../src/facts/token-ids.js';
import { createChecker, toArticle } from '../src/index.js';
import { planInputs } from '../src/engine/plan-inputs.js';
import { bodyAt, type Origin } from '../src/input/stream-articles.js';
import { mulberry32 } from '../scripts/lib/random.mjs';
import { HAS_SHARED, newsPages, ROOT } from './helpers/run.js';
import { alignSentences as plainAlign } from './helpers/plain-align.js';
import { tempDir } from './helpers/tmp.js';

if (!HAS_SHARED) console.warn('compare-unpack: ../shared is missing (news pages): the batch is samples/ and its copies only');

/** Bodies: the repository's samples, the news pages where present, and copies with sentences dropped, changed and moved. */
function bodies(): string[] {
  const wire = readFileSync(join(ROOT, 'samples/wire-batch.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { body: string }).body);
  const own = [readFileSync(join(ROOT, 'samples/clean-council-budget.txt'), 'utf8'), readFileSync(join(ROOT, 'samples/spun-renewables.md'), 'utf8'), ...wire];
  const pages = HAS_SHARED ? newsPages().slice(0, 60).map((p) => p.body) : [];
  const originals = [...own, ...pages];
  const rnd = mulberry32(7);
  const copies = originals.map((body) => {
    const sentences = body.split(/(?<=[.!?])\s+/);
    const kept = sentences
      .filter(() => rnd() < 0.85)
      .map((s) => (rnd() < 0.3 ? s.replace(/\d+/, (d) => String(Number(d) + 2)).replace(/\b(said|rose)\b/, (w) => (w === 'said' ? 'denied' : 'fell')) : s));
    if (kept.length > 3) kept.splice(1, 0, kept.pop()!);
    return kept.join(' ') || body;
  });
  return [...originals, ...copies];
}

let cached: ArticleFacts[] | null = null;
function batchFacts(): ArticleFacts[] {
  if (cached) return cached;
  const checker = createChecker({ configFile: null });
  cached = bodies().map((body, i) => checker.check(toArticle({ id: `t${i}`, body }, i)).facts);
  return cached;
}

const arrays = (c: ReturnType<typeof plainClaims>) => ({
  sentence: Array.from(c.sentence.subarray(0, c.count)),
  flags: Array.from(c.flags.subarray(0, c.count)),
  termStart: Array.from(c.termStart.subarray(0, c.count + 1)),
  terms: Array.from(c.terms.subarray(0, c.termStart[c.count]!)),
});

describe('claims scanned from their packed JSON (claim-scan.ts)', () => {
  it('give the sentence, flags and terms JSON.parse, claimWords and claimTerms give, for every article of a batch', () => {
    let claims = 0;
    for (const f of batchFacts()) {
      const rows = unpackU32(f.table.sentences);
      const ids = unpackU24(f.table.tokens);
      const plain = arrays(plainClaims(f.claims, rows, ids));
      const scanned = scanClaims(f.claims, rows, ids);
      expect(scanned, f.article).not.toBeNull();
      expect(arrays(scanned!), f.article).toEqual(plain);
      claims += plain.sentence.length;
    }
    expect(claims).toBeGreaterThan(50);
  });

  it('read names and subjects with escapes, spaces and non-ASCII letters as JSON.parse does, and listing and status flags', () => {
    const f = batchFacts().find((x) => x.claims.length > 40)!;
    const rows = unpackU32(f.table.sentences);
    const ids = unpackU24(f.table.tokens);
    const claim = (over: Partial<Claim>): Claim => ({ sentence: 0, start: 0, end: 0, textHash: 0, words: [], subject: '', entities: [], quantities: [], dates: [], negations: 0, hedged: false, listing: false, statuses: [], ...over });
    const entity = (key: string, at: number) => ({ key, before: 'the "old" \\ one', at, len: 1 });
    const packed = packClaims([
      claim({ subject: 'ministry', entities: [] }),
      claim({ entities: [entity('o\'brien "jr"', 0), entity('a  b', 1), entity('zoë ünal', 2), entity('', 3), entity('back\\slash\n', 4)] }),
      claim({ subject: 'déjà "vu"', quantities: [{ value: -1.5e-7, step: 0.25, unit: '%', before: 'by', text: '−1.5', at: 2, len: 1 }], dates: [{ value: '2025-10', text: 'Oct.', before: 'in', at: 1, len: 2 }], listing: true }),
      claim({ statuses: [{ topic: 'office', value: 'resigned', text: 'has resigned' }], negations: 3, hedged: true }),
      claim({ sentence: Math.max(0, rows.length / 4 - 1) }),
    ]);
    expect(arrays(scanClaims(packed, rows, ids)!)).toEqual(arrays(plainClaims(packed, rows, ids)));
    expect(Array.from(scanClaims(packed, rows, ids)!.flags.subarray(0, 5))).toEqual([0, 0, 1, 2, 0]);
    expect(arrays(scanClaims('[]', rows, ids)!)).toEqual(arrays(plainClaims('[]', rows, ids)));
  });

  it('give up (null) on anything packClaims does not write, so the caller parses it as before', () => {
    const f = batchFacts()[0]!;
    const rows = unpackU32(f.table.sentences);
    const ids = unpackU24(f.table.tokens);
    for (const bad of ['', '[', '[[0,0,0,"",[],[],[],[]]', ' []', '[[0, 0,0,"",[],[],[],[]]]', '[[1.5,0,0,"",[],[],[],[]]]', '[[0,0,0,"",[],[],[],[],2]]', '[[0,0,0,"\\x",[],[],[],[]]]', `[[${rows.length},0,0,"",[],[],[],[]]]`]) {
      expect(scanClaims(bad, rows, ids), bad).toBeNull();
    }
    expect(() => viewFacts({ ...f, claims: '[[0,0,0,"",[],[' })).toThrow();
  });
});

describe('alignment (align.ts) against the Map-based alignment it replaced', () => {
  it('gives the same pairs, scores and carried counts for every pair of a batch with copies, kept or not', () => {
    const views: FactsView[] = batchFacts().map(viewFacts);
    const half = views.length / 2;
    let pairs = 0;
    let scored = 0;
    const rnd = mulberry32(3);
    for (let i = 0; i < views.length; i++) {
      // each copy with its original, with a few unrelated articles, and with itself
      const others = [i < half ? i + half : i - half, i, Math.floor(rnd() * views.length), Math.floor(rnd() * views.length)];
      for (const j of others) {
        const plain = plainAlign(views[i]!, views[j]!);
        expect(alignSentences(views[i]!, views[j]!), `${i} ${j}`).toEqual(plain);
        expect(alignSentences(views[i]!, views[j]!, true), `${i} ${j} kept`).toEqual(plain);
        pairs++;
        scored += plain.pairs.filter((p) => p.score < 1).length;
      }
    }
    expect(pairs).toBeGreaterThan(20);
    expect(scored).toBeGreaterThan(5); // pairs found by their words, not only by their hashes
  });
});

describe("claims' slots read from their rows (RowSlots) and the decodes they spare (claimsMatter)", () => {
  const slotsOf = (c: Claim) => ({ names: c.entities.map((e) => [e.at, e.len]), figures: [...c.quantities, ...c.dates].map((q) => [q.at, q.len]) });
  const read = (r: RowSlots) => ({
    names: Array.from({ length: r.names.count }, (_, k) => [r.names.at[k], r.names.len[k]]),
    figures: Array.from({ length: r.figures.count }, (_, k) => [r.figures.at[k], r.figures.len[k]]),
  });

  it('reads the names, quantities and dates of every claim of a batch where decoding puts them, and gives up on other rows', () => {
    const r = new RowSlots();
    let slots = 0;
    for (const v of batchFacts().map(viewFacts)) {
      for (let k = 0; k < v.claimCount; k++) {
        expect(v.claimSlots(k, r), `${v.facts.article} ${k}`).toBe(true);
        const want = slotsOf(v.claim(k));
        expect(read(r)).toEqual(want);
        slots += want.names.length + want.figures.length;
      }
    }
    expect(slots).toBeGreaterThan(100);
    const bytes = (t: string) => Buffer.from(t, 'utf8');
    const good = '[3,0,0,"",[["a b","",1,2]],[[5,0,"%","","5%",7,2]],[["2020","May 2020","in",4,2]],[],1]';
    expect(r.read(bytes(good), 0, good.length)).toBe(true);
    expect(read(r)).toEqual({ names: [[1, 2]], figures: [[7, 2], [4, 2]] });
    for (const bad of ['[3,0,0,"",[["a","",1.5,2]],[],[],[]]', '[3,0,0,"",[["a","",1]],[],[],[]]', '{"a":1}', '[3,0,0,"",[],[],[]]']) expect(r.read(bytes(bad), 0, bad.length), bad).toBe(false);
  });

  it('spares only decodes that leave sentenceChange as it is, over the aligned sentences of copies and over unrelated sentences', () => {
    const views = batchFacts().map(viewFacts);
    const half = views.length / 2;
    const ra = new RowSlots();
    const rb = new RowSlots();
    const rnd = mulberry32(5);
    let spared = 0;
    let needed = 0;
    let changes = 0;
    const judge = (A: FactsView, sa: number, B: FactsView, sb: number): void => {
      const ta = sentenceTokens(A, sa);
      const tb = sentenceTokens(B, sb);
      const hunks = wordDiff(ta, tb);
      const ka = A.claimOf[sa]!;
      const kb = B.claimOf[sb]!;
      if (!hunks.length || (ka < 0 && kb < 0)) return;
      const ca = ka >= 0 ? A.claim(ka) : null;
      const cb = kb >= 0 ? B.claim(kb) : null;
      expect(ka < 0 || A.claimSlots(ka, ra)).toBe(true);
      expect(kb < 0 || B.claimSlots(kb, rb)).toBe(true);
      const want = sentenceChange(ta, tb, ca, cb, hunks);
      if (want) changes++;
      if (claimsMatter(ka >= 0 ? ra : null, kb >= 0 ? rb : null, hunks)) needed++;
      else {
        spared++;
        expect(sentenceChange(ta, tb, null, null, hunks), `${A.facts.article}:${sa} ${B.facts.article}:${sb}`).toEqual(want);
      }
    };
    for (let i = 0; i < half; i++) {
      const A = views[i]!;
      const B = views[i + half]!;
      for (const p of alignSentences(A, B, true).pairs) judge(A, p.a, B, p.b);
      for (let n = 0; n < 20 && A.claimCount && B.claimCount; n++) judge(A, A.claimSentence(Math.floor(rnd() * A.claimCount)), B, B.claimSentence(Math.floor(rnd() * B.claimCount)));
    }
    expect(spared).toBeGreaterThan(50);
    expect(needed).toBeGreaterThan(50);
    expect(changes).toBeGreaterThan(10);
  });
});

describe('decoded claims cache (FactsView.cachedClaim)', () => {
  it('gives what decoding gives, whatever was decoded before', () => {
    const views = batchFacts().map(viewFacts);
    const rnd = mulberry32(9);
    for (let n = 0; n < 3000; n++) {
      const v = views[Math.floor(rnd() * views.length)]!;
      if (!v.claimCount) continue;
      const k = Math.floor(rnd() * v.claimCount);
      const c = v.cachedClaim(k);
      expect({ ...c, words: c.words }).toEqual({ ...v.claim(k), words: v.claim(k).words });
    }
  });
});

describe('bodies read again through one kept handle (BodyReader)', () => {
  it('gives what bodyAt gives for every line of a JSONL file, after a close too, and nothing for a changed line', async () => {
    const tmp = tempDir();
    const lines = [
      '\ufeff{"id":"bom","body":"First line, after a byte order mark."}',
      '{"id":"crlf","body":"Windows line ending."}\r',
      '{"id":"uni","body":"Zoë said “déjà vu” — 5 km², 😀 twice: 😀."}',
      '{"id":"text","text":"A body under \\"text\\", with \\u00e9scapes\\n and lines."}',
      '{"id":"both","body":"body wins","text":"not this"}',
    ];
    const path = tmp.put('bodies.jsonl', `${lines.join('\n')}\n`);
    const plan = await planInputs([path], { firstPass: false });
    const origins: Origin[] = [];
    for await (const item of plan.items) if ('article' in item && item.origin) origins.push(item.origin);
    expect(origins.length).toBe(lines.length);
    const reader = new BodyReader();
    for (const o of origins) expect(reader.read(o)).toBe(bodyAt(o));
    reader.close();
    for (const o of [...origins].reverse()) expect(reader.read(o)).toBe(bodyAt(o));
    expect(reader.read(origins[2]!)).toContain('😀');
    // the file rewritten with other bytes at that place: both give nothing or the same
    writeFileSync(path, 'x'.repeat(40));
    for (const o of origins) expect(reader.read(o)).toBe(bodyAt(o));
    reader.close();
    expect(reader.read({ path: join(tmp.dir, 'missing.jsonl'), offset: 0, bytes: 10, lineNo: 1 })).toBeUndefined();
  });
});

describe("lexicon's opposed-word bitmap", () => {
  it('answers antonym() as the Set of opposed ids did, for the table words and curated pairs against each other', () => {
    const lex = lexicon();
    const data = JSON.parse(readFileSync(join(ROOT, 'rules/data/lexicon.json'), 'utf8')) as { words: string[] };
    const curatedFile = JSON.parse(readFileSync(join(ROOT, 'rules/data/news-antonyms.json'), 'utf8')) as { pairs: Array<[string, string]> };
    const curated = curatedPairs(curatedFile, new Map());
    const opposed = new Set<number>(data.words.map(wordId));
    for (const key of curated) opposed.add(Math.floor(key / ID_RANGE));
    const rnd = mulberry32(4);
    const ids = [...opposed];
    let yes = 0;
    for (let n = 0; n < 20000; n++) {
      const a = rnd() < 0.7 ? ids[Math.floor(rnd() * ids.length)]! : Math.floor(rnd() * ID_RANGE);
      const b = ids[Math.floor(rnd() * ids.length)]!;
      const got = lex.antonym(a, b);
      if (!opposed.has(a)) expect(got).toBe(false);
      if (got) yes++;
    }
    for (const key of curated) {
      const a = Math.floor(key / ID_RANGE);
      expect(lex.antonym(a, key % ID_RANGE)).toBe(true);
    }
    expect(yes + curated.size).toBeGreaterThan(0);
  });
});

describe('white space of quoted sides (isSpaceCode)', () => {
  it('is exactly what /\\s/ matches, for every UTF-16 code unit', () => {
    const re = /\s/;
    for (let c = 0; c < 0x10000; c++) if (isSpaceCode(c) !== re.test(String.fromCharCode(c))) expect(c.toString(16)).toBe('not a difference');
  });
});
