import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createMediaPort } from '../../src/main/services/media/mediaPort';
import { listMediaFiles, makeImage, makeMp4 } from '../support/mediaFixtures';
import { seedUser, signInAs } from '../support/seed';
import { seedMediaRows } from '../support/seedMedia';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

async function setup() {
  t = await startTestCore();
  const admin = seedUser(t.core, { role: 'admin' });
  const user = seedUser(t.core, { managedBy: [admin] });
  const stranger = seedUser(t.core);
  const port = createMediaPort({ ...t.core.services, dataDir: t.dataDir });
  const png = await makeImage({ width: 32, height: 32 });
  const input = await t.core.services.media.importImage({ userId: user, bytes: png, workstation: t.core.services.workstation() });
  return { admin, user, stranger, port, png, inputId: input.id };
}

const record = (userId: string) => ({
  userId,
  jobId: null as unknown as string, // no job row in this test
  prompt: 'a lighthouse',
  negativePrompt: null,
  model: 'gemini-3.1-flash-image',
  params: { aspectRatio: '1:1' },
  inputIds: [],
  parentMediaId: null,
  workstation: { hostName: 'lab-pc-07', osUser: 'student', ipv4: '10.0.0.7' },
  providerRef: 'resp-1',
});

describe('the media port the job runner uses', () => {
  it('reads an input image for its owner and their admin, and refuses anyone else without saying why', async () => {
    const { admin, user, stranger, port, png, inputId } = await setup();
    expect(await port.readInputImage(user, inputId)).toEqual({ id: inputId, mimeType: 'image/png', data: png.toString('base64') });
    expect((await port.readInputImage(admin, inputId)).id).toBe(inputId);
    await expect(port.readInputImage(stranger, inputId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // the generation worker reads the file itself: main hands it the checked path
    const located = port.locateInputImage(user, inputId);
    expect(located).toMatchObject({ id: inputId, mimeType: 'image/png' });
    expect(fs.readFileSync(located.file).equals(png)).toBe(true);
    expect(() => port.locateInputImage(stranger, inputId)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => port.assertInputImage(stranger, 'no-such-id')).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
  });

  it('refuses an input whose file is missing, and a video where an image is needed', async () => {
    const { user, port } = await setup();
    const [ghost] = seedMediaRows(t.core.services.db, [{ userId: user, createdAt: 1 }]);
    t.core.services.db.$client.prepare('UPDATE media SET missing = 1 WHERE id = ?').run(ghost);
    expect(() => port.assertInputImage(user, ghost!)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    const [video] = seedMediaRows(t.core.services.db, [{ userId: user, createdAt: 2, kind: 'video' }]);
    expect(() => port.assertInputImage(user, video!)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
    expect(port.videoForContinuation(user, video!)).toMatchObject({ id: video });
  });

  it('stores a generated image, records it inside the caller’s transaction and announces it after', async () => {
    const { user, port } = await setup();
    const heard: unknown[] = [];
    signInAs(t.core, 'win', user);
    t.core.events.connect('win', (event, payload) => heard.push({ event, payload }));
    const prepared = await port.prepareImage(await makeImage({ width: 50, height: 40, format: 'webp' }), 'image/png');
    expect(prepared).toMatchObject({ kind: 'image', mimeType: 'image/webp', width: 50, height: 40 });
    t.core.services.db.transaction(() => port.insert(prepared, record(user)));
    port.announce(user, [prepared.id]);
    expect(await t.call('win', 'media.get', { id: prepared.id })).toMatchObject({
      ok: true,
      data: { prompt: 'a lighthouse', params: { aspectRatio: '1:1' }, kind: 'image' },
    });
    expect(heard).toEqual([{ event: 'media.created', payload: { userId: user, ids: [prepared.id] } }]);
  });

  it('moves a downloaded video from its temp folder into the store, and discards what is not recorded', async () => {
    const { user, port } = await setup();
    const download = path.join(port.tempDir(), 'dl.part');
    fs.writeFileSync(download, makeMp4());
    const prepared = await port.prepareVideo(download, 'video/mp4');
    expect(fs.existsSync(download)).toBe(false);
    expect(prepared).toMatchObject({ kind: 'video', mimeType: 'video/mp4', durationMs: 1000 });
    const before = listMediaFiles(t.dataDir).length;
    port.discard(prepared);
    expect(listMediaFiles(t.dataDir).length).toBe(before - 2);
    expect(t.core.services.db.$client.prepare('SELECT COUNT(*) AS n FROM media WHERE user_id = ?').get(user)).toEqual({ n: 1 });
  });
});
