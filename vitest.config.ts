import { defineConfig } from 'vitest/config';

/**
 * One platform (PostgreSQL, three subgraphs, gateway) is started for the whole run by test/support/global-setup.ts;
 * test files run one after another against it (2 cores; counters such as SQL statements stay readable) and each
 * makes its own data with fresh codes, so files never depend on one another.
 */
export default defineConfig({
  test: {
    include: ['services/*/test/**/*.test.ts', 'gateway/test/**/*.test.ts', 'schema/test/**/*.test.ts', 'test/**/*.test.ts'],
    globalSetup: ['test/support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
