import { afterEach, describe, expect, it } from 'vitest';
import { routes } from '../../src/shared/contract/index';
import { type TestCore, startTestCore } from '../support/testCore';
import { GOOD_PASSWORD, data, failure, invite, inviteAndSignIn, setupFirstAdmin } from '../support/accounts';

let t: TestCore;
afterEach(async () => t?.cleanup());

type Summary = { id: string; email: string; status: string; role: string; managers: { email: string }[] };

async function twoAdmins() {
  t = await startTestCore();
  const a = await setupFirstAdmin(t, 'alice@lab.example', 'alice');
  const b = await inviteAndSignIn(t, 'alice', 'bob@lab.example', { role: 'admin', transport: 'bob' });
  const aliceUser = await inviteAndSignIn(t, 'alice', 'kim@lab.example', { transport: 'kim' });
  return { a, b, aliceUser };
}

const emailsOf = (list: { items: Summary[] }) => list.items.map((u) => u.email);

describe('inviting', () => {
  it('gives a per-row result: created with a code, invalid, already exists', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    await invite(t, admin.transport, 'kim@lab.example');
    const { results } = data(
      await t.call(admin.transport, 'users.invite', {
        emails: ['new1@lab.example', ' New2@Lab.example ', 'not an email', 'kim@lab.example', 'new1@lab.example'],
      }),
    );
    expect(results).toEqual([
      expect.objectContaining({ email: 'new1@lab.example', status: 'created', userId: expect.any(String), code: expect.any(String) }),
      expect.objectContaining({ email: 'new2@lab.example', status: 'created' }),
      expect.objectContaining({ email: 'not an email', status: 'invalid' }),
      expect.objectContaining({
        email: 'kim@lab.example',
        status: 'exists',
        message: expect.stringContaining('ask one of their admins to share'.replace('ask', 'Ask')),
      }),
      expect.objectContaining({ email: 'new1@lab.example', status: 'exists' }),
    ]);
    expect(results.filter((r: { code?: string }) => r.code)).toHaveLength(2);
  });

  it('never grants access to an existing account by inviting its email', async () => {
    const { b, aliceUser } = await twoAdmins();
    const before = t.core.services.db.$client.prepare('SELECT * FROM user WHERE id = ?').get(aliceUser.userId);
    const { results } = data(await t.call(b.transport, 'users.invite', { emails: [aliceUser.email], role: 'admin' }));
    expect(results[0]).toMatchObject({ status: 'exists' });
    expect(results[0]?.code).toBeUndefined();
    expect(t.core.services.db.$client.prepare('SELECT * FROM user WHERE id = ?').get(aliceUser.userId)).toEqual(before);
    expect(failure(await t.call(b.transport, 'users.reset_password', { userId: aliceUser.userId })).code).toBe('FORBIDDEN');
    expect(emailsOf(data(await t.call(b.transport, 'users.list')))).not.toContain(aliceUser.email);
    // the person still signs in with their own password
    data(await t.call('kim-2', 'auth.login', { email: aliceUser.email, password: GOOD_PASSWORD }));
  });

  it('writes the invite’s quota policies over the default policy', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const { results } = data(
      await t.call(admin.transport, 'users.invite', { emails: ['kim@lab.example'], quotas: { video: { period: 'weekly', limit: 3 } } }),
    );
    const rows = t.core.services.db.$client
      .prepare('SELECT kind, period, "limit" FROM quota_policy WHERE user_id = ? ORDER BY kind')
      .all(results[0]!.userId);
    expect(rows).toEqual([
      { kind: 'edit', period: 'daily', limit: 30 },
      { kind: 'image', period: 'daily', limit: 50 },
      // the default budget: none
      { kind: 'spend', period: 'unlimited', limit: 0 },
      { kind: 'video', period: 'weekly', limit: 3 },
    ]);
  });

  it('makes the inviting admin the manager, and the invitee awaits setup', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    await invite(t, admin.transport, 'kim@lab.example', 'admin');
    const kim = data(await t.call(admin.transport, 'users.list', { query: 'kim' })).items[0];
    expect(kim).toMatchObject({ role: 'admin', status: 'awaiting-setup', managers: [{ email: admin.email }] });
  });
});

