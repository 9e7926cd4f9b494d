import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two checking threads from 32 articles (the CLI's default is one per 2,000), so the suite's small batches
    // still run on several threads; test/threads-for.test.ts checks the default itself.
    env: { CREDLINT_ARTICLES_PER_THREAD: '16' },
    reporters: ['default', './test/helpers/plain-summary.ts'],
  },
});
