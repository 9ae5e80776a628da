import { defineConfig } from 'vitest/config';

// Tests that never open a database (pure domain, Block Kit checks, the emulator itself): the
// PostgreSQL run would only repeat them.
const DATABASE_FREE = [
  'test/domain/**',
  'test/emulator/**',
  'test/config/**',
  'test/transcript/**',
  'test/slack/views/**',
  'test/slack/manifest.test.ts',
  'test/slack/coverage-command.test.ts',
  'test/slack/kpi-home-cache.test.ts',
  'test/metrics/slack-api.test.ts',
  'test/export/csv.test.ts',
  'test/logger.test.ts',
  // The playground always runs on its own throw-away embedded database.
  'test/playground/**',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    setupFiles: ['test/support/fast-check-seed.ts'],
    projects: [
      { extends: true, test: { name: 'pglite', include: ['test/**/*.test.ts'] } },
      // With TEST_DATABASE_URL (CI sets it) the whole suite runs again on that PostgreSQL server.
      ...(process.env.TEST_DATABASE_URL?.trim()
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: ['test/**/*.test.ts'],
                exclude: DATABASE_FREE,
                env: { TEST_DATABASE_BACKEND: 'postgres' },
              },
            },
          ]
        : []),
    ],
  },
});