describe('admin scoping', () => {
  it('shows an admin only themselves and the accounts they manage', async () => {
    const { a, b } = await twoAdmins();
    await inviteAndSignIn(t, b.transport, 'lee@lab.example', { transport: 'lee' });
    expect(emailsOf(data(await t.call(a.transport, 'users.list')))).toEqual(['alice@lab.example', 'bob@lab.example', 'kim@lab.example']);
    expect(emailsOf(data(await t.call(b.transport, 'users.list')))).toEqual(['bob@lab.example', 'lee@lab.example']);
    expect(data(await t.call(b.transport, 'users.list'))).toMatchObject({ total: 2 });
  });

  it('refuses admin B acting on admin A’s user until A shares it, and after A unshares it', async () => {
    const { a, b, aliceUser } = await twoAdmins();
    const actions = () => [
      t.call(b.transport, 'users.update', { userId: aliceUser.userId, isActive: false }),
      t.call(b.transport, 'users.reset_password', { userId: aliceUser.userId }),
      t.call(b.transport, 'users.unlock', { userId: aliceUser.userId }),
      t.call(b.transport, 'users.share', { userId: aliceUser.userId, adminEmail: b.email }),
      t.call(b.transport, 'users.unshare', { userId: aliceUser.userId, adminEmail: a.email }),
      t.call(b.transport, 'users.delete', { userId: aliceUser.userId, media: 'delete' }),
      t.call(b.transport, 'audit.list', { userId: aliceUser.userId }),
    ];
    for (const result of await Promise.all(actions())) expect(failure(result).code).toBe('FORBIDDEN');

    const shared = data(await t.call(a.transport, 'users.share', { userId: aliceUser.userId, adminEmail: 'BOB@lab.example' }));
    expect(shared.user.managers.map((m) => m.email)).toEqual(['alice@lab.example', 'bob@lab.example']);
    expect(emailsOf(data(await t.call(b.transport, 'users.list')))).toContain(aliceUser.email);
    data(await t.call(b.transport, 'users.unlock', { userId: aliceUser.userId }));
    data(await t.call(b.transport, 'audit.list', { userId: aliceUser.userId }));

    data(await t.call(a.transport, 'users.unshare', { userId: aliceUser.userId, adminEmail: b.email }));
    expect(failure(await t.call(b.transport, 'users.unlock', { userId: aliceUser.userId })).code).toBe('FORBIDDEN');
    expect(emailsOf(data(await t.call(b.transport, 'users.list')))).not.toContain(aliceUser.email);
  });

  it('answers an id that does not exist exactly like one outside the scope', async () => {
    const { b, aliceUser } = await twoAdmins();
    const outside = failure(await t.call(b.transport, 'users.update', { userId: aliceUser.userId, role: 'admin' }));
    const missing = failure(await t.call(b.transport, 'users.update', { userId: 'no-such-id', role: 'admin' }));
    expect(missing).toEqual(outside);
  });

  it('refuses every admin route to a plain user with FORBIDDEN', async () => {
    const { aliceUser } = await twoAdmins();
    const adminRoutes = Object.values(routes)
      .filter((r) => r.access === 'admin')
      .map((r) => r.name);
    expect(adminRoutes).toEqual(expect.arrayContaining(['users.list', 'users.invite', 'users.delete', 'audit.list']));
    for (const route of adminRoutes) {
      expect(failure(await t.call(aliceUser.transport, route, { userId: aliceUser.userId, emails: ['x@y.org'] })).code, route).toBe('FORBIDDEN');
    }
  });

  it('refuses every admin and user route to a window that is not signed in', async () => {
    t = await startTestCore();
    await setupFirstAdmin(t);
    for (const route of Object.values(routes).filter((r) => r.access === 'admin' || r.access === 'user')) {
      expect(failure(await t.call('stranger', route.name, {})).code, route.name).toBe('UNAUTHENTICATED');
    }
  });

  it('lets only a managing admin share, only with an admin, and keeps at least one manager', async () => {
    const { a, b, aliceUser } = await twoAdmins();
    expect(failure(await t.call(a.transport, 'users.share', { userId: aliceUser.userId, adminEmail: 'nobody@lab.example' })).code).toBe('NOT_FOUND');
    expect(failure(await t.call(a.transport, 'users.share', { userId: b.userId, adminEmail: aliceUser.email })).code).toBe('NOT_FOUND');
    expect(failure(await t.call(a.transport, 'users.unshare', { userId: aliceUser.userId, adminEmail: a.email })).code).toBe('CONFLICT');
    // an admin shared with the user may remove the original manager, but not the last one
    data(await t.call(a.transport, 'users.share', { userId: aliceUser.userId, adminEmail: b.email }));
    data(await t.call(b.transport, 'users.unshare', { userId: aliceUser.userId, adminEmail: a.email }));
    expect(failure(await t.call(b.transport, 'users.unshare', { userId: aliceUser.userId, adminEmail: b.email })).code).toBe('CONFLICT');
    expect(failure(await t.call(a.transport, 'users.unlock', { userId: aliceUser.userId })).code).toBe('FORBIDDEN');
  });
});

