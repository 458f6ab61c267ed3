import { resolve } from 'node:path';
import { defineConfig, externalizeDepsPlugin } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Main and preload: everything in `dependencies` stays external (better-sqlite3's .node binary must
// be loaded from node_modules at run time); devDependencies are bundled.
export default defineConfig({
  main: {
    plugins: [externalizeDepsPlugin()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The generation worker thread, started by path from jobs/worker/workerHost.ts as
          // out/main/generationWorker.js (docs/decisions/0023-worker-thread.md). An extra entry rather than
          // electron-vite's `?modulePath` import: the harness, the benchmarks and Vitest run main from
          // source, where no electron-vite plugin resolves that suffix.
          generationWorker: resolve(__dirname, 'src/main/services/jobs/worker/generationWorker.ts'),
        },
      },
    },
  },
  preload: {
    // The preload runs in a sandboxed renderer, which cannot require() modules: bundle it whole.
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      outDir: 'out/renderer',
      // electron-vite leaves the renderer unminified by default: 1.5 MB of source to parse at every start
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
