import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { requiredLiterals } from '../text/required-literals.js';

// The expanded source of a pattern rule (lists spliced in as tries) and its required literals are worked out at
// build time for the shipped packs (scripts/prepare-packs.mjs writes dist/pattern-prepared.json), so a one-article
// check does not parse the expressions again: ~13 ms of a cold start. Entries are keyed by the rule's own
// pattern, lists and flags, so an entry can only ever answer for exactly the inputs it was computed from;
// anything else (user packs, edited packs, a missing file) is computed here, as before.

/** The build-time cache file (dist/detectors/ → dist/). */
export const PREPARED_FILE = fileURLToPath(new URL('../pattern-prepared.json', import.meta.url));

export interface PreparedSource {
  source: string;
  /** Required literals of the expression; folded (src/text/fold-case.ts) when the flags hold `i`. */
  literals: string[] | null;
}

let cache: Record<string, PreparedSource> | null = null;
const computed = new Map<string, PreparedSource>();

function load(): Record<string, PreparedSource> {
  if (!cache) {
    try {
      cache = JSON.parse(readFileSync(PREPARED_FILE, 'utf8')) as Record<string, PreparedSource>;
    } catch {
      cache = {};
    }
  }
  return cache;
}

/** The expanded source and required literals of a pattern, from the build-time cache or computed. */
export function preparedSource(pattern: string, lists: Record<string, string[]> | undefined, flags: string, expand: (p: string, l?: Record<string, string[]>) => string): PreparedSource {
  const key = JSON.stringify([pattern, lists ?? null, flags]);
  const hit = Object.prototype.hasOwnProperty.call(load(), key) ? load()[key]! : computed.get(key);
  if (hit) return hit;
  const source = expand(pattern, lists);
  const entry = { source, literals: requiredLiterals(source, flags.includes('i')) };
  computed.set(key, entry);
  return entry;
}

/** Every entry computed in this process (what the build step writes out). */
export function computedSources(): Record<string, PreparedSource> {
  return Object.fromEntries(computed);
}