describe('managing an account', () => {
  it('deactivates and reactivates; the person can sign in again', async () => {
    const { a, aliceUser } = await twoAdmins();
    expect(data(await t.call(a.transport, 'users.update', { userId: aliceUser.userId, isActive: false }))).toMatchObject({
      user: { status: 'inactive' },
    });
    expect(data(await t.call(a.transport, 'users.update', { userId: aliceUser.userId, isActive: true }))).toMatchObject({
      user: { status: 'active' },
    });
    data(await t.call('kim-2', 'auth.login', { email: aliceUser.email, password: GOOD_PASSWORD }));
  });

  it('promotes a user, who then reaches admin routes on the next request', async () => {
    const { a, aliceUser } = await twoAdmins();
    expect(failure(await t.call(aliceUser.transport, 'users.list')).code).toBe('FORBIDDEN');
    data(await t.call(a.transport, 'users.update', { userId: aliceUser.userId, role: 'admin' }));
    expect(data(await t.call(aliceUser.transport, 'users.list'))).toMatchObject({ total: 1 });
  });

  it('hands a demoted admin’s users to the admin who demoted them', async () => {
    const { a, b } = await twoAdmins();
    const lee = await inviteAndSignIn(t, b.transport, 'lee@lab.example', { transport: 'lee' });
    data(await t.call(a.transport, 'users.update', { userId: b.userId, role: 'user' }));
    expect(failure(await t.call(b.transport, 'users.list')).code).toBe('FORBIDDEN');
    const list = data(await t.call(a.transport, 'users.list', { query: 'lee' }));
    expect(list.items[0]?.managers.map((m) => m.email)).toEqual([a.email]);
    data(await t.call(a.transport, 'users.unlock', { userId: lee.userId }));
  });

  it('unlocks a locked account', async () => {
    const { a, aliceUser } = await twoAdmins();
    data(await t.call(aliceUser.transport, 'auth.logout'));
    for (let i = 0; i < 5; i++) await t.call('x', 'auth.login', { email: aliceUser.email, password: 'wrong-password-1' });
    expect(data(await t.call(a.transport, 'users.list', { status: 'locked' }))).toMatchObject({
      items: [{ email: aliceUser.email, status: 'locked' }],
    });
    data(await t.call(a.transport, 'users.unlock', { userId: aliceUser.userId }));
    data(await t.call('x', 'auth.login', { email: aliceUser.email, password: GOOD_PASSWORD }));
  });

  it('filters by status and role, searches by email and pages by cursor', async () => {
    const { a } = await twoAdmins();
    data(await t.call(a.transport, 'users.invite', { emails: ['q1@lab.example', 'q2@lab.example', 'q3@lab.example'] }));
    expect(emailsOf(data(await t.call(a.transport, 'users.list', { status: 'awaiting-setup' })))).toEqual([
      'q1@lab.example',
      'q2@lab.example',
      'q3@lab.example',
    ]);
    expect(emailsOf(data(await t.call(a.transport, 'users.list', { role: 'admin' })))).toEqual(['alice@lab.example', 'bob@lab.example']);
    expect(emailsOf(data(await t.call(a.transport, 'users.list', { status: 'active', role: 'user' })))).toEqual(['kim@lab.example']);
    const first = data(await t.call(a.transport, 'users.list', { query: 'Q', limit: 2 }));
    expect(emailsOf(first)).toEqual(['q1@lab.example', 'q2@lab.example']);
    expect(first).toMatchObject({ total: 3, nextCursor: expect.any(String) });
    const second = data(await t.call(a.transport, 'users.list', { query: 'q', limit: 2, cursor: first.nextCursor! }));
    expect(second).toMatchObject({ items: [{ email: 'q3@lab.example' }], nextCursor: null });
  });

  it('never returns a hash, a code hash or lockout counters in a list', async () => {
    const { a } = await twoAdmins();
    const text = JSON.stringify(data(await t.call(a.transport, 'users.list')));
    expect(text).not.toMatch(/\$2[aby]\$/);
    expect(text).not.toMatch(/passwordHash|codeHash|failedLoginCount/);
  });
});

