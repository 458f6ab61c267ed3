import path from 'node:path';
import { app, type BrowserWindow, dialog, ipcMain, powerMonitor, protocol, safeStorage, shell } from 'electron';
import { MEDIA_URL_BASE } from '../../shared/contract/mediaUrl';
import type { Core, CreateCore } from '../coreApi';
import { registerAppProtocol } from './appProtocol';
import { type CommandLineOutput, runCommandLine } from './commandLine';
import { registerIpcTransport } from './ipcTransport';
import { createMediaDesktopHooks } from './mediaDesktopHooks';
import { registerMediaProtocol } from './mediaProtocol';
import { createSafeStorageSecretStore } from './safeStorageSecretStore';
import { createSettingsDesktopHooks } from './settingsDesktopHooks';
import { watchScreenLock } from './screenLockWatch';
import { APP_INDEX_URL, APP_ORIGIN, PRIVILEGED_SCHEMES } from './schemes';
import { createMainWindow } from './windowFactory';

/**
 * The app's life from launch to quit: what `src/main/index.ts` runs. Kept apart from index.ts so it
 * is tested with a mocked `electron` and a fake core (test/unit/electron/appLifecycle.test.ts).
 */

export interface StartOptions {
  createCore: CreateCore;
  /** folder of the main bundle (`out/main`); the preload and renderer sit beside it */
  mainDir: string;
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  output?: CommandLineOutput;
}

export interface RendererLocation {
  startUrl: string;
  appOrigin: string;
  fromDevServer: boolean;
}

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The bundled renderer on `studio-app://`, or in development the electron-vite dev server.
 * Threat: an environment variable making the installed app load a remote page next to the preload
 * bridge. `ELECTRON_RENDERER_URL` is ignored in packaged builds and must be a loopback http(s) URL.
 */
export function resolveRendererLocation(options: { isPackaged: boolean; env: NodeJS.ProcessEnv }): RendererLocation {
  const bundled = { startUrl: APP_INDEX_URL, appOrigin: APP_ORIGIN, fromDevServer: false };
  const devUrl = options.env['ELECTRON_RENDERER_URL'];
  if (options.isPackaged || !devUrl) return bundled;
  let url: URL;
  try {
    url = new URL(devUrl);
  } catch {
    return bundled;
  }
  if ((url.protocol !== 'http:' && url.protocol !== 'https:') || !LOOPBACK_HOSTS.has(url.hostname)) return bundled;
  if (url.username !== '' || url.password !== '') return bundled;
  return { startUrl: url.href, appOrigin: url.origin, fromDevServer: true };
}

/**
 * Development and tests only (the Electron e2e spec runs each launch in a temporary folder). A
 * packaged app always keeps its data in the OS user-data folder: an inherited variable must not
 * point it at another database.
 */
export function resolveDataDirOverride(options: { isPackaged: boolean; env: NodeJS.ProcessEnv }): string | null {
  const dir = options.env['STUDIO_DATA_DIR'];
  if (options.isPackaged || !dir || !path.isAbsolute(dir)) return null;
  return dir;
}

/** Packaged builds ship bundled data (the common-password list) as `<resources>/resources` (extraResources). */
export function resolveResourcesDir(options: { isPackaged: boolean; resourcesPath: string }): string | undefined {
  return options.isPackaged ? path.join(options.resourcesPath, 'resources') : undefined;
}

/** Packaged builds ship the migrations as `resources/drizzle` (electron-builder.yml extraResources). */
export function resolveMigrationsDir(options: { isPackaged: boolean; resourcesPath: string }): string | undefined {
  return options.isPackaged ? path.join(options.resourcesPath, 'drizzle') : undefined;
}

