// Injects one date defect into a clean article body, at a known span, for measuring the dates rules.
// Pure and seeded: the same (page, kind, seed) gives the same article. Used by
// scripts/measure-date-defects.mjs and by test/date-defects.test.ts.

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const SHORT = ['Jan.', 'Feb.', 'March', 'April', 'May', 'June', 'July', 'Aug.', 'Sept.', 'Oct.', 'Nov.', 'Dec.'];
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const PLACES = ['WASHINGTON', 'LONDON', 'NEW YORK', 'SAN FRANCISCO', 'BRUSSELS', 'NAIROBI', 'SYDNEY'];
const FRAMES = [
  (d) => `The agreement was signed on ${d}, according to the filing.`,
  (d) => `Officials first disclosed the plan on ${d}.`,
  (d) => `The report, released on ${d}, drew wide criticism.`,
  (d) => `According to court records, the hearing took place on ${d}.`,
];
const PLANS = [
  (m) => `The company said it will open the new plant in ${m}.`,
  (m) => `Officials are expected to sign the agreement in ${m}, the ministry said.`,
  (m) => `The group plans to launch its first product in ${m}.`,
  (m) => `Analysts said the country could join the bloc as a full member in ${m}.`,
  (m) => `The final round of talks is set to take place in ${m}, diplomats said.`,
  (m) => `The ministry aims to complete the review in ${m}.`,
  (m) => `In ${m}, the regulator will publish its final decision.`,
  (m) => `The summit will be held in early ${m} in the capital.`,
];
export const KINDS = ['weekday', 'impossible', 'metadata', 'tense'];

export { mulberry32 as rng } from '../lib/random.mjs';
import { mulberry32 as rng } from '../lib/random.mjs';
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];
const int = (r, lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
const daysIn = (y, m) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const iso = (y, m, d) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

function randomDate(r) {
  const y = int(r, 2010, 2022);
  const m = int(r, 1, 12);
  return { y, m, d: int(r, 1, daysIn(y, m)) };
}

const ORD = (d) => `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`;

function writeDate(r, { y, m, d }) {
  return pick(r, [`${MONTHS[m - 1]} ${d}, ${y}`, `${d} ${MONTHS[m - 1]} ${y}`, `${SHORT[m - 1]} ${d}, ${y}`, `${ORD(d)} ${MONTHS[m - 1]} ${y}`, `${MONTHS[m - 1]} ${ORD(d)}, ${y}`]);
}

/** Inserts `sentence` after a paragraph in the middle of the body; returns the new body and the span of `date` in it. */
function insertSentence(body, sentence, date) {
  const breaks = [...body.matchAll(/\n+/g)].map((m) => m.index);
  const at = breaks.length ? breaks[Math.floor(breaks.length / 2)] : body.length;
  const text = `${body.slice(0, at)}\n\n${sentence}${body.slice(at)}`;
  const start = at + 2 + sentence.indexOf(date);
  return { body: text, span: { start, end: start + date.length } };
}

/**
 * One defective article from a clean page. kinds:
 * - weekday: a full date with the wrong weekday ("Friday, May 9, 2016");
 * - impossible: a date no calendar has ("February 30, 2018", "31 April 2017", "2021-13-04");
 * - metadata: a dateline with the page's own date, and a record `publishedAt` years away from it;
 * - tense: a plan ("will open", "could join") in a month two to four months before the page's own date
 *   (pages with a date in their URL only; null otherwise).
 */
export function injectDateDefect(page, kind, seed) {
  const r = rng(seed);
  if (kind === 'weekday') {
    const dt = randomDate(r);
    const actual = new Date(Date.UTC(dt.y, dt.m - 1, dt.d)).getUTCDay();
    const wrong = WEEKDAYS[(actual + int(r, 1, 6)) % 7];
    const date = `${pick(r, [wrong, wrong, wrong.slice(0, 3) + '.'])}${pick(r, [', ', ' '])}${writeDate(r, dt)}`;
    return { id: `${page.id}-weekday`, ...insertSentence(page.body, pick(r, FRAMES)(date), date), kind };
  }
  if (kind === 'impossible') {
    const y = int(r, 2012, 2022);
    const common = [2013, 2014, 2015, 2017, 2018, 2019, 2021, 2022].includes(y) ? y : 2019;
    const date = pick(r, [
      `February 30, ${y}`,
      `Feb. 30, ${y}`,
      `the 31st of April ${y}`,
      `November 31st, ${y}`,
      `31 April ${y}`,
      `June 31, ${y}`,
      `September 31, ${y}`,
      `29 February ${common}`,
      `${y}-13-0${int(r, 1, 9)}`,
      `31.11.${y}`,
    ]);
    return { id: `${page.id}-impossible`, ...insertSentence(page.body, pick(r, FRAMES)(date), date), kind };
  }
  const fromUrl = /\/((?:19|20)\d\d)\/(\d\d)\/(\d\d)\//.exec(page.url ?? '');
  if (kind === 'tense') {
    // A plan dated two to four months before the publication date (the page's own date, from its URL).
    if (!fromUrl) return null;
    const [y, m, d] = [+fromUrl[1], +fromUrl[2], +fromUrl[3]];
    const month = MONTHS[(m - 1 - int(r, 2, 4) + 12) % 12];
    return { id: `${page.id}-tense`, ...insertSentence(page.body, pick(r, PLANS)(month), month), publishedAt: iso(y, m, d), kind };
  }
  // metadata: the dateline states the page's own date (from its URL, else a plausible one); the record says otherwise.
  const dt = fromUrl ? { y: +fromUrl[1], m: +fromUrl[2], d: +fromUrl[3] } : { y: int(r, 2015, 2019), m: int(r, 1, 12), d: int(r, 1, 28) };
  const date = `${SHORT[dt.m - 1]} ${dt.d}, ${dt.y}`;
  const lead = `${pick(r, PLACES)}, `;
  const body = `${lead}${date} — ${page.body.replace(/^\s+/, '')}`;
  const shift = int(r, 3, 6) * (r() < 0.5 ? -1 : 1);
  const publishedAt = iso(dt.y + shift, dt.m, Math.min(dt.d, 28));
  return { id: `${page.id}-metadata`, body, publishedAt, span: { start: lead.length, end: lead.length + date.length }, kind };
}

/** Recall (defect found at its span) and precision (flags at injected spans / all dates flags) over checked articles. */
export function score(cases, flagsById) {
  let found = 0;
  let flags = 0;
  let atDefect = 0;
  const byKind = {};
  for (const c of cases) {
    const fs = (flagsById.get(c.id) ?? []).filter((f) => f.category === 'dates');
    const hit = fs.some((f) => f.start < c.span.end && c.span.start < f.end);
    flags += fs.length;
    atDefect += fs.filter((f) => f.start < c.span.end && c.span.start < f.end).length;
    found += hit ? 1 : 0;
    const k = (byKind[c.kind] ??= { cases: 0, found: 0 });
    k.cases++;
    k.found += hit ? 1 : 0;
  }
  return { cases: cases.length, recall: found / Math.max(1, cases.length), precision: atDefect / Math.max(1, flags), flags, byKind };
}
