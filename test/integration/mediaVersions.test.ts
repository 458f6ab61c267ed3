import { afterEach, describe, expect, it } from 'vitest';
import { MEDIA_COUNT_CAP } from '../../src/shared/domain/media';
import { seedUser, signInAs } from '../support/seed';
import { seedMediaRows } from '../support/seedMedia';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

const T0 = Date.UTC(2026, 10, 1);

/** An admin managing Alice, and Bob whom nobody here manages. */
async function lab() {
  t = await startTestCore();
  const admin = seedUser(t.core, { role: 'admin', email: 'admin@lab.org' });
  const alice = seedUser(t.core, { email: 'alice@lab.org', managedBy: [admin] });
  const bob = seedUser(t.core, { email: 'bob@lab.org' });
  signInAs(t.core, 'admin', admin);
  signInAs(t.core, 'alice', alice);
  signInAs(t.core, 'bob', bob);
  return { admin, alice, bob };
}

async function versions(transport: string, id: string) {
  const result = await t.call(transport, 'media.versions', { id });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return { rootId: result.data.rootId, ids: result.data.items.map((i) => i.id), truncated: result.data.truncated };
}

describe('media.versions', () => {
  it('answers the whole tree from any of its versions: the source, its edits and the edits of those', async () => {
    const { alice } = await lab();
    const db = t.core.services.db;
    const [root] = seedMediaRows(db, [{ userId: alice, createdAt: T0 }]);
    const [a, b] = seedMediaRows(db, [
      { userId: alice, createdAt: T0 + 1, parentMediaId: root },
      { userId: alice, createdAt: T0 + 2, parentMediaId: root },
    ]);
    const [a2] = seedMediaRows(db, [{ userId: alice, createdAt: T0 + 3, parentMediaId: a }]);
    seedMediaRows(db, [{ userId: alice, createdAt: T0 + 4 }]); // unrelated

    for (const from of [root!, a!, b!, a2!]) {
      expect(await versions('alice', from)).toEqual({ rootId: root, ids: [root, a, b, a2], truncated: false });
    }
  });

  it("leaves out another person's version (and what was made from it) unless the caller may see it", async () => {
    const { admin, alice } = await lab();
    const db = t.core.services.db;
    const [root] = seedMediaRows(db, [{ userId: alice, createdAt: T0 }]);
    // her admin edited her picture, then edited that edit; Alice made her own edit too
    const [adminEdit] = seedMediaRows(db, [{ userId: admin, createdAt: T0 + 1, parentMediaId: root }]);
    const [adminEdit2] = seedMediaRows(db, [{ userId: admin, createdAt: T0 + 2, parentMediaId: adminEdit }]);
    const [aliceEdit] = seedMediaRows(db, [{ userId: alice, createdAt: T0 + 3, parentMediaId: root }]);

    expect((await versions('alice', root!)).ids).toEqual([root, aliceEdit]);
    // the admin manages Alice, so sees both people's versions
    expect((await versions('admin', aliceEdit!)).ids).toEqual([root, adminEdit, adminEdit2, aliceEdit]);
    // from the admin's own edit, the admin's tree still starts at Alice's picture
    expect((await versions('admin', adminEdit2!)).rootId).toBe(root);
  });

  it("starts the tree at the oldest version the caller may see, and never answers for another person's item", async () => {
    const { alice, bob } = await lab();
    const db = t.core.services.db;
    const [bobs] = seedMediaRows(db, [{ userId: bob, createdAt: T0 }]);
    // (an item of Alice's made from Bob's, as after an account transfer)
    const [alices] = seedMediaRows(db, [{ userId: alice, createdAt: T0 + 1, parentMediaId: bobs }]);
    expect(await versions('alice', alices!)).toEqual({ rootId: alices, ids: [alices], truncated: false });

    const refused = await t.call('alice', 'media.versions', { id: bobs! });
    expect(refused.ok ? null : refused.error.code).toBe('NOT_FOUND');
  });
});

describe('media.count', () => {
  it('counts what a filtered view holds, within the caller’s scope', async () => {
    const { admin, alice, bob } = await lab();
    const db = t.core.services.db;
    seedMediaRows(db, [
      ...Array.from({ length: 5 }, (_, i) => ({ userId: alice, createdAt: T0 + i, prompt: `lighthouse ${i}` })),
      ...Array.from({ length: 3 }, (_, i) => ({ userId: alice, createdAt: T0 + 10 + i, prompt: `harbour ${i}`, kind: 'video' as const })),
      ...Array.from({ length: 4 }, (_, i) => ({ userId: bob, createdAt: T0 + i, prompt: `lighthouse ${i}` })),
      { userId: admin, createdAt: T0, prompt: 'lighthouse at dusk' },
    ]);
    const count = async (transport: string, input: Record<string, unknown>) => {
      const result = await t.call(transport, 'media.count', input);
      if (!result.ok) throw new Error(result.error.message);
      return result.data;
    };
    expect(await count('alice', { query: 'lighthouse' })).toEqual({ count: 5, capped: false });
    expect(await count('alice', { kind: 'video' })).toEqual({ count: 3, capped: false });
    expect(await count('admin', { query: 'lighthouse' })).toEqual({ count: 6, capped: false });
    expect(await count('bob', {})).toEqual({ count: 4, capped: false });
    const forbidden = await t.call('alice', 'media.count', { userId: bob });
    expect(forbidden.ok ? null : forbidden.error.code).toBe('FORBIDDEN');
  });

  it(`counts a search up to ${MEDIA_COUNT_CAP} and says so, and the whole gallery exactly`, async () => {
    const { alice } = await lab();
    seedMediaRows(
      t.core.services.db,
      Array.from({ length: MEDIA_COUNT_CAP + 5 }, (_, i) => ({ userId: alice, createdAt: T0 + i, prompt: 'harbour at dawn' })),
    );
    const result = await t.call('alice', 'media.count', { query: 'harbour' });
    expect(result.ok && result.data).toEqual({ count: MEDIA_COUNT_CAP, capped: true });
    const all = await t.call('alice', 'media.count', {});
    expect(all.ok && all.data).toEqual({ count: MEDIA_COUNT_CAP + 5, capped: false });
  });
});
