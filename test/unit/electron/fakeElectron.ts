import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/**
 * A stand-in for the `electron` module: enough of app, protocol, ipcMain, powerMonitor, safeStorage,
 * BrowserWindow, webContents and session for the shell's wiring to run in plain Node. Used through
 * `vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron())`, because
 * importing the real package from Node tries to download the Electron binary.
 */

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeFrame {
  detached = false;
  destroyed = false;
  constructor(
    public url: string,
    readonly frameTreeNodeId: number,
    readonly parent: FakeFrame | null = null,
  ) {}
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

export class FakeSession {
  setPermissionRequestHandler = vi.fn();
  setPermissionCheckHandler = vi.fn();
  webRequest = { onHeadersReceived: vi.fn() };
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly session = new FakeSession();
  readonly mainFrame: FakeFrame;
  destroyed = false;
  type = 'window';
  setWindowOpenHandler = vi.fn();
  send = vi.fn();
  constructor(url = 'studio-app://renderer/index.html') {
    super();
    this.mainFrame = new FakeFrame(url, 1000 + this.id);
  }
  getType(): string {
    return this.type;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export class FakeBrowserWindow extends EventEmitter {
  readonly webContents = new FakeWebContents();
  minimized = false;
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn();
  loadURL = vi.fn(async (_url: string): Promise<void> => undefined);
  constructor(readonly options: Record<string, unknown>) {
    super();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  isDestroyed(): boolean {
    return false;
  }
}

type Handler = (...args: never[]) => unknown;

export function createFakeElectron() {
  const exited = deferred<number>();
  const firstLoad = deferred<string>();
  const windows: FakeBrowserWindow[] = [];
  class BrowserWindow extends FakeBrowserWindow {
    constructor(options: Record<string, unknown>) {
      super(options);
      windows.push(this);
      this.loadURL.mockImplementation(async (url: string) => firstLoad.resolve(url));
    }
  }
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    enableSandbox: vi.fn(),
    requestSingleInstanceLock: vi.fn(() => true),
    setPath: vi.fn(),
    getPath: vi.fn(() => '/tmp/fake-user-data'),
    whenReady: vi.fn(() => Promise.resolve()),
    exit: vi.fn((code?: number) => exited.resolve(code ?? 0)),
    /** resolves with the code of the first `app.exit` */
    exited: exited.promise,
    /** like Electron: emits 'before-quit'; the app quits unless a listener prevents it */
    quit: vi.fn(() => {
      const event = new FakeEvent();
      app.emit('before-quit', event);
      if (!event.defaultPrevented) app.quitWithoutShutdown = true;
    }),
    quitWithoutShutdown: false,
  });
  const protocolHandlers = new Map<string, Handler>();
  const ipcHandlers = new Map<string, Handler>();
  return {
    app,
    protocol: {
      registerSchemesAsPrivileged: vi.fn(),
      handle: vi.fn((scheme: string, handler: Handler) => void protocolHandlers.set(scheme, handler)),
      handlers: protocolHandlers,
    },
    ipcMain: {
      handle: vi.fn((channel: string, handler: Handler) => void ipcHandlers.set(channel, handler)),
      removeHandler: vi.fn((channel: string) => void ipcHandlers.delete(channel)),
      handlers: ipcHandlers,
    },
    powerMonitor: Object.assign(new EventEmitter(), { getSystemIdleState: vi.fn((_threshold: number) => 'active') }),
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'gnome_libsecret'),
      encryptString: vi.fn((s: string) => Buffer.from(s).reverse()),
      decryptString: vi.fn((b: Buffer) => Buffer.from(b).reverse().toString()),
    },
    dialog: {
      showErrorBox: vi.fn(),
      showSaveDialog: vi.fn(async (..._args: unknown[]) => ({ canceled: true, filePath: '' })),
    },
    shell: { openExternal: vi.fn(async (_url: string) => undefined), openPath: vi.fn(async (_path: string) => '') },
    BrowserWindow,
    /** every window created, in order */
    windows,
    /** resolves with the URL the first window loads: the end of the app's start sequence */
    firstLoad: firstLoad.promise,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: Object.assign(new EventEmitter(), { invoke: vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined) }),
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;
