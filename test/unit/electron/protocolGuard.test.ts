import { describe, expect, it } from 'vitest';
import { contentTypeOf, hasMalformedEscape, parseSchemeUrl, refuseRequest } from '../../../src/main/electron/protocolGuard';

describe('parseSchemeUrl', () => {
  it('parses a plain URL on the scheme and host', () => {
    expect(parseSchemeUrl('studio-app://renderer/assets/app.js?v=1', 'studio-app', 'renderer')?.pathname).toBe('/assets/app.js');
    expect(parseSchemeUrl('studio-media://media/abc/original', 'studio-media', 'media')?.pathname).toBe('/abc/original');
  });

  it.each([
    ['a dot-dot segment', 'studio-app://renderer/a/../b'],
    ['a dot segment', 'studio-app://renderer/./b'],
    ['a trailing dot-dot', 'studio-app://renderer/a/..'],
    ['a dot-dot before a query', 'studio-app://renderer/a/..?x'],
    ['encoded dots', 'studio-app://renderer/%2e%2E/b'],
    ['an encoded slash', 'studio-app://renderer/a%2Fb'],
    ['an encoded backslash', 'studio-app://renderer/a%5cb'],
    ['a raw backslash', 'studio-app://renderer/a\\b'],
    ['an encoded NUL', 'studio-app://renderer/a%00'],
    ['another scheme', 'studio-media://renderer/a'],
    ['another host', 'studio-app://renderer.evil/a'],
    ['user info', 'studio-app://user:pw@renderer/a'],
    ['no URL at all', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(parseSchemeUrl(url, 'studio-app', 'renderer')).toBeNull();
  });

  it('lets dots inside a name through', () => {
    expect(parseSchemeUrl('studio-app://renderer/index.html', 'studio-app', 'renderer')).not.toBeNull();
    expect(parseSchemeUrl('studio-app://renderer/a..b/c', 'studio-app', 'renderer')).not.toBeNull();
  });
});

describe('refuseRequest', () => {
  it('answers 405 to anything but GET and HEAD, naming what is allowed', () => {
    const refused = refuseRequest(new Request('studio-app://renderer/index.html', { method: 'POST' }));
    expect(refused?.status).toBe(405);
    expect(refused?.headers.get('Allow')).toBe('GET, HEAD');
  });

  it('answers 400 to a percent-escape that cannot be decoded', () => {
    expect(refuseRequest(new Request('studio-app://renderer/%E0%A4%A'))?.status).toBe(400);
    expect(hasMalformedEscape('studio-media://media/abc%/original')).toBe(true);
  });

  it('lets a well-formed GET or HEAD through, whatever its query', () => {
    expect(refuseRequest(new Request('studio-app://renderer/index.html'))).toBeNull();
    expect(refuseRequest(new Request('studio-app://renderer/a%20b.png', { method: 'HEAD' }))).toBeNull();
    expect(hasMalformedEscape('studio-app://renderer/a?q=%')).toBe(false);
  });
});

describe('contentTypeOf', () => {
  it('labels scripts as JavaScript (module scripts need it) and unknown files as opaque bytes', () => {
    expect(contentTypeOf('a/index-abc.js')).toMatch(/^text\/javascript/);
    expect(contentTypeOf('index.HTML')).toMatch(/^text\/html/);
    expect(contentTypeOf('x.bin')).toBe('application/octet-stream');
  });
});
