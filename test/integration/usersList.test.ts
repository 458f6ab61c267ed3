import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { UserListItem, UserSort } from '../../src/shared/contract/routes/users';
import { data, failure, invite, setupFirstAdmin } from '../support/accounts';
import { type SeededAccount, seedAccounts } from '../support/seedAccounts';
import { type TestCore, startTestCore } from '../support/testCore';

/**
 * Users at scale (docs/accounts.md): 2 000 managed accounts, read page by page with the cursor main
 * gives, in every order and with filters — every matching account exactly once, in order.
 */
let t: TestCore;
let admin: { userId: string; email: string; transport: string };
let seeded: SeededAccount[];

beforeAll(async () => {
  t = await startTestCore();
  admin = await setupFirstAdmin(t, 'ada@school.example');
  seeded = seedAccounts(t.core.services.db, { adminId: admin.userId, count: 2000, now: t.clock.now() });
  return () => t.cleanup();
});

async function readAll(input: { sort?: UserSort; direction?: 'asc' | 'desc'; query?: string; status?: 'active' | 'inactive' | 'awaiting-setup' }) {
  const items: UserListItem[] = [];
  let cursor: string | undefined;
  let pages = 0;
  for (;;) {
    const page = data(await t.call(admin.transport, 'users.list', { ...input, limit: 150, ...(cursor ? { cursor } : {}) }));
    expect(page.items.length).toBeLessThanOrEqual(150);
    items.push(...page.items);
    pages++;
    if (!page.nextCursor) return { items, pages, total: page.total };
    cursor = page.nextCursor;
  }
}

const emails = (items: UserListItem[]) => items.map((u) => u.email);

describe('users.list at 2 000 accounts', () => {
  it('pages by email through every account once, in order, with the total', async () => {
    const { items, pages, total } = await readAll({});
    expect(total).toBe(2001);
    expect(pages).toBe(14);
    expect(new Set(emails(items)).size).toBe(2001);
    expect(emails(items)).toEqual([...emails(items)].sort());
  });

  it('sorts by last sign-in, newest first, never-signed-in last, with nothing repeated or skipped', async () => {
    const { items } = await readAll({ sort: 'lastSignIn', direction: 'desc' });
    expect(items).toHaveLength(2001);
    expect(new Set(emails(items)).size).toBe(2001);
    const times = items.map((u) => u.lastLoginAt ?? -1);
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.at(-1)?.lastLoginAt).toBeNull();
  });

  it('sorts by status in the order of the filter (active, inactive, awaiting setup)', async () => {
    const { items } = await readAll({ sort: 'status' });
    const firstInactive = items.findIndex((u) => u.status === 'inactive');
    const firstAwaiting = items.findIndex((u) => u.status === 'awaiting-setup');
    expect(items.slice(0, firstInactive).every((u) => u.status === 'active')).toBe(true);
    expect(items.slice(firstInactive, firstAwaiting).every((u) => u.status === 'inactive')).toBe(true);
    expect(items.slice(firstAwaiting).every((u) => u.status === 'awaiting-setup')).toBe(true);
    expect(new Set(emails(items)).size).toBe(2001);
  });

  it('sorts by quota use, fullest first, and says used / limit per kind', async () => {
    const { items } = await readAll({ sort: 'usage', direction: 'desc' });
    expect(items).toHaveLength(2001);
    const top = seeded.reduce((a, b) => (b.imageUsed > a.imageUsed ? b : a));
    expect(items[0]!.usage.image).toEqual({ used: top.imageUsed, limit: 50, period: 'daily' });
    expect(items[0]!.usage.video).toMatchObject({ used: 0 });
    const shares = items.map((u) => u.usage.image.used / (u.usage.image.limit ?? 1));
    expect(shares).toEqual([...shares].sort((a, b) => b - a));
  });

  it('filters and searches in main, paging within the filter', async () => {
    const awaiting = await readAll({ status: 'awaiting-setup', sort: 'email' });
    expect(awaiting.total).toBe(seeded.filter((s) => s.status === 'awaiting-setup').length);
    expect(awaiting.items.every((u) => u.status === 'awaiting-setup' && u.setupCodeExpiresAt !== null)).toBe(true);
    const search = await readAll({ query: 'USER-019', sort: 'lastSignIn' });
    expect(emails(search.items).sort()).toEqual(seeded.filter((s) => s.email.startsWith('user-019')).map((s) => s.email));
  });

  it('refuses a cursor made for another order instead of skipping rows', async () => {
    const first = data(await t.call(admin.transport, 'users.list', { sort: 'email', limit: 10 }));
    const wrong = failure(await t.call(admin.transport, 'users.list', { sort: 'status', cursor: first.nextCursor! }));
    expect(wrong).toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('Start the list again') });
    expect(failure(await t.call(admin.transport, 'users.list', { cursor: 'not a cursor' })).code).toBe('VALIDATION_FAILED');
  });
});

describe('users.list rows', () => {
  let own: TestCore;
  afterEach(async () => own?.cleanup());

  it('gives an invitee the expiry of their setup code and their limits, and nothing of another admin’s people', async () => {
    own = await startTestCore();
    const a = await setupFirstAdmin(own, 'ada@lab.example');
    await invite(own, a.transport, 'kim@lab.example');
    const kim = data(await own.call(a.transport, 'users.list', { query: 'kim' })).items[0]!;
    expect(kim.setupCodeExpiresAt).toBe(own.clock.now() + 72 * 3_600_000);
    expect(kim.usage).toEqual({
      image: { used: 0, limit: 50, period: 'daily' },
      edit: { used: 0, limit: 30, period: 'daily' },
      video: { used: 0, limit: expect.any(Number), period: expect.any(String) },
    });
    const self = data(await own.call(a.transport, 'users.list', { query: 'ada' })).items[0]!;
    expect(self.setupCodeExpiresAt).toBeNull();
  });

  it('pages past an account with an email as long as the form allows', async () => {
    own = await startTestCore();
    const a = await setupFirstAdmin(own, 'ada@lab.example');
    const long = `${'l'.repeat(240)}@lab.example`;
    await invite(own, a.transport, long);
    await invite(own, a.transport, 'zed@lab.example');
    for (const sort of ['email', 'lastSignIn', 'status', 'usage'] as const) {
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = data(await own.call(a.transport, 'users.list', { sort, limit: 1, cursor }));
        seen.push(...page.items.map((u) => u.email));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen.sort()).toEqual(['ada@lab.example', long, 'zed@lab.example']);
    }
  });
});
