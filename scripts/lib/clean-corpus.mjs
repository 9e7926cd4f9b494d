// Development-time: the clean news text that a spun-phrase candidate must never match, and a matcher
// that mirrors the phrase detector (case-insensitive, word boundaries, inflected last word).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED = join(ROOT, '..', 'shared');
export const PAGES = join(SHARED, 'corpus', 'news-pages', 'pages.jsonl');

/** The true bodies of the clean news pages, as written. */
export function cleanBodies() {
  return readFileSync(PAGES, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).body);
}

/** Lower-cased clean bodies and whole pages (menus and links are ordinary English too). */
export function cleanTexts() {
  if (!existsSync(PAGES)) throw new Error(`${PAGES} not found: the build scripts need ../shared`);
  const out = [];
  for (const line of readFileSync(PAGES, 'utf8').split('\n')) {
    if (!line) continue;
    const p = JSON.parse(line);
    out.push(p.body.toLowerCase().replace(/’/g, "'"), p.page.toLowerCase().replace(/’/g, "'"));
  }
  return out;
}

const esc = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
function inflected(word) {
  if (!/^\p{L}{3,}$/u.test(word)) return esc(word);
  if (/[^aeiou]y$/i.test(word)) return `${esc(word.slice(0, -1))}(?:y|ies|ied|ying)`;
  if (/e$/i.test(word)) return `${esc(word.slice(0, -1))}(?:e|es|ed|ing)`;
  return `${esc(word)}(?:s|es|ed|ing|'s)?`;
}

/** The regular expression the phrase detector would use for a phrase (last word inflected). */
export function phraseRegExp(phrase, inflect = true) {
  const words = phrase.toLowerCase().trim().split(/\s+/);
  const src = words.map((w, i) => (inflect && i === words.length - 1 ? inflected(w) : esc(w))).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${src}(?![\\p{L}\\p{N}])`, 'u');
}

/** Does the phrase occur in any of the texts? A cheap substring pre-check of the first word keeps it fast. */
export function occursIn(texts, phrase, inflect = true) {
  const first = phrase.toLowerCase().split(/\s+/)[0];
  const re = phraseRegExp(phrase, inflect);
  return texts.some((t) => t.includes(first) && re.test(t));
}
