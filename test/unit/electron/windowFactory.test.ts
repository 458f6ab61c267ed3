import * as electronModule from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, withContentSecurityPolicy } from '../../../src/main/electron/windowFactory';
import { CONTENT_SECURITY_POLICY } from '../../../src/shared/contract/csp';
import { type FakeBrowserWindow, type FakeElectron, FakeEvent } from './fakeElectron';

vi.mock('electron', async () => (await import('./fakeElectron')).createFakeElectron());
const electron = electronModule as unknown as FakeElectron;

const APP = 'studio-app://renderer';

function create() {
  const window = createMainWindow({ preloadPath: '/app/out/preload/index.cjs', appOrigin: APP, allowDevTools: false });
  return window as unknown as FakeBrowserWindow;
}

function listener(window: FakeBrowserWindow, event: string) {
  const [fn] = window.webContents.listeners(event) as Array<(...args: unknown[]) => void>;
  if (!fn) throw new Error(`no '${event}' listener`);
  return fn;
}

beforeEach(() => {
  electron.shell.openExternal.mockClear();
});

describe('createMainWindow', () => {
  it('creates a hidden window with isolated, sandboxed, Node-free web preferences', () => {
    const window = create();
    expect(window.options['show']).toBe(false);
    expect(window.options['webPreferences']).toEqual({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      devTools: false,
    });
    // webSecurity stays at Electron's default (on): it is never mentioned.
    expect(window.options['webPreferences']).not.toHaveProperty('webSecurity');
  });

  it('shows the window only once it is ready to show', () => {
    const window = create();
    expect(window.show).not.toHaveBeenCalled();
    window.emit('ready-to-show');
    expect(window.show).toHaveBeenCalledTimes(1);
  });

  it('registers every guard before any page is loaded', () => {
    const window = create();
    const contents = window.webContents;
    expect(window.loadURL).not.toHaveBeenCalled();
    for (const event of ['will-navigate', 'will-redirect', 'will-attach-webview']) {
      expect(contents.listenerCount(event), event).toBe(1);
    }
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    expect(contents.session.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(contents.session.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(contents.session.webRequest.onHeadersReceived).toHaveBeenCalledTimes(1);
  });

  it('blocks navigation away from the app and opens allow-listed links externally', () => {
    const window = create();
    const willNavigate = listener(window, 'will-navigate');

    const toEvil = new FakeEvent('https://example.com/');
    willNavigate(toEvil);
    expect(toEvil.defaultPrevented).toBe(true);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();

    const toDocs = new FakeEvent('https://ai.google.dev/gemini-api/docs');
    willNavigate(toDocs);
    expect(toDocs.defaultPrevented).toBe(true);
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://ai.google.dev/gemini-api/docs');

    const reload = new FakeEvent('studio-app://renderer/index.html');
    willNavigate(reload);
    expect(reload.defaultPrevented).toBe(false);
  });

  it('blocks redirects off the app', () => {
    const window = create();
    const event = new FakeEvent('https://ai.google.dev/');
    listener(window, 'will-redirect')(event);
    expect(event.defaultPrevented).toBe(true);
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('denies every new window, opening only allow-listed https URLs in the browser', () => {
    const window = create();
    const handler = window.webContents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: { url: string }) => unknown;
    expect(handler({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
    expect(handler({ url: 'https://aistudio.google.com/apikey' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).toHaveBeenCalledWith('https://aistudio.google.com/apikey');
  });

  it('refuses to attach a webview', () => {
    const window = create();
    const event = new FakeEvent();
    listener(window, 'will-attach-webview')(event, {}, { src: 'https://evil.example/' });
    expect(event.defaultPrevented).toBe(true);
  });

  it('denies permission requests and checks (camera, notifications, …)', () => {
    const session = create().webContents.session;
    const request = session.setPermissionRequestHandler.mock.calls[0]?.[0] as (...a: unknown[]) => void;
    const callback = vi.fn();
    request({}, 'media', callback, { requestingUrl: 'studio-app://renderer/index.html', isMainFrame: true });
    request({}, 'notifications', callback, { requestingUrl: 'studio-app://renderer/index.html', isMainFrame: true });
    expect(callback.mock.calls).toEqual([[false], [false]]);

    const check = session.setPermissionCheckHandler.mock.calls[0]?.[0] as (...a: unknown[]) => boolean;
    expect(check(null, 'geolocation', 'studio-app://renderer', { isMainFrame: true })).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'https://evil.example', { isMainFrame: true })).toBe(false);
  });

  it('puts the CSP on app responses only', () => {
    const session = create().webContents.session;
    const onHeaders = session.webRequest.onHeadersReceived.mock.calls[0]?.[0] as (
      details: { url: string; responseHeaders?: Record<string, string[]> },
      cb: (r: unknown) => void,
    ) => void;
    const cb = vi.fn();
    onHeaders({ url: 'studio-app://renderer/index.html', responseHeaders: { 'content-security-policy': ['*'] } }, cb);
    expect(cb).toHaveBeenLastCalledWith({ responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
    onHeaders({ url: 'https://ai.google.dev/', responseHeaders: {} }, cb);
    expect(cb).toHaveBeenLastCalledWith({});
  });
});

describe('withContentSecurityPolicy', () => {
  it('replaces any existing CSP header whatever its case and keeps the others', () => {
    expect(
      withContentSecurityPolicy({
        'Content-Type': ['text/html'],
        'CONTENT-SECURITY-POLICY': ["script-src 'unsafe-inline'"],
        'content-security-policy': ['*'],
      }),
    ).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
  });
});
