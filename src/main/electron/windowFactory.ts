import { BrowserWindow, type Session, shell, type WebContents, type WebPreferences } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { decideNavigation, decidePermission, decideRedirect, decideWindowOpen, isAppUrl } from './windowPolicy';

/**
 * The one app window, created hardened. It is returned without a page: the caller attaches the IPC
 * transport and then loads the renderer, so every guard exists before the first document runs.
 */

export interface MainWindowOptions {
  /** absolute path of the bundled preload (`out/preload/index.cjs`) */
  preloadPath: string;
  /** origin of the renderer (`studio-app://renderer` or the dev server); everything else is foreign */
  appOrigin: string;
  /** DevTools only in development: on a shared workstation a console is a way around the UI */
  allowDevTools: boolean;
}

/**
 * The renderer runs as a web page: no Node, isolated from the preload, in Chromium's sandbox, no
 * <webview>. `webSecurity` is left at its default (on). Threat: any script in the page (an XSS)
 * getting Node or the preload's `ipcRenderer` would own the machine; with these it can only call
 * the two functions of `window.studio`, as the signed-in user.
 */
export function secureWebPreferences(preloadPath: string, allowDevTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    devTools: allowDevTools,
  };
}

function openExternally(url: string | null): void {
  if (url) shell.openExternal(url).catch(() => undefined);
}

/** Navigation, new windows and webviews: what a page might use to leave or extend the app. */
export function hardenWebContents(contents: WebContents, appOrigin: string): void {
  contents.on('will-navigate', (event) => {
    const decision = decideNavigation(event.url, appOrigin);
    if (decision.action === 'deny') {
      event.preventDefault();
      openExternally(decision.openExternal);
    }
  });
  contents.on('will-redirect', (event) => {
    if (decideRedirect(event.url, appOrigin).action === 'deny') event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    const decision = decideWindowOpen(url);
    openExternally(decision.openExternal);
    return { action: decision.action };
  });
  // webviewTag is off, so this never fires; if a future change turned it on, attaching still fails.
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Response headers with our CSP replacing whatever the server sent (any letter case). */
export function withContentSecurityPolicy(headers: Record<string, string[]> | undefined): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() !== 'content-security-policy') result[name] = value;
  }
  result['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
  return result;
}

/** Permissions and the CSP header, per session (the window uses the default session). */
export function hardenSession(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(decidePermission({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, appOrigin }));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission({ permission, requestingUrl: requestingOrigin, isMainFrame: details.isMainFrame, appOrigin }),
  );
  // The app protocol sets the header itself; this covers the dev server, whose responses pass
  // through the network stack. The <meta> tag in index.html covers both either way.
  session.webRequest.onHeadersReceived((details, callback) => {
    if (!isAppUrl(details.url, appOrigin)) {
      callback({});
      return;
    }
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    show: false,
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    title: 'Gemini Media Studio',
    autoHideMenuBar: true,
    webPreferences: secureWebPreferences(options.preloadPath, options.allowDevTools),
  });
  hardenSession(window.webContents.session, options.appOrigin);
  hardenWebContents(window.webContents, options.appOrigin);
  // Shown once painted, so nobody sees a blank or half-styled frame.
  window.once('ready-to-show', () => window.show());
  return window;
}
