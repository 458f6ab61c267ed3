import { describe, expect, it } from 'vitest';
import {
  allowedExternalUrl,
  decideNavigation,
  decidePermission,
  decideRedirect,
  decideWindowOpen,
  externalAllowList,
  isAppUrl,
} from '../../../src/main/electron/windowPolicy';

const APP = 'studio-app://renderer';
const DEV = 'http://localhost:5173';

describe('isAppUrl', () => {
  it.each([
    'studio-app://renderer/index.html',
    'studio-app://renderer/index.html#/gallery',
    'studio-app://renderer/assets/index-abc.js',
    'studio-app://renderer/',
  ])('accepts our own renderer: %s', (url) => {
    expect(isAppUrl(url, APP)).toBe(true);
  });

  it.each([
    ['a look-alike host', 'studio-app://renderer.evil.com/index.html'],
    ['another host on our scheme', 'studio-app://other/index.html'],
    ['userinfo in front of our host', 'studio-app://evil@renderer/index.html'],
    ['our host as userinfo', 'studio-app://renderer@evil.com/index.html'],
    ['a port', 'studio-app://renderer:8080/index.html'],
    ['file: even for the renderer index', 'file:///opt/studio/resources/app.asar/out/renderer/index.html'],
    ['file:///etc/passwd', 'file:///etc/passwd'],
    ['javascript:', 'javascript:alert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['https', 'https://renderer/index.html'],
    ['about:blank', 'about:blank'],
    ['garbage', 'not a url'],
    ['an empty string', ''],
  ])('refuses %s', (_name, url) => {
    expect(isAppUrl(url, APP)).toBe(false);
  });

  it('compares the dev server by scheme, host and port exactly', () => {
    expect(isAppUrl('http://localhost:5173/', DEV)).toBe(true);
    expect(isAppUrl('http://localhost:5173/src/main.tsx', DEV)).toBe(true);
    expect(isAppUrl('http://LOCALHOST:5173/', DEV)).toBe(true); // same host after normalization
    expect(isAppUrl('http://localhost:5174/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost/', DEV)).toBe(false);
    expect(isAppUrl('https://localhost:5173/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost:5173.evil.com/', DEV)).toBe(false);
    expect(isAppUrl('http://localhost:5173@evil.com/', DEV)).toBe(false);
    expect(isAppUrl('http://user:pw@localhost:5173/', DEV)).toBe(false);
    expect(isAppUrl('http://127.0.0.1:5173/', DEV)).toBe(false);
  });
});

describe('external links', () => {
  it('opens allow-listed https origins, normalized', () => {
    expect(allowedExternalUrl('https://ai.google.dev/gemini-api/docs/api-key')).toBe('https://ai.google.dev/gemini-api/docs/api-key');
    expect(allowedExternalUrl('https://aistudio.google.com/apikey')).toBe('https://aistudio.google.com/apikey');
    // Upper case and the default port are the same origin; what is opened is the normalized form.
    expect(allowedExternalUrl('https://AI.GOOGLE.DEV:443/x')).toBe('https://ai.google.dev/x');
  });

  it.each([
    ['a look-alike suffix', 'https://ai.google.dev.evil.com/'],
    ['the allowed host as userinfo', 'https://ai.google.dev@evil.com/'],
    ['userinfo before the allowed host', 'https://user:pass@ai.google.dev/'],
    ['plain http', 'http://ai.google.dev/'],
    ['another port', 'https://ai.google.dev:8443/'],
    ['a subdomain', 'https://evil.ai.google.dev/'],
    ['a parent domain', 'https://google.dev/'],
    ['an IDN homograph (Cyrillic o)', 'https://ai.g\u043e\u043egle.dev/'],
    ['a punycoded homograph', 'https://ai.xn--ggle-55da.dev/'],
    ['javascript:', 'javascript:alert(document.domain)'],
    ['file:', 'file:///etc/passwd'],
    ['a UNC-like file URL', 'file://attacker/share/payload.exe'],
    ['smb:', 'smb://attacker/share'],
    ['a custom handler', 'ms-msdt:/id PCWDiagnostic'],
    ['our own scheme', 'studio-app://renderer/index.html'],
    ['garbage', '::::'],
  ])('refuses %s', (_name, url) => {
    expect(allowedExternalUrl(url)).toBeNull();
  });

  it('keeps the allow-list to https origins only', () => {
    for (const origin of externalAllowList) {
      expect(new URL(origin).protocol).toBe('https:');
      expect(new URL(origin).origin).toBe(origin);
    }
  });
});

describe('navigation', () => {
  it('lets the app reload itself', () => {
    expect(decideNavigation('studio-app://renderer/index.html', APP)).toEqual({ action: 'allow' });
  });

  it('sends an allow-listed link to the browser instead of navigating', () => {
    expect(decideNavigation('https://ai.google.dev/pricing', APP)).toEqual({
      action: 'deny',
      openExternal: 'https://ai.google.dev/pricing',
    });
  });

  it('drops every other destination without opening anything', () => {
    for (const url of ['https://example.com/', 'https://ai.google.dev.evil.com/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      expect(decideNavigation(url, APP)).toEqual({ action: 'deny', openExternal: null });
    }
  });

  it('never follows a redirect off the app, not even to an allow-listed site', () => {
    expect(decideRedirect('https://ai.google.dev/', APP)).toEqual({ action: 'deny', openExternal: null });
    expect(decideRedirect('studio-app://renderer/index.html', APP)).toEqual({ action: 'allow' });
  });
});

describe('window.open', () => {
  it('always denies a new window', () => {
    expect(decideWindowOpen('studio-app://renderer/index.html').action).toBe('deny');
    expect(decideWindowOpen('https://example.com/').action).toBe('deny');
    expect(decideWindowOpen('about:blank').action).toBe('deny');
  });

  it('opens only allow-listed https URLs externally', () => {
    expect(decideWindowOpen('https://aistudio.google.com/apikey').openExternal).toBe('https://aistudio.google.com/apikey');
    expect(decideWindowOpen('https://aistudio.google.com.evil.com/').openExternal).toBeNull();
    expect(decideWindowOpen('http://aistudio.google.com/').openExternal).toBeNull();
  });
});

describe('permissions', () => {
  const ask = (permission: string, requestingUrl = 'studio-app://renderer/index.html', isMainFrame = true) =>
    decidePermission({ permission, requestingUrl, isMainFrame, appOrigin: APP });

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'usb', 'serial', 'display-capture', 'openExternal', 'unknown'])(
    'refuses %s even to the app',
    (permission) => {
      expect(ask(permission)).toBe(false);
    },
  );

  it('grants clipboard writing and fullscreen to the app document only', () => {
    expect(ask('clipboard-sanitized-write')).toBe(true);
    expect(ask('fullscreen', 'studio-app://renderer')).toBe(true);
    expect(ask('fullscreen', 'https://example.com/')).toBe(false);
    expect(ask('clipboard-sanitized-write', 'studio-app://renderer/index.html', false)).toBe(false);
  });
});
