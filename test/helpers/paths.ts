import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHARED = join(ROOT, '..', 'shared');
/** `CREDLINT_TEST_NO_SHARED=1` runs the suite as on a machine without ../shared (every such test must skip). */
export const HAS_SHARED = existsSync(join(SHARED, 'corpus')) && !process.env.CREDLINT_TEST_NO_SHARED;
export const CLI = join(ROOT, 'dist', 'cli', 'main.js');
