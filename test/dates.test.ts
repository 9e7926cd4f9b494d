import { describe, expect, it } from 'vitest';
import { dateMentions } from '../src/dates/date-mentions.js';
import { impossibleDates } from '../src/dates/impossible-dates.js';
import { inferPublication } from '../src/dates/publication.js';
import { buildDoc } from '../src/text/doc.js';
import { article, check, HAS_SHARED, newsPages, seed } from './helpers/run.js';

const doc = (body: string, publishedAt: string | null = null, url: string | null = null) =>
  buildDoc(article(body, { publishedAt, publishedAtOrigin: publishedAt ? 'record' : null, url }));
const mention = (body: string, text: string, publishedAt: string | null = null) => dateMentions(doc(body, publishedAt)).find((m) => m.text === text);
const dates = (body: string, publishedAt?: string, url?: string) => check(body, 'dates/', { publishedAt: publishedAt ?? null, publishedAtOrigin: publishedAt ? 'record' : null, url: url ?? null });

describe('date mentions: the chrono traps', () => {
  it('"last February" is the February before the publication date, not the next one', () => {
    expect(mention('Talks began last February in Minsk.', 'last February', '2025-10-16')?.value).toBe('2025-02');
    expect(mention('Talks began last February in Minsk.', 'last February', '2025-01-20')?.value).toBe('2024-02');
  });
  it('"last Friday" is in the past of the publication date', () => {
    const m = mention('He resigned last Friday, aides said.', 'last Friday', '2025-10-16');
    expect(m?.value).toBe('2025-10-10');
    expect(m?.relative).toBe(true);
  });
  it('"05.06.2025" is 5 June (dotted dates are day-first); a slashed one says it is ambiguous', () => {
    expect(mention('The vote on 05.06.2025 was close.', '05.06.2025')).toMatchObject({ value: '2025-06-05', yearStated: true });
    expect(mention('The vote on 05/06/2025 was close.', '05/06/2025')).toMatchObject({ ambiguous: true, alternative: '2025-05-06' });
    // The document's own habit settles it: 11/28/2025 is month-first, so 05/06/2025 is 6 May.
    expect(mention('It opened on 11/28/2025 and closed on 05/06/2025.', '05/06/2025')).toMatchObject({ value: '2025-05-06' });
    // A weekday settles the order rather than contradicting it: 6 May 2025 was a Tuesday.
    expect(dates('The vote is on Tuesday 05/06/2025 at noon.').flags).toEqual([]);
  });
  it('"Nov. 21" has no year (chrono reads 2021) and takes the one nearest the publication date', () => {
    expect(mention('The hearing resumes on Nov. 21, lawyers said.', 'Nov. 21', '2019-11-19')).toMatchObject({ value: '2019-11-21', yearless: true });
  });
  it('reads bare years and "the current year", which chrono drops, but not "Theresa May"', () => {
    const ms = dateMentions(doc('Theresa May spoke in 2019. The bloc is chaired by Astana in the current year.', '2025-10-16'));
    expect(ms.map((m) => [m.text, m.value])).toEqual([
      ['2019', '2019'],
      ['the current year', '2025'],
    ]);
  });
  it('a weekday before a date belongs to it ("Wednesday, Nov. 21")', () => {
    expect(mention('The hearing resumes on Wednesday, Nov. 21, lawyers said.', 'Wednesday, Nov. 21', '2019-11-19')?.weekday).toBe(3);
  });
  it('relative dates stay unanchored without a publication date', () => {
    expect(mention('Talks began last February in Minsk.', 'last February')?.value).toBeNull();
  });
});

describe('impossible dates (chrono drops or rolls them over, so they get their own reading)', () => {
  const found = (s: string) => impossibleDates(doc(s)).map((d) => d.text);
  it('flags days past the end of the month, month 13 and 29 February in a common year', () => {
    expect(found('Signed on February 30, 2023 and on 31 April.')).toEqual(['February 30, 2023', '31 April']);
    expect(found('The log is dated 2023-13-01; the order 31.11.2019.')).toEqual(['2023-13-01', '31.11.2019']);
    expect(found('Filed on 29 February 2019.')).toEqual(['29 February 2019']);
  });
  it('flags a month-day date with no year when a function word follows it ("February 30 and", "April 31 at noon")', () => {
    expect(found('The first sailing is planned for February 30 and tickets go on sale soon.')).toEqual(['February 30']);
    expect(found('The vote was held on April 31 at noon.')).toEqual(['April 31']);
  });
  it('passes real dates, counts after a month name, leap days and URLs', () => {
    expect(found('Filed on 29 February 2020, on April 30 and on 2023-12-01.')).toEqual([]);
    expect(found('In April 31 people were hired; see https://x.org/2023-13-01/a.')).toEqual([]);
  });
});

