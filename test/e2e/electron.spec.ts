import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { _electron as electron, type ElectronApplication, expect, type Page, test } from '@playwright/test';
import type { WebContents, WebPreferences } from 'electron';

/**
 * The real app in the real Electron: security settings that only Chromium can prove (sandbox, CSP,
 * navigation, file access). Runs only where the Electron binary is installed; elsewhere it skips
 * itself and says why. Page code is passed as strings so this file type-checks without DOM types.
 */

const root = path.resolve(__dirname, '..', '..');
const APP_URL = 'studio-app://renderer/index.html';

/** Never `require('electron')` here: from Node it tries to download the binary. */
function findElectronBinary(): { executable: string } | { missing: string } {
  const packageDir = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(packageDir, 'path.txt');
  if (!fs.existsSync(pathFile)) return { missing: 'node_modules/electron/path.txt missing' };
  const executable = path.join(packageDir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
  if (!fs.existsSync(executable)) return { missing: `${path.relative(root, executable)} missing` };
  return { executable };
}

const binary = findElectronBinary();
const skipReason =
  'missing' in binary
    ? `Electron binary not installed (${binary.missing}). Electron ≥ 42 downloads it on first use: run ` +
      '`npx install-electron` where GitHub (or an ELECTRON_MIRROR) is reachable, or place ' +
      'electron-v<version>-<platform>-<arch>.zip in the electron_config_cache folder first.'
    : '';

interface Studio {
  app: ElectronApplication;
  page: Page;
  dataDir: string;
}

async function launchStudio(dataDir: string): Promise<Studio> {
  if (!('executable' in binary)) throw new Error(skipReason);
  if (!fs.existsSync(path.join(root, 'out', 'main', 'index.js'))) {
    throw new Error('out/main/index.js is missing: run `npm run build` first (npm run test:e2e does)');
  }
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(process.env)) if (value !== undefined) env[key] = value;
  delete env['ELECTRON_RENDERER_URL']; // the built renderer on studio-app://, not a dev server
  delete env['ELECTRON_RUN_AS_NODE'];
  env['STUDIO_DATA_DIR'] = dataDir; // honoured by unpackaged builds only (appLifecycle.ts)

  // Chromium refuses to start as root with its OS sandbox (CI containers). The renderer's
  // `sandbox: true` web preference, which these tests check, is unaffected.
  const chromiumFlags = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const app = await electron.launch({ executablePath: binary.executable, args: [...chromiumFlags, root], cwd: root, env });
  const page = await app.firstWindow();
  return { app, page, dataDir };
}

function freshDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'studio-electron-e2e-'));
}

test.describe('Electron app', () => {
  test.skip('missing' in binary, skipReason);
  test.describe.configure({ mode: 'serial' });

  let studio: Studio;

  test.beforeAll(async () => {
    studio = await launchStudio(freshDataDir());
  });

  test.afterAll(async () => {
    // close() quits through before-quit: the core shuts down and the database closes.
    await studio?.app.close();
    if (studio) fs.rmSync(studio.dataDir, { recursive: true, force: true });
  });

  test('opens on the first-run screen, served from studio-app://', async () => {
    await expect(studio.page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();
    expect(studio.page.url()).toBe(APP_URL);
  });

  test('runs the renderer sandboxed, isolated and without Node', async () => {
    const prefs = await studio.app.evaluate(({ BrowserWindow }) => {
      const windows = BrowserWindow.getAllWindows();
      // Undocumented but present since Electron 12 (used by Electron's own tests; see
      // https://github.com/electron/electron/pull/30160): the effective preferences, defaults included.
      // eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion -- `evaluate` types its argument loosely; the cast names the shape we rely on
      const contents = windows[0]?.webContents as (WebContents & { getLastWebPreferences?: () => WebPreferences | null }) | undefined;
      const p = contents?.getLastWebPreferences?.() ?? null;
      return {
        windows: windows.length,
        found: p !== null,
        sandbox: p?.sandbox,
        contextIsolation: p?.contextIsolation,
        nodeIntegration: p?.nodeIntegration,
        nodeIntegrationInSubFrames: p?.nodeIntegrationInSubFrames,
        webviewTag: p?.webviewTag,
        webSecurity: p?.webSecurity,
      };
    });
    expect(prefs.found, 'webContents.getLastWebPreferences() is gone: check the behaviour tests below instead').toBe(true);
    expect(prefs).toMatchObject({
      windows: 1,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(prefs.nodeIntegrationInSubFrames).not.toBe(true);
    expect(prefs.webSecurity).not.toBe(false);
  });

  test('exposes exactly window.studio = { on, request } and no Node globals', async () => {
    expect(await studio.page.evaluate('Object.keys(window.studio).sort()')).toEqual(['on', 'request']);
    expect(await studio.page.evaluate('[typeof require, typeof process, typeof module, typeof Buffer]')).toEqual([
      'undefined',
      'undefined',
      'undefined',
      'undefined',
    ]);
  });

  test('answers a request through the real IPC transport and router', async () => {
    const envelope = await studio.page.evaluate("window.studio.request('app.status', {})");
    expect(envelope).toMatchObject({ ok: true });
  });

  test('refuses eval and new Function (CSP without unsafe-eval)', async () => {
    const outcome = await studio.page.evaluate(`(() => {
      const attempt = (f) => { try { f(); return 'ran'; } catch (e) { return e.name; } };
      return [attempt(() => eval('1')), attempt(() => new Function('return 1')())];
    })()`);
    expect(outcome).toEqual(['EvalError', 'EvalError']);
  });

  test('cannot read local files or reach the network', async () => {
    const outcome = await studio.page.evaluate(`Promise.all([
      fetch('file:///etc/passwd').then(() => 'read', () => 'refused'),
      fetch('https://example.com/').then(() => 'read', () => 'refused'),
    ])`);
    expect(outcome).toEqual(['refused', 'refused']);
  });

  test('stays on the app when the page tries to navigate away or open a window', async () => {
    const { app, page } = studio;
    // Observe the navigation from main, after the shell's own will-navigate guard has run.
    await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents;
      (globalThis as Record<string, unknown>)['__studioNavigation'] = new Promise((resolve) => {
        contents?.once('will-navigate', (event) => resolve({ url: event.url, prevented: event.defaultPrevented }));
      });
    });
    await page.evaluate("location.href = 'https://example.com/'");
    const navigation = await app.evaluate(() => (globalThis as Record<string, unknown>)['__studioNavigation']);
    expect(navigation).toEqual({ url: 'https://example.com/', prevented: true });
    expect(page.url()).toBe(APP_URL);
    await expect(page.getByRole('heading', { name: 'Create the first admin' })).toBeVisible();

    expect(await page.evaluate("window.open('https://example.com/') === null")).toBe(true);
    expect(app.windows()).toHaveLength(1);
  });

  test('a generated image shows through studio-media:// after a restart', async () => {
    test.fixme(
      true,
      'needs sign-in and generation against the fake Gemini server inside Electron: launch with ' +
        '--gemini-base-url support, generate, close, relaunch on the same STUDIO_DATA_DIR, then check the ' +
        'gallery <img> has a studio-media:// src and naturalWidth > 0',
    );
  });

  test('a reload signs the user out', async () => {
    test.fixme(true, 'needs an account to sign in with: create the first admin, reload, expect the login screen');
  });
});
