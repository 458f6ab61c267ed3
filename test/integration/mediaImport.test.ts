import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { IMPORT_MAX_BYTES } from '../../src/shared/domain/media';
import { listMediaFiles, makeImage, makeMp4 } from '../support/mediaFixtures';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

async function signedInUser(options: { managedBy?: string[] } = {}) {
  const userId = seedUser(t.core, options);
  signInAs(t.core, 'win-user', userId);
  return userId;
}

/** what both transports hand the router: a plain Uint8Array (not a Buffer, not base64) */
const bytesOf = (bytes: Buffer): Uint8Array<ArrayBuffer> => new Uint8Array(bytes);

describe('media.import', () => {
  it('stores an image under media/<yyyy>/<mm>/<id>.<ext> with a WebP thumbnail and returns its URLs and size', async () => {
    t = await startTestCore();
    await signedInUser();
    const png = await makeImage({ width: 640, height: 480 });
    const result = await t.call('win-user', 'media.import', { bytes: bytesOf(png), fileName: 'holiday.png' });
    expect(result).toMatchObject({ ok: true, data: { width: 640, height: 480, mimeType: 'image/png' } });
    const data = (result as { data: { id: string; mediaUrl: string; thumbUrl: string } }).data;
    expect(data.mediaUrl).toBe(`studio-media://media/${data.id}/original`);
    expect(data.thumbUrl).toBe(`studio-media://media/${data.id}/thumbnail`);
    // the test clock says November 2026 (UTC); the name is the id, never the uploaded name
    expect(listMediaFiles(t.dataDir)).toEqual([`media/2026/11/${data.id}.png`, `media/2026/11/${data.id}.thumb.webp`]);
    expect(fs.readFileSync(path.join(t.dataDir, `media/2026/11/${data.id}.png`))).toEqual(png);
    const thumb = fs.readFileSync(path.join(t.dataDir, `media/2026/11/${data.id}.thumb.webp`));
    expect(thumb.subarray(8, 12).toString()).toBe('WEBP');
    const row = t.core.services.db.$client.prepare('SELECT kind, bytes, params FROM media WHERE id = ?').get(data.id);
    expect(row).toEqual({ kind: 'input', bytes: png.length, params: JSON.stringify({ importedFileName: 'holiday.png' }) });
  });

  it('takes the type from the bytes, not from the file name', async () => {
    t = await startTestCore();
    await signedInUser();
    const jpeg = await makeImage({ format: 'jpeg' });
    const result = await t.call('win-user', 'media.import', { bytes: bytesOf(jpeg), fileName: 'looks-like.png' });
    expect(result).toMatchObject({ ok: true, data: { mimeType: 'image/jpeg' } });
    expect(listMediaFiles(t.dataDir).some((f) => f.endsWith('.jpg'))).toBe(true);
  });

  it('refuses a file that is not an image whatever its name, and leaves nothing behind', async () => {
    t = await startTestCore();
    await signedInUser();
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const result = await t.call('win-user', 'media.import', { bytes: bytesOf(html), fileName: 'cat.png' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: 'This file is not a PNG, JPEG or WebP image.' } });
    expect(listMediaFiles(t.dataDir)).toEqual([]);
  });

  it('refuses a damaged image (right signature, truncated data) and leaves nothing behind', async () => {
    t = await startTestCore();
    await signedInUser();
    const png = await makeImage({ width: 300, height: 300, color: '#123456' });
    const result = await t.call('win-user', 'media.import', { bytes: bytesOf(png.subarray(0, Math.floor(png.length / 2))) });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('could not be read') } });
    expect(listMediaFiles(t.dataDir)).toEqual([]);
    expect(t.core.services.db.$client.prepare('SELECT COUNT(*) AS n FROM media').get()).toEqual({ n: 0 });
  });

  it('refuses images over 20 MB, empty files and anything but bytes with a clear message', async () => {
    t = await startTestCore();
    await signedInUser();
    expect(await t.call('win-user', 'media.import', { bytes: new Uint8Array(IMPORT_MAX_BYTES + 1) })).toMatchObject({
      ok: false,
      error: {
        code: 'VALIDATION_FAILED',
        message: 'Invalid input — bytes: This image is larger than 20 MB, the most Gemini accepts for an input image.',
      },
    });
    expect(await t.call('win-user', 'media.import', { bytes: new Uint8Array(0) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: 'Invalid input — bytes: the file is empty' },
    });
    // base64 text (what this route took before), an array of numbers, an ArrayBuffer: none is bytes
    for (const notBytes of [(await makeImage()).toString('base64'), [137, 80, 78, 71], new ArrayBuffer(8)]) {
      expect(await t.call('win-user', 'media.import', { bytes: notBytes as never })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION_FAILED', message: "Invalid input — bytes: expected the file's bytes (a Uint8Array)" },
      });
    }
    expect(listMediaFiles(t.dataDir)).toEqual([]);
  });

  it('stores exactly the bytes it was given, whatever view of a larger buffer they arrive in', async () => {
    t = await startTestCore();
    await signedInUser();
    const png = await makeImage({ width: 64, height: 64, color: '#abcdef' });
    // a window into a bigger buffer, as a transport may deliver: only the window is the file
    const backing = new Uint8Array(png.length + 32).fill(0xee);
    backing.set(png, 16);
    const result = (await t.call('win-user', 'media.import', { bytes: backing.subarray(16, 16 + png.length) })) as { ok: true; data: { id: string } };
    expect(result.ok).toBe(true);
    const [stored] = listMediaFiles(t.dataDir).filter((f) => !f.endsWith('.thumb.webp'));
    expect(fs.readFileSync(path.join(t.dataDir, stored!)).equals(png)).toBe(true);
  });

  it('needs a signed-in account', async () => {
    t = await startTestCore();
    const png = await makeImage();
    expect(await t.call('nobody', 'media.import', { bytes: bytesOf(png) })).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });

  it('tells the owner and their managing admin about the new item, and nobody else', async () => {
    t = await startTestCore();
    const admin = seedUser(t.core, { role: 'admin' });
    const otherAdmin = seedUser(t.core, { role: 'admin' });
    await signedInUser({ managedBy: [admin] });
    signInAs(t.core, 'win-admin', admin);
    signInAs(t.core, 'win-other', otherAdmin);
    const heard: Record<string, unknown[]> = { 'win-user': [], 'win-admin': [], 'win-other': [] };
    for (const id of Object.keys(heard)) t.core.events.connect(id, (event, payload) => heard[id]!.push({ event, payload }));
    const result = (await t.call('win-user', 'media.import', { bytes: bytesOf(await makeImage()) })) as { data: { id: string } };
    expect(heard['win-user']).toEqual([{ event: 'media.created', payload: { userId: expect.any(String), ids: [result.data.id] } }]);
    expect(heard['win-admin']).toHaveLength(1);
    expect(heard['win-other']).toEqual([]);
  });
});