describe('publication date', () => {
  it('the record wins', () => {
    expect(inferPublication(doc('WASHINGTON, Nov. 18, 2019 — Lawmakers met.', '2019-11-18'))).toMatchObject({ date: '2019-11-18', origin: 'record' });
  });
  it('is read from a dateline, a byline, a "Published" line, a glued footer widget, a time widget', () => {
    expect(inferPublication(doc('WASHINGTON, Nov. 18, 2019 — Lawmakers met on Monday.'))).toMatchObject({ date: '2019-11-18', origin: 'text' });
    expect(inferPublication(doc('By Jane Doe on March 3, 2021\nThe council met.')).date).toBe('2021-03-03');
    expect(inferPublication(doc('Published: 4 March 2021\nThe council met.')).date).toBe('2021-03-04');
    expect(inferPublication(doc('The council met on Monday.\nRegional Diplomacy\non16.10.2025')).date).toBe('2025-10-16');
    expect(inferPublication(doc('Oct 16, 2025 10:03 AM\nThe council met on Monday.')).date).toBe('2025-10-16');
  });
  it('is read from the URL when the text has none', () => {
    expect(inferPublication(doc('The council met.', null, 'https://example.com/2019/11/18/council-meets/'))).toMatchObject({ date: '2019-11-18', origin: 'url' });
    expect(inferPublication(doc('The council met.', null, 'https://example.com/story/2019-11-19/council')).date).toBe('2019-11-19');
  });
  it('reads labelled header lines of a page, and flags "Updated" before "Published"', () => {
    const head = 'Menu\nNews\nSports\nPUBLISHED: November 19, 2019 at 8:59 pm | UPDATED: November 19, 2019 at 10:16 pm\n';
    const prose = 'The council approved the budget on Tuesday after a long debate about the cost of the new bridge and the schools it would serve in the next decade, officials said.';
    expect(inferPublication(doc(head + prose))).toMatchObject({ date: '2019-11-19', origin: 'text' });
    const swapped = 'PUBLISHED: November 19, 2019 | UPDATED: November 12, 2019\n' + prose;
    expect(dates(swapped).flags.map((f) => [f.ruleId, f.text])).toEqual([['dates/publication-date-conflict', 'November 12, 2019']]);
  });
  it('a date in a sentence of the first line is not a publication date', () => {
    expect(inferPublication(doc('The new terminal will open on March 3, 2017, the airport said.')).date).toBeNull();
  });
});

