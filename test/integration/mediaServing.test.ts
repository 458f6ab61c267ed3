import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/clock';
import { createMemoryLogger } from '../../src/main/logger';
import { type Harness, startHarness } from '../harness/server';
import { makeImage, makeMp4 } from '../support/mediaFixtures';
import { seedUser, signInAs } from '../support/seed';
import { makeTempDir } from '../support/tempDir';
import { type TestCore, startTestCore } from '../support/testCore';
import type { Core } from '../../src/main/core';

let t: TestCore | undefined;
let harness: Harness | undefined;
const temps: (() => void)[] = [];
afterEach(async () => {
  await t?.cleanup();
  await harness?.close();
  for (const cleanup of temps.splice(0)) cleanup();
  t = undefined;
  harness = undefined;
});

/** Owner, their admin, an admin who does not manage them, a stranger; one image and one video of the owner. */
async function library(core: Core) {
  const admin = seedUser(core, { role: 'admin', email: 'admin@lab.org' });
  const otherAdmin = seedUser(core, { role: 'admin', email: 'other-admin@lab.org' });
  const owner = seedUser(core, { email: 'owner@lab.org', managedBy: [admin] });
  const stranger = seedUser(core, { email: 'stranger@lab.org' });
  const image = await makeImage({ width: 200, height: 100 });
  const imageRow = await core.services.media.importImage({ userId: owner, bytes: image, workstation: core.services.workstation() });
  const video = makeMp4();
  const videoRow = await core.services.media.prepareFile({ userId: owner, kind: 'video', source: video, workstation: core.services.workstation() });
  core.services.db.transaction((tx) => core.services.media.insertRows(tx, [videoRow]));
  return { admin, otherAdmin, owner, stranger, image, imageId: imageRow.id, video, videoId: videoRow.id };
}

