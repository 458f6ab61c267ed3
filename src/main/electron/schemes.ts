import type { CustomScheme } from 'electron';
import { MEDIA_SCHEME } from '../../shared/contract/mediaUrl';

/** The app's own renderer is served from here, never from `file://` (see appProtocol.ts). */
export const APP_SCHEME = 'studio-app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_INDEX_URL = `${APP_ORIGIN}/index.html`;

/**
 * Registered once, before `ready` (Electron allows a single call:
 * https://www.electronjs.org/docs/latest/api/protocol#protocolregisterschemesasprivilegedcustomschemes).
 *
 * - `standard`: real origins (`studio-app://renderer`), relative URLs resolve, CSP `'self'` means
 *   exactly our renderer.
 * - `secure`: a secure context, like https.
 * - `supportFetchAPI`: module scripts and `fetch` may target the scheme.
 * - `stream`: `<video>` can stream and seek media (range requests).
 * - `codeCache`: V8 code cache for the renderer's scripts (needs `standard`).
 * Neither scheme gets `bypassCSP` or `corsEnabled`: pages on other origins cannot read from them.
 */
export const PRIVILEGED_SCHEMES: CustomScheme[] = [
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
];
