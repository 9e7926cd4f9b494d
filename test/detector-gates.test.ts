// The speed gates of the repetition, attribution and template-sentence detectors must never change a result:
// each is checked here against the plain computation it replaces, on real text.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { signalPatternMatches, spaceGate } from '../src/detectors/boilerplate-sentence.js';
import { foldKind } from '../src/detectors/redundancy.js';
import { stem } from '../src/text/content-words.js';
import { buildDoc } from '../src/text/doc.js';
import { markedFixtures } from './helpers/marked-fixtures.js';
import { article, builtinRules, check, HAS_SHARED, ROOT, SHARED } from './helpers/run.js';

/** Fixture and sample texts (always present), plus the 181 news bodies of ../shared when it is there. */
function texts(): string[] {
  const out = ['boilerplate', 'boilerplate/heldout', 'boilerplate/heldout2', 'boilerplate/heldout3'].flatMap((f) => markedFixtures(f).map((x) => x.body));
  for (const f of ['clean-council-budget.txt', 'spun-renewables.md', 'scraped-harbour-page.txt', 'garbled-encoding.txt']) out.push(readFileSync(join(ROOT, 'samples', f), 'utf8'));
  if (HAS_SHARED) {
    const pages = readFileSync(join(SHARED, 'corpus', 'news-pages', 'pages.jsonl'), 'utf8').split('\n').filter(Boolean);
    for (const l of pages) out.push((JSON.parse(l) as { body: string }).body);
  }
  return out;
}

describe('spaceGate: the character before the first space of any match', () => {
  it('reads it after elements that cannot hold a space', () => {
    expect(spaceGate('[\\p{L}-]+(?:tion|ity), [\\p{L}-]+ and x')).toBe(','.charCodeAt(0));
    expect(spaceGate('\\p{L}+; then')).toBe(';'.charCodeAt(0));
    expect(spaceGate('in (?:this|that) way')).toBe('n'.charCodeAt(0));
  });

  it('gives up where a space could come earlier or the character is optional', () => {
    expect(spaceGate('[^,]+, x')).toBe(-1); // the class holds a space
    expect(spaceGate('a(?:b| c), d')).toBe(-1); // so does the group
    expect(spaceGate('ab? c')).toBe(-1); // "a c" or "ab c": no one character
    expect(spaceGate('a ?b')).toBe(-1); // the space is optional
    expect(spaceGate('.+, x')).toBe(-1);
    expect(spaceGate('(?<=x)y z')).toBe(-1);
    expect(spaceGate('abc')).toBe(-1); // no space at all
  });
});

describe('template-sentence: per-word alternatives find what the whole expression finds at every word', () => {
  const rule = builtinRules().find((r) => r.id === 'boilerplate/template-sentence')!;
  const prepared = rule.prepared as { signals: Array<{ spec: { name: string; atSentenceStart?: boolean }; re: RegExp | null }> };
  // A text whose lower-casing changes its length (İ) takes the case-insensitive path; a triad, and phrases at the end.
  const extra = [
    'İstanbul officials said the plan plays a pivotal role. In conclusion, hope, trust and creativity matter, as the talks unfold.',
    'Their commitment, dedication and passion, and a testament to resilience, innovation, and growth. Only time will tell',
  ];

  it('on every signal and text', () => {
    let matches = 0;
    for (const body of [...texts(), ...extra]) {
      const doc = buildDoc(article(body));
      const lower = body.toLowerCase();
      const text = lower.length === body.length ? lower : body;
      prepared.signals.forEach((signal, si) => {
        if (!signal.re || signal.spec.atSentenceStart) return;
        const re = text === body ? new RegExp(signal.re.source, 'yiu') : signal.re;
        const plain: Array<[number, number]> = [];
        let coveredTo = -1;
        doc.tokens.forEach((tok, ti) => {
          if (tok.kind !== 'word' || tok.start < coveredTo) return;
          re.lastIndex = tok.start;
          const m = re.exec(text);
          if (!m || m[0] === '') return;
          coveredTo = tok.start + m[0].length;
          plain.push([ti, coveredTo]);
        });
        matches += plain.length;
        expect(signalPatternMatches(doc, rule.prepared as never, si), `${signal.spec.name} on "${body.slice(0, 40)}"`).toEqual(plain);
      });
    }
    expect(matches).toBeGreaterThan(HAS_SHARED ? 200 : 20);
  });
});

