import { describe, expect, it, vi } from 'vitest';
import type { Core, CoreOptions } from '../../../src/main/coreApi';
import { MEDIA_URL_BASE } from '../../../src/shared/contract/mediaUrl';
import { createFakeElectron, type FakeBrowserWindow } from './fakeElectron';

function fakeCore() {
  let finishShutdown!: () => void;
  let shutdownStarted!: () => void;
  const shutdownCalled = new Promise<void>((resolve) => (shutdownStarted = resolve));
  const core = {
    router: { dispatch: vi.fn() },
    events: { connect: vi.fn(() => vi.fn()) },
    disconnect: vi.fn(),
    endAllSessions: vi.fn(),
    serveMedia: vi.fn(),
    shutdown: vi.fn(() => {
      shutdownStarted();
      return new Promise<void>((resolve) => (finishShutdown = resolve));
    }),
  } satisfies Core;
  return { core, shutdownCalled, finishShutdown: () => finishShutdown() };
}

/** A fresh `electron` fake and a fresh app module per test, as if the process had just started. */
async function boot(options: { argv?: string[]; createCore?: (o: CoreOptions) => Promise<Core>; lock?: boolean } = {}) {
  vi.resetModules();
  const electron = createFakeElectron();
  vi.doMock('electron', () => electron);
  electron.app.requestSingleInstanceLock.mockReturnValue(options.lock ?? true);
  const { core, shutdownCalled, finishShutdown } = fakeCore();
  const createCore = vi.fn(options.createCore ?? (async () => core));
  const output = { print: vi.fn(), printError: vi.fn() };
  const { startStudioApp } = await import('../../../src/main/electron/appLifecycle');
  startStudioApp({ createCore, mainDir: '/app/out/main', argv: options.argv ?? ['studio'], env: {}, output });
  return { electron, core, shutdownCalled, finishShutdown, createCore, output };
}

async function bootToWindow() {
  const booted = await boot();
  const url = await booted.electron.firstLoad;
  const window = booted.electron.windows[0] as FakeBrowserWindow;
  return { ...booted, url, window };
}

describe('app lifecycle', () => {
  it('enables the sandbox and registers the privileged schemes before ready', async () => {
    const { electron } = await boot();
    const { app, protocol } = electron;
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const schemes = protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0];
    expect(schemes).toContainEqual({
      scheme: 'studio-media',
      privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true },
    });
    expect(schemes).toContainEqual(expect.objectContaining({ scheme: 'studio-app' }));
    const readyOrder = app.whenReady.mock.invocationCallOrder[0] ?? 0;
    expect(app.enableSandbox.mock.invocationCallOrder[0]).toBeLessThan(readyOrder);
    expect(protocol.registerSchemesAsPrivileged.mock.invocationCallOrder[0]).toBeLessThan(readyOrder);
  });

  it('exits at once as a second instance, without opening the database', async () => {
    const { electron, createCore } = await boot({ lock: false });
    expect(electron.app.exit).toHaveBeenCalledWith(0);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(createCore).not.toHaveBeenCalled();
  });

  it('tells a second --reset-admin launch to quit the running app first', async () => {
    const { electron, output } = await boot({ lock: false, argv: ['studio', '--reset-admin', 'a@b.c'] });
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(output.printError.mock.calls[0]?.[0]).toMatch(/running/);
  });

  it('starts the core in the user-data folder, wires both protocols and IPC, then loads the renderer', async () => {
    const { electron, createCore, url, window } = await bootToWindow();
    expect(createCore).toHaveBeenCalledTimes(1);
    const options = createCore.mock.calls[0]?.[0] as CoreOptions;
    expect(options.dataDir).toBe('/tmp/fake-user-data');
    expect(options.mediaUrlBase).toBe(MEDIA_URL_BASE);
    expect(options.secretStore.protection()).toBe('os');
    expect([...electron.protocol.handlers.keys()].sort()).toEqual(['studio-app', 'studio-media']);
    expect([...electron.ipcMain.handlers.keys()]).toEqual(['studio:request']);
    expect(url).toBe('studio-app://renderer/index.html');
    expect(window.options['webPreferences']).toMatchObject({
      preload: expect.stringMatching(/out[\\/]preload[\\/]index\.cjs$/),
      sandbox: true,
      contextIsolation: true,
    });
    // The transport is attached before the page loads, so the first document is already tracked.
    expect(window.webContents.listenerCount('did-start-navigation')).toBe(1);
  });

  it('gives the core the log folder and diagnostics actions on the shell and a save dialog attached to the window', async () => {
    const { electron, createCore, window } = await bootToWindow();
    const hooks = (createCore.mock.calls[0]?.[0] as CoreOptions).settingsDesktop;
    expect(await hooks?.openFolder?.('/tmp/fake-user-data/logs')).toBe('');
    expect(electron.shell.openPath).toHaveBeenCalledWith('/tmp/fake-user-data/logs');
    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/kim/support.zip' });
    expect(await hooks?.chooseDiagnosticsFile?.('wc:1', 'studio-diagnostics.zip')).toBe('/home/kim/support.zip');
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: 'studio-diagnostics.zip' }));
  });

  it('focuses and restores the first window when a second instance starts', async () => {
    const { electron, window } = await bootToWindow();
    window.minimized = true;
    electron.app.emit('second-instance', {}, ['studio'], '/');
    expect(window.restore).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
  });

  it('ends every session when the screen locks or the machine suspends', async () => {
    const { electron, core } = await bootToWindow();
    electron.powerMonitor.emit('lock-screen');
    expect(core.endAllSessions).toHaveBeenLastCalledWith('os-lock');
    electron.powerMonitor.emit('suspend');
    expect(core.endAllSessions).toHaveBeenLastCalledWith('suspend');
    expect(core.endAllSessions).toHaveBeenCalledTimes(2);
  });

  it('on quit, shuts the core down once and exits only after it finished', async () => {
    const { electron, core, shutdownCalled, finishShutdown } = await bootToWindow();
    electron.app.quit();
    electron.app.quit(); // a second Cmd+Q while shutting down
    expect(electron.app.quitWithoutShutdown).toBe(false);
    await shutdownCalled;
    expect(core.shutdown).toHaveBeenCalledTimes(1);
    expect(electron.app.exit).not.toHaveBeenCalled();
    finishShutdown();
    await expect(electron.app.exited).resolves.toBe(0);
    expect(electron.app.exit).toHaveBeenCalledTimes(1);
  });

  it('runs --reset-admin without a window and exits through the core shutdown', async () => {
    const { electron, core, shutdownCalled, finishShutdown, output } = await boot({
      argv: ['studio', '--reset-admin', 'ada@example.org'],
    });
    // This fake core offers no resetAdmin: the command reports it and exits 1.
    await shutdownCalled;
    expect(core.shutdown).toHaveBeenCalledTimes(1);
    expect(electron.app.exit).not.toHaveBeenCalled();
    finishShutdown();
    await expect(electron.app.exited).resolves.toBe(1);
    expect(output.printError.mock.calls[0]?.[0]).toMatch(/--reset-admin/);
    expect(electron.windows).toHaveLength(0);
  });

  it('shows an error and exits 1 when the core cannot start', async () => {
    const { electron } = await boot({
      createCore: async () => {
        throw new Error('migration 0003 failed');
      },
    });
    await expect(electron.app.exited).resolves.toBe(1);
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith('Gemini Media Studio could not start', 'migration 0003 failed');
    expect(electron.windows).toHaveLength(0);
  });
});