export function startStudioApp(options: StartOptions): void {
  const argv = options.argv ?? process.argv;
  const env = options.env ?? process.env;
  const output = options.output ?? { print: (l) => console.log(l), printError: (l) => console.error(l) };

  // Every renderer sandboxed, even one a future change forgets to configure.
  app.enableSandbox();
  // Before `ready`, and only once (Electron keeps the last call).
  protocol.registerSchemesAsPrivileged(PRIVILEGED_SCHEMES);

  const dataDirOverride = resolveDataDirOverride({ isPackaged: app.isPackaged, env });
  if (dataDirOverride) app.setPath('userData', dataDirOverride);

  // One instance per data folder: two processes writing one SQLite file and one media folder would
  // race on jobs and quotas. A second launch hands the focus to the first and leaves.
  if (!app.requestSingleInstanceLock()) {
    const wantsCommand = argv.some((a) => a === '--reset-admin' || a.startsWith('--reset-admin='));
    if (wantsCommand) output.printError('Gemini Media Studio is running. Quit it first, then run this command again.');
    app.exit(wantsCommand ? 1 : 0);
    return;
  }

  let window: BrowserWindow | null = null;
  let corePromise: Promise<Core> | null = null;
  let exitCode = 0;

  app.on('second-instance', () => {
    if (!window || window.isDestroyed()) return;
    if (window.isMinimized()) window.restore();
    window.show();
    window.focus();
  });

  // Closing the window quits, on macOS too: on a shared workstation a closed window must not leave
  // a signed-in app running in the dock.
  app.on('window-all-closed', () => app.quit());

  // Quit waits for the core: jobs persist their state, the WAL is checkpointed, the database closed.
  // `app.exit` skips `before-quit`, so this runs once.
  let shuttingDown = false;
  app.on('before-quit', (event) => {
    const pending = corePromise;
    if (!pending) return;
    event.preventDefault();
    if (shuttingDown) return;
    shuttingDown = true;
    pending
      .then((core) => core.shutdown())
      .catch((error: unknown) => output.printError(`Shutdown did not complete: ${String(error)}`))
      .finally(() => app.exit(exitCode));
  });

  const start = async (): Promise<void> => {
    const renderer = resolveRendererLocation({ isPackaged: app.isPackaged, env });
    corePromise = options.createCore({
      dataDir: app.getPath('userData'),
      secretStore: createSafeStorageSecretStore(safeStorage, process.platform),
      mediaUrlBase: MEDIA_URL_BASE,
      migrationsDir: resolveMigrationsDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath }),
      resourcesDir: resolveResourcesDir({ isPackaged: app.isPackaged, resourcesPath: process.resourcesPath }),
      mediaDesktop: createMediaDesktopHooks({ dialog, shell, currentWindow: () => window }),
      settingsDesktop: createSettingsDesktopHooks({ dialog, shell, currentWindow: () => window }),
    });
    const core = await corePromise;

    const command = await runCommandLine(argv, core, output);
    if (command.exit) {
      exitCode = command.exitCode;
      app.quit();
      return;
    }

    if (!renderer.fromDevServer) {
      registerAppProtocol({ protocol, rendererDir: path.join(options.mainDir, '..', 'renderer') });
    }
    const transport = registerIpcTransport({ ipcMain, core, appOrigin: renderer.appOrigin });
    registerMediaProtocol({ protocol, core, currentTransportId: () => transport.transportIds()[0] ?? null });

    // docs/accounts.md: the person who walks away from a locked or sleeping workstation is signed out.
    // (Linux has no 'lock-screen' event; the watcher polls the idle state there.)
    watchScreenLock({ powerMonitor, platform: process.platform, onLock: () => core.endAllSessions('os-lock') });
    powerMonitor.on('suspend', () => core.endAllSessions('suspend'));

    window = createMainWindow({
      preloadPath: path.join(options.mainDir, '..', 'preload', 'index.cjs'),
      appOrigin: renderer.appOrigin,
      allowDevTools: !app.isPackaged,
    });
    window.on('closed', () => {
      window = null;
    });
    transport.attach(window.webContents);
    await window.loadURL(renderer.startUrl);
  };

  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      output.printError(`Gemini Media Studio could not start: ${message}`);
      dialog.showErrorBox('Gemini Media Studio could not start', message);
      exitCode = 1;
      // With a core (or one still opening), quit through `before-quit` so the database is closed.
      if (corePromise) app.quit();
      else app.exit(1);
    });
}
