import { describe, expect, it, vi } from 'vitest';
import { parseMediaUrl, registerMediaProtocol } from '../../../src/main/electron/mediaProtocol';
import { MEDIA_URL_BASE } from '../../../src/shared/contract/mediaUrl';

describe('parseMediaUrl', () => {
  it.each([
    ['studio-media://media/abc123/original', 'abc123', 'original'],
    ['studio-media://media/01J9Z_x-Y/thumbnail', '01J9Z_x-Y', 'thumbnail'],
    ['studio-media://media/v1/poster', 'v1', 'poster'],
  ])('accepts %s', (url, id, variant) => {
    expect(parseMediaUrl(url)).toEqual({ id, variant });
  });

  it('agrees with the base URL main hands to the core', () => {
    expect(parseMediaUrl(`${MEDIA_URL_BASE}abc/original`)).toEqual({ id: 'abc', variant: 'original' });
  });

  it.each([
    ['parent traversal', 'studio-media://media/../../studio.sqlite'],
    ['traversal inside the path', 'studio-media://media/abc/../original'],
    ['traversal that normalizes to a valid shape', 'studio-media://media/x/abc/../original'],
    ['a dot segment', 'studio-media://media/./abc/original'],
    ['encoded dots', 'studio-media://media/%2e%2e/%2e%2e/studio.sqlite'],
    ['upper-case encoded dots', 'studio-media://media/abc/%2E%2E/original'],
    ['a half-encoded dot segment', 'studio-media://media/abc/.%2e/original'],
    ['an encoded slash', 'studio-media://media/abc%2f..%2fsecret/original'],
    ['an encoded backslash', 'studio-media://media/abc%5c..%5csecret/original'],
    ['a raw backslash', 'studio-media://media/abc\\..\\secret/original'],
    ['an encoded NUL', 'studio-media://media/abc%00/original'],
    ['a dot in the id', 'studio-media://media/abc.png/original'],
    ['a space in the id', 'studio-media://media/a%20b/original'],
    ['an unknown variant', 'studio-media://media/abc/full'],
    ['a variant with an extension', 'studio-media://media/abc/original.png'],
    ['a missing variant', 'studio-media://media/abc'],
    ['a trailing slash', 'studio-media://media/abc/original/'],
    ['extra depth', 'studio-media://media/abc/original/more'],
    ['an empty id', 'studio-media://media//original'],
    ['another host', 'studio-media://files/abc/original'],
    ['userinfo', 'studio-media://user@media/abc/original'],
    ['a port', 'studio-media://media:80/abc/original'],
    ['a query', 'studio-media://media/abc/original?path=/etc/passwd'],
    ['a fragment', 'studio-media://media/abc/original#x'],
    ['another scheme', 'file:///media/abc/original'],
    ['http', 'http://media/abc/original'],
    ['garbage', 'studio-media:'],
  ])('refuses %s', (_name, url) => {
    expect(parseMediaUrl(url)).toBeNull();
  });
});

describe('media protocol handler', () => {
  function setup(transportId: string | null = 'wc:1') {
    let handler: ((request: Request) => Promise<Response> | Response) | undefined;
    const protocol = { handle: vi.fn((_scheme: string, h: typeof handler) => void (handler = h)) };
    const core = { serveMedia: vi.fn(async () => new Response('bytes', { status: 206 })) };
    registerMediaProtocol({ protocol, core, currentTransportId: () => transportId });
    return { protocol, core, serve: (url: string, init?: RequestInit) => handler!(new Request(url, init)) };
  }

  it('registers the studio-media scheme', () => {
    expect(setup().protocol.handle).toHaveBeenCalledWith('studio-media', expect.any(Function));
  });

  it('hands a well-formed request to the core with the window transport', async () => {
    const { core, serve } = setup();
    const response = await serve('studio-media://media/abc/original', { headers: { Range: 'bytes=0-9' } });
    expect(response.status).toBe(206);
    expect(core.serveMedia).toHaveBeenCalledWith('wc:1', expect.any(Request));
  });

  it('answers 404 without asking the core for a malformed URL', async () => {
    const { core, serve } = setup();
    expect((await serve('studio-media://media/abc/secret')).status).toBe(404);
    expect(core.serveMedia).not.toHaveBeenCalled();
  });

  it('answers 400 without asking the core for a malformed percent-escape', async () => {
    const { core, serve } = setup();
    expect((await serve('studio-media://media/%E0%A4%A/original')).status).toBe(400);
    expect((await serve('studio-media://media/abc/original%')).status).toBe(400);
    expect(core.serveMedia).not.toHaveBeenCalled();
  });

  it('answers 404 when no window (no session) exists', async () => {
    const { core, serve } = setup(null);
    expect((await serve('studio-media://media/abc/original')).status).toBe(404);
    expect(core.serveMedia).not.toHaveBeenCalled();
  });

  it('refuses methods other than GET and HEAD', async () => {
    const { core, serve } = setup();
    expect((await serve('studio-media://media/abc/original', { method: 'POST', body: 'x' })).status).toBe(405);
    expect(core.serveMedia).not.toHaveBeenCalled();
  });
});
