// Texts an exact shortcut is checked on against the computation it replaces: samples/, the news and blog bodies of
// ../shared when present, and deterministic random strings over a chosen alphabet.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { HAS_SHARED, ROOT, SHARED } from './run.js';

export function sharedBodies(set: 'news-pages' | 'blog-pages'): string[] {
  return readFileSync(join(SHARED, 'corpus', set, 'pages.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { body: string }).body);
}

export const sampleTexts = (): string[] =>
  readdirSync(join(ROOT, 'samples'))
    .filter((f) => f.endsWith('.txt') || f.endsWith('.md'))
    .map((f) => readFileSync(join(ROOT, 'samples', f), 'utf8'));

/** samples/ and, when ../shared is there, every news and blog body. */
export const realTexts = (): string[] => [...sampleTexts(), ...(HAS_SHARED ? [...sharedBodies('news-pages'), ...sharedBodies('blog-pages')] : [])];

/** A small deterministic generator (no dependency, the same strings every run). */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0;
    return s / 2 ** 32;
  };
}

/** `count` strings of up to `maxLength` symbols drawn from `alphabet`. */
export function randomStrings(alphabet: string[], count: number, maxLength: number, seed: number): string[] {
  const r = seededRandom(seed);
  const out: string[] = [];
  for (let n = 0; n < count; n++) {
    let s = '';
    const len = Math.floor(r() * maxLength);
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(r() * alphabet.length)]!;
    out.push(s);
  }
  return out;
}
