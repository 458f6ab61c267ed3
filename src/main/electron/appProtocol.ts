import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { CONTENT_SECURITY_POLICY } from '../../shared/contract/csp';
import { type ProtocolLike, contentTypeOf, parseSchemeUrl, refuseRequest } from './protocolGuard';
import { APP_HOST, APP_SCHEME } from './schemes';

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

/**
 * The file under `rendererDir` a request URL names, or null when the URL is not a plain asset path
 * inside it. Pure (no file system access); `registerAppProtocol` adds the realpath check.
 */
export function resolveAppAsset(rawUrl: string, rendererDir: string): string | null {
  // dot segments and encoded dots/separators/NUL never appear in the renderer's own asset URLs, so
  // they are refused outright (protocolGuard.ts) rather than decoded and re-checked
  const url = parseSchemeUrl(rawUrl, APP_SCHEME, APP_HOST);
  if (!url) return null;

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

function isInside(root: string, target: string): boolean {
  const relative = path.relative(root, target);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}

// The callback APIs, looked up at call time: Electron patches them to read inside app.asar
// (https://www.electronjs.org/docs/latest/tutorial/asar-archives#nodejs-api).
const realpath = (p: string): Promise<string> => promisify(fs.realpath)(p);
const readFile = (p: string): Promise<Buffer> => promisify(fs.readFile)(p);

export function registerAppProtocol(options: { protocol: ProtocolLike; rendererDir: string }): void {
  const { protocol, rendererDir } = options;
  protocol.handle(APP_SCHEME, async (request) => {
    const refused = refuseRequest(request);
    if (refused) return refused;
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
