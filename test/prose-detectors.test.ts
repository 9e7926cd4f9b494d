// The prose detectors' speed shortcuts (literal-prefix gates, numbered stems, roles by vocabulary id, counting
// tables) must never change a result: each is checked here against the plain computation it replaces, on real
// text (fixtures and samples always; the news and blog bodies of ../shared when it is there).
import { readFileSync } from 'node:fs';
import { deflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alternativePrefixes, boilerplateSentence, endsAsQuestion, GATES_AFTER, runGate, runGateFits, signalParts, signalPatternMatches, type BoilerplateSentenceOptions } from '../src/detectors/boilerplate-sentence.js';
import { computeContentStems } from '../src/detectors/content-stems.js';
import { decodePrefixes, encodePrefixes, GATE_DEPTH, gatePrefixes, literalPrefixes, PrefixGate } from '../src/detectors/literal-prefixes.js';
import { density, topNgram } from '../src/detectors/redundancy.js';
import { candidatePairs, endsAsProse, restatement } from '../src/detectors/restatement.js';
import { contentWords } from '../src/text/content-words.js';
import { buildDoc, type Doc } from '../src/text/doc.js';
import { NO_ID } from '../src/text/vocabulary.js';
import type { Finding, Token } from '../src/types.js';
import type { LoadedRule } from '../src/detectors/detector.js';
import { markedFixtures } from './helpers/marked-fixtures.js';
import { article, builtinRules, HAS_SHARED, ROOT, SHARED } from './helpers/run.js';

function bodies(): string[] {
  const out = ['boilerplate', 'boilerplate/heldout'].flatMap((f) => markedFixtures(f).map((x) => x.body));
  for (const f of ['clean-council-budget.txt', 'spun-renewables.md', 'scraped-harbour-page.txt', 'garbled-encoding.txt']) out.push(readFileSync(join(ROOT, 'samples', f), 'utf8'));
  if (HAS_SHARED) {
    for (const set of ['news-pages', 'blog-pages']) {
      const lines = readFileSync(join(SHARED, 'corpus', set, 'pages.jsonl'), 'utf8').split('\n').filter(Boolean);
      for (const l of lines) out.push((JSON.parse(l) as { body: string }).body);
    }
  } else console.warn('prose-detectors.test: ../shared is missing; checking fixtures and samples only');
  return out;
}

const TEXTS = bodies();
const DOCS = TEXTS.map((b) => buildDoc(article(b)));

/** The same article with every other distinct word read as having no vocabulary id (a full vocabulary). */
function withoutIds(doc: Doc): Doc {
  const drop = new Set<string>();
  let k = 0;
  for (const t of doc.tokens) if (t.kind === 'word' && !drop.has(t.norm) && k++ % 2 === 0) drop.add(t.norm);
  const tokens: Token[] = doc.tokens.map((t) => (drop.has(t.norm) ? { ...t, vocabId: NO_ID } : t));
  const cache = new Map<string, unknown>();
  const view: Doc = { ...doc, tokens, memo: (key, compute) => (cache.has(key) ? cache.get(key) : (cache.set(key, compute(view)), cache.get(key))) as never };
  return view;
}

