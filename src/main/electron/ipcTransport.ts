import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../../shared/contract/channels';
import type { Core, Envelope } from '../coreApi';
import { type IpcEventLike, isTrustedSender, type SenderLike, transportIdOf } from './senderValidation';

/**
 * The Electron transport: one `ipcMain.handle` on the request channel, and main's events pushed on
 * the event channel. This is the only place in the app that registers an IPC handler (a test scans
 * `src/` for others), so no route can skip the sender check — the same idea as dyad's
 * `trusted_handle.ts`.
 *
 * Identity comes from the transport: `wc:<webContents.id>`, never from the request input.
 */

type IpcHandler = (event: IpcEventLike, ...args: unknown[]) => Promise<Envelope>;

export interface IpcMainLike {
  handle(channel: string, listener: IpcHandler): void;
  removeHandler(channel: string): void;
}

/** The parts of a window's WebContents the transport uses. */
export interface AttachableContents extends SenderLike {
  send(channel: string, ...args: unknown[]): void;
  on(event: 'destroyed', listener: () => void): unknown;
  on(event: 'render-process-gone', listener: () => void): unknown;
  on(event: 'did-start-navigation', listener: (details: { isMainFrame: boolean; isSameDocument: boolean }) => void): unknown;
}

export interface IpcTransport {
  /** trusts this window's contents, wires its events and ends its session when its document goes */
  attach(contents: AttachableContents): void;
  /** the transport ids of attached, live windows (the media protocol serves the first) */
  transportIds(): string[];
  dispose(): void;
}

const forbidden: Envelope = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This request did not come from the Studio window.' },
};

const internal: Envelope = {
  ok: false,
  error: { code: 'INTERNAL', message: 'Something went wrong. Try again.' },
};

export function registerIpcTransport(options: {
  ipcMain: IpcMainLike;
  core: Pick<Core, 'router' | 'events' | 'disconnect'>;
  appOrigin: string;
}): IpcTransport {
  const { ipcMain, core, appOrigin } = options;
  const attached = new Map<number, AttachableContents>();
  const trust = {
    appOrigin,
    // By id: webContents ids are never reused within a process, and this does not depend on
    // Electron handing out the same JS wrapper for `event.sender` and `window.webContents`.
    isAppWebContents: (sender: SenderLike) => attached.has(sender.id),
  };

  ipcMain.handle(REQUEST_CHANNEL, async (event, route, input) => {
    // The sender is checked before anything else and an untrusted one never reaches the router.
    if (!isTrustedSender(event, trust)) return forbidden;
    try {
      return await core.router.dispatch({ transportId: transportIdOf(event.sender) }, route, input);
    } catch {
      // The router promises never to throw; if it ever does, a rejected invoke would lose the error
      // code (Electron serializes only the message), so answer with an envelope as well.
      return internal;
    }
  });

  function attach(contents: AttachableContents): void {
    const transportId = transportIdOf(contents);
    attached.set(contents.id, contents);

    const send = (event: string, payload: unknown): void => {
      if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
    };
    let unsubscribe = core.events.connect(transportId, send);

    // A new document in the same window (reload, crash, navigation) must start signed out: the
    // next person at a shared workstation should never inherit a session by pressing Ctrl+R.
    const endDocumentSession = (): void => {
      unsubscribe();
      core.disconnect(transportId);
      unsubscribe = core.events.connect(transportId, send);
    };

    contents.on('did-start-navigation', (details) => {
      // Same-document navigations (hash routes, pushState) keep the page and its session.
      if (details.isMainFrame && !details.isSameDocument) endDocumentSession();
    });
    contents.on('render-process-gone', endDocumentSession);
    contents.on('destroyed', () => {
      unsubscribe();
      core.disconnect(transportId);
      attached.delete(contents.id);
    });
  }

  return {
    attach,
    transportIds: () => [...attached.values()].filter((c) => !c.isDestroyed()).map(transportIdOf),
    dispose: () => ipcMain.removeHandler(REQUEST_CHANNEL),
  };
}