describe('generated media (prepareFile + insertRows)', () => {
  it('stores a video with a poster frame, its size and duration', async () => {
    t = await startTestCore();
    const userId = seedUser(t.core);
    const store = t.core.services.media;
    const row = await store.prepareFile({
      userId,
      kind: 'video',
      source: makeMp4(),
      workstation: { hostName: 'lab-pc-07', osUser: 'student', ipv4: '10.0.0.7' },
      prompt: 'a test pattern',
      model: 'veo-3.1-generate-preview',
      params: { durationSeconds: 8 },
    });
    expect(row).toMatchObject({ kind: 'video', mimeType: 'video/mp4', width: 64, height: 48, durationMs: 1000 });
    expect(row.thumbRelPath).toMatch(/\.thumb\.webp$/);
    // nothing is in the database until the caller inserts the row in its own transaction
    expect(t.core.services.db.$client.prepare('SELECT COUNT(*) AS n FROM media').get()).toEqual({ n: 0 });
    t.core.services.db.transaction((tx) => store.insertRows(tx, [row]));
    expect(t.core.services.db.$client.prepare('SELECT kind, duration_ms AS d FROM media').get()).toEqual({ kind: 'video', d: 1000 });
  });

  it('moves a finished download into place from the staging folder', async () => {
    t = await startTestCore();
    const userId = seedUser(t.core);
    const store = t.core.services.media;
    const staged = await store.stagingFile('mp4');
    fs.writeFileSync(staged, makeMp4());
    const row = await store.prepareFile({ userId, kind: 'video', source: { file: staged }, workstation: t.core.services.workstation() });
    expect(fs.existsSync(staged)).toBe(false);
    expect(fs.existsSync(path.join(t.dataDir, row.relPath))).toBe(true);
  });

  it('keeps a video whose poster frame cannot be made, without a thumbnail', async () => {
    t = await startTestCore({ ffmpegPath: null });
    const userId = seedUser(t.core);
    const row = await t.core.services.media.prepareFile({ userId, kind: 'video', source: makeMp4(), workstation: t.core.services.workstation() });
    expect(row).toMatchObject({ thumbRelPath: null, width: null, durationMs: null });
  });

  it('refuses an image where a video is expected', async () => {
    t = await startTestCore();
    const userId = seedUser(t.core);
    await expect(
      t.core.services.media.prepareFile({ userId, kind: 'video', source: await makeImage(), workstation: t.core.services.workstation() }),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(listMediaFiles(t.dataDir)).toEqual([]);
  });

  it('discards the files of rows whose transaction failed', async () => {
    t = await startTestCore();
    const userId = seedUser(t.core);
    const store = t.core.services.media;
    const row = await store.prepareFile({ userId, kind: 'image', source: await makeImage(), workstation: t.core.services.workstation() });
    expect(listMediaFiles(t.dataDir)).toHaveLength(2);
    await store.discard([row]);
    expect(listMediaFiles(t.dataDir)).toEqual([]);
  });
});
