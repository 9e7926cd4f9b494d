#!/usr/bin/env node
// Recall and false alarms of repetition/reduplicated-words, written from the defect's definition: one
// doubled word per clean news body, in the shapes editors meet (a function or content word doubled
// mid-sentence, across a line break, sentence-initial "The the", "I I", "growth and growth"), and one
// legitimate double per body (grammatical, idiomatic, a name, letter-spaced) that must not be flagged.
// Usage: npm run build && node scripts/measure-doubled-words.mjs [--seed N] [--verbose]
import { cleanBodies } from './lib/clean-corpus.mjs';
import { measureOptions, ruleRunner } from './lib/measure-setup.mjs';

const { seed, verbose, pick } = measureOptions();
const run = ruleRunner((r) => r.id === 'repetition/reduplicated-words');

// Prose sentences: a capital start, 60+ characters, a full stop, on one line.
function sentences(body) {
  return [...body.matchAll(/(?<=^|[.!?]\s|\n)[A-Z][^\n.!?]{60,}[.!?]/g)].map((m) => ({ start: m.index, text: m[0] }));
}
const words = (s) => [...s.text.matchAll(/(?<=\s)[a-z]+(?=\s)/g)].map((m) => ({ at: s.start + m.index, w: m[0] }));

const SHAPES = {
  // Any lower-case word doubled mid-sentence (function words too: "is is", "to to", "in in").
  adjacent: (body, ss) => {
    const c = ss.flatMap(words);
    if (!c.length) return null;
    const { at, w } = pick(c);
    return { body: body.slice(0, at + w.length) + ` ${w}` + body.slice(at + w.length), start: at, end: at + 2 * w.length + 1 };
  },
  // A word at a line end repeated at the start of the next line.
  'line-break': (body, ss) => {
    const c = ss.flatMap(words).filter(({ at }) => at - body.lastIndexOf('\n', at) > 45);
    if (!c.length) return null;
    const { at, w } = pick(c);
    return { body: body.slice(0, at + w.length) + `\n${w}` + body.slice(at + w.length), start: at, end: at + 2 * w.length + 1 };
  },
  // "The the", "It it": a sentence-initial function word doubled.
  'sentence-initial': (body, ss) => {
    const c = ss.filter((s) => /^(The|It|In|A|This|He|She|They|We|On|At|For|But|And|As)\s/.test(s.text));
    if (!c.length) return null;
    const s = pick(c);
    const w = s.text.split(/\s/)[0];
    return { body: body.slice(0, s.start + w.length) + ` ${w.toLowerCase()}` + body.slice(s.start + w.length), start: s.start, end: s.start + 2 * w.length + 1 };
  },
  // "I I think": the pronoun doubled.
  pronoun: (body, ss) => {
    const s = pick(ss);
    const text = `I think the plan will work, one resident said on the phone.`;
    const dbl = `I I think the plan will work, one resident said on the phone.`;
    void text;
    const at = s.start + s.text.length + 1;
    return { body: `${body.slice(0, at)}${dbl} ${body.slice(at)}`, start: at, end: at + 3 };
  },
  // "growth and growth": a content word around "and".
  connector: (body, ss) => {
    const c = ss.flatMap(words).filter(({ w }) => w.length >= 5);
    if (!c.length) return null;
    const { at, w } = pick(c);
    return { body: body.slice(0, at + w.length) + ` and ${w}` + body.slice(at + w.length), start: at, end: at + 2 * w.length + 5 };
  },
};
// Legitimate doubles, each in a sentence of its own placed after a random sentence.
const LEGIT = [
  'By then the council had had enough of the delays.',
  'She argued that that is not what voters were promised.',
  'What the plan does do is shift costs to the regions.',
  'What it is is a tax rise by another name, the opposition said.',
  'The will will be read to the family on Friday.',
  'Will will travel to the capital next week.',
  'Rose rose to fame with her first novel.',
  'A sign reading S T O P was painted on the road.',
  'Duran Duran will play at the festival in June.',
  'Fans waved bye bye to the team at the airport.',
  'Rescuers dug for hours and hours in the rubble.',
  'Prices went higher and higher over the summer.',
  'The matter was settled once and for all in court.',
  'Walla Walla is a small city in Washington.',
];

const bodies = cleanBodies();
const stats = {};
let legitN = 0;
let legitFlagged = 0;
let otherFlags = 0;
for (const body of bodies) {
  const ss = sentences(body);
  if (ss.length < 3) continue;
  for (const [shape, inject] of Object.entries(SHAPES)) {
    const inj = inject(body, ss);
    if (!inj) continue;
    const res = run(inj.body);
    if (res.language !== 'eng') continue;
    const st = (stats[shape] ??= { n: 0, found: 0 });
    st.n++;
    const hit = res.flags.some((f) => f.start < inj.end && f.end > inj.start);
    if (hit) st.found++;
    else if (verbose) console.log('MISS', shape, JSON.stringify(inj.body.slice(Math.max(0, inj.start - 30), inj.end + 30)));
    otherFlags += res.flags.filter((f) => !(f.start < inj.end && f.end > inj.start)).length;
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
    if (verbose) console.log('FALSE', legit, bad.map((f) => f.text));
  }
}
let n = 0;
let found = 0;
for (const [k, v] of Object.entries(stats)) {
  console.log(`${k.padEnd(17)} found ${v.found}/${v.n}`);
  n += v.n;
  found += v.found;
}
const pct = (a, b) => `${((a / b) * 100).toFixed(1)}%`;
console.log(`seed ${seed}: found ${pct(found, n)} (${found}/${n}); legitimate doubles flagged ${pct(legitFlagged, legitN)} (${legitFlagged}/${legitN}); other flags on injected bodies ${otherFlags}`);
