#!/usr/bin/env node
// CPU per article of the text model alone (buildDoc) and of the text model with the chrome, date, pattern and
// layout rules only (no facts), on fresh documents (not part of `npm test`). Usage:
//   node scripts/profile-detp5.mjs [DIST] [ROUNDS] [WARM.jsonl] [BATCH.jsonl]   (defaults: dist, 3, /tmp/s4-a.jsonl, /tmp/s4-b.jsonl)
// Checks WARM first, then BATCH ROUNDS times, alternating; prints the least CPU per article of each over the rounds.
// Run it for two builds in the same minute (e.g. /work/main/dist and ./dist): process CPU time is noisy when shared.
import { resolve } from 'node:path';
const DIST = resolve(process.argv[2] ?? 'dist') + '/';
const rounds = +(process.argv[3] ?? 3);
const WARM = process.argv[4] ?? '/tmp/s4-a.jsonl';
const BATCH = process.argv[5] ?? '/tmp/s4-b.jsonl';
const { buildDoc } = await import(DIST + 'text/doc.js');
const { loadArticles } = await import(DIST + 'input/read-articles.js');
const { checkArticleWith } = await import(DIST + 'engine/check-article.js');
const { collectBatchHints } = await import(DIST + 'engine/batch-hints.js');
const { defaultConfig } = await import(DIST + 'rules/config.js');
const { loadRules } = await import(DIST + 'rules/load-rules.js');
const MINE = /^(pattern|chrome|mojibake|short-body|empty-heading|trailing-headline|wall-of-text|date-.*)$/;
const config = defaultConfig();
const rules = loadRules(config).filter((r) => MINE.test(r.type));
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
function pass(articles) {
  const hints = collectBatchHints(articles);
  let c = cpu();
  for (const a of articles) buildDoc(a);
  const doc = cpu() - c;
  c = cpu();
  for (const a of articles) checkArticleWith(a, rules, config, hints(a), { facts: false });
  const mine = cpu() - c;
  return { doc: doc / 1000 / articles.length, mine: mine / 1000 / articles.length };
}
pass(loadArticles([WARM]).articles);
const b = loadArticles([BATCH]).articles;
const best = { doc: Infinity, mine: Infinity };
for (let r = 0; r < rounds; r++) { const t = pass(b); for (const k in t) best[k] = Math.min(best[k], t[k]); }
console.log(`${DIST}: buildDoc ${best.doc.toFixed(3)} ms/article; text model + chrome, dates, pattern and layout rules ${best.mine.toFixed(3)} ms/article (${rules.length} rules, best of ${rounds})`);
