import { defineConfig } from 'vitest/config';

/**
 * The package as a company gets it (npm run test:package): `npm pack`, then a
 * project made by `ladder init` in a temporary folder outside the repository,
 * with the tarball installed from the npm registry's dependencies alone.
 */
export default defineConfig({
  test: {
    include: ['tests/package/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 600_000,
  },
});
