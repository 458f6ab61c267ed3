/**
 * Where the app window may go, as pure functions over URL strings (unit-tested with look-alike
 * origins; see test/unit/electron/windowPolicy.test.ts).
 *
 * Every decision parses with WHATWG `new URL` and compares scheme and host exactly. Never a string
 * prefix: `startsWith('https://ai.google.dev')` lets `https://ai.google.dev.evil.com` and
 * `https://ai.google.dev@evil.com` through (Electron security checklist §13:
 * https://www.electronjs.org/docs/latest/tutorial/security#13-disable-or-limit-navigation).
 */

/**
 * Sites a user may be sent to in their own browser (API key help, model docs). Only https, only
 * these exact origins: `shell.openExternal` hands the URL to the OS, and an attacker-chosen scheme
 * (`file:`, `smb:`, custom handlers) there can run programs (security checklist §15).
 */
export const externalAllowList: readonly string[] = Object.freeze(['https://ai.google.dev', 'https://aistudio.google.com']);

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * Whether `url` belongs to the app's own renderer: same scheme and same host (and port) as
 * `appOrigin`, no userinfo.
 *
 * `appOrigin` is `studio-app://renderer` in a built app (the renderer is served by our own protocol
 * handler, never from `file://`: see appProtocol.ts) or the electron-vite dev server in development.
 * Scheme and host are compared rather than `URL.origin`, because Node serializes the origin of a
 * custom scheme as "null" although Chromium treats a standard scheme as a real origin.
 */
export function isAppUrl(url: string, appOrigin: string): boolean {
  const candidate = parse(url);
  const app = parse(appOrigin);
  if (!candidate || !app) return false;
  // Threat: `http://localhost:5173@evil.com` style confusion; our URLs never carry credentials.
  if (candidate.username !== '' || candidate.password !== '') return false;
  return candidate.protocol === app.protocol && candidate.host === app.host && candidate.host !== '';
}

/**
 * Normalized https URL to open in the user's browser, or null when the URL is not on the
 * allow-list. The normalized `href` (punycode host, default port dropped) is what gets opened, never
 * the raw string the page supplied.
 */
export function allowedExternalUrl(url: string, allowList: readonly string[] = externalAllowList): string | null {
  const candidate = parse(url);
  if (!candidate) return null;
  if (candidate.protocol !== 'https:') return null;
  if (candidate.username !== '' || candidate.password !== '') return null;
  // `URL.origin` is lower-cased, punycoded and without the default port: an IDN look-alike
  // (`ai.gооgle.dev` with Cyrillic o) becomes `xn--…` and cannot equal an allow-listed origin.
  if (!allowList.includes(candidate.origin)) return null;
  return candidate.href;
}

export type NavigationDecision = { action: 'allow' } | { action: 'deny'; openExternal: string | null };

/**
 * `will-navigate` (the main frame is about to leave its document). The app is a single page: it may
 * reload itself, nothing else. A click on an allow-listed https link is opened in the user's browser
 * instead; every other destination is dropped.
 *
 * Threat: a navigation to an attacker's page inside our window, where it would sit next to the
 * preload bridge and look like the app (phishing for passwords).
 */
export function decideNavigation(url: string, appOrigin: string): NavigationDecision {
  if (isAppUrl(url, appOrigin)) return { action: 'allow' };
  return { action: 'deny', openExternal: allowedExternalUrl(url) };
}

/**
 * `will-redirect`: a server-driven hop, never a user's click, so it is never opened externally.
 * Only our own origin may redirect within itself (the dev server does, the app protocol does not).
 */
export function decideRedirect(url: string, appOrigin: string): NavigationDecision {
  return isAppUrl(url, appOrigin) ? { action: 'allow' } : { action: 'deny', openExternal: null };
}

/**
 * `window.open`, `target=_blank` links: Electron never creates a second window for the renderer
 * (a child window would inherit nothing we checked). Allow-listed https URLs go to the user's
 * browser.
 */
export function decideWindowOpen(url: string): { action: 'deny'; openExternal: string | null } {
  return { action: 'deny', openExternal: allowedExternalUrl(url) };
}

/**
 * Permissions the renderer may hold. Everything is refused (camera, microphone, geolocation,
 * notifications, USB/HID/serial, clipboard read, …) except two, and only for our own top-level
 * document:
 * - `clipboard-sanitized-write`: "copy prompt" (docs/media.md) through `navigator.clipboard.writeText`;
 *   writing text leaks nothing, reading the clipboard stays refused;
 * - `fullscreen`: the video player's fullscreen button in the lightbox.
 */
const GRANTABLE_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write', 'fullscreen']);

export function decidePermission(request: {
  permission: string;
  /** the requesting document's URL or origin */
  requestingUrl: string;
  isMainFrame: boolean;
  appOrigin: string;
}): boolean {
  return GRANTABLE_PERMISSIONS.has(request.permission) && request.isMainFrame && isAppUrl(request.requestingUrl, request.appOrigin);
}
