#!/usr/bin/env node
// CPU per article of the comparison facts and of their parts, on documents prepared as the checking thread has them
// (dates and quoted spans already computed by the detectors). Not part of `npm test`. Usage:
//   node scripts/profile-facts.mjs DIST [ROUNDS] [WARM.jsonl] [BATCH.jsonl]   (defaults: 3, /tmp/s4-a.jsonl, /tmp/s4-b.jsonl)
// Prints the least CPU per article over the rounds of: buildFacts as a whole, then each part alone on fresh documents
// (sentence table, claims, signature, claim packing), and the structured-clone cost of the facts object (serialise +
// deserialise, as postMessage does twice on the way to the comparison thread). Run it for two builds in the same minute.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { serialize, deserialize } from 'node:v8';
const DIST = resolve(process.argv[2] ?? 'dist');
const D = DIST + '/';
const rounds = +(process.argv[3] ?? 3);
const WARM = process.argv[4] ?? '/tmp/s4-a.jsonl';
const BATCH = process.argv[5] ?? '/tmp/s4-b.jsonl';
const { buildDoc } = await import(D + 'text/doc.js');
const { dateMentions } = await import(D + 'dates/date-mentions.js');
const { inferPublication } = await import(D + 'dates/publication.js');
const { quotedSpans } = await import(D + 'text/quoted-spans.js');
const { buildFacts } = await import(D + 'facts/facts.js');
const { buildSentenceTable } = await import(D + 'facts/sentence-table.js');
const { extractClaims } = await import(D + 'facts/claims.js');
const { textSignature } = await import(D + 'facts/signature.js');
const { packClaims } = await import(D + 'facts/claim-codec.js');
const read = (f) => readFileSync(f, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).map((r) => ({ id: r.id, body: r.body }));
const cpu = () => { const u = process.cpuUsage(); return u.user + u.system; };
const prepared = (a) => {
  const doc = buildDoc(a);
  const pub = inferPublication(doc).date;
  dateMentions(doc);
  quotedSpans(doc);
  return { doc, pub };
};
function pass(arts) {
  const t = { facts: 0, table: 0, claims: 0, signature: 0, pack: 0, clone: 0 };
  let bytes = 0;
  for (const a of arts) {
    let p = prepared(a);
    let c = cpu(); const f = buildFacts(p.doc, [], p.pub); t.facts += cpu() - c;
    c = cpu(); deserialize(serialize(f)); t.clone += cpu() - c;
    bytes += serialize(f).length;
    p = prepared(a);
    c = cpu(); const table = buildSentenceTable(p.doc); t.table += cpu() - c;
    c = cpu(); const claims = extractClaims(p.doc, table); t.claims += cpu() - c;
    c = cpu(); textSignature(p.doc); t.signature += cpu() - c;
    c = cpu(); packClaims(claims); t.pack += cpu() - c;
  }
  for (const k in t) t[k] = t[k] / 1000 / arts.length;
  t.bytes = bytes / arts.length;
  return t;
}
pass(read(WARM));
const b = read(BATCH);
const best = {};
for (let r = 0; r < rounds; r++) { const t = pass(b); for (const k in t) best[k] = Math.min(best[k] ?? Infinity, t[k]); }
console.log(DIST, Object.entries(best).map(([k, v]) => `${k} ${k === 'bytes' ? v.toFixed(0) : v.toFixed(3)}`).join('  '));
