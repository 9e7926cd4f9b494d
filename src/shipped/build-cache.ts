import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeUtf8 } from './decode-utf8.js';

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
      // A megabyte of ASCII (base64 tables): decoded as such, not through node's slower UTF-8 decoder.
      const read = JSON.parse(decodeUtf8(readFileSync(BUILD_CACHE_FILE))) as unknown;
      tables = read !== null && typeof read === 'object' ? (read as Record<string, Record<string, unknown>>) : {};
    } catch {
      tables = {};
    }
  }
  const t = Object.prototype.hasOwnProperty.call(tables, name) ? tables[name] : undefined;
  return t !== null && typeof t === 'object' ? t : {};
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

// A rule's options are too large to be a key themselves (a pack's phrase list is a megabyte): the options object
// of a rule read from a shipped pack is known instead by the pack's content hash and the rule's index, which name
// that content exactly. Any other options object (a user's pack, options merged with a configuration's) has no
// key and is always computed.
const optionKeys = new WeakMap<object, string>();

/** Records that `options` are the options of rule `index` of the pack file whose content hash is `packHash`. */
export function keyOptions(options: object, packHash: string, index: number): void {
  optionKeys.set(options, `${packHash}#${index}`);
}

/**
 * `compute()` for a rule's options, or its value from the build-time table `name` when the options are a shipped
 * pack's, unchanged (see keyOptions). `compute` must depend on the options alone and return plain JSON data.
 */
export function buildCachedFor<T>(name: string, options: object, compute: () => T): T {
  const key = optionKeys.get(options);
  return key === undefined ? compute() : buildCached(name, key, compute);
}

/**
 * buildCachedFor for options a shipped pack was read into (see keyOptions), and undefined for any other options
 * (a user's pack, merged options): their caller computes the value later, on first use, instead of at load.
 */
export function buildCachedForShipped<T>(name: string, options: object, compute: () => T): T | undefined {
  const key = optionKeys.get(options);
  return key === undefined ? undefined : buildCached(name, key, compute);
}

/** Every entry computed in this process, by table (what the build step writes out). */
export function computedTables(): Record<string, Record<string, unknown>> {
  return Object.fromEntries([...computed].map(([name, entries]) => [name, Object.fromEntries(entries)]));
}
