import type { IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../shared/contract/channels';

/**
 * What the preload exposes as `window.studio`, built over an ipcRenderer-like object so it is
 * unit-tested without Electron. See index.ts for why nothing else is exposed.
 */

export interface StudioBridge {
  /** one request through the router; resolves with the envelope as is (the client unwraps it) */
  request(route: string, input?: unknown): Promise<unknown>;
  /** subscribes to one event name; returns the unsubscribe function */
  on(event: string, callback: (payload: unknown) => void): () => void;
}

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: IpcRendererEvent, ...args: unknown[]) => void): unknown;
}

export function createStudioBridge(ipc: IpcRendererLike): StudioBridge {
  return {
    request(route, input) {
      // The page's own code can pass anything; a route that is not a name never leaves the preload.
      if (typeof route !== 'string') {
        return Promise.resolve({
          ok: false,
          error: { code: 'VALIDATION_FAILED', message: 'Invalid request — route: must be a route name (a string).' },
        });
      }
      return ipc.invoke(REQUEST_CHANNEL, route, input);
    },
    on(event, callback) {
      if (typeof event !== 'string' || typeof callback !== 'function') {
        throw new TypeError('studio.on(event: string, callback: function)');
      }
      // Our own listener wraps the page's callback: functions crossing contextBridge are proxies,
      // so registering the page's function directly could never be removed again, and this way
      // the raw IpcRendererEvent stays on this side.
      const listener = (_event: IpcRendererEvent, name: unknown, payload: unknown): void => {
        if (name === event) callback(payload);
      };
      ipc.on(EVENT_CHANNEL, listener);
      let subscribed = true;
      return () => {
        if (!subscribed) return;
        subscribed = false;
        ipc.removeListener(EVENT_CHANNEL, listener);
      };
    },
  };
}