describe('renderer location and data folder', () => {
  it('uses the dev server only in development and only on loopback', async () => {
    const { resolveRendererLocation } = await import('../../../src/main/electron/appLifecycle');
    const dev = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(resolveRendererLocation({ isPackaged: false, env: dev })).toEqual({
      startUrl: 'http://localhost:5173/',
      appOrigin: 'http://localhost:5173',
      fromDevServer: true,
    });
    const bundled = { startUrl: 'studio-app://renderer/index.html', appOrigin: 'studio-app://renderer', fromDevServer: false };
    expect(resolveRendererLocation({ isPackaged: true, env: dev })).toEqual(bundled);
    expect(resolveRendererLocation({ isPackaged: false, env: {} })).toEqual(bundled);
    for (const url of ['https://evil.example/', 'http://localhost.evil.com:5173/', 'file:///tmp/x.html', 'http://u:p@localhost:5173/', 'nonsense']) {
      expect(resolveRendererLocation({ isPackaged: false, env: { ELECTRON_RENDERER_URL: url } })).toEqual(bundled);
    }
  });

  it('lets STUDIO_DATA_DIR move the data folder in development only', async () => {
    const { resolveDataDirOverride } = await import('../../../src/main/electron/appLifecycle');
    expect(resolveDataDirOverride({ isPackaged: false, env: { STUDIO_DATA_DIR: '/tmp/e2e-1' } })).toBe('/tmp/e2e-1');
    expect(resolveDataDirOverride({ isPackaged: true, env: { STUDIO_DATA_DIR: '/tmp/e2e-1' } })).toBeNull();
    expect(resolveDataDirOverride({ isPackaged: false, env: { STUDIO_DATA_DIR: 'relative/dir' } })).toBeNull();
    expect(resolveDataDirOverride({ isPackaged: false, env: {} })).toBeNull();
  });

  it('points packaged builds at the shipped migrations', async () => {
    const { resolveMigrationsDir } = await import('../../../src/main/electron/appLifecycle');
    expect(resolveMigrationsDir({ isPackaged: true, resourcesPath: '/opt/studio/resources' })).toMatch(
      /^[\\/]opt[\\/]studio[\\/]resources[\\/]drizzle$/,
    );
    expect(resolveMigrationsDir({ isPackaged: false, resourcesPath: '/x' })).toBeUndefined();
  });
});
