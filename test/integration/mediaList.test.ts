import { afterEach, describe, expect, it } from 'vitest';
import type { MediaItem } from '../../src/shared/contract/routes/media';
import { explainListMedia } from '../../src/main/services/media/listMedia';
import { seedUser, signInAs } from '../support/seed';
import { seedMediaRows } from '../support/seedMedia';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

const T0 = Date.UTC(2026, 10, 1);
type Page = { items: MediaItem[]; nextCursor: string | null };

async function list(transport: string, input: Record<string, unknown> = {}): Promise<Page> {
  const result = await t.call(transport, 'media.list', input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data;
}

async function walk(transport: string, input: Record<string, unknown>, between?: (page: number) => void): Promise<MediaItem[]> {
  const seen: MediaItem[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 1000; page++) {
    const result = await list(transport, { ...input, ...(cursor ? { cursor } : {}) });
    seen.push(...result.items);
    between?.(page);
    if (!result.nextCursor) return seen;
    cursor = result.nextCursor;
  }
  throw new Error('pagination did not end');
}

/** An admin managing two users, and a stranger; each with items. */
async function lab() {
  t = await startTestCore();
  const admin = seedUser(t.core, { role: 'admin', email: 'admin@lab.org' });
  const alice = seedUser(t.core, { email: 'alice@lab.org', managedBy: [admin] });
  const bob = seedUser(t.core, { email: 'bob@lab.org', managedBy: [admin] });
  const stranger = seedUser(t.core, { email: 'stranger@lab.org' });
  signInAs(t.core, 'admin', admin);
  signInAs(t.core, 'alice', alice);
  signInAs(t.core, 'stranger', stranger);
  return { admin, alice, bob, stranger };
}

describe('media.list pagination', () => {
  it('walks every item exactly once, newest first, even with many items in the same millisecond', async () => {
    const { alice } = await lab();
    // 250 items, only 25 distinct timestamps: ties are broken by id
    seedMediaRows(
      t.core.services.db,
      Array.from({ length: 250 }, (_, i) => ({ userId: alice, createdAt: T0 + Math.floor(i / 10) })),
    );
    const seen = await walk('alice', { limit: 7 });
    expect(seen).toHaveLength(250);
    expect(new Set(seen.map((i) => i.id)).size).toBe(250);
    const order = seen.map((i) => [i.createdAt, i.id] as const);
    const sorted = [...order].sort((a, b) => b[0] - a[0] || (a[1] < b[1] ? 1 : -1));
    expect(order).toEqual(sorted);
  });

  it('never repeats or skips an item while new items arrive between pages', async () => {
    const { admin, alice, bob } = await lab();
    const before = seedMediaRows(
      t.core.services.db,
      Array.from({ length: 300 }, (_, i) => ({ userId: i % 3 === 0 ? admin : i % 3 === 1 ? alice : bob, createdAt: T0 + i * 1000 })),
    );
    let arrivals = 0;
    const seen = await walk('admin', { limit: 25 }, () => {
      // someone generates two more images after every page
      seedMediaRows(t.core.services.db, [
        { userId: alice, createdAt: T0 + 10_000_000 + arrivals++ },
        { userId: admin, createdAt: T0 + 10_000_000 + arrivals++ },
      ]);
    });
    expect(seen.map((i) => i.id).sort()).toEqual([...before].sort());
  });

  it('pages correctly for an admin managing more users than one merged query takes', async () => {
    const { admin } = await lab();
    const managed = Array.from({ length: 70 }, (_, i) => seedUser(t.core, { email: `pupil${i}@lab.org`, managedBy: [admin] }));
    const ids = seedMediaRows(
      t.core.services.db,
      Array.from({ length: 420 }, (_, i) => ({ userId: managed[i % 70]!, createdAt: T0 + Math.floor(i / 3) })),
    );
    const seen = await walk('admin', { limit: 50 });
    expect(seen.map((i) => i.id).sort()).toEqual([...ids].sort());
    expect(seen.map((i) => i.createdAt)).toEqual([...seen.map((i) => i.createdAt)].sort((a, b) => b - a));
  });

  it('gives a clear error for a cursor that is not one of ours', async () => {
    await lab();
    expect(await t.call('alice', 'media.list', { cursor: 'garbage' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', message: expect.stringContaining('cursor') },
    });
    const forged = Buffer.from(JSON.stringify([1, '../etc'])).toString('base64url');
    expect(await t.call('alice', 'media.list', { cursor: forged })).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
  });
});

describe('media.list scope', () => {
  it('shows a user only their own items, without owner or workstation fields', async () => {
    const { alice, bob, stranger } = await lab();
    const [mine] = seedMediaRows(t.core.services.db, [{ userId: alice, createdAt: T0 }]);
    seedMediaRows(t.core.services.db, [
      { userId: bob, createdAt: T0 + 1 },
      { userId: stranger, createdAt: T0 + 2 },
    ]);
    const page = await list('alice');
    expect(page.items.map((i) => i.id)).toEqual([mine]);
    expect(page.items[0]).not.toHaveProperty('owner');
    expect(page.items[0]).not.toHaveProperty('workstation');
  });

  it('shows an admin their own and their managed users’ items with each owner’s email and workstation', async () => {
    const { admin, alice, bob, stranger } = await lab();
    seedMediaRows(t.core.services.db, [
      { userId: admin, createdAt: T0 },
      { userId: alice, createdAt: T0 + 1 },
      { userId: bob, createdAt: T0 + 2 },
      { userId: stranger, createdAt: T0 + 3 },
    ]);
    const page = await list('admin');
    expect(page.items.map((i) => i.owner?.email)).toEqual(['bob@lab.org', 'alice@lab.org', 'admin@lab.org']);
    expect(page.items[0]?.workstation).toEqual({ hostName: 'lab-pc-07', osUser: 'student', ipv4: '10.0.0.7' });
  });

  it('filters an admin’s list to one managed user, and refuses a user they do not manage', async () => {
    const { admin, alice, stranger } = await lab();
    seedMediaRows(t.core.services.db, [
      { userId: admin, createdAt: T0 },
      { userId: alice, createdAt: T0 + 1 },
    ]);
    expect((await list('admin', { userId: alice })).items.map((i) => i.owner?.userId)).toEqual([alice]);
    expect(await t.call('admin', 'media.list', { userId: stranger })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await t.call('alice', 'media.list', { userId: admin })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect((await list('alice', { userId: alice })).items).toHaveLength(1);
  });

  it('needs a signed-in account', async () => {
    await lab();
    expect(await t.call('nobody', 'media.list', {})).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('media.list filters', () => {
  it('filters by kind, model, favourite and date range', async () => {
    const { alice } = await lab();
    const [image, video, fav, old] = seedMediaRows(t.core.services.db, [
      { userId: alice, createdAt: T0 + 10, kind: 'image', model: 'gemini-3-pro-image' },
      { userId: alice, createdAt: T0 + 20, kind: 'video', model: 'veo-3.1-generate-preview' },
      { userId: alice, createdAt: T0 + 30, kind: 'image', favorite: true },
      { userId: alice, createdAt: T0 - 86_400_000, kind: 'input', model: null, prompt: null },
    ]);
    const ids = async (input: Record<string, unknown>) => (await list('alice', input)).items.map((i) => i.id);
    expect(await ids({ kind: 'video' })).toEqual([video]);
    expect(await ids({ kind: 'input' })).toEqual([old]);
    expect(await ids({ model: 'gemini-3-pro-image' })).toEqual([image]);
    expect(await ids({ favorite: true })).toEqual([fav]);
    expect(await ids({ favorite: false })).toEqual([video, image, old]);
    expect(await ids({ from: T0, to: T0 + 30 })).toEqual([video, image]);
    expect(await ids({ kind: 'image', from: T0 + 15 })).toEqual([fav]);
  });
});

describe('media.list search', () => {
  it('matches whole words and word beginnings, all words required, accents ignored', async () => {
    const { alice } = await lab();
    const [fox, sunset, cafe] = seedMediaRows(t.core.services.db, [
      { userId: alice, createdAt: T0 + 1, prompt: 'A red fox jumping over a fence' },
      { userId: alice, createdAt: T0 + 2, prompt: 'Sunset over the harbour, oil painting' },
      { userId: alice, createdAt: T0 + 3, prompt: 'Café terrace at night' },
      { userId: alice, createdAt: T0 + 4, prompt: null, kind: 'input' },
    ]);
    const ids = async (query: string) => (await list('alice', { query })).items.map((i) => i.id);
    expect(await ids('fox')).toEqual([fox]);
    expect(await ids('sun')).toEqual([sunset]);
    expect(await ids('over')).toEqual([sunset, fox]);
    expect(await ids('over fen')).toEqual([fox]);
    expect(await ids('cafe')).toEqual([cafe]);
    expect(await ids('FOX')).toEqual([fox]);
    expect(await ids('giraffe')).toEqual([]);
  });

  it('treats search syntax as plain text instead of failing', async () => {
    const { alice } = await lab();
    const [fox] = seedMediaRows(t.core.services.db, [{ userId: alice, createdAt: T0, prompt: 'red fox' }]);
    for (const query of ['"fox', 'fox*', '(fox)', '-fox', 'fox)', '^fox', 'fox:', '{fox}']) {
      expect({ query, ids: (await list('alice', { query })).items.map((i) => i.id) }).toEqual({ query, ids: [fox] });
    }
    // operators are words like any other: "NEAR" is not in the prompt, so nothing matches (and nothing fails)
    expect(await t.call('alice', 'media.list', { query: 'NEAR(fox) OR' })).toMatchObject({ ok: true, data: { items: [] } });
    expect((await list('alice', { query: '!!!' })).items.map((i) => i.id)).toEqual([fox]);
  });

  it('finds only what the searcher may see', async () => {
    const { admin, alice, stranger } = await lab();
    const [own, managed] = seedMediaRows(t.core.services.db, [
      { userId: alice, createdAt: T0 + 1, prompt: 'lighthouse in a storm' },
      { userId: admin, createdAt: T0 + 2, prompt: 'lighthouse at dawn' },
      { userId: stranger, createdAt: T0 + 3, prompt: 'lighthouse, stranger’s' },
    ]);
    expect((await list('alice', { query: 'lighthouse' })).items.map((i) => i.id)).toEqual([own]);
    expect((await list('admin', { query: 'lighthouse' })).items.map((i) => i.id)).toEqual([managed, own]);
    expect((await list('stranger', { query: 'storm' })).items).toEqual([]);
  });

  it('keeps the index in step with deletes and prompt changes', async () => {
    const { alice } = await lab();
    const [a, b] = seedMediaRows(t.core.services.db, [
      { userId: alice, createdAt: T0 + 1, prompt: 'blue whale' },
      { userId: alice, createdAt: T0 + 2, prompt: 'blue bird' },
    ]);
    t.core.services.db.$client.prepare('DELETE FROM media WHERE id = ?').run(a);
    t.core.services.db.$client.prepare("UPDATE media SET prompt = 'green bird' WHERE id = ?").run(b);
    expect((await list('alice', { query: 'blue' })).items).toEqual([]);
    expect((await list('alice', { query: 'green' })).items.map((i) => i.id)).toEqual([b]);
    expect(t.core.services.db.$client.prepare('SELECT COUNT(*) AS n FROM media_search_key').get()).toEqual({ n: 1 });
  });

  it('pages through search results with the same cursor rules', async () => {
    const { alice } = await lab();
    const ids = seedMediaRows(
      t.core.services.db,
      Array.from({ length: 30 }, (_, i) => ({ userId: alice, createdAt: T0 + i, prompt: i % 2 ? 'cat portrait' : 'dog portrait' })),
    );
    const seen = await walk('alice', { query: 'cat', limit: 4 });
    expect(seen.map((i) => i.id).sort()).toEqual(ids.filter((_, i) => i % 2).sort());
  });
});

describe('media.list query plans', () => {
  it('reads a page through the per-user indexes, never scanning the table or sorting it whole', async () => {
    const { admin, alice } = await lab();
    seedMediaRows(
      t.core.services.db,
      Array.from({ length: 500 }, (_, i) => ({ userId: i % 2 ? admin : alice, createdAt: T0 + i })),
    );
    t.core.services.db.$client.exec('ANALYZE');
    const adminActor = { userId: admin, email: 'admin@lab.org', role: 'admin' as const, sessionId: 's' };
    const aliceActor = { userId: alice, email: 'alice@lab.org', role: 'user' as const, sessionId: 's' };
    const { nextCursor } = await list('admin', { limit: 100 });
    for (const [actor, input] of [
      [adminActor, { limit: 60, cursor: nextCursor! }],
      [aliceActor, { limit: 60, cursor: nextCursor! }],
      [adminActor, { limit: 60, kind: 'video' }],
      [adminActor, { limit: 60, favorite: true }],
      [adminActor, { limit: 60, model: 'veo' }],
    ] as const) {
      const plan = explainListMedia(t.core.services.db, actor, input);
      expect(plan.filter((line) => /^SCAN (m|media)\b/.test(line))).toEqual([]);
      expect(plan.filter((line) => line.startsWith('SEARCH m USING COVERING INDEX media_user_')).length).toBeGreaterThan(0);
      // a temp sort may only follow a bounded per-user walk (at most one page each), never the table
      plan.forEach((line, i) => {
        if (line.includes('TEMP B-TREE')) expect(plan[i - 1]).toMatch(/^SCAN \(subquery-\d+\)$/);
      });
    }
  });
});
