#!/usr/bin/env node
// Recall and false alarms of the spacing rules, written from the defect definitions: one defect per clean
// news body in each shape (lost spaces, spaces on the wrong side of a comma or full stop, a stray full stop,
// doubled punctuation, spaces inside brackets and quotes), and one correct construction per body that
// looks similar (ellipses, abbreviations, decimals, URLs, code, dot-names, emoticons) and must not be flagged.
// Usage: npm run build && node scripts/measure-spacing.mjs [--seed N] [--verbose]
import { cleanBodies } from './lib/clean-corpus.mjs';
import { measureOptions, ruleRunner } from './lib/measure-setup.mjs';

const { seed, verbose, pick } = measureOptions();
const run = ruleRunner((r) => r.category === 'spacing');

const sentences = (body) => [...body.matchAll(/(?<=^|[.!?]\s|\n)[A-Z][^\n.!?"“”()]{60,}[.!?](?=\s|$)/g)].map((m) => ({ start: m.index, text: m[0] }));
// Word boundaries inside a sentence: [offset of the space, previous word, next word].
const gaps = (s) => [...s.text.matchAll(/(?<=([A-Za-z]{2,})) (?=([A-Za-z]{2,}))/g)].map((m) => ({ at: s.start + m.index, prev: m[1], next: m[2] }));
const FN = new Set(['in', 'at', 'of', 'on', 'to', 'from', 'for', 'by', 'with', 'into', 'the', 'a', 'an', 'and', 'or', 'near', 'via', 'about']);
const cap = (w) => w[0].toUpperCase() + w.slice(1);

// Each shape: replace the space at a gap (or a span) with the defect; returns [body, start, end] of the defect.
const replaceAt = (body, at, len, text) => [body.slice(0, at) + text + body.slice(at + len), at, at + text.length];
const SHAPES = {
  'comma-glued': (b, g) => replaceAt(b, g.at, 1, ','),
  'comma-on-next-word': (b, g) => replaceAt(b, g.at, 1, ' ,'),
  'space-before-comma': (b, g) => replaceAt(b, g.at, 1, ' , '),
  'full-stop-glued': (b, g) => replaceAt(b.slice(0, g.at + 1) + cap(g.next) + b.slice(g.at + 1 + g.next.length), g.at, 1, '.'),
  'full-stop-on-next-word': (b, g) => (FN.has(g.prev.toLowerCase()) ? null : replaceAt(b.slice(0, g.at + 1) + cap(g.next) + b.slice(g.at + 1 + g.next.length), g.at, 1, ' .')),
  'stray-full-stop': (b, g) => (FN.has(g.prev.toLowerCase()) ? replaceAt(b.slice(0, g.at + 1) + cap(g.next) + b.slice(g.at + 1 + g.next.length), g.at, 1, ' .') : null),
  'semicolon-glued': (b, g) => replaceAt(b, g.at, 1, ';'),
  'doubled-comma': (b, g) => replaceAt(b, g.at, 1, ',, '),
  'doubled-space': (b, g) => replaceAt(b, g.at, 1, '  '),
  'doubled-full-stop': (b, g, s) => {
    const end = s.start + s.text.length - 1;
    return b[end] === '.' && /\s+[A-Z]/.test(b.slice(end + 1, end + 4)) ? replaceAt(b, end, 1, '..') : null;
  },
  'space-after-bracket': (b, g) => replaceAt(b, g.at, 1, ` ( `) && [b.slice(0, g.at) + ' ( ' + b.slice(g.at + 1, g.at + 1 + g.next.length) + ')' + b.slice(g.at + 1 + g.next.length), g.at, g.at + 3],
  'space-before-bracket': (b, g) => [b.slice(0, g.at) + ' (' + b.slice(g.at + 1, g.at + 1 + g.next.length) + ' )' + b.slice(g.at + 1 + g.next.length), g.at + 2 + g.next.length, g.at + 4 + g.next.length],
  'space-after-quote': (b, g) => [b.slice(0, g.at) + ' “ ' + b.slice(g.at + 1, g.at + 1 + g.next.length) + '”' + b.slice(g.at + 1 + g.next.length), g.at, g.at + 3],
  'space-after-straight-quote': (b, g) => [b.slice(0, g.at) + ' " ' + b.slice(g.at + 1, g.at + 1 + g.next.length) + '"' + b.slice(g.at + 1 + g.next.length), g.at, g.at + 3],
};
// Correct constructions that resemble the defects, each a sentence placed after a random sentence.
const LEGIT = [
  'He paused... then went on.',
  'She waited . . . and left.',
  'The U.S. economy grew 2.5 percent, e.g. in retail.',
  'Growth was 3.25 percent in 2019, up from 1,250 jobs.',
  'Read more at https://example.com/a,b/c..d?x=1 today.',
  'The code `f(a ,b)` and `x ,,y` failed to compile.',
  'Developers of .NET and the .Net runtime met in Paris.',
  'Files ending in .pdf and .csv are attached.',
  'Fans posted :) and :( in the comments (and more).',
  'Well.. maybe not, he said.',
  'The screen is 5" wide and the case 7" long.',
  'The film “ Wild Rose ” opened on Friday.',
  'He said, “She told me ‘no.’ ”',
  'An empty pair ( ) is harmless.',
  'Run ../bin/start and ./configure first.',
  'It costs $1,200.50 at 10:30 a.m., the firm said.',
  'J.R.R. Tolkien wrote it; Ph.D. students read it.',
  'The list (apples, pears) was short.',
  'He said "yes" and "no" twice.',
  'Version 2.4.1 of Node.js shipped.',
];

const bodies = cleanBodies();
const stats = {};
let legitN = 0;
let legitFlagged = 0;
for (const body of bodies) {
  const ss = sentences(body);
  if (ss.length < 3) continue;
  for (const [shape, inject] of Object.entries(SHAPES)) {
    const s = pick(ss);
    const gs = gaps(s);
    if (!gs.length) continue;
    const inj = inject(body, pick(gs), s);
    if (!inj) continue;
    const [b, start, end] = inj;
    const res = run(b);
    if (res.language !== 'eng') continue;
    const st = (stats[shape] ??= { n: 0, found: 0 });
    st.n++;
    if (res.flags.some((f) => f.start < end && f.end > start)) st.found++;
    else if (verbose) console.log('MISS', shape, JSON.stringify(b.slice(Math.max(0, start - 30), end + 30)));
  }
  const s = pick(ss);
  const legit = pick(LEGIT);
  const at = s.start + s.text.length + 1;
  const res = run(`${body.slice(0, at)}${legit} ${body.slice(at)}`);
  if (res.language !== 'eng') continue;
  legitN++;
  const bad = res.flags.filter((f) => f.start >= at && f.end <= at + legit.length);
  if (bad.length) {
    legitFlagged++;
    if (verbose) console.log('FALSE', legit, bad.map((f) => `${f.ruleId}: ${JSON.stringify(f.text)}`));
  }
}
let n = 0;
let found = 0;
for (const [k, v] of Object.entries(stats)) {
  console.log(`${k.padEnd(27)} found ${v.found}/${v.n}`);
  n += v.n;
  found += v.found;
}
const pct = (a, b) => `${((a / b) * 100).toFixed(1)}%`;
console.log(`seed ${seed}: found ${pct(found, n)} (${found}/${n}); look-alike correct text flagged ${pct(legitFlagged, legitN)} (${legitFlagged}/${legitN})`);
