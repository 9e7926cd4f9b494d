import { describe, expect, it } from 'vitest';
import { check, HAS_SHARED, newsPages, seed } from './helpers/run.js';

const spacing = (text: string) => check(text, 'spacing/').flags;

describe('spacing rules leave correct punctuation alone', () => {
  const families: Record<string, string[]> = {
    decimals: ['Growth slowed to 2.5 percent, from 3.1 percent.', 'The index fell 0.75 points to 1.05.'],
    'thousands separators': ['The firm hired 12,500 people and paid $1,250,000.', 'Es kostet 1.250.000 Euro.'],
    times: ['The vote is at 10:30 a.m. and ends at 5:45 p.m.', 'Kick-off at 20:00; final whistle 21:50.'],
    URLs: ['Read it at https://www.example.com/news/a,b/budget.html?x=1,2 then comment.', 'See www.bbc.co.uk/news?id=1,2,3 for more.'],
    'e-mail addresses': ['Write to press.office@example.org or first.last+news@mail.example.com.', 'Contact j.smith@news.co.uk today.'],
    'file names': ['Download report.pdf and data.csv from the site.', 'The leaked file was named Budget2024.xlsx by staff.'],
    abbreviations: ['The U.S. economy grew, e.g. in retail, i.e. shops.', 'She holds a Ph.D. in economics from the U.K. university.', 'He moved to Washington, D.C. Then he left.'],
    initials: ['It was written by J.R.R. Tolkien and read by J. K. Rowling.', 'George W. Bush met John F. Kennedy Jr. in a dream.'],
    'version numbers': ['Update to iOS 17.4.1 or Android 14.0 now.', 'Python 3.12 and Node.js v20.11.0 were released.'],
    ellipses: ['He paused... then went on.', 'And so … it ended.', 'Wait . . . what?'],
    'names and brands': ['Amazon.com and Booking.com reported results.', 'ASP.NET and Node.js developers met.', 'Yahoo! Finance and E*Trade rose.'],
    'numbers with words': ['COVID-19 cases rose; the G7 met; mp3 and 4K video.', 'The A380 and the 737 MAX were grounded in 2019.'],
  };
  it.each(Object.entries(families))('%s', (_family, texts) => {
    for (const t of texts) expect(spacing(t).map((f) => `${f.ruleId}: ${f.text}`), t).toEqual([]);
  });
});

describe('spacing rules find lost and doubled spaces', () => {
  it('finds every spacing defect of the founding articles, each with a mechanical fix', () => {
    if (!HAS_SHARED) return;
    const text = seed('lukashenko-tianjin.txt');
    const flags = spacing(text);
    for (const glued of ['Tianjin,China,to', 'Summit,a', 'security,trade,and', 'Moreover,both', 'Organization.The']) {
      const at = text.indexOf(glued);
      const hits = flags.filter((f) => f.start >= at && f.end <= at + glued.length);
      expect(hits.length, glued).toBeGreaterThan(0);
      for (const h of hits) expect(h.suggestion).toMatch(/^[,.] $/);
    }
    const widget = seed('belarus-sco-membership.txt');
    const w = spacing(widget).find((f) => f.ruleId === 'spacing/word-glued-to-number')!;
    expect(w.text).toBe('on16.10.2025');
    expect(w.suggestion).toBe('on 16.10.2025');
  });

  it('applying every suggestion repairs the text without losing a character of it', () => {
    const text = 'He arrived in Tianjin,China,to attend.The talks ended;then a  vote was held on16.10.2025 , as planned.';
    const flags = spacing(text).sort((a, b) => b.start - a.start);
    let fixed = text;
    for (const f of flags) fixed = fixed.slice(0, f.start) + f.suggestion! + fixed.slice(f.end);
    expect(fixed).toBe('He arrived in Tianjin, China, to attend. The talks ended; then a vote was held on 16.10.2025, as planned.');
    expect(fixed.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });

  it('reports line and column of each flag', () => {
    const [f] = spacing('First line is fine.\nSecond,line is not.');
    expect([f!.line, f!.column, f!.text]).toEqual([2, 7, ',']);
  });
});

describe.skipIf(!HAS_SHARED)('on 181 clean professional news bodies', () => {
  it('spacing and encoding rules raise at most 0.2 flags per 1,000 words', () => {
    let words = 0;
    let flags = 0;
    for (const p of newsPages()) {
      const r = check(p.body, '', { id: p.id });
      words += r.stats.words!;
      flags += r.flags.filter((f) => f.category === 'spacing' || f.category === 'encoding').length;
    }
    expect((1000 * flags) / words).toBeLessThanOrEqual(0.2);
  });
});
