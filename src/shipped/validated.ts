import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The data files shipped with credlint (rule packs, presets, language word lists) are validated against their
// schemas once, at build time (scripts/prepare-packs.mjs), which records the SHA-256 of each file that passed in
// dist/validated.json. At run time a shipped file whose content still has that hash is not validated again, so
// one check does not load ajv or compile schemas. An edited shipped file, or any file of the user's, is validated.

/** The package root (dist/shipped/ → ../../). */
export const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The build-time manifest: path relative to the package root ('/' separated) → SHA-256 of the validated content. */
export const VALIDATED_FILE = fileURLToPath(new URL('../validated.json', import.meta.url));

let manifest: Record<string, string> | null = null;

/** The hash a file's content is known by in the manifest: SHA-256 of its UTF-8 bytes (hashing the bytes read is
 * several times faster than hashing the decoded text, and gives the same digest). */
export function contentHash(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** The key of a file in the manifest, or null when it is outside the package. */
export function manifestKey(file: string): string | null {
  const rel = relative(PACKAGE_ROOT, resolve(file));
  if (rel === '' || rel.startsWith('..') || resolve(PACKAGE_ROOT, rel) !== resolve(file)) return null;
  return rel.split(/[\\/]/).join('/');
}

/** True when `file` is a shipped file validated at build time and `content` is still what was validated. */
export function validatedAtBuild(file: string, content: string | Uint8Array): boolean {
  return manifestKey(file) !== null && validatedWithHash(file, contentHash(content));
}

/** validatedAtBuild for content whose contentHash the caller has already computed. */
export function validatedWithHash(file: string, hash: string): boolean {
  const key = manifestKey(file);
  if (key === null) return false;
  if (!manifest) {
    try {
      manifest = JSON.parse(readFileSync(VALIDATED_FILE, 'utf8')) as Record<string, string>;
    } catch {
      manifest = {};
    }
  }
  const expected = manifest[key];
  return expected !== undefined && expected === hash;
}
