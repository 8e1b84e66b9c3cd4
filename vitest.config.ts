import { defineConfig } from 'vitest/config';

/** Three suites: fast Node unit tests, PyTorch parity fixtures, and real-browser tests. */
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts?(x)'], environment: 'node', setupFiles: ['tests/shared/relaxedSimd.ts', 'tests/unit/languages.ts'], testTimeout: 60_000 } },
      { test: { name: 'parity', include: ['tests/parity/**/*.test.ts'], environment: 'node', setupFiles: ['tests/shared/relaxedSimd.ts'], testTimeout: 300_000 } },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/serve.ts'],
          testTimeout: 300_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
