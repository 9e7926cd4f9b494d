import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

/** A temporary folder for the current test file, removed afterwards; `put` writes a file into it. */
export function tempDir(): { dir: string; put(name: string, content: string | Uint8Array): string } {
  const dir = mkdtempSync(join(tmpdir(), 'credlint-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return {
    dir,
    put(name, content) {
      const p = join(dir, name);
      mkdirSync(dirname(p), { recursive: true });
      writeFileSync(p, content);
      return p;
    },
  };
}
