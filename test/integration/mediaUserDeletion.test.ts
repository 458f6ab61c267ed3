import { afterEach, describe, expect, it } from 'vitest';
import { deleteMediaRowsOfUser, transferMedia } from '../../src/main/services/media/userMedia';
import { listMediaFiles, makeImage } from '../support/mediaFixtures';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

async function userWithItems(count: number) {
  t = await startTestCore();
  const admin = seedUser(t.core, { role: 'admin' });
  const user = seedUser(t.core, { managedBy: [admin] });
  for (let i = 0; i < count; i++) {
    await t.core.services.media.importImage({ userId: user, bytes: await makeImage({ color: `#00${i}0${i}0` }), workstation: t.core.services.workstation() });
  }
  return { admin, user };
}

describe('media of a deleted account', () => {
  it('can be deleted with the account: rows in the transaction, then files, leaving nothing behind', async () => {
    const { user } = await userWithItems(2);
    const refs = t.core.services.db.transaction(() => {
      const files = deleteMediaRowsOfUser(t.core.services.db, user);
      t.core.services.db.$client.prepare('DELETE FROM user WHERE id = ?').run(user);
      return files;
    });
    await t.core.services.media.removeFiles(refs);
    expect(listMediaFiles(t.dataDir)).toEqual([]);
    expect(t.core.services.db.$client.prepare('SELECT COUNT(*) AS n FROM media_search_key').get()).toEqual({ n: 0 });
  });

  it('can be transferred to the deleting admin, who then owns and sees it', async () => {
    const { admin, user } = await userWithItems(2);
    t.core.services.db.transaction(() => {
      expect(transferMedia(t.core.services.db, user, admin)).toBe(2);
      t.core.services.db.$client.prepare('DELETE FROM user WHERE id = ?').run(user);
    });
    signInAs(t.core, 'admin', admin);
    const result = await t.call('admin', 'media.list', {});
    expect(result).toMatchObject({ ok: true, data: { items: [{ owner: { userId: admin } }, { owner: { userId: admin } }] } });
  });

  it('blocks deleting an account that still owns media (no cascade by accident)', async () => {
    const { user } = await userWithItems(1);
    expect(() => t.core.services.db.$client.prepare('DELETE FROM user WHERE id = ?').run(user)).toThrow(/FOREIGN KEY/);
  });
});
