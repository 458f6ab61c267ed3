import { afterEach, describe, expect, it } from 'vitest';
import { type TestCore, startTestCore } from '../support/testCore';
import { data, failure, invite, inviteAndSignIn, setupFirstAdmin } from '../support/accounts';

let t: TestCore;
afterEach(async () => t?.cleanup());

type Entry = {
  id: string;
  action: string;
  actor: { id: string; email: string } | null;
  target: { id: string; email: string } | null;
  details: Record<string, unknown> | null;
  workstation: unknown;
};

async function list(transport: string, input: Record<string, unknown> = {}): Promise<Entry[]> {
  return data(await t.call(transport, 'audit.list', { limit: 200, ...input })).items;
}

function auditRowCount(): number {
  return (t.core.services.db.$client.prepare('SELECT count(*) AS n FROM audit_entry').get() as { n: number }).n;
}

describe('the audit log', () => {
  it('records every admin action with its actor, target, change and workstation', async () => {
    t = await startTestCore();
    const alice = await setupFirstAdmin(t, 'alice@lab.example', 'alice');
    const bob = await inviteAndSignIn(t, 'alice', 'bob@lab.example', { role: 'admin', transport: 'bob' });
    const kim = await inviteAndSignIn(t, 'alice', 'kim@lab.example', { transport: 'kim' });
    data(await t.call('alice', 'users.update', { userId: kim.userId, role: 'admin' }));
    data(await t.call('alice', 'users.update', { userId: kim.userId, role: 'user', isActive: false }));
    data(await t.call('alice', 'users.update', { userId: kim.userId, isActive: true }));
    data(await t.call('alice', 'users.unlock', { userId: kim.userId }));
    data(await t.call('alice', 'users.share', { userId: kim.userId, adminEmail: bob.email }));
    data(await t.call('alice', 'users.unshare', { userId: kim.userId, adminEmail: bob.email }));
    data(await t.call('alice', 'users.reset_password', { userId: kim.userId }));
    data(await t.call('alice', 'users.delete', { userId: kim.userId, media: 'transfer' }));

    const entries = await list(alice.transport);
    const adminActions = entries
      .filter((e) => e.actor?.email === alice.email && e.action.startsWith('users.'))
      .map((e) => e.action)
      .reverse();
    expect(adminActions).toEqual([
      'users.invite',
      'users.invite',
      'users.update',
      'users.update',
      'users.update',
      'users.unlock',
      'users.share',
      'users.unshare',
      'users.reset_password',
      'users.delete',
    ]);
    const demotion = entries.find(
      (e) =>
        e.action === 'users.update' &&
        (e.details?.changes as Record<string, unknown>)?.role &&
        (e.details?.changes as Record<string, unknown>)?.isActive,
    );
    expect(demotion).toMatchObject({
      target: { email: 'kim@lab.example' },
      details: { changes: { role: { from: 'admin', to: 'user' }, isActive: { from: true, to: false } } },
      workstation: { hostName: 'lab-pc-07', osUser: 'student', ipv4: '10.0.0.7' },
    });
    expect(entries.map((e) => e.action)).toEqual(expect.arrayContaining(['auth.first_admin.created', 'setup_code.issued', 'setup_code.redeemed']));
  });

  it('shows an admin only entries about themselves and the accounts they manage', async () => {
    t = await startTestCore();
    const alice = await setupFirstAdmin(t, 'alice@lab.example', 'alice');
    const bob = await inviteAndSignIn(t, 'alice', 'bob@lab.example', { role: 'admin', transport: 'bob' });
    await invite(t, 'alice', 'kim@lab.example');
    await invite(t, 'bob', 'lee@lab.example');
    const seenByBob = await list(bob.transport);
    const people = new Set(seenByBob.flatMap((e) => [e.actor?.email, e.target?.email]));
    expect(people.has('lee@lab.example')).toBe(true);
    expect(people.has('kim@lab.example')).toBe(false);
    expect(seenByBob.every((e) => e.actor?.email === bob.email || e.target?.email === bob.email || e.target?.email === 'lee@lab.example')).toBe(true);
    // Alice manages Bob, but not the account Bob invited: that entry would name someone outside her scope
    const seenByAlice = new Set((await list(alice.transport)).flatMap((e) => [e.actor?.email, e.target?.email]));
    expect(seenByAlice.has('bob@lab.example')).toBe(true);
    expect(seenByAlice.has('lee@lab.example')).toBe(false);
  });

  it('filters by action prefix, account and time, and pages newest first', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const start = t.clock.now();
    for (let i = 0; i < 5; i++) {
      t.clock.advance(60_000);
      await invite(t, admin.transport, `p${i}@lab.example`);
    }
    expect((await list(admin.transport, { action: 'users' })).every((e) => e.action.startsWith('users.'))).toBe(true);
    expect((await list(admin.transport, { action: 'users.inv' })).length).toBe(0);
    const invites = await list(admin.transport, { action: 'users.invite' });
    expect(invites.map((e) => e.target?.email)).toEqual(['p4@lab.example', 'p3@lab.example', 'p2@lab.example', 'p1@lab.example', 'p0@lab.example']);
    expect(await list(admin.transport, { action: 'users.invite', from: start + 2 * 60_000, to: start + 3 * 60_000 })).toHaveLength(2);

    const page1 = data(await t.call(admin.transport, 'audit.list', { action: 'users.invite', limit: 3 }));
    const page2 = data(await t.call(admin.transport, 'audit.list', { action: 'users.invite', limit: 3, cursor: page1.nextCursor! }));
    expect([...page1.items, ...page2.items].map((e) => e.target?.email)).toEqual(invites.map((e) => e.target?.email));
    expect(page2.nextCursor).toBeNull();

    const aboutP0 = await list(admin.transport, { userId: invites.at(-1)?.target?.id });
    expect(aboutP0.map((e) => e.action).sort()).toEqual(['setup_code.issued', 'users.invite']);
  });

  it('records lockouts and failed sign-ins on the account, for its admins to see', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const kim = await inviteAndSignIn(t, admin.transport, 'kim@lab.example');
    data(await t.call(kim.transport, 'auth.logout'));
    for (let i = 0; i < 5; i++) await t.call('x', 'auth.login', { email: kim.email, password: 'wrong-password-1' });
    const entries = await list(admin.transport, { userId: kim.userId, action: 'auth' });
    // five wrong passwords in a row are one entry with a count
    expect(entries.filter((e) => e.action === 'auth.login.failed')).toEqual([
      expect.objectContaining({ details: { reason: 'wrong-password', count: 5, lastAt: t.clock.now() } }),
    ]);
    expect(entries.find((e) => e.action === 'auth.lockout')).toMatchObject({ details: { lockedUntil: expect.any(Number), lockoutCount: 1 } });
  });

  it('records a flood of failed attempts as a few entries with counts, not a row each', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    const kim = await inviteAndSignIn(t, admin.transport, 'kim@lab.example');
    data(await t.call(kim.transport, 'auth.logout'));
    const rowsBefore = auditRowCount();
    for (let i = 0; i < 500; i++) {
      const route = i % 2 ? 'auth.login' : 'auth.redeem_code';
      const input =
        i % 2 ? { email: kim.email, password: 'wrong-password-1' } : { email: kim.email, code: 'ABCD-EFGH-JKMN', password: 'another-password-2' };
      await t.call('attacker', route, input);
      t.clock.advance(400);
    }
    const added = auditRowCount() - rowsBefore;
    const entries = await list(admin.transport, { userId: kim.userId, action: 'auth' });
    const failed = entries.filter((e) => e.action === 'auth.login.failed');
    // every attempt is counted once, across a handful of entries (runs of one reason, and lockouts between)
    expect(failed.reduce((sum, e) => sum + Number((e.details as { count: number }).count), 0)).toBe(500);
    expect(added).toBeLessThan(15);
    expect(entries.filter((e) => e.action === 'auth.lockout').length).toBeGreaterThan(1);

    // unknown emails: counted the same way
    for (let i = 0; i < 50; i++) await t.call('attacker', 'auth.login', { email: `nobody${i}@lab.example`, password: 'wrong-password-1' });
    expect(auditRowCount() - rowsBefore - added).toBe(1);
  });

  it('rejects a malformed filter with a clear message', async () => {
    t = await startTestCore();
    const admin = await setupFirstAdmin(t);
    expect(failure(await t.call(admin.transport, 'audit.list', { cursor: 'DROP TABLE' })).code).toBe('VALIDATION_FAILED');
    expect(failure(await t.call(admin.transport, 'audit.list', { action: "x' OR 1=1" })).code).toBe('VALIDATION_FAILED');
  });

  it('has no route that changes or removes an entry', async () => {
    const { routes } = await import('../../src/shared/contract/index');
    expect(Object.keys(routes).filter((name) => name.startsWith('audit.'))).toEqual(['audit.list']);
  });
});
