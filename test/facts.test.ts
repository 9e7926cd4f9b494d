import { describe, expect, it } from 'vitest';
import { extractClaims } from '../src/facts/claims.js';
import { buildFacts } from '../src/facts/facts.js';
import { buildSentenceTable } from '../src/facts/sentence-table.js';
import { unpackU32 } from '../src/facts/packed.js';
import { viewFacts } from '../src/compare/facts-view.js';
import { sameAmount, sentenceQuantities } from '../src/facts/quantities.js';
import { sameDate } from '../src/facts/stated-dates.js';
import { sentenceStatuses } from '../src/facts/status.js';
import { buildDoc } from '../src/text/doc.js';
import { article, HAS_SHARED, newsPages, seed } from './helpers/run.js';

const claimsOf = (body: string) => {
  const doc = buildDoc(article(body));
  return extractClaims(doc, buildSentenceTable(doc));
};
const quantities = (s: string) => sentenceQuantities(s, 0, []).map((q) => ({ value: q.value, unit: q.unit, text: q.text }));

describe('quantities: numbers with scale and unit', () => {
  it('reads currency, scale and percent as written in news copy', () => {
    // Sentences from the clean corpus (WeWork, Home Depot reports).
    expect(quantities('had also planned to charge WeWork almost $6 million to use his trademark')).toEqual([{ value: 6e6, unit: 'USD', text: '$6 million' }]);
    expect(quantities('SoftBank agreed to inject $6.5 billion in debt and equity into WeWork')).toEqual([{ value: 6.5e9, unit: 'USD', text: '$6.5 billion' }]);
    expect(quantities('as revenue rose 3.5 percent to $27.2 billion.').map((q) => [q.value, q.unit])).toEqual([
      [3.5, 'percent'],
      [27.2e9, 'USD'],
    ]);
    expect(quantities('the number of young people who have reported using meth was 44 percent')[0]).toMatchObject({ value: 44, unit: 'percent' });
    expect(quantities('a force of 1,200 troops was sent')[0]).toMatchObject({ value: 1200, unit: 'troop' });
  });
  it('leaves out what is not an amount: years, model numbers, times', () => {
    expect(quantities('The plan was approved in 2019 by the board.')).toEqual([]);
    expect(quantities('The Boeing 737 and COVID-19 at 10:30 today.')).toEqual([]);
  });
  it('treats a rounded restatement as the same figure, a different one as different', () => {
    const [a] = sentenceQuantities('worth $6.48 billion', 0, []);
    const [b] = sentenceQuantities('worth $6.5 billion', 0, []);
    const [c] = sentenceQuantities('worth $7 billion', 0, []);
    expect(sameAmount(a!, b!)).toBe(true);
    expect(sameAmount(b!, c!)).toBe(false);
  });
});

describe('dates, status and names in claims', () => {
  it('compares dates at the precision both give', () => {
    expect(sameDate('*-05-02', '2020-05-02')).toBe(true);
    expect(sameDate('*-05-02', '*-05-07')).toBe(false);
    expect(sameDate('2019', '2019-11')).toBe(true);
    expect(sameDate('*-05', '2019')).toBeNull();
  });
  it('reads an asserted status, not a hoped-for one', () => {
    expect(sentenceStatuses('while membership is still pending, the discussions continue', 0).map((s) => s.value)).toEqual(['not-member']);
    expect(sentenceStatuses('strengthening ties with fellow member states', 0).map((s) => s.value)).toEqual(['member']);
    expect(sentenceStatuses('Belarus could join the bloc and become a full member in July', 0)).toEqual([]);
    expect(sentenceStatuses('the leaders of the member states met', 0)).toEqual([]);
  });
  it('normalises names: titles and possessives off, a possessive ends a name', () => {
    const [c] = claimsOf('The comments came during a meeting with Kazakhstan’s Ambassador Erlan Baizhanov and President Alexander Lukashenko’s aides.');
    expect(c!.entities.map((e) => e.key)).toEqual(['kazakhstan', 'erlan baizhanov', 'alexander lukashenko']);
  });
  it('skips title-case headings and sentences that state nothing checkable', () => {
    expect(claimsOf('Strategic Implications for Regional Alliances')).toEqual([]);
    expect(claimsOf('It was a long and difficult day for everyone involved in the talks.')).toEqual([]);
  });
  it('a quantity about a noun phrase is a claim without names, its subject the head noun', () => {
    const [c] = claimsOf('Nearly a third of commuters drive alone to work, up from 25 percent a decade ago.');
    expect(c).toBeDefined();
    expect(c!.entities).toEqual([]);
    expect(c!.subject).toBe('commuters');
    expect(c!.quantities.map((q) => q.unit)).toContain('percent');
    const [d] = claimsOf('The company reported revenue of $27.2 billion for the quarter.');
    expect(d!.subject).toBe('company');
  });
});

describe.skipIf(!HAS_SHARED)('facts on real articles', () => {
  it('are compact and survive a round trip through JSON (they come back from worker threads)', () => {
    let factsChars = 0;
    let bodyChars = 0;
    for (const p of newsPages().slice(0, 20)) {
      const facts = buildFacts(buildDoc(article(p.body, { id: p.id })), [], null);
      factsChars += JSON.stringify(facts).length;
      bodyChars += p.body.length;
      expect(JSON.parse(JSON.stringify(facts))).toEqual(facts);
      expect(unpackU32(facts.minhash)).toHaveLength(128);
      // No sentence is copied: a few bytes per word and per sentence, plus a fixed signature.
      expect(JSON.stringify(facts).length).toBeLessThan(p.body.length * 3 + 2000);
      const view = viewFacts(JSON.parse(JSON.stringify(facts)));
      for (const c of view.claims) expect(p.body.slice(c.start, c.end).trim().length).toBeGreaterThan(0);
      // Every sentence's offsets point into the body, in order.
      for (let s = 1; s < view.sentenceCount; s++) expect(view.rows[s * 4]!).toBeGreaterThanOrEqual(view.rows[(s - 1) * 4 + 1]!);
    }
    expect(factsChars).toBeLessThan(bodyChars * 2);
  });
  it('find the status sentences of the founding articles', () => {
    const a = buildFacts(buildDoc(article(seed('belarus-sco-membership.txt'))), [], null);
    const b = buildFacts(buildDoc(article(seed('lukashenko-tianjin.txt'))), [], null);
    expect(viewFacts(a).claims.flatMap((c) => c.statuses.map((s) => s.text))).toContain('membership is still pending');
    expect(viewFacts(b).claims.flatMap((c) => c.statuses.map((s) => s.text))).toContain('fellow member states');
    expect(a.entities).toEqual(expect.arrayContaining(['belarus', 'lukashenko', 'sco']));
  });
});
