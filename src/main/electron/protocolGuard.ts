import path from 'node:path';

/**
 * The checks both custom schemes (`appProtocol.ts`, `mediaProtocol.ts`) make before they look at a
 * path, in one place so a fix to one gate is a fix to both (docs/electron-shell.md). Plain Node, no
 * Electron: the browser harness uses the content types too.
 */

/** What `protocol.handle` needs: the Electron object in the app, a fake in unit tests. */
export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

/**
 * 405 for anything but GET and HEAD; 400 for a URL whose path holds a percent-escape that cannot be
 * decoded; null when the request may go on to the scheme's own checks.
 */
export function refuseRequest(request: Request): Response | null {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
  }
  if (hasMalformedEscape(request.url)) return new Response('Bad request', { status: 400 });
  return null;
}

/**
 * True when a URL's path holds a percent-escape that cannot be decoded (`%E0%A4%A`, a lone `%`):
 * such a request names no file, and the protocol handlers answer 400 instead of letting the
 * decoder's "URI malformed" escape as a 500.
 */
export function hasMalformedEscape(rawUrl: string): boolean {
  const urlPath = rawUrl.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').replace(/[?#].*$/s, '');
  try {
    decodeURIComponent(urlPath);
    return false;
  } catch {
    return true;
  }
}

// Dot segments, anything encoded that could become `.`, `/`, `\` or NUL after a decode, and raw
// backslashes (which Chromium turns into `/` for standard schemes). None of them appears in a URL
// either scheme hands out. Checked on the raw string: the URL parser has already resolved `..` and
// `%2e%2e` segments by the time `pathname` is read, so `studio-media://media/x/y/../original` would
// otherwise look like a clean `/x/original`.
const SUSPICIOUS = /%2e|%2f|%5c|%00|\\|\/\.{1,2}(?:[/?#]|$)/i;

/**
 * The parsed URL when it is on `scheme://host` with no user info and nothing suspicious in the raw
 * string; otherwise null. Each scheme then checks its own path shape.
 */
export function parseSchemeUrl(rawUrl: string, scheme: string, host: string): URL | null {
  if (SUSPICIOUS.test(rawUrl)) return null;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${scheme}:` || url.host !== host) return null;
  if (url.username !== '' || url.password !== '') return null;
  return url;
}

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.webp': 'image/webp',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The Content-Type of a renderer file by its extension; unknown files are opaque bytes. */
export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}
