#!/usr/bin/env node
// Recall, exact-repair rate and false alarms of encoding/mojibake, written from the defect's definition:
// clean multilingual text encoded as UTF-8 and decoded through a code page one to three times; the
// same clean text, and legitimate capitals before ™ — … £ and no-break spaces, must not change.
// The garbling tables here are written independently of src/text/code-pages.ts.
// Usage: npm run build && node scripts/measure-mojibake.mjs [--seed N] [--verbose]
import { existsSync, readFileSync } from 'node:fs';
import { PAGES } from './lib/clean-corpus.mjs';
import { measureOptions, ruleRunner } from './lib/measure-setup.mjs';

const { seed, verbose, rand, pick } = measureOptions();

// Own multilingual sentences (every script the detector claims), and news sentences with non-ASCII characters.
const OWN = [
  'Le ministre a déclaré que l’accord était « très important » pour la région.',
  'Die Bürger in Köln ärgerten sich über die Straßensperrung am Mittwoch.',
  'El presidente habló con los niños en la Plaza de España el año pasado.',
  'O ministro da Economia disse que a inflação caiu em São Paulo.',
  'Wrocław i Łódź otrzymały dotacje; rząd ogłosił to w środę.',
  'Vláda v Praze schválila rozpočet; ministr řekl, že je to úspěch.',
  'Москва и Минск подписали соглашение о сотрудничестве в среду.',
  'Η κυβέρνηση στην Αθήνα ανακοίνωσε νέα μέτρα για την οικονομία.',
  'İstanbul’da yapılan toplantıda bakan açıklama yaptı.',
  'Thủ tướng Việt Nam đã gặp các nhà đầu tư tại Hà Nội.',
  '中国和白俄罗斯签署了新的经济合作协议。',
  '東京の会議で首相が新しい政策を発表した。',
  '서울에서 열린 회의에서 장관이 발표했다.',
  'รัฐบาลไทยประกาศมาตรการใหม่ในกรุงเทพฯ',
  'قال الوزير إن الاتفاق سيعزز التعاون الاقتصادي.',
  'אמר השר כי ההסכם יחזק את שיתוף הפעולה.',
  'Tasks done: ✔ draft ✔ review ♫ music playing, score ≥ 90 and ≤ 100.',
  'Prices rose 5% — the “largest” jump since 2008… analysts said – again.',
  'The café’s owner, José Núñez, paid €1,200 and £800 for the crème brûlée recipe.',
  'Temperatures reached 40°C ± 2° in Zürich; the naïve forecast was wrong.',
  'Árvíztűrő tükörfúrógép — Hungarian vowels in Győr.',
  'Ölüdeniz, Çeşme and Şile are popular Turkish resorts.',
  'The Øresund bridge links København and Malmö.',
  'Smörgåsbord, façade, jalapeño and résumé are loanwords.',
];
const fromNews = [];
if (existsSync(PAGES)) {
  for (const line of readFileSync(PAGES, 'utf8').split('\n')) {
    if (!line) continue;
    for (const s of JSON.parse(line).body.split(/(?<=[.!?])\s+/)) if (/[^\x00-\x7f]/.test(s) && s.length < 400) fromNews.push(s);
  }
}
const newsSample = [];
for (let i = 0; i < Math.min(60, fromNews.length); i++) newsSample.push(pick(fromNews));
const CLEAN = [...OWN, ...newsSample];

// Code-page decoders for garbling (bytes → text).
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const CP437 = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
const byteDecoder = (f) => (bytes) => Array.from(bytes, f).join('');
const DECODE = {
  'windows-1252': byteDecoder((b) => (b >= 0x80 && b <= 0x9f ? CP1252[b - 0x80] : String.fromCharCode(b))),
  'latin-1': byteDecoder((b) => String.fromCharCode(b)),
  'mac-roman': (bytes) => new TextDecoder('macintosh').decode(bytes),
  'windows-1250': (bytes) => new TextDecoder('windows-1250').decode(bytes),
  'windows-1251': (bytes) => new TextDecoder('windows-1251').decode(bytes),
  'cp437': byteDecoder((b) => (b < 0x80 ? String.fromCharCode(b) : CP437[b - 0x80])),
};
const garble = (s, page) => DECODE[page](new TextEncoder().encode(s));

const checkMojibake = ruleRunner((r) => r.id === 'encoding/mojibake');
const flagsOf = (body) => checkMojibake(body).flags;
function applyFlags(body, flags) {
  let out = body;
  for (const f of [...flags].sort((a, b) => b.start - a.start)) out = out.slice(0, f.start) + (f.suggestion ?? '') + out.slice(f.end);
  return out;
}

// Garbled cases: each page 1-3 layers (mixed Windows-1252/Latin-1 layers too, as real pipelines produce).
const bad = [];
for (const clean of CLEAN) {
  for (const page of Object.keys(DECODE)) {
    for (let layers = 1; layers <= 3; layers++) {
      let g = clean;
      for (let k = 0; k < layers; k++) g = garble(g, page === 'windows-1252' && k > 0 && rand() < 0.3 ? 'latin-1' : page);
      if (g !== clean) bad.push({ page, layers, clean, garbled: g });
    }
  }
}
const byPage = {};
let found = 0;
let exact = 0;
for (const c of bad) {
  const flags = flagsOf(c.garbled);
  const key = `${c.page} x${c.layers}`;
  const s = (byPage[key] ??= { n: 0, found: 0, exact: 0 });
  s.n++;
  if (flags.length) (s.found++, found++);
  if (applyFlags(c.garbled, flags) === c.clean) (s.exact++, exact++);
  else if (verbose && flags.length) console.log('INEXACT', key, JSON.stringify(c.garbled.slice(0, 80)), '→', JSON.stringify(applyFlags(c.garbled, flags).slice(0, 80)));
}

// Must-not-change: the clean text itself, and capitals (accented ones above all) before ™ — – … £ ® ° and no-break spaces.
const CAPS = 'ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞ';
const AFTER = ['™', '—', '–', '…', '£', '\u00a0', '®', '°', '»', '©'];
const WORDS = ['CAF', 'ROS', 'PAV', 'NI', 'ESPA', 'M', 'S', 'BRÛL', 'PR', 'L', 'GR', 'K', 'ZÜR', 'OL', 'D'];
const legit = [...CLEAN];
for (let i = 0; i < 300; i++) {
  const word = pick(WORDS) + pick([...CAPS]) + (rand() < 0.3 ? pick(['', 'S', 'E', 'O']) : '');
  const tail = pick(AFTER);
  legit.push(pick([`The ${word}${tail} brand launched today.`, `He shouted ${word}${tail} and left.`, `${word}${tail} 5 kg`, `Price: ${word}${tail}20 per unit.`, `A ${word}${tail}${pick(AFTER)} sign.`]));
}
let falseAlarms = 0;
for (const t of legit) {
  const flags = flagsOf(t);
  if (flags.length) {
    falseAlarms++;
    if (verbose) console.log('FALSE', JSON.stringify(t), flags.map((f) => `${f.text}→${f.suggestion}`).join(' '));
  }
}
for (const [k, v] of Object.entries(byPage)) console.log(`${k.padEnd(16)} found ${v.found}/${v.n}  exact ${v.exact}/${v.n}`);
const pct = (a, b) => `${((a / b) * 100).toFixed(1)}%`;
console.log(`seed ${seed}: found ${pct(found, bad.length)} (${found}/${bad.length}), repaired exactly ${pct(exact, bad.length)}, false alarms ${pct(falseAlarms, legit.length)} (${falseAlarms}/${legit.length} must-not-change texts)`);
