import { defineConfig } from 'vitest/config';

const shared = {
  environment: 'node' as const,
  pool: 'forks' as const,
  testTimeout: 20_000,
  hookTimeout: 20_000,
};

/** Files that force garbage collection (`global.gc`) run in workers started with --expose-gc. */
const GC_TESTS = 'test/**/*.gc.test.ts';

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'default',
          include: ['src/**/*.test.ts', 'test/unit/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/fake-gemini/**/*.test.ts', 'test/harness/**/*.test.ts'],
          exclude: ['**/node_modules/**', GC_TESTS],
        },
      },
      {
        test: {
          ...shared,
          name: 'gc',
          include: [GC_TESTS],
          execArgv: ['--expose-gc'],
        },
      },
    ],
  },
});
