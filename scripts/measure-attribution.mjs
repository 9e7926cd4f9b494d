#!/usr/bin/env node
// Recall of attribution/vague-attribution on vague attributions injected into clean news bodies, and false flags on
// named attributions injected the same way. One case per article per template family, seeded, reproducible.
// Usage (after npm run build): node scripts/measure-attribution.mjs [--set news|blog] [--seed N] [--show-missed] [--show-wrong]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkArticle } from '../dist/engine/check-article.js';
import { buildDoc } from '../dist/text/doc.js';
import { defaultConfig } from '../dist/rules/config.js';
import { loadRules } from '../dist/rules/load-rules.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SHARED = join(ROOT, '..', 'shared');
const arg = (k) => (process.argv.includes(k) ? process.argv[process.argv.indexOf(k) + 1] : null);
const set = arg('--set') ?? 'news';
const pages = readFileSync(join(SHARED, 'corpus', set === 'blog' ? 'blog-pages' : 'news-pages', 'pages.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const config = defaultConfig();
const rules = loadRules(config).filter((r) => r.category === 'attribution');

let seed = Number(arg("--seed") ?? 20261201);
const rand = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = (xs) => xs[Math.floor(rand() * xs.length)];
const lc = (s) => s.charAt(0).toLowerCase() + s.slice(1);
const bare = (s) => s.replace(/[.!?]+$/, '');

// Vague attributions as the definition states them: a vague group saying or thinking, an impersonal passive,
// "reportedly", "according to" unnamed reports. Written from the definition, not from what the rule lists.
const VAGUE = [
  (s) => [`Experts say ${lc(s)}`, 'Experts say'],
  (s) => [`Some experts believe ${lc(s)}`, 'Some experts believe'],
  (s) => [`${bare(s)}, sources said.`, 'sources said'],
  (s) => [`${bare(s)}, according to sources.`, 'according to sources'],
  (s) => [`According to reports, ${lc(s)}`, 'According to reports'],
  (s) => [`According to local media reports, ${lc(s)}`, 'According to local media reports'],
  (s) => [`Critics argue that ${lc(s)}`, 'Critics argue'],
  (s) => [`Many people think that ${lc(s)}`, 'Many people think'],
  (s) => [`It is believed that ${lc(s)}`, 'It is believed'],
  (s) => [`It is widely thought that ${lc(s)}`, 'It is widely thought'],
  (s) => [`It has been suggested that ${lc(s)}`, 'It has been suggested'],
  (s) => [`Observers note that ${lc(s)}`, 'Observers note'],
  (s) => [`Insiders claim that ${lc(s)}`, 'Insiders claim'],
  (s) => [`Many believe ${lc(s)}`, 'Many believe'],
  (s) => [`${bare(s)}, a source said.`, 'a source said'],
  (s) => [`${bare(s)}, people familiar with the matter said.`, 'people familiar with the matter said'],
  (s) => {
    const m = /\b(is|was|are|were|has|had|will|would)\s/.exec(s);
    return m ? [`${s.slice(0, m.index + m[0].length)}reportedly ${s.slice(m.index + m[0].length)}`, 'reportedly'] : null;
  },
];
// Named attributions: these must not be flagged.
const NAMED = [
  (s) => `${bare(s)}, said Erlan Baizhanov, Kazakhstan's ambassador to the UN.`,
  (s) => `According to RIA Novosti, ${lc(s)}`,
  (s) => `A spokesperson for the ministry said ${lc(s)}`,
  (s) => `${bare(s)}, police said.`,
  (s) => `${bare(s)}, the company said in a statement.`,
  (s) => `Maria Lopez, a professor of economics at Yale, said ${lc(s)}`,
  (s) => `${bare(s)}, according to the Interior Ministry.`,
  (s) => {
    const m = /\b(is|was|are|were|has|had|will|would)\s/.exec(s);
    return m ? `${s.slice(0, m.index + m[0].length)}reportedly ${bare(s.slice(m.index + m[0].length))}, the BBC reported.` : null;
  },
  (s) => `“Experts say ${bare(lc(s))},” said Anna Petrova, who chairs the committee.`,
];

/** A prose sentence in an English body with no attribution of its own (no verb of saying or finding), to carry an injected one. */
function carriers(body) {
  const doc = buildDoc({ id: 'x', source: 'x', title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body });
  // Rules for English only: a body in another language carries no English case.
  if (doc.language !== 'eng') return [];
  return doc.sentences.filter((s) => {
    const w = s.text.split(/\s+/).length;
    return w >= 8 && w <= 40 && /^[A-Z][a-z]/.test(s.text) && /[.]$/.test(s.text) && !/["“”«»]|\b(said|says|told|tells|according|report(?:s|ed)?|reportedly|believed?|cited|testified|announced|wrote|writes|notes?|noted|found|claim(?:s|ed)?|argued?|added|stated|explained|suggest(?:s|ed)?)\b/i.test(s.text);
  });
}

const run = (body) => checkArticle({ id: 'x', source: 'x', title: null, url: null, publishedAt: null, publishedAtOrigin: null, publisher: null, format: 'txt', body }, rules, config).result.flags;

let vCases = 0, vFound = 0, nCases = 0, nFlagged = 0;
const missed = [], wrong = [];
pages.forEach((p, pi) => {
  const cs = carriers(p.body);
  if (!cs.length) return;
  for (const [family, list] of [['vague', VAGUE], ['named', NAMED]]) {
    const s = pick(cs);
    const t = list[(pi + (family === 'named' ? 3 : 0)) % list.length] ?? pick(list);
    const made = t(s.text);
    if (!made) continue;
    const text = family === 'vague' ? made[0] : made;
    const body = p.body.slice(0, s.start) + text + p.body.slice(s.end);
    const lo = s.start, hi = s.start + text.length;
    const hits = run(body).filter((f) => f.start < hi && f.end > lo);
    if (family === 'vague') {
      vCases++;
      const want = made[1];
      if (hits.some((f) => body.slice(f.start, f.end).toLowerCase().includes(want.toLowerCase().split(' ')[0]))) vFound++;
      else missed.push(`${want} :: ${text}`);
    } else {
      nCases++;
      if (hits.length) { nFlagged++; wrong.push(`${hits.map((f) => body.slice(f.start, f.end)).join(' | ')} :: ${text}`); }
    }
  }
});
console.log(`vague attributions found: ${vFound}/${vCases} (${(100 * vFound / vCases).toFixed(1)}%)`);
console.log(`named attributions flagged: ${nFlagged}/${nCases} (${(100 * nFlagged / nCases).toFixed(1)}%)`);
if (process.argv.includes('--show-missed')) for (const m of missed) console.log('MISSED', m.slice(0, 200));
if (process.argv.includes('--show-wrong')) for (const m of wrong) console.log('WRONG', m.slice(0, 200));
