import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ROOT } from './paths.js';

export const CHROMIUM = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** Screenshots and pages the browser tests leave for a person to look at (gitignored). */
export const TEST_OUTPUT = join(ROOT, 'test-output');
// Made up front: a fresh clone has no test-output/, and tests write reports there before a browser starts.
mkdirSync(TEST_OUTPUT, { recursive: true });

if (!HAS_CHROMIUM) process.stderr.write(`skipping the browser tests: no Chromium at ${CHROMIUM} (Debian: apt-get install chromium)\n`);

/** Debian's Chromium, headless, with everything that would reach the network switched off. */
export async function launchChromium(): Promise<Browser> {
  mkdirSync(TEST_OUTPUT, { recursive: true });
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
