#!/usr/bin/env node
// buildFacts CPU per article for two builds, alternated round by round in one process, on documents prepared as the
// checking thread has them (dates and quoted spans computed; the facts memos fresh each round). Not part of `npm test`.
//   node scripts/facts-ab.mjs BASE_DIST NEW_DIST [ROUNDS=6] [BATCH=/tmp/s4-b.jsonl]   (VOCAB_WARM=FILE: tokenise FILE first, a full vocabulary)
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
const load = async (dist) => {
  const D = resolve(dist) + '/';
  const m = { ...(await import(D + 'text/doc.js')), ...(await import(D + 'dates/date-mentions.js')), ...(await import(D + 'dates/publication.js')), ...(await import(D + 'text/quoted-spans.js')), ...(await import(D + 'facts/facts.js')) };
  return m;
};
const A = await load(process.argv[2]), B = await load(process.argv[3]);
const rounds = +(process.argv[4] ?? 6);
const read = (f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => ({ id: r.id, body: r.body }));
const arts = read(process.argv[5] ?? '/tmp/s4-b.jsonl');
const prep = (M) => arts.map((a) => { const doc = M.buildDoc(a); const pub = M.inferPublication(doc).date; M.dateMentions(doc); M.quotedSpans(doc); return { doc, pub }; });
if (process.env.VOCAB_WARM) { const w = read(process.env.VOCAB_WARM); for (const M of [A, B]) for (const a of w) M.buildDoc(a); }
const dA = prep(A), dB = prep(B);
const fresh = (doc) => { const own = new Map(); const d = { ...doc, memo(k, f) { if (!k.startsWith('facts:')) return doc.memo(k, f); if (!own.has(k)) own.set(k, f(d)); return own.get(k); } }; return d; };
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const run = (M, docs) => { const c = cpu(); for (const { doc, pub } of docs) M.buildFacts(fresh(doc), [], pub); return (cpu() - c) / 1000 / docs.length; };
const ta = [], tb = [];
for (let r = 0; r < rounds; r++) { ta.push(run(A, dA)); tb.push(run(B, dB)); }
const best = (t) => Math.min(...t).toFixed(3), med = (t) => [...t].sort((x, y) => x - y)[t.length >> 1].toFixed(3);
console.log(`A ${process.argv[2]} best ${best(ta)} median ${med(ta)}   B ${process.argv[3]} best ${best(tb)} median ${med(tb)}  ms/article`);
