import { contextBridge, type IpcRendererEvent, ipcRenderer } from 'electron';
import { EVENT_CHANNEL, REQUEST_CHANNEL } from '../shared/contract/channels';

/**
 * The whole bridge between the page and main: `window.studio = { request, on }`, nothing else.
 * The page never sees `ipcRenderer`, an IpcRendererEvent (whose `sender` could send on any
 * channel), Node, or `process`. Bundled to out/preload/index.cjs: a sandboxed preload cannot
 * require() our modules, only `electron`'s renderer subset.
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

contextBridge.exposeInMainWorld('studio', createStudioBridge(ipcRenderer));
