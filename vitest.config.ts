import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.{ts,tsx}', 'cli/**/*.test.ts', 'server/**/*.test.ts', 'tests/unit/**/*.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    pool: 'forks',
    // Some component tests play a whole level through jsdom; on a loaded 2-core machine that takes
    // longer than Vitest's 5 s default. Limits stop hung tests; timing is measured by the benches.
    testTimeout: 30_000,
  },
});
