import react from '@vitejs/plugin-react';
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
          name: 'node',
          include: [
            'src/**/*.test.ts',
            'test/unit/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/fake-gemini/**/*.test.ts',
            'test/harness/**/*.test.ts',
          ],
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
      {
        // React components in a simulated DOM; only the bridge (window.studio) is faked (test/renderer/fakeBridge.ts)
        plugins: [react()],
        test: {
          name: 'renderer',
          include: ['src/renderer/**/*.test.tsx'],
          environment: 'happy-dom',
          setupFiles: ['test/renderer/setup.ts'],
          testTimeout: 20_000,
        },
      },
    ],
  },
});