describe('repetition: the bounded searches keep their findings', () => {
  it('a repeated 3-gram past its threshold is still flagged when its 2-gram is not (the bound lets it through)', () => {
    // "We saw" is short (under the 2-gram threshold); the 3-gram adds a long word and crosses its own.
    const body = `${'We saw extraordinarily. '.repeat(30)}${readFileSync(join(ROOT, 'samples', 'clean-council-budget.txt'), 'utf8')}`;
    const flags = check(body, 'repetition/redundant-text').flags;
    expect(flags.map((f) => body.slice(f.start, f.end))).toEqual(['We saw extraordinarily']);
    expect(flags[0]!.message).toContain('occurs 30 times');
  });

  it('lines that differ only in case and spacing are copies, in ASCII and beyond (hash first, then the folded text)', () => {
    const copy = [
      'Café prices rise again across the region, say the owners.',
      'CAFÉ  prices rise again across the region,   say the OWNERS.',
      '  Order now for free delivery to your door this week!  ',
      'ORDER NOW for free\tdelivery to your door this week!',
      'The mayor’s plan — “a bold step” — passed the council.',
      'THE MAYOR’S PLAN —\u00a0“A BOLD STEP” — PASSED THE COUNCIL.',
      'Reported by ΟΔΟΣ News for the district.',
      'reported by οδος news for the district.',
    ];
    const other = Array.from({ length: 30 }, (_, i) => `Item ${i} arrives within days of the order being placed online by the customer.`);
    const body = [...other.slice(0, 10), ...copy, ...other.slice(10, 20), ...Array.from({ length: 7 }, () => copy).flat(), ...other.slice(20)].join('\n');
    const flags = check(body, 'repetition/redundant-text').flags.filter((f) => f.message.includes('lines that repeat'));
    expect(flags.length).toBe(1);
    // The first copy: the second line of the first group, equal to the first once folded.
    expect(body.slice(flags[0]!.start, flags[0]!.end)).toBe(copy[1]);
  });

  it('the in-place line folding treats every character it claims as lower-casing and \\s do', () => {
    let claimed = 0;
    for (let c = 0; c < 0x10000; c++) {
      if (c >= 0xd800 && c <= 0xdfff) continue;
      const kind = foldKind(c);
      if (kind === 3) continue;
      claimed++;
      const ch = String.fromCharCode(c);
      const isSpace = /\s/.test(ch);
      expect(isSpace, `U+${c.toString(16)}`).toBe(kind === 1);
      if (kind === 0) expect(ch.toLowerCase(), `U+${c.toString(16)}`).toBe(ch);
      if (kind === 2) expect(ch.toLowerCase(), `U+${c.toString(16)}`).toBe(String.fromCharCode(c + 0x20));
    }
    expect(claimed).toBeGreaterThan(300);
  });

  it('stem reads the possessive as before', () => {
    expect(stem("nation's")).toBe('nation');
    expect(stem('nation’s')).toBe('nation');
    expect(stem('s')).toBe('s');
    expect(stem('bus')).toBe('bus');
    expect(stem("'s")).toBe('');
  });

  it('a restated pair of sentences across two sentences is still found (pair counts bound the units)', () => {
    const a = 'The regional council approved a new budget for road repairs, school buildings and public libraries on Tuesday evening.';
    const b = 'Residents packed the hall to hear the debate.';
    const c = 'On Tuesday evening the regional council approved a new budget for public libraries, school buildings and road repairs.';
    const flags = check(`${a} ${b}\n\nSomething else entirely happened later in the week at the harbour.\n\n${c}`, 'repetition/restated-sentence').flags;
    expect(flags.length).toBe(1);
  });
});