describe('literal prefixes: every match of an expression starts with one of them', () => {
  it('reads literals, groups, optional parts and small classes, and stops where it cannot tell', () => {
    expect(literalPrefixes('(?:play|plays) (?:a|an) role')).toEqual(['play a role', 'play an role', 'plays a role', 'plays an role']);
    expect(literalPrefixes('analy[sz]e')).toEqual(['analyse', 'analyze']);
    expect(literalPrefixes("today['’]s (?:world|age)")).toEqual(["today's age", "today's world", 'today’s age', 'today’s world']);
    expect(literalPrefixes('the (?:closely )?watched')).toEqual(['the closely watched', 'the watched']);
    expect(literalPrefixes('as (?:the|a) [\\p{L}-]+ unfolds')).toEqual(['as a ', 'as the ']);
    expect(literalPrefixes('wait(?:s|ed)* for')).toEqual(['wait']);
    expect(literalPrefixes('go+ne')).toEqual(['go']);
    expect(literalPrefixes('a\\.b\\s+c')).toEqual(['a.b']);
    expect(literalPrefixes('(?<x>ab|cd)e')).toEqual(['abe', 'cde']);
    // Nothing known: the gate lets every position through.
    for (const s of ['[\\p{L}-]+tion', '.*x', '(?=a)ab', '(?<!x)ab', '\\bword', '[a-z]x', '[^a]b', 'x|\\d']) expect(literalPrefixes(s), s).toContain('');
  });

  it('a prefix another one starts with is dropped (it decides nothing more)', () => {
    expect(literalPrefixes('ab|abc|abd|b')).toEqual(['ab', 'b']);
  });

  it('PrefixGate.fitsAt answers as "some prefix starts here" at every position of real text', () => {
    const prefixes = ['the ', 'the following', 'play a', 'in today', 'a', 'as the'];
    const gate = new PrefixGate(prefixes);
    for (const text of TEXTS.slice(0, 60)) {
      const lower = text.toLowerCase();
      for (let at = 0; at < lower.length; at++) if (gate.fitsAt(lower, at) !== prefixes.some((p) => lower.startsWith(p, at))) throw new Error(`gate differs at ${at}`);
    }
    expect(new PrefixGate(['', 'x']).fitsAt('abc', 1)).toBe(true);
    expect(new PrefixGate(['abc']).fitsAt('ab', 0)).toBe(false);
  });

  it('on the template-sentence pack, every match of every alternative on real text fits its gate', () => {
    const rule = builtinRules().find((r) => r.id === 'boilerplate/template-sentence')!;
    const signals = (rule.prepared as { signals: Array<{ parts: string[] }> }).signals;
    const parts = signals.flatMap((s) => s.parts);
    // Texts full of template phrases, so the alternatives do match.
    const extra = [
      'This article will explore the pivotal role. In today’s fast-paced world, only time will tell as the talks continue to unfold. The photo above. It plays a crucial role, serves as a testament to resilience, innovation and growth.',
    ];
    let matched = 0;
    for (const part of parts) {
      const re = new RegExp(`(?:${part})(?![\\p{L}\\p{N}])`, 'gu');
      const full = new PrefixGate(literalPrefixes(part));
      const cut = new PrefixGate(gatePrefixes(part));
      const gate = { fitsAt: (t: string, at: number): boolean => full.fitsAt(t, at) && cut.fitsAt(t, at) };
      for (const text of [...TEXTS, ...extra]) {
        const lower = text.toLowerCase();
        if (lower.length !== text.length) continue;
        for (const m of lower.matchAll(re)) {
          matched++;
          if (!gate.fitsAt(lower, m.index)) throw new Error(`"${m[0]}" (alternative ${part.slice(0, 60)}) does not fit its gate`);
        }
      }
    }
    expect(matched).toBeGreaterThan(20);
  });
});