describe('the dates rules on real text', () => {
  it('weekday mismatch: flags "Friday, May 9, 2016" (a Monday), passes the right weekday', () => {
    const f = dates('The board met on Friday, May 9, 2016, and approved the merger.').flags;
    expect(f.map((x) => [x.ruleId, x.text, x.suggestion])).toEqual([['dates/weekday-mismatch', 'Friday, May 9, 2016', 'Monday, May 9, 2016']]);
    expect(f[0]!.message).toContain('Monday');
    expect(dates('The board met on Monday, May 9, 2016, and approved the merger.').flags).toEqual([]);
    // A year-less date whose weekday fits an earlier year: the message says which (a re-dated story).
    const redated = dates('The hearing resumes on Tuesday, Nov. 19, lawyers said.', '2023-11-18').flags;
    expect(redated.map((x) => x.text)).toEqual(['Tuesday, Nov. 19']);
    expect(redated[0]!.message).toMatch(/19 November 2023 was a Sunday.*fits 2019/);
  });
  it('tense: a plan before the publication date and a past event after it', () => {
    const plan = dates('Belarus could join the bloc as a full member in July, the president said.', '2025-10-16').flags;
    expect(plan.map((x) => x.text)).toEqual(['July']);
    expect(plan[0]!.message).toMatch(/July 2025.*16 October 2025/);
    expect(dates('Shares fell sharply on 4 December 2019 after the report.', '2019-11-19').flags.map((x) => x.ruleId)).toEqual(['dates/tense-mismatch']);
    // "in January" from November is the next January; "was expected to" is a past expectation.
    expect(dates('The company will report its results in January.', '2019-11-19').flags).toEqual([]);
    expect(dates('The plant was expected to open in July but is still closed.', '2025-10-16').flags).toEqual([]);
    expect(dates('The plant would open in July, he said.', '2025-10-16').flags).toEqual([]);
    // The auxiliary decides: "will be held" is a plan, "had been" a past.
    expect(dates('The summit will be held in early July in the capital.', '2025-10-16').flags.map((x) => x.text)).toEqual(['July']);
    // A date that names a thing, a schedule, an access date, a comment header: not the time of the clause's verb.
    expect(dates('The envoy is likely to face questions about the July 25 call.', '2019-11-20').flags).toEqual([]);
    expect(dates('Convoy for Tots set for Nov. 24', '2019-11-19').flags).toEqual([]);
    expect(dates('Retrieved 20 November 2019 from the archive of the agency.', '2019-11-18').flags).toEqual([]);
    expect(dates('Catherine (GiveWell) on September 19, 2018 at 12:48 pm said:\n\nHi Alex, thanks.', '2018-09-10').flags).toEqual([]);
  });
  it('publication conflicts: metadata vs dateline, "Updated" before "Published"', () => {
    const f = dates('WASHINGTON, Nov. 18, 2019 — Lawmakers met on Monday to debate the bill.', '2023-05-02').flags;
    expect(f.map((x) => [x.ruleId, x.text])).toEqual([['dates/publication-date-conflict', 'Nov. 18, 2019']]);
    expect(f[0]!.message).toMatch(/2 May 2023.*18 November 2019/);
    expect(dates('Published: March 4, 2021\nUpdated: March 2, 2021\nThe council approved the budget.').flags.map((x) => x.text)).toEqual(['March 2, 2021']);
    expect(dates('Published: March 4, 2021\nUpdated: March 6, 2021\nThe council approved the budget.').flags).toEqual([]);
  });
  it('no publication date, no alarms from inference', () => {
    expect(dates('Belarus could join the bloc in July. It chairs the group in the current year. Last week, on March 3, 2015, it met.').flags).toEqual([]);
  });
});

describe.skipIf(!HAS_SHARED)('publication dates of real scraped pages', () => {
  it('the date read from the page text agrees with the date in its URL', () => {
    let read = 0;
    let agree = 0;
    for (const p of newsPages()) {
      const fromUrl = /\/((?:19|20)\d\d)\/(\d\d)\/(\d\d)\//.exec(p.url);
      if (!fromUrl) continue;
      const pub = inferPublication(doc(p.page)); // the URL is not given: the text alone
      if (!pub.date) continue;
      read++;
      if (Math.abs(Date.parse(pub.date) - Date.parse(fromUrl.slice(1).join('-'))) <= 2 * 86_400_000) agree++;
    }
    expect(read).toBeGreaterThanOrEqual(10);
    expect(agree / read).toBeGreaterThanOrEqual(0.95);
  });
  it('whole scraped pages (menus, sidebars, comments, with their URL) raise almost no dates flags', () => {
    // The info note on pages in other languages (dates rules are English-only) is not a dates flag.
    const flags = newsPages().flatMap((p) => check(p.page, 'dates/', { url: p.url }).flags.filter((f) => f.category === 'dates'));
    expect(flags.length).toBeLessThanOrEqual(2);
  });
});

describe.skipIf(!HAS_SHARED)('the founding article', () => {
  it('is dated 16 October 2025 from its footer, and its "in July" and "in the current year" are flagged', () => {
    const r = check(seed('belarus-sco-membership.txt'), 'dates/');
    expect([r.publishedAt, r.publishedAtOrigin]).toEqual(['2025-10-16', 'text']);
    expect(r.flags.map((f) => [f.ruleId, f.text])).toEqual([
      ['dates/tense-mismatch', 'July'],
      ['dates/relative-date-unanchored', 'the current year'],
    ]);
  });
});