describe('the last active admin', () => {
  it('cannot be demoted, deactivated or deleted', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    for (const [route, input] of [
      ['users.update', { userId: admin.userId, role: 'user' }],
      ['users.update', { userId: admin.userId, isActive: false }],
      ['users.delete', { userId: admin.userId, media: 'transfer' }],
    ] as const) {
      expect(failure(await t.call(admin.transport, route, input))).toMatchObject({
        code: 'CONFLICT',
        message: expect.stringContaining('last active admin'),
      });
    }
    expect(data(await t.call(admin.transport, 'auth.me'))).toMatchObject({ role: 'admin' });
  });

  it('counts only admins who can sign in: an admin awaiting setup does not make the first one removable', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    await invite(t, admin.transport, 'bob@lab.example', 'admin');
    expect(failure(await t.call(admin.transport, 'users.update', { userId: admin.userId, role: 'user' })).code).toBe('CONFLICT');
  });

  it('still refuses an admin changing or deleting their own account when other admins exist', async () => {
    const { a } = await twoAdmins();
    expect(failure(await t.call(a.transport, 'users.update', { userId: a.userId, isActive: false })).code).toBe('FORBIDDEN');
    expect(failure(await t.call(a.transport, 'users.delete', { userId: a.userId, media: 'delete' })).code).toBe('FORBIDDEN');
    expect(failure(await t.call(a.transport, 'users.reset_password', { userId: a.userId })).code).toBe('FORBIDDEN');
  });
});

describe('who is signed in now', () => {
  it('marks a listed account signed in while it has a live session, and not after sign-out, a reset or idle expiry', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const ben = await inviteAndSignIn(t, admin.transport, 'ben@lab.example', { transport: 'ben' });
    const { userId: pendingId } = await invite(t, admin.transport, 'pending@lab.example');
    const signedIn = async () =>
      Object.fromEntries(
        data(await t.call(admin.transport, 'users.list')).items.map((u: { email: string; signedInNow: boolean }) => [u.email, u.signedInNow]),
      );

    expect(await signedIn()).toEqual({ 'admin@lab.example': true, 'ben@lab.example': true, 'pending@lab.example': false });
    expect(pendingId).toBeTruthy();

    // a reset ends Ben's sessions: the list says so at once
    data(await t.call(admin.transport, 'users.reset_password', { userId: ben.userId }));
    expect((await signedIn())['ben@lab.example']).toBe(false);

    // signed in again, then idle past the timeout (15 minutes by default): no longer counted, even before the sweep
    const again = await inviteAndSignIn(t, admin.transport, 'cara@lab.example', { transport: 'cara' });
    expect((await signedIn())['cara@lab.example']).toBe(true);
    t.clock.advance(16 * 60 * 1000);
    data(await t.call(admin.transport, 'auth.login', { email: admin.email, password: GOOD_PASSWORD }));
    expect((await signedIn())[again.email]).toBe(false);

    data(await t.call('cara-2', 'auth.login', { email: again.email, password: GOOD_PASSWORD }));
    expect((await signedIn())[again.email]).toBe(true);
    data(await t.call('cara-2', 'auth.logout'));
    expect((await signedIn())[again.email]).toBe(false);
  });
});
