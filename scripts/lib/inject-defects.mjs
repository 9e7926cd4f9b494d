// Injects known defects into clean article bodies, recording the exact span of each, so recall (was the
// injected defect flagged at its span?) and precision (were the flags on injected articles at injected spans?)
// can be measured. Pure and seeded: the same seed gives the same articles.

/** Spun versions of established terms that the rule packs do NOT list (held out to measure generalisation). */
export const HELD_OUT_SWAPS = [
  ['hunt outcomes', 'search results'], ['educate terminal', 'train station'], ['toil union', 'labor union'],
  ['birth tempo', 'birth rate'], ['levy return', 'tax return'], ['commerce union', 'trade union'],
  ['head workplace', 'head office'], ['residing room', 'living room'], ['purchasing mall', 'shopping mall'],
  ['voting terminal', 'polling station'], ['hearth brigade', 'fire brigade'], ['monetary restoration', 'economic recovery'],
  ['inoculation marketing campaign', 'vaccination campaign'], ['atmosphere power', 'air force'], ['inventory choices', 'stock options'],
  ['acknowledgement rating', 'credit score'], ['marine ice', 'sea ice'], ['push secretary', 'press secretary'],
  ['civic servants', 'civil servants'], ['know-how giant', 'tech giant'], ['save employees', 'rescue workers'], ['fowl influenza', 'bird flu'],
];
export const FILLERS = ['at that moment in time', 'it goes without saying that', 'in this day and age', 'at this moment in time'];
export const SPUN_ADJECTIVES = ['purposeful', 'beneficial', 'significant', 'substantial', 'meaningful', 'fruitful', 'advantageous'];
const STOP = new Set('about after again against their there these those which while would could should other where being because before between through during under'.split(' '));

export function rng(seed) {
  let s = seed >>> 0 || 1;
  return () => ((s = (s * 1664525 + 1013904223) >>> 0) / 2 ** 32);
}
const pick = (r, xs) => xs[Math.floor(r() * xs.length)];

/** Sentences of running prose (a crude split is enough to place defects): [start, end) offsets. */
function proseSentences(body) {
  const out = [];
  const re = /[^\n.!?]*[a-z][^\n.!?]{40,}[.!?]/g;
  let m;
  while ((m = re.exec(body))) {
    const lead = m[0].length - m[0].trimStart().length;
    out.push([m.index + lead, m.index + m[0].length]);
  }
  return out;
}

function insert(body, at, text) {
  return body.slice(0, at) + text + body.slice(at);
}

/**
 * One defect of `kind` injected into `body`. Returns { body, spans: [{start, end, kind, category}] } or null
 * when the body offers no place for it. Kinds: reduplication, restatement, filler, tortured (two held-out swaps),
 * tortured-known (two swaps from a given list), grammar.
 */
export function injectDefect(body, kind, r, known = []) {
  const sents = proseSentences(body);
  if (sents.length < 4) return null;
  if (kind === 'reduplication') {
    const cands = [];
    for (const [s, e] of sents) for (const m of body.slice(s, e).matchAll(/(?<=\s)([a-z]{5,})(?=[\s,.;])/g)) if (!STOP.has(m[1])) cands.push([s + m.index, m[1]]);
    if (!cands.length) return null;
    const [at, w] = pick(r, cands);
    const add = ` and ${w}`;
    return { body: insert(body, at + w.length, add), spans: [{ start: at, end: at + w.length + add.length, kind, category: 'repetition' }] };
  }
  if (kind === 'restatement') {
    const firstHalf = sents.slice(0, Math.ceil(sents.length / 2)).filter(([s, e]) => e - s > 80 && !/^["“]/.test(body.slice(s, e)));
    if (!firstHalf.length) return null;
    const [s, e] = pick(r, firstHalf);
    const text = body.slice(s, e - 1);
    // Reorder: the part after the first comma goes first, or the last third moves to the front.
    const comma = text.indexOf(', ');
    let re;
    if (comma > 20 && comma < text.length - 20) re = `${text.slice(comma + 2)}, ${text.slice(0, comma)}`;
    else {
      const words = text.split(' ');
      const k = Math.floor((words.length * 2) / 3);
      re = `${words.slice(k).join(' ')} ${words.slice(0, k).join(' ')}`;
    }
    re = `In other words, ${re.charAt(0).toLowerCase()}${re.slice(1)}.`;
    const later = sents[sents.length - 1][1];
    const added = `\n${re}`;
    return { body: insert(body, later, added), spans: [{ start: later + 1, end: later + added.length, kind, category: 'repetition' }] };
  }
  if (kind === 'filler') {
    const [s, e] = pick(r, sents.slice(1));
    const words = body.slice(s, e);
    const m = /,\s/.exec(words);
    const f = pick(r, FILLERS.filter((x) => !x.endsWith('that')));
    // After the first comma, or before the final stop.
    const at = m ? s + m.index + 2 : e - 1;
    const add = m ? `${f}, ` : ` ${f}`;
    const start = m ? at : at + 1;
    return { body: insert(body, at, add), spans: [{ start, end: start + f.length, kind, category: 'repetition' }] };
  }
  if (kind === 'tortured' || kind === 'tortured-known') {
    const list = kind === 'tortured' ? HELD_OUT_SWAPS : known;
    const a = pick(r, list);
    let b = pick(r, list);
    while (b === a && list.length > 1) b = pick(r, list);
    const at = pick(r, sents.slice(1))[1];
    const lead = ' Officials also pointed to ';
    const add = `${lead}${a[0]} and ${b[0]}.`;
    const s1 = at + lead.length;
    const s2 = s1 + a[0].length + 5;
    return {
      body: insert(body, at, add),
      spans: [
        { start: s1, end: s1 + a[0].length, kind, category: 'tortured-phrase' },
        { start: s2, end: s2 + b[0].length, kind, category: 'tortured-phrase' },
      ],
    };
  }
  if (kind === 'grammar') {
    const at = pick(r, sents.slice(1))[1];
    const lead = ' Both sides are expected to ';
    const adj = pick(r, SPUN_ADJECTIVES);
    const add = `${lead}${adj} on the details.`;
    return { body: insert(body, at, add), spans: [{ start: at + 1, end: at + lead.length + adj.length, kind, category: 'tortured-phrase' }] };
  }
  throw new Error(`unknown kind ${kind}`);
}

/**
 * Scores flags against injected spans: a span is found when a flag of its category overlaps it; a flag of
 * the measured categories is a true alarm when it overlaps an injected span.
 */
export function score(cases, categories) {
  const byKind = {};
  let flags = 0;
  let onSpan = 0;
  for (const { spans, flags: fl } of cases) {
    const mine = fl.filter((f) => categories.includes(f.category));
    flags += mine.length;
    onSpan += mine.filter((f) => spans.some((s) => f.start < s.end && s.start < f.end)).length;
    for (const s of spans) {
      const k = (byKind[s.kind] ??= { injected: 0, found: 0 });
      k.injected++;
      if (mine.some((f) => f.category === s.category && f.start < s.end && s.start < f.end)) k.found++;
    }
  }
  return { byKind, flags, onSpan, precision: flags ? onSpan / flags : 1 };
}