describe('literal-prefix gates: cut prefixes, the flat trie and the build-time table', () => {
  const rule = (): LoadedRule => builtinRules().find((r) => r.id === 'boilerplate/template-sentence')!;
  const options = (): BoilerplateSentenceOptions => rule().options as unknown as BoilerplateSentenceOptions;

  it('gatePrefixes: literalPrefixes cut to GATE_DEPTH characters, minimal, and each literal prefix starts with one', () => {
    expect(gatePrefixes('(?:play|plays) (?:a|an) (?:pivotal|crucial) role', 8)).toEqual(['play a c', 'play a p', 'play an ', 'plays a ', 'plays an']);
    expect(gatePrefixes('ab|abc|b', 1)).toEqual(['a', 'b']);
    expect(gatePrefixes('[a-z]+x')).toEqual(['']);
    let n = 0;
    for (const parts of signalParts(options())) {
      for (const part of parts) {
        const cut = gatePrefixes(part);
        expect([...cut].sort(), part).toEqual(cut);
        for (const c of cut) expect(c.length).toBeLessThanOrEqual(GATE_DEPTH);
        for (let k = 1; k < cut.length; k++) expect(cut[k]!.startsWith(cut[k - 1]!), part).toBe(false);
        for (const p of literalPrefixes(part)) if (!cut.some((c) => p.startsWith(c))) throw new Error(`${p} (${part}) starts with no gate prefix`);
        n++;
      }
    }
    expect(n).toBeGreaterThan(200);
  });

  it('PrefixGate answers as "some prefix starts here" for generated sets (shared starts, duplicates, one inside another, beyond ASCII)', () => {
    // mulberry32: every bit varies (an LCG's low bits cycle through a few values, and the sets would all look alike).
    let seed = 7;
    const rand = (n: number): number => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const alphabet = ['a', 'b', 'c', ' ', '’', "'", 'é', '😀'];
    const word = (max: number): string => Array.from({ length: 1 + rand(max) }, () => alphabet[rand(alphabet.length)]).join('');
    const texts = [...Array.from({ length: 40 }, () => word(60)), TEXTS[0]!.toLowerCase().slice(0, 3000)];
    for (let round = 0; round < 300; round++) {
      const prefixes = Array.from({ length: 1 + rand(40) }, () => word(round % 2 ? 3 : 8));
      // Some duplicates and extensions of earlier ones.
      for (let k = 0; k < 5; k++) {
        const p = prefixes[rand(prefixes.length)]!;
        prefixes.push(rand(2) ? p : p + word(3));
      }
      const gate = new PrefixGate(prefixes);
      for (const text of texts) {
        for (let at = 0; at <= text.length; at++) {
          if (gate.fitsAt(text, at) !== prefixes.some((p) => text.startsWith(p, at))) throw new Error(`gate of ${JSON.stringify(prefixes)} differs at ${at} of ${JSON.stringify(text)}`);
        }
      }
    }
    expect(new PrefixGate([]).fitsAt('x', 0)).toBe(true);
    expect(new PrefixGate(['ab', 'ab']).fitsAt('xab', 1)).toBe(true);
  });

  it('encodePrefixes and decodePrefixes: any list of lists back as it was; a broken table is refused', () => {
    const lists = [[], [''], ['a|b', '12|', '|'], ['today’s', '😀x'], ['play a crucial role', 'play a pivotal role'], []];
    expect(decodePrefixes(encodePrefixes(lists))).toEqual(lists);
    expect(decodePrefixes('')).toEqual([]);
    const encoded = encodePrefixes([['abc', 'de']]);
    expect(() => decodePrefixes(encoded.slice(0, -1))).toThrow();
    expect(() => decodePrefixes(`x${encoded}`)).toThrow();
  });

  it("the gates built from the build-time table are the gates built from the pack's sources", () => {
    const o = options();
    // The shipped options read the table (here computed in process: vitest reads no dist/); a copy of them is
    // a user's pack, read from its sources on first use.
    const built = boilerplateSentence.prepare(o);
    const fromSources = boilerplateSentence.prepare(structuredClone(o));
    expect((built.signals as Array<{ builtPrefixes: string | null }>).some((x) => x.builtPrefixes !== null)).toBe(true);
    expect((fromSources.signals as Array<{ builtPrefixes: string | null }>).every((x) => x.builtPrefixes === null)).toBe(true);
    // The words each alternative can start with (from the build's first-words table, or read from the sources).
    expect(built.signals.map((x) => x.partStarts)).toEqual(fromSources.signals.map((x) => x.partStarts));
    expect(built.signals.flatMap((x) => x.partStarts).filter((x) => x !== null).length).toBeGreaterThan(100);
    o.signals.forEach((_, si) => {
      const table = alternativePrefixes(built, si);
      expect(table, o.signals[si]!.name).toEqual(alternativePrefixes(fromSources, si));
      expect(table).toEqual(signalParts(o)[si]!.map((p) => gatePrefixes(p)));
    });
  });

  it("a user's pack with a broken expression is still refused at load (only the build's own packs compile on first use)", () => {
    const o = options();
    const broken = { ...o, signals: [{ ...o.signals[0]!, patterns: ['the (unclosed'] }, ...o.signals.slice(1)] };
    expect(() => boilerplateSentence.prepare(broken)).toThrow(/invalid regular expression/);
  });

  it('a stale or broken table entry is not read: the gates come from the sources', () => {
    const o = options();
    const prepared = boilerplateSentence.prepare(structuredClone(o));
    const signals = prepared.signals as Array<{ builtPrefixes: string | null }>;
    // One alternative short (a table made for other options), and a truncated one.
    signals[0]!.builtPrefixes = encodePrefixes(signalParts(o)[0]!.slice(1).map(() => ['zz']));
    signals[1]!.builtPrefixes = encodePrefixes(signalParts(o)[1]!.map(() => ['zz'])).slice(0, -2);
    for (const si of [0, 1]) expect(alternativePrefixes(prepared, si)).toEqual(signalParts(o)[si]!.map((p) => gatePrefixes(p)));
  });

  it('template-sentence finds the same before and after its gates are due, with the table or without, on real text', () => {
    const o = options();
    const extra = buildDoc(
      article(
        'This article will explore the pivotal role of innovation. In today’s fast-paced world, only time will tell as the talks continue to unfold. The photo above shows the mayor. It plays a crucial role and serves as a testament to resilience, innovation and growth. All in all, moving forward, it remains to be seen. Are you ready?',
      ),
    );
    const docs = [...DOCS, extra];
    const findings = (prepared: unknown, due: boolean): Finding[][] => {
      (prepared as { checked: number }).checked = due ? GATES_AFTER + 1 : -1e9;
      const r = { ...rule(), prepared } as LoadedRule<never>;
      return docs.map((d) => boilerplateSentence.run(d, r, { hints: null, stat: () => {} }) as Finding[]);
    };
    const plain = findings(boilerplateSentence.prepare(structuredClone(o)), false);
    expect(plain.flat().length).toBeGreaterThan(5);
    expect(findings(boilerplateSentence.prepare(o), true)).toEqual(plain);
    expect(findings(boilerplateSentence.prepare(structuredClone(o)), true)).toEqual(plain);
    // And pattern by pattern, the matches with gates and without.
    const prepared = boilerplateSentence.prepare(o);
    for (const d of docs.slice(0, 80)) o.signals.forEach((_, si) => expect(signalPatternMatches(d, prepared, si, true)).toEqual(signalPatternMatches(d, prepared, si, false)));
  });

  it('a thread uses the gates only after GATES_AFTER articles (a one-article run builds none)', () => {
    const prepared = boilerplateSentence.prepare(structuredClone(options()));
    const r = { ...rule(), prepared } as LoadedRule<never>;
    const gates = (): number => (prepared.signals as Array<{ subsets: Map<string, { gate: unknown }> }>).reduce((n, x) => n + [...x.subsets.values()].filter((sub) => sub.gate !== null).length, 0);
    for (let k = 0; k < GATES_AFTER; k++) boilerplateSentence.run(DOCS[k % DOCS.length]!, r, { hints: null, stat: () => {} });
    expect(gates()).toBe(0);
    boilerplateSentence.run(DOCS[0]!, r, { hints: null, stat: () => {} });
    expect(gates()).toBeGreaterThan(0);
  });
});

