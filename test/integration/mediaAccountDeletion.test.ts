import { afterEach, describe, expect, it } from 'vitest';
import { listMediaFiles, makeImage } from '../support/mediaFixtures';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

async function adminAndUserWithItems(count: number) {
  t = await startTestCore();
  const admin = seedUser(t.core, { role: 'admin', email: 'admin@lab.org' });
  const user = seedUser(t.core, { email: 'leaver@lab.org', managedBy: [admin] });
  signInAs(t.core, 'admin', admin);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const row = await t.core.services.media.importImage({
      userId: user,
      bytes: await makeImage({ color: `#0${i}0${i}0${i}` }),
      workstation: t.core.services.workstation(),
    });
    ids.push(row.id);
  }
  return { admin, user, ids };
}

describe('media when an account is deleted (users.delete)', () => {
  it('"delete" removes the rows, the files and thumbnails, and their URLs', async () => {
    const { user, ids } = await adminAndUserWithItems(2);
    expect(listMediaFiles(t.dataDir)).toHaveLength(4);
    expect(await t.call('admin', 'users.delete', { userId: user, media: 'delete' })).toMatchObject({ ok: true, data: { mediaCount: 2 } });
    expect(listMediaFiles(t.dataDir)).toEqual([]);
    expect((await t.core.serveMedia('admin', new Request(`studio-media://media/${ids[0]}/original`))).status).toBe(404);
    expect(t.core.services.db.$client.prepare('SELECT COUNT(*) AS n FROM media_search_key').get()).toEqual({ n: 0 });
  });

  it('"transfer" hands the items to the deleting admin, files untouched', async () => {
    const { admin, user, ids } = await adminAndUserWithItems(2);
    const before = listMediaFiles(t.dataDir);
    expect(await t.call('admin', 'users.delete', { userId: user, media: 'transfer' })).toMatchObject({ ok: true });
    expect(listMediaFiles(t.dataDir)).toEqual(before);
    const list = await t.call('admin', 'media.list', {});
    expect(list).toMatchObject({ ok: true, data: { items: [{ owner: { userId: admin } }, { owner: { userId: admin } }] } });
    expect((await t.core.serveMedia('admin', new Request(`studio-media://media/${ids[0]}/original`))).status).toBe(200);
  });
});
