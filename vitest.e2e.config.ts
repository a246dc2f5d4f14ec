import { defineConfig } from 'vitest/config';

/**
 * The browser tests (npm run test:e2e): Debian's Chromium driven by
 * playwright-core against the Northwind fixture (tests/fixtures/northwind/), built once by the global setup
 * and served on 127.0.0.1. One file at a time: each file runs one browser and
 * audits a few pages at once inside it, which is what two cores can carry.
 */
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    globalSetup: ['tests/e2e/setup.ts'],
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 240_000,
  },
});
