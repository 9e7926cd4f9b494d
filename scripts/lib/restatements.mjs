// Restatements made from the defect definition (issue 14: reordered clauses, changed function words), shared by
// scripts/measure-restatements.mjs and test/repetition.test.ts. Written from English grammar, not from the
// detector's word lists.
// Function words and their near-equivalents (either direction). Several choices per word, drawn at random.
const SWAP = {
  the: ['a', 'this'], a: ['the', 'one'], an: ['the'], this: ['the', 'that'], that: ['which', 'this'], these: ['those', 'the'],
  of: ['for', 'from'], in: ['at', 'within', 'inside'], at: ['in'], on: ['upon', 'about'], to: ['towards', 'for'], for: ['of', 'to'],
  with: ['alongside', 'along with'], and: ['as well as', 'plus', 'and also'], but: ['yet', 'though', 'however'], or: ['and'],
  is: ['was', 'remains'], are: ['were', 'remain'], was: ['is', 'had been'], were: ['are', 'had been'], has: ['had', 'has now'],
  have: ['had'], had: ['has'], will: ['would', 'is going to'], would: ['will', 'could'], can: ['could'], could: ['can', 'might'],
  by: ['through', 'via'], from: ['out of'], about: ['regarding', 'concerning'], after: ['following'], before: ['prior to'],
  because: ['since', 'as'], although: ['though', 'even though'], while: ['whereas'], also: ['additionally', 'too'],
  over: ['across'], during: ['throughout', 'in'], into: ['in'], as: ['because'], so: ['therefore', 'thus'], if: ['whenever'],
  its: ['the'], their: ['the'], his: ['the'], her: ['the'], more: ['further'], most: ['the most'], some: ['several'],
};
const OPENERS = ['In short,', 'Put simply,', 'To put it another way,', 'Again,', 'As noted,', 'In other words,', 'Moreover,',
  'Furthermore,', 'Indeed,', 'That is,', 'Once again,', 'To sum up,', 'Essentially,', 'Notably,', 'In fact,'];
const JOINERS = [', and', '; meanwhile,', ', while', ', and also', ', as'];

/** The restatement makers, drawing their choices from `rand` (a seeded generator). */
export function restater(rand) {
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const stripEnd = (s) => s.replace(/\s*[.!?]+["”’)]*$/, '');
  function swapWords(text) {
    return text.split(' ').map((w) => {
      const m = /^([“"(]?)([A-Za-z]+)([,;:]?)$/.exec(w);
      const alt = m && SWAP[m[2].toLowerCase()];
      if (!alt || rand() >= 0.6) return w;
      const r = pick(alt);
      return `${m[1]}${/^[A-Z]/.test(m[2]) ? r[0].toUpperCase() + r.slice(1) : r}${m[3]}`;
    }).join(' ');
  }
  /** Clauses reordered: around a comma well inside the text, else the last 30–60% of its words moved first. */
  function reorder(text) {
    const commas = [...text.matchAll(/, /g)].map((m) => m.index).filter((i) => i > 15 && i < text.length - 15);
    if (commas.length) {
      const c = pick(commas);
      return `${text.slice(c + 2)}, ${text.slice(0, c)}`;
    }
    const w = text.split(' ');
    const k = Math.floor(w.length * (0.4 + rand() * 0.3));
    return `${w.slice(k).join(' ')}, ${w.slice(0, k).join(' ')}`;
  }
  const lowerFirst = (s) => (/^[A-Z][a-z]/.test(s) && !/^(?:I|[A-Z][a-z]+[A-Z])/.test(s) ? s[0].toLowerCase() + s.slice(1) : s);
  const finish = (s) => `${pick(OPENERS)} ${lowerFirst(s.replace(/\s+/g, ' ').trim())}.`;
  function restate(text) {
    return finish(swapWords(reorder(stripEnd(text))));
  }
  function merge(a, b) {
    const second = lowerFirst(stripEnd(b));
    return finish(swapWords(`${reorder(stripEnd(a))}${pick(JOINERS)} ${second}`));
  }
  function possessive(text) {
    const m = /\b([A-Z][a-z]+(?: [A-Z][a-z]+)?)['’]s ([a-z]+)\b/.exec(text);
    if (!m) return null;
    const turned = `${text.slice(0, m.index)}the ${m[2]} of ${m[1]}${text.slice(m.index + m[0].length)}`;
    return restate(turned);
  }

  /** Sentences of a line, split by a plain rule (full stop, ! or ? then a space and a capital or quote). */
  const splitSentences = (line) => line.split(/(?<=[.!?]["”’)]?)\s+(?=[“"A-Z])/);
  const PROSE = /^[A-Z][^\n"“”]{40,400}[.!?]$/;

  /** One case of each kind the body has material for (lines of its first half): [kind, restatement]. */
  function cases(body) {
    const lines = [...body.matchAll(/[^\n]+/g)].map((m) => ({ text: m[0], end: m.index + m[0].length }));
    const firstHalf = lines.slice(0, Math.ceil(lines.length / 2));
    const singles = firstHalf.filter((x) => PROSE.test(x.text) && x.text.length >= 70 && x.text.length <= 300 && splitSentences(x.text).length === 1);
    const anyLines = firstHalf.filter((x) => /^[A-Z][^\n"“”]{70,300}[.!?]$/.test(x.text));
    const pairs = [];
    for (const x of firstHalf) {
      const ss = splitSentences(x.text);
      for (let i = 0; i + 1 < ss.length; i++) if (PROSE.test(ss[i]) && PROSE.test(ss[i + 1]) && ss[i].length + ss[i + 1].length <= 360) pairs.push([ss[i], ss[i + 1]]);
    }
    const withPossessive = singles.filter((x) => /\b[A-Z][a-z]+['’]s [a-z]+\b/.test(x.text));
    const out = [];
    if (singles.length >= 2) out.push(['sentence', restate(pick(singles).text)]);
    if (anyLines.length >= 2) out.push(['line', restate(pick(anyLines).text)]);
    if (pairs.length) out.push(['merged', merge(...pick(pairs))]);
    if (withPossessive.length) {
      const p = possessive(pick(withPossessive).text);
      if (p) out.push(['possessive', p]);
    }
    return out;
  }

  /** The body with `added` after a paragraph of its second half or at the very end; [from, to) of the addition. */
  function insert(body, added) {
    const ends = [...body.matchAll(/[^\n]+/g)].map((m) => m.index + m[0].length);
    const later = ends.slice(Math.ceil(ends.length / 2));
    const at = rand() < 0.5 || !later.length ? body.length : pick(later);
    return { text: `${body.slice(0, at)}\n${added}${body.slice(at)}`, from: at + 1, to: at + 1 + added.length };
  }

  return { restate, merge, possessive, cases, insert };
}
