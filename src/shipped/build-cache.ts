import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

// Values worked out from the shipped packs at build time (scripts/prepare-packs.mjs writes them, one table per
// name, to dist/build-cache.json), so a one-article check does not compute them again from a cold start. An entry is keyed by the
// very input it was computed from, so it can only ever answer for that input; anything else (user packs, edited
// packs, a missing or unreadable file) is computed as before, and recorded for the build step.

/** The file the tables are kept in (dist/shipped/ → dist/). */
export const BUILD_CACHE_FILE = fileURLToPath(new URL('../build-cache.json', import.meta.url));

let tables: Record<string, Record<string, unknown>> | null = null;
const computed = new Map<string, Map<string, unknown>>();

function table(name: string): Record<string, unknown> {
  if (!tables) {
    try {
      tables = JSON.parse(readFileSync(BUILD_CACHE_FILE, 'utf8')) as Record<string, Record<string, unknown>>;
    } catch {
      tables = {};
    }
  }
  return Object.prototype.hasOwnProperty.call(tables, name) ? tables[name]! : {};
}

/** `compute()`, or its value from the build-time table `name` under `key`. `compute` must depend on `key` alone. */
export function buildCached<T>(name: string, key: string, compute: () => T): T {
  const t = table(name);
  if (Object.prototype.hasOwnProperty.call(t, key)) return t[key] as T;
  let mine = computed.get(name);
  if (!mine) computed.set(name, (mine = new Map()));
  if (mine.has(key)) return mine.get(key) as T;
  const value = compute();
  mine.set(key, value);
  return value;
}

/** Every entry computed in this process, by table (what the build step writes out). */
export function computedTables(): Record<string, Record<string, unknown>> {
  return Object.fromEntries([...computed].map(([name, entries]) => [name, Object.fromEntries(entries)]));
}
