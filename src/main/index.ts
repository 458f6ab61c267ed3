/**
 * Electron entry point (bundled to out/main/index.js). The bootstrap lives in
 * electron/appLifecycle.ts so it can be unit-tested with a mocked `electron`; this file only hands
 * it the core.
 */
import { createCore } from './core';
import { startStudioApp } from './electron/appLifecycle';

startStudioApp({ createCore, mainDir: __dirname });