describe('template-sentence: the run gate of an alternative that starts with a class run and literal endings', () => {
  it('reads the shape, and refuses what it cannot vouch for', () => {
    expect(runGate('[\\p{L}-]+(?:tion|ity), x')).toMatchObject({ endings: ['tion', 'ity'], after: ',' });
    expect(runGate('[a-z]+(?:ab|cd)\\. x')).toMatchObject({ endings: ['ab', 'cd'], after: '.' });
    expect(runGate('[a-z]+(?:ab|c1)x')).toBeNull(); // an ending outside the class could stop the run short
    expect(runGate('[a-z]+(?:ab)b')).toBeNull(); // the character after is in the class: the run could go on
    expect(runGate('[a-z]+(?:ab)x?')).toBeNull(); // an optional character after
    expect(runGate('[a-z]*(?:ab)x')).toBeNull();
  });

  it('lets through every word start where the alternative matches, on real text', () => {
    const src = '[\\p{L}-]+(?:tion|sion|ity|ness|ment|ence|ance|ship|dom|ism|hope|trust|courage|love|joy|growth|passion|creativity), [\\p{L}-]+(?:tion|ity|ness|hope|trust|growth)';
    const sources = [src, '[\\p{L}]+(?:ed|ing) (?:the|a)', '[a-z-]+(?:ly|al)\\. '];
    const extra = 'Hope, trust, love and joy. Their determination, dedication, creativity and growth. She walked slowly. National. Rational, formal. ';
    let matched = 0;
    for (const source of sources) {
      const gate = runGate(source);
      if (!gate) throw new Error(`no gate for ${source}`);
      const re = new RegExp(source, 'yu');
      for (const doc of [...DOCS, buildDoc(article(extra))]) {
        const lower = doc.text.toLowerCase();
        if (lower.length !== doc.text.length) continue;
        for (const t of doc.tokens) {
          if (t.kind !== 'word') continue;
          re.lastIndex = t.start;
          const m = re.test(lower);
          if (m) matched++;
          if (m && !runGateFits(gate, lower, t.start)) throw new Error(`${source} matches at ${t.start} ("${lower.slice(t.start, t.start + 30)}") but its gate says no`);
        }
      }
    }
    expect(matched).toBeGreaterThan(5);
  });
});

