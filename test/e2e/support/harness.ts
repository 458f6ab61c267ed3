import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect } from '@playwright/test';
import { chromiumAvailable } from './chromium';
import { secretsInLogs } from './logScan';

export interface RunningHarness {
  url: string;
  fakeGeminiUrl?: string;
  dataDir: string;
  /** stops the harness process; the data folder stays, so a test can start another on it */
  stop(): Promise<void>;
}

const root = path.resolve(__dirname, '../../..');

/**
 * Starts `npm run harness` exactly as other tools do (a separate process on a free port) and waits
 * for its HARNESS_URL line.
 */
export async function launchHarness(options: { dataDir?: string; fakeGemini?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<RunningHarness> {
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'studio-e2e-'));
  const args = [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'test/harness/cli.ts', '--port', '0', '--data', dataDir];
  if (options.fakeGemini ?? true) args.push('--fake-gemini');
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, GEMINI_API_KEY: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const urls = await waitForUrls(child);
  return {
    ...urls,
    dataDir,
    stop: () => stopChild(child),
  };
}

function waitForUrls(child: ChildProcess): Promise<{ url: string; fakeGeminiUrl?: string }> {
  return new Promise((resolve, reject) => {
    let output = '';
    let fakeGeminiUrl: string | undefined;
    const timer = setTimeout(() => reject(new Error(`harness did not start in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      fakeGeminiUrl ??= /FAKE_GEMINI_URL=(\S+)/.exec(output)?.[1];
      const match = /HARNESS_URL=(\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], fakeGeminiUrl });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`harness exited with ${code}:\n${output}`));
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/**
 * The base test for specs that drive the renderer through the harness. Without a browser the whole
 * spec is skipped with the reason — unless REQUIRE_E2E=1 (CI), where that is a failure.
 */
export const test = base.extend<{ harness: RunningHarness; harnessEnv: NodeJS.ProcessEnv }>({
  /** extra environment for the harness process, e.g. `test.use({ harnessEnv: { STUDIO_HARNESS_TEST_CONTROLS: '1' } })` */
  harnessEnv: [{}, { option: true }],
  harness: async ({ harnessEnv }, use, testInfo) => {
    if (!chromiumAvailable()) {
      if (process.env.REQUIRE_E2E === '1') throw new Error('REQUIRE_E2E=1 but no Chromium found (set CHROMIUM_PATH or apt-get install chromium)');
      testInfo.skip(true, 'No Chromium: install Debian chromium or set CHROMIUM_PATH (REQUIRE_E2E=1 makes this a failure)');
    }
    const harness = await launchHarness({ env: harnessEnv });
    await use(harness);
    await harness.stop();
    // every test's log must be free of keys, passwords, codes and image bytes
    const leaks = secretsInLogs(harness.dataDir);
    fs.rmSync(harness.dataDir, { recursive: true, force: true });
    expect(leaks, 'the log files hold a secret').toEqual([]);
  },
});

export { expect };
