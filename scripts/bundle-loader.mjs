// Copied to dist/cli/bundle-loader.js by scripts/bundle-cli.mjs: runs the bundled CLI (dist/cli/bundle.cjs) with
// V8's code cache (dist/cli/bundle.cjs.cache, written at build time by scripts/code-cache.mjs). Node 20 caches
// no ES module's compiled code; a script compiled through vm.Script can take V8's cached code, which skips parsing
// 1.3 MB and compiling each function on its first call (~40 ms of a one-article run).
// The cache is used only when it was made from these very bytes (its first 32 bytes are the SHA-256 of the
// bundle); V8 itself refuses a cache from another node version or other V8 flags. Without a usable cache the
// bundle is compiled as usual: the same program, slower to start.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';
import { decodeUtf8 } from '../shipped/decode-utf8.js';
// V8's flags are part of the cache's key: set them before compiling, as the run that made the cache did.
import './regexp-tier-up.js';

const BUNDLE = fileURLToPath(new URL('./bundle.cjs', import.meta.url));
const CACHE = `${BUNDLE}.cache`;
const DIGEST_BYTES = 32;

/**
 * Runs the bundle; false when there is none (the caller then runs the unbundled program).
 * `writeCache`: on exit, write the code V8 compiled during this run as the cache (the build's job).
 */
export function runBundle({ writeCache = false } = {}) {
  let bytes;
  try {
    bytes = readFileSync(BUNDLE);
  } catch {
    return false;
  }
  const digest = createHash('sha256').update(bytes).digest();
  let cachedData;
  if (!writeCache) {
    try {
      const cache = readFileSync(CACHE);
      if (cache.length > DIGEST_BYTES && digest.equals(cache.subarray(0, DIGEST_BYTES))) cachedData = cache.subarray(DIGEST_BYTES);
    } catch {
      /* no cache: compile as usual */
    }
  }
  // The CommonJS wrapper, so the bundle runs as node would run the file, with its own require.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${decodeUtf8(bytes)}\n})`, { filename: BUNDLE, cachedData });
  if (writeCache) process.once('exit', () => writeFileSync(CACHE, Buffer.concat([digest, script.createCachedData()])));
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(BUNDLE), module, BUNDLE, dirname(BUNDLE));
  return true;
}
