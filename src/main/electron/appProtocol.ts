import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { APP_HOST, APP_SCHEME, hasMalformedEscape } from './schemes';

/**
 * Serves the built renderer (`out/renderer`) at `studio-app://renderer/…`.
 *
 * Why not `file://`: a page loaded from `file://` gets Electron's extra file privileges (it may
 * `fetch` any other `file://` URL while the GrantFileProtocolExtraPrivileges fuse is on), and CSP
 * `'self'` on a file page matches every local file. One injected script could then read
 * `studio.sqlite` or anything else the user can read. On our own standard scheme the origin is
 * `studio-app://renderer`, `connect-src 'self'` means exactly that, and the fuse can be turned off at
 * packaging. Electron's recommendation:
 * https://www.electronjs.org/docs/latest/tutorial/security#18-avoid-usage-of-the-file-protocol-and-prefer-usage-of-custom-protocols
 */

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

// Same reasoning as the media parser: dot segments and encoded dots/separators/NUL never appear in
// the renderer's own asset URLs, so they are refused outright rather than decoded and re-checked.
const SUSPICIOUS = /%2e|%2f|%5c|%00|\\|\/\.{1,2}(?:[/?#]|$)/i;

/**
 * The file under `rendererDir` a request URL names, or null when the URL is not a plain asset path
 * inside it. Pure (no file system access); `registerAppProtocol` adds the realpath check.
 */
export function resolveAppAsset(rawUrl: string, rendererDir: string): string | null {
  if (SUSPICIOUS.test(rawUrl)) return null;
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  if (url.username !== '' || url.password !== '') return null;

  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const segments = pathname.slice(1).split('/');
  if (segments.some((s) => s === '' || s === '.' || s === '..' || s.includes('\0') || s.includes('\\'))) return null;

  const root = path.resolve(rendererDir);
  const target = path.resolve(root, ...segments);
  const relative = path.relative(root, target);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return target;
}

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

// The callback APIs, looked up at call time: Electron patches them to read inside app.asar
// (https://www.electronjs.org/docs/latest/tutorial/asar-archives#nodejs-api).
const realpath = (p: string): Promise<string> => promisify(fs.realpath)(p);
const readFile = (p: string): Promise<Buffer> => promisify(fs.readFile)(p);

export interface ProtocolLike {
  handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
}

export function registerAppProtocol(options: { protocol: ProtocolLike; rendererDir: string }): void {
  const { protocol, rendererDir } = options;
  protocol.handle(APP_SCHEME, async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: { Allow: 'GET, HEAD' } });
    }
    if (hasMalformedEscape(request.url)) return new Response('Bad request', { status: 400 });
    const target = resolveAppAsset(request.url, rendererDir);
    if (!target) return new Response('Not found', { status: 404 });
    try {
      // Threat: a symlink inside the renderer folder pointing outside it. Compare real paths.
      const [realRoot, realTarget] = await Promise.all([realpath(rendererDir), realpath(target)]);
      if (!isInside(realRoot, realTarget)) return new Response('Not found', { status: 404 });
      const body = request.method === 'HEAD' ? null : await readFile(realTarget);
      return new Response(body, {
        status: 200,
        headers: {
          'Content-Type': contentTypeOf(realTarget),
          // The header makes the CSP hold for every document this scheme serves, in addition to
          // the <meta> tag in index.html.
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': 'no-cache',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