describe('template-sentence: what its word scans take from the text model', () => {
  it('a word token never holds a space (the next space is looked for from its end)', () => {
    for (const doc of DOCS) for (const t of doc.tokens) if (t.kind === 'word' && t.text.includes(' ')) throw new Error(`word token "${t.text}"`);
  });
});

describe('tokens: made by one constructor, never an object literal (V8 pretenures a literal allocation site)', () => {
  it('every token of real text has the same non-plain prototype and the Token keys in one order', () => {
    const proto = Object.getPrototypeOf(DOCS[0]!.tokens[0]!);
    expect(proto).not.toBe(Object.prototype);
    for (const doc of DOCS)
      for (const t of doc.tokens) {
        expect(Object.getPrototypeOf(t)).toBe(proto);
        expect(Object.keys(t)).toEqual(['start', 'end', 'text', 'norm', 'kind', 'sentence', 'vocabId']);
      }
  });
});

describe('template-sentence: a question to the reader read from the end', () => {
  it('as /\\?["”’)]*$/u reads it', () => {
    const re = /\?["”’)]*$/u;
    const samples = ['', '?', '??', 'a?', 'a?"', 'a?”)', 'a?’ ', 'a"', 'a?x', '"', '?)"”’', 'a?.'];
    for (const doc of DOCS) for (const s of doc.sentences) samples.push(s.text);
    for (const t of samples) expect(endsAsQuestion(t), JSON.stringify(t.slice(-20))).toBe(re.test(t));
  });
});

describe('content stems: the numbers stand for exactly the stems contentWords lists', () => {
  /** '' when the numbering is a one-to-one map of contentWords' stems, else what differs. */
  const differs = (doc: Doc): string => {
    const { bySentence, all } = contentWords(buildDoc(doc.article));
    const stems = computeContentStems(doc);
    if (stems.all.length !== all.length) return `${stems.all.length} numbers for ${all.length} words`;
    const numberOf = new Map<string, number>();
    const stemOf = new Map<number, string>();
    for (let k = 0; k < all.length; k++) {
      const s = all[k]!;
      const n = stems.all[k]!;
      if (n < 0 || n >= stems.size) return `number ${n} out of range`;
      if ((numberOf.get(s) ?? n) !== n || (stemOf.get(n) ?? s) !== s) return `"${s}" and number ${n} do not pair one to one`;
      numberOf.set(s, n);
      stemOf.set(n, s);
    }
    if (stems.size !== new Set(all).size) return `size ${stems.size}, ${new Set(all).size} distinct stems`;
    for (let i = 0; i < bySentence.length; i++) if (stems.sentenceFrom[i + 1]! - stems.sentenceFrom[i]! !== bySentence[i]!.length) return `sentence ${i}`;
    return '';
  };
  const check = (doc: Doc): void => expect(differs(doc), doc.text.slice(0, 40)).toBe('');

  it('on real text, with every word numbered through its vocabulary id', () => {
    for (const doc of DOCS) check(doc);
  });

  it('with half the words lacking an id (a full vocabulary): the same numbering', () => {
    for (const doc of DOCS.slice(0, 80)) check(withoutIds(doc));
  });

  it('redundant-text: the compression ratio from the kept buffer is the one from Buffer.from', () => {
    for (const doc of DOCS.slice(0, 80)) {
      const raw = Buffer.from(doc.text, 'utf8');
      expect(density(doc).compressionRatio).toBe(raw.length ? deflateRawSync(raw, { level: 6 }).length / raw.length : 1);
    }
  });

  it('redundant-text: distinct content words as new Set(contentWords(doc).all)', () => {
    for (const doc of DOCS) {
      const { all } = contentWords(doc);
      expect(density(doc).distinctContentWords).toBe(all.length ? new Set(all).size / all.length : 1);
    }
  });
});

describe('redundant-text: the most frequent n-gram as a plain count of joined words', () => {
  /** The first n-gram to reach the highest count above one, counted in a Map of joined forms. */
  function plainTop(doc: Doc, n: number): { count: number; start: number; end: number } | null {
    const words = doc.tokens.filter((t) => t.kind === 'word' || t.kind === 'number');
    const counts = new Map<string, number>();
    const first = new Map<string, number>();
    let best = 1;
    let at = -1;
    for (let i = 0; i + n <= words.length; i++) {
      const key = words.slice(i, i + n).map((w) => w.norm).join('\u0000');
      const c = (counts.get(key) ?? 0) + 1;
      counts.set(key, c);
      if (c === 1) first.set(key, i);
      else if (c > best) (best = c), (at = first.get(key)!);
    }
    return at < 0 ? null : { count: best, start: words[at]!.start, end: words[at + n - 1]!.end };
  }

  it('for n = 2, 3, 4 on real text, with and without vocabulary ids', () => {
    for (const doc of [...DOCS, ...DOCS.slice(0, 40).map(withoutIds)]) {
      for (const n of [2, 3, 4]) {
        const top = topNgram(doc, n);
        const plain = plainTop(doc, n);
        expect(top && { count: top.count, start: top.start, end: top.end }).toEqual(plain);
      }
    }
  });
});

describe('restated-sentence: the candidate index and the prose test', () => {
  it('pair counts as plain set intersections, in the square table and in the Map alike', () => {
    for (const doc of DOCS.slice(0, 120)) {
      const stems = computeContentStems(doc);
      const n = doc.sentences.length;
      const bags = Array.from({ length: n }, (_, i) => Int32Array.from(new Set(stems.all.subarray(stems.sentenceFrom[i]!, stems.sentenceFrom[i + 1]!))));
      const maxDf = Math.max(2, Math.floor(0.25 * n));
      const df = new Map<number, number>();
      for (const b of bags) for (const w of b) df.set(w, (df.get(w) ?? 0) + 1);
      const plain: number[] = [];
      const sharedOf = (i: number, j: number): number => [...bags[i]!].filter((w) => bags[j]!.includes(w) && df.get(w)! <= maxDf).length;
      for (let j = 0; j < n; j++) for (let i = 0; i < j; i++) if (sharedOf(i, j) >= 2) plain.push(i * n + j);
      for (const tableUpTo of [256, 0]) {
        const c = candidatePairs(bags, stems.size, maxDf, 2, tableUpTo);
        expect(c.pairs).toEqual(plain);
        for (let j = 0; j < Math.min(n, 30); j++) for (let i = 0; i < j; i++) expect(c.sharedAt(i, j)).toBe(sharedOf(i, j));
      }
    }
  });

  it('a final stop is read as /[.!?…]["\'”’)]?$/u reads it', () => {
    const re = /[.!?…]["'”’)]?$/u;
    const samples = ['', '.', '"', 'a.', 'a."', 'a.”', 'a!)', 'a?’', 'a…', 'a', 'a")', 'a.)"', '."', ')', 'a;', 'a. '];
    for (const doc of DOCS) for (const s of doc.sentences) samples.push(s.text);
    for (const t of samples) expect(endsAsProse(t), JSON.stringify(t.slice(-20))).toBe(re.test(t));
  });

  it('finds the same restatements whether words are numbered by id or by their text', () => {
    const rule = builtinRules().find((r) => r.id === 'repetition/restated-sentence')!;
    const run = (doc: Doc): unknown[] => restatement.run(doc, rule as never, { hints: null, stat() {} });
    // Real bodies, and the same bodies padded with their opening paragraph again (restated on purpose).
    const padded = DOCS.slice(0, 60).map((d) => buildDoc(article(`${d.text}\n\n${((p) => (p ? d.text.slice(p.start, p.end) : ''))(d.paragraphs.find((p) => p.end - p.start > 200))}`)));
    let found = 0;
    for (const doc of [...DOCS.slice(0, 120), ...padded]) {
      const a = run(doc);
      found += a.length;
      expect(run(withoutIds(doc))).toEqual(a);
    }
    expect(found).toBeGreaterThan(10);
  });
});