describe('media served through core.serveMedia (the Electron protocol path)', () => {
  const get = (core: Core, transport: string, url: string, headers: Record<string, string> = {}) =>
    core.serveMedia(transport, new Request(url, { headers }));

  it('serves the owner their file with its stored type and headers that keep it out of caches', async () => {
    t = await startTestCore();
    const lib = await library(t.core);
    signInAs(t.core, 'win', lib.owner);
    const response = await get(t.core, 'win', `studio-media://media/${lib.imageId}/original`);
    expect(response.status).toBe(200);
    expect(Object.fromEntries(response.headers)).toMatchObject({
      'content-type': 'image/png',
      'content-length': String(lib.image.length),
      'accept-ranges': 'bytes',
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    });
    expect(Buffer.from(await response.arrayBuffer())).toEqual(lib.image);
    const thumb = await get(t.core, 'win', `studio-media://media/${lib.imageId}/thumbnail`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers.get('content-type')).toBe('image/webp');
  });

  it('lets a managing admin see a managed user’s item, and nobody else', async () => {
    t = await startTestCore();
    const lib = await library(t.core);
    signInAs(t.core, 'win-admin', lib.admin);
    signInAs(t.core, 'win-other', lib.otherAdmin);
    signInAs(t.core, 'win-stranger', lib.stranger);
    const url = `studio-media://media/${lib.imageId}/original`;
    expect((await get(t.core, 'win-admin', url)).status).toBe(200);
    for (const transport of ['win-other', 'win-stranger', 'not-signed-in']) {
      const response = await get(t.core, transport, url);
      expect(response.status).toBe(404);
      // the same answer as for an id that never existed: nothing tells that the item exists
      expect(await response.text()).toBe(await (await get(t.core, transport, 'studio-media://media/does-not-exist/original')).text());
    }
  });

  it('refuses anything that is not exactly <id>/<variant>, including path traversal', async () => {
    t = await startTestCore();
    const lib = await library(t.core);
    signInAs(t.core, 'win', lib.owner);
    const urls = [
      'studio-media://media/../studio.sqlite',
      'studio-media://media/%2e%2e/%2e%2e/studio.sqlite',
      `studio-media://media/${lib.imageId}/original/extra`,
      `studio-media://media/${lib.imageId}%2F..%2F..%2Fstudio.sqlite/original`,
      `studio-media://media/${lib.imageId}/large`,
      `studio-media://media/${lib.imageId}/thumb`,
      `studio-media://other/${lib.imageId}/original`,
      `studio-media://media/${lib.imageId}/..%2f..%2fstudio.sqlite`,
      'studio-media://media/media%2F2026%2F11/original',
    ];
    for (const url of urls) expect({ url, status: (await get(t.core, 'win', url)).status }).toEqual({ url, status: 404 });
  });

  it('refuses a row that points outside the media folder (a tampered database or a planted link)', async () => {
    t = await startTestCore();
    const lib = await library(t.core);
    signInAs(t.core, 'win', lib.owner);
    t.core.services.db.$client.prepare("UPDATE media SET rel_path = 'studio.sqlite' WHERE id = ?").run(lib.imageId);
    expect((await get(t.core, 'win', `studio-media://media/${lib.imageId}/original`)).status).toBe(404);
    const link = path.join(t.dataDir, 'media/2026/11/link.png');
    fs.symlinkSync(path.join(t.dataDir, 'studio.sqlite'), link);
    t.core.services.db.$client.prepare("UPDATE media SET rel_path = 'media/2026/11/link.png' WHERE id = ?").run(lib.imageId);
    expect((await get(t.core, 'win', `studio-media://media/${lib.imageId}/original`)).status).toBe(404);
  });

  it('answers byte ranges so a video can seek, and 416 for a range past the end', async () => {
    t = await startTestCore();
    const lib = await library(t.core);
    signInAs(t.core, 'win', lib.owner);
    const url = `studio-media://media/${lib.videoId}/original`;
    const size = lib.video.length;

    const middle = await get(t.core, 'win', url, { range: 'bytes=100-199' });
    expect(middle.status).toBe(206);
    expect(middle.headers.get('content-range')).toBe(`bytes 100-199/${size}`);
    expect(middle.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await middle.arrayBuffer())).toEqual(lib.video.subarray(100, 200));

    const open = await get(t.core, 'win', url, { range: 'bytes=1000-' });
    expect(open.headers.get('content-range')).toBe(`bytes 1000-${size - 1}/${size}`);
    expect(Buffer.from(await open.arrayBuffer())).toEqual(lib.video.subarray(1000));

    const suffix = await get(t.core, 'win', url, { range: 'bytes=-10' });
    expect(Buffer.from(await suffix.arrayBuffer())).toEqual(lib.video.subarray(size - 10));

    const past = await get(t.core, 'win', url, { range: `bytes=${size}-` });
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${size}`);

    // several ranges: the whole file, which the HTTP spec allows
    expect((await get(t.core, 'win', url, { range: 'bytes=0-1,5-6' })).status).toBe(200);
  });

  it('serves a video’s poster frame as its thumbnail', async () => {
    t = await startTestCore();
    const lib = await library(t.core);
    signInAs(t.core, 'win', lib.owner);
    for (const variant of ['thumbnail', 'poster']) {
      const poster = await get(t.core, 'win', `studio-media://media/${lib.videoId}/${variant}`);
      expect(poster.status).toBe(200);
      expect(
        Buffer.from(await poster.arrayBuffer())
          .subarray(8, 12)
          .toString(),
      ).toBe('WEBP');
    }
    // an image has a thumbnail but no poster frame
    expect((await get(t.core, 'win', `studio-media://media/${lib.imageId}/poster`)).status).toBe(404);
  });

  it('stops serving an item the moment it is deleted', async () => {
    t = await startTestCore();
    const lib = await library(t.core);
    signInAs(t.core, 'win', lib.owner);
    const url = `studio-media://media/${lib.imageId}/original`;
    expect((await get(t.core, 'win', url)).status).toBe(200);
    expect(await t.call('win', 'media.delete', { ids: [lib.imageId] })).toMatchObject({ ok: true });
    expect((await get(t.core, 'win', url)).status).toBe(404);
    expect((await get(t.core, 'win', `studio-media://media/${lib.imageId}/thumbnail`)).status).toBe(404);
  });

  it('stops serving when the session ends, and loading media does not keep a session alive', async () => {
    t = await startTestCore();
    const lib = await library(t.core);
    signInAs(t.core, 'win', lib.owner);
    const url = `studio-media://media/${lib.imageId}/original`;
    // a looping video keeps asking for bytes; that is not the person at the screen
    for (let minute = 0; minute < 16; minute++) {
      t.clock.advance(60_000);
      await get(t.core, 'win', url);
    }
    expect((await get(t.core, 'win', url)).status).toBe(404);
  });
});

