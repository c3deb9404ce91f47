import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/**
 * The unit and database files run first, at least two at a time: most of their time is spent waiting
 * (for child processes, PostgreSQL, timeouts), so two overlap even on two cores (the whole run
 * 1,436 → 1,142 s on this two-core machine). The browser files run after them, one at a time: beside
 * the database files a console walk answered late enough to fail (two failures in a trial run).
 */
const DB_WORKERS = Math.max(2, availableParallelism() - 1);

/**
 * Three projects, each with only the setup it needs: `unit` (pure tests beside the code, no
 * database), `db` (database and HTTP tests under test/, on each dialect of KESU_TEST_DIALECTS;
 * starts PostgreSQL unless only SQLite is asked for), `e2e` (browser tests; builds the console).
 * `npm run test:unit|test:db|test:e2e` runs one; `vitest run` runs all three.
 */
export default defineConfig({
  test: {
    // Browser tests on a busy two-core CI machine: slow steps are allowed, hangs still fail.
    testTimeout: 90_000,
    hookTimeout: 120_000,
    expect: { poll: { timeout: 15_000 } },
    pool: 'forks',
    reporters: ['default', './test/support/summary-reporter.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['src/**/*.test.ts'],
          maxWorkers: DB_WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'test/e2e/**'],
          globalSetup: ['test/support/global-setup.ts'],
          maxWorkers: DB_WORKERS,
          sequence: { groupOrder: 0 },
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/web-setup.ts'],
          maxWorkers: 1,
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
