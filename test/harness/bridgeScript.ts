import { ENCODE_BYTES_SOURCE } from './wireBytes';

/**
 * The browser harness's stand-in for the Electron preload: the same two functions on
 * `window.studio`, over HTTP (requests) and server-sent events (events). The connection id plays
 * the part of the Electron webContents: it is the transport identity main binds a session to.
 * Bytes in a request (an imported file) are encoded for JSON as wireBytes.ts describes.
 */
export function bridgeScript(connectionId: string): string {
  return `(() => {
  const connection = ${JSON.stringify(connectionId)};
  const listeners = new Map();
  ${ENCODE_BYTES_SOURCE}
  let source = null;
  function ensureEvents() {
    if (source) return;
    source = new EventSource('/__studio/events?c=' + encodeURIComponent(connection));
    source.onmessage = (message) => {
      const { event, payload } = JSON.parse(message.data);
      for (const callback of listeners.get(event) ?? []) callback(payload);
    };
  }
  ensureEvents();
  const studio = {
    async request(route, input) {
      try {
        const response = await fetch('/__studio/request', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-studio-connection': connection },
          body: JSON.stringify({ route, input }, encodeBytes),
        });
        return await response.json();
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: 'The studio is not reachable.' } };
      }
    },
    on(event, callback) {
      if (!listeners.has(event)) listeners.set(event, new Set());
      listeners.get(event).add(callback);
      return () => listeners.get(event)?.delete(callback);
    },
  };
  Object.defineProperty(window, 'studio', { value: Object.freeze(studio), writable: false, configurable: false });
})();
`;
}