describe('media served through the harness’s HTTP path', () => {
  async function startWithStubRenderer() {
    const data = makeTempDir();
    const renderer = makeTempDir();
    temps.push(data.cleanup, renderer.cleanup);
    fs.writeFileSync(
      path.join(renderer.dir, 'index.html'),
      '<!doctype html><html><head><script type="module" src="/assets/x.js"></script></head></html>',
    );
    harness = await startHarness({
      port: 0,
      dataDir: data.dir,
      rendererDir: renderer.dir,
      clock: new ManualClock(Date.UTC(2026, 10, 26, 9), 'UTC'),
      logger: createMemoryLogger(),
      env: {},
    });
    return harness;
  }

  /** Opens the page (which sets the connection cookie) and signs that connection in. */
  async function pageSignedInAs(h: Harness, userId: string): Promise<string> {
    const response = await fetch(h.url);
    const cookie = /studio_conn=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
    if (!cookie) throw new Error('no connection cookie');
    signInAs(h.core, `page:${cookie}`, userId);
    return `studio_conn=${cookie}`;
  }

  /** A raw request, so `..` and odd paths reach the server exactly as written (fetch would normalise them). */
  function raw(
    h: Harness,
    pathname: string,
    headers: Record<string, string> = {},
  ): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }> {
    const url = new URL(h.url);
    return new Promise((resolve, reject) => {
      const req = http.request({ host: url.hostname, port: url.port, path: pathname, headers: { host: url.host, ...headers } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      });
      req.on('error', reject);
      req.end();
    });
  }

  it('serves the owner’s and a managed user’s media to the right pages only', async () => {
    const h = await startWithStubRenderer();
    const lib = await library(h.core);
    const ownerPage = await pageSignedInAs(h, lib.owner);
    const adminPage = await pageSignedInAs(h, lib.admin);
    const strangerPage = await pageSignedInAs(h, lib.stranger);
    const mediaPath = `/media/${lib.imageId}/original`;

    const own = await raw(h, mediaPath, { cookie: ownerPage });
    expect(own.status).toBe(200);
    expect(own.headers['content-type']).toBe('image/png');
    expect(own.headers['cache-control']).toBe('private, no-store');
    expect(own.body).toEqual(lib.image);
    expect((await raw(h, mediaPath, { cookie: adminPage })).status).toBe(200);
    expect((await raw(h, mediaPath, { cookie: strangerPage })).status).toBe(404);
    expect((await raw(h, mediaPath)).status).toBe(404);
    expect((await raw(h, mediaPath, { cookie: 'studio_conn=forged' })).status).toBe(404);
  });

  it('answers ranges over HTTP', async () => {
    const h = await startWithStubRenderer();
    const lib = await library(h.core);
    const page = await pageSignedInAs(h, lib.owner);
    const response = await raw(h, `/media/${lib.videoId}/original`, { cookie: page, range: 'bytes=0-9' });
    expect(response.status).toBe(206);
    expect(response.headers['content-range']).toBe(`bytes 0-9/${lib.video.length}`);
    expect(response.body).toEqual(lib.video.subarray(0, 10));
  });

  it('refuses path traversal and foreign ids over HTTP', async () => {
    const h = await startWithStubRenderer();
    const lib = await library(h.core);
    const page = await pageSignedInAs(h, lib.stranger);
    for (const pathname of [
      '/media/../studio.sqlite',
      '/media/..%2f..%2fstudio.sqlite/original',
      '/media/%2e%2e/studio.sqlite',
      `/media/${lib.imageId}/original/../../../studio.sqlite`,
      `/media/${lib.imageId}/original`,
      `/media/${lib.videoId}/thumbnail`,
    ]) {
      expect({ pathname, status: (await raw(h, pathname, { cookie: page })).status }).toEqual({ pathname, status: 404 });
    }
  });

  it('answers 400 for a malformed percent-escape in an asset or media path, never a 500', async () => {
    const h = await startWithStubRenderer();
    const lib = await library(h.core);
    const page = await pageSignedInAs(h, lib.owner);
    for (const pathname of ['/assets/%E0%A4%A', '/assets/%', `/media/${lib.imageId}/original%E0%A4%A`, '/media/%E0%A4/original']) {
      const response = await raw(h, pathname, { cookie: page });
      expect({ pathname, status: response.status }).toEqual({ pathname, status: 400 });
      expect(response.body.toString()).not.toMatch(/URI malformed/);
    }
  });

  it('answers every malformed request body or route with a VALIDATION_FAILED envelope', async () => {
    const h = await startWithStubRenderer();
    const html = await (await fetch(h.url)).text();
    const connection = /bridge\.js\?c=([^"]+)/.exec(html)?.[1];
    if (!connection) throw new Error('no connection id in the page');
    const post = async (body: string) => {
      const response = await fetch(new URL('/__studio/request', h.url), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-studio-connection': connection },
        body,
      });
      const text = await response.text();
      return { status: response.status, envelope: JSON.parse(text) as { ok: boolean; error?: { code: string } } };
    };
    for (const body of ['null', '[]', '42', '"app.status"', '{not json']) {
      const { status, envelope } = await post(body);
      expect({ body, status, envelope }).toMatchObject({ body, status: 400, envelope: { ok: false, error: { code: 'VALIDATION_FAILED' } } });
    }
    for (const body of [
      '{"route":{"toString":1}}',
      '{"route":{}}',
      '{"route":null}',
      '{"route":["app.status"]}',
      '{"route":"app.status","input":{"zz":1}}',
    ]) {
      const { envelope } = await post(body);
      expect({ body, envelope }).toMatchObject({ body, envelope: { ok: false, error: { code: 'VALIDATION_FAILED' } } });
    }
  });
});
