import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/clock';
import { eq } from 'drizzle-orm';
import { auditEntry, quotaPolicy, user, userManager } from '../../src/main/db/schema';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

/**
 * Two admins, each with their own people: Alice manages Ann and Ben; Bob manages Bea. Carl is an
 * admin who manages nobody. Every quota route must keep each of them inside their own scope.
 */
async function lab() {
  t = await startTestCore();
  const alice = seedUser(t.core, { email: 'alice@lab.org', role: 'admin' });
  const bob = seedUser(t.core, { email: 'bob@lab.org', role: 'admin' });
  const carl = seedUser(t.core, { email: 'carl@lab.org', role: 'admin' });
  const ann = seedUser(t.core, { email: 'ann@lab.org', managedBy: [alice] });
  const ben = seedUser(t.core, { email: 'ben@lab.org', managedBy: [alice] });
  const bea = seedUser(t.core, { email: 'bea@lab.org', managedBy: [bob] });
  for (const [window, id] of Object.entries({ alice, bob, carl, ann, ben, bea })) signInAs(t.core, window, id);
  return { alice, bob, carl, ann, ben, bea };
}

const daily = (limit: number) => ({ period: 'daily' as const, limit });
const auditActions = () => t.core.services.db.select().from(auditEntry).all();

describe('quotas.status', () => {
  it('shows the signed-in user their own quotas, defaults included', async () => {
    const { ann } = await lab();
    t.core.services.quotaLedger.reserve({ userId: ann, kind: 'image', units: 3, jobId: 'j' });
    const result = await t.call('ann', 'quotas.status');
    expect(result).toEqual({
      ok: true,
      data: {
        userId: ann,
        kinds: {
          image: {
            kind: 'image',
            period: 'daily',
            limit: 50,
            used: 3,
            remaining: 47,
            resetsAt: Date.UTC(2026, 10, 27),
            resetsAtLabel: 'Fri 27 Nov 2026, 00:00',
            isDefault: true,
          },
          edit: expect.objectContaining({ limit: 30, used: 0, remaining: 30 }),
          video: expect.objectContaining({ limit: 10, used: 0, remaining: 10 }),
          // no budget by default: this month's spend, nothing left to count down
          spend: expect.objectContaining({ kind: 'spend', period: 'unlimited', used: 0, remaining: null }),
        },
        askAdmins: ['alice@lab.org'],
      },
    });
  });

  it('names whom to ask for more: the active admins who manage the person, else every active admin', async () => {
    const { bob, carl, bea } = await lab();
    const db = t.core.services.db;
    db.insert(userManager).values({ adminId: carl, userId: bea, createdAt: 0 }).run();
    const askAdmins = async (window: string) => ((await t.call(window, 'quotas.status')) as { data: { askAdmins: string[] } }).data.askAdmins;
    expect(await askAdmins('bea')).toEqual(['bob@lab.org', 'carl@lab.org']);

    db.update(user).set({ isActive: false }).where(eq(user.id, carl)).run();
    expect(await askAdmins('bea')).toEqual(['bob@lab.org']);

    // an admin, managed by nobody, asks the other active admins
    expect(await askAdmins('alice')).toEqual(['bob@lab.org']);
    // a user whose only manager left asks every active admin
    db.delete(userManager).where(eq(userManager.adminId, bob)).run();
    expect(await askAdmins('bea')).toEqual(['alice@lab.org', 'bob@lab.org']);
  });

  it('needs a session', async () => {
    await lab();
    expect(await t.call('nobody', 'quotas.status')).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } });
  });
});

describe('quotas.set and quotas.get', () => {
  it("sets a policy for a managed user, shows it, audits it and tells the user's windows", async () => {
    const { alice, ann } = await lab();
    const events: unknown[] = [];
    t.core.events.connect('ann', (event, payload) => event === 'quota.changed' && events.push(payload));
    const result = await t.call('alice', 'quotas.set', { userIds: [ann], policies: { image: daily(2) } });
    expect(result).toMatchObject({
      ok: true,
      data: { users: [{ userId: ann, email: 'ann@lab.org', status: { kinds: { image: { limit: 2, isDefault: false } } } }] },
    });
    expect(await t.call('ann', 'quotas.status')).toMatchObject({
      ok: true,
      data: { kinds: { image: { limit: 2, remaining: 2 }, edit: { limit: 30, isDefault: true } } },
    });
    expect(events).toEqual([
      expect.objectContaining({
        userId: ann,
        status: expect.objectContaining({ kinds: expect.objectContaining({ image: expect.objectContaining({ limit: 2 }) }) }),
      }),
    ]);
    const [entry] = auditActions();
    expect(entry).toMatchObject({ action: 'quotas.set', actorId: alice, targetUserId: ann, targetEmail: 'ann@lab.org' });
    expect(entry!.details).toEqual({
      changes: { image: { from: { period: 'daily', limit: 50, isDefault: true }, to: { period: 'daily', limit: 2 } } },
    });
    expect(await t.call('alice', 'quotas.get', { userIds: [ann] })).toMatchObject({
      ok: true,
      data: { users: [{ status: { kinds: { image: { limit: 2 } } } }] },
    });
  });

  it('sets a selection of users at once, leaving kinds it was not given alone', async () => {
    const { ann, ben } = await lab();
    await t.call('alice', 'quotas.set', { userIds: [ann], policies: { video: { period: 'total', limit: 3 } } });
    const result = await t.call('alice', 'quotas.set', {
      userIds: [ann, ben, ann],
      policies: { image: { period: 'weekly', limit: 100 }, edit: { period: 'unlimited', limit: 0 } },
    });
    expect(result.ok).toBe(true);
    const rows = t.core.services.db.select().from(quotaPolicy).all();
    expect(
      rows
        .filter((r) => r.userId === ann)
        .map((r) => `${r.kind}:${r.period}:${r.limit}`)
        .sort(),
    ).toEqual(['edit:unlimited:0', 'image:weekly:100', 'video:total:3']);
    expect(rows.filter((r) => r.userId === ben)).toHaveLength(2);
  });

  it("changes nobody when one selected user is outside the admin's scope", async () => {
    const { ann, bea } = await lab();
    const result = await t.call('alice', 'quotas.set', { userIds: [ann, bea], policies: { image: daily(1) } });
    expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(t.core.services.db.select().from(quotaPolicy).all()).toEqual([]);
    expect(auditActions()).toEqual([]);
  });

  it('lets an admin set their own quota', async () => {
    const { alice } = await lab();
    expect(await t.call('alice', 'quotas.set', { userIds: [alice], policies: { video: daily(1) } })).toMatchObject({ ok: true });
  });

  it("refuses unknown user ids the same way as other admins' users (no probing)", async () => {
    await lab();
    expect(await t.call('alice', 'quotas.get', { userIds: ['no-such-user'] })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'You do not manage every selected account.' },
    });
  });

  it.each([
    [{ userIds: [], policies: { image: daily(1) } }, 'userIds'],
    [{ userIds: ['x'], policies: {} }, 'policies'],
    [{ userIds: ['x'], policies: { image: daily(-1) } }, 'policies.image.limit'],
    [{ userIds: ['x'], policies: { image: daily(1.5) } }, 'policies.image.limit'],
    [{ userIds: ['x'], policies: { image: { period: 'hourly', limit: 1 } } }, 'policies.image.period'],
    [{ userIds: ['x'], policies: { sound: daily(1) } }, 'policies'],
  ])('rejects a malformed request %j naming %s', async (input, field) => {
    await lab();
    const result = await t.raw('alice', 'quotas.set', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!result.ok) expect((result.error.details as { issues: { path: string }[] }).issues[0]!.path).toBe(field);
  });
});

describe('the default policy', () => {
  it('applies a new default at once to users who follow it, and tells their windows', async () => {
    const { ann, ben } = await lab();
    await t.call('alice', 'quotas.set', {
      userIds: [ben],
      policies: { image: daily(5), edit: daily(5), video: daily(5), spend: { period: 'weekly', limit: 5_000_000 } },
    });
    const seen: string[] = [];
    for (const [window, id] of [
      ['ann', ann],
      ['ben', ben],
    ] as const) {
      t.core.events.connect(
        window,
        (event, payload) => event === 'quota.changed' && seen.push(`${window}:${(payload as { userId: string }).userId === id}`),
      );
    }
    const defaults = { image: daily(20), edit: daily(30), video: daily(10) };
    expect(await t.call('alice', 'settings.update', { defaultQuotas: defaults })).toMatchObject({ ok: true });
    expect(seen).toEqual(['ann:true']);
    expect(await t.call('ann', 'quotas.status')).toMatchObject({ ok: true, data: { kinds: { image: { limit: 20, isDefault: true } } } });
    expect(await t.call('ben', 'quotas.status')).toMatchObject({ ok: true, data: { kinds: { image: { limit: 5, isDefault: false } } } });
  });
});

describe('quotas.reset_usage', () => {
  it("starts a user's current period over, in-flight reservations included, and audits what was used", async () => {
    const { alice, ann } = await lab();
    const ledger = t.core.services.quotaLedger;
    await t.call('alice', 'quotas.set', { userIds: [ann], policies: { image: daily(5) } });
    ledger.reserve({ userId: ann, kind: 'image', units: 3, jobId: 'done' });
    ledger.commit('done');
    ledger.reserve({ userId: ann, kind: 'image', units: 2, jobId: 'in-flight' });
    t.clock.advance(1);
    const result = await t.call('alice', 'quotas.reset_usage', { userId: ann, kinds: ['image'] });
    expect(result).toMatchObject({ ok: true, data: { userId: ann, status: { kinds: { image: { used: 0, remaining: 5 } } } } });
    // the job that was running finishes: charged to the ledger, not to the fresh period
    ledger.commit('in-flight');
    expect(await t.call('ann', 'quotas.status')).toMatchObject({ ok: true, data: { kinds: { image: { used: 0 } } } });
    ledger.reserve({ userId: ann, kind: 'image', units: 5, jobId: 'after-reset' });
    const entry = auditActions().find((a) => a.action === 'quotas.reset_usage');
    expect(entry).toMatchObject({ actorId: alice, targetUserId: ann });
    expect(entry!.details).toEqual({ kinds: ['image'], usedBefore: { image: 5 } });
  });

  it("pins the default as the user's own policy when resetting a kind that followed it", async () => {
    const { ann } = await lab();
    await t.call('alice', 'quotas.reset_usage', { userId: ann });
    const rows = t.core.services.db.select().from(quotaPolicy).all();
    expect(rows.map((r) => `${r.kind}:${r.period}:${r.limit}`).sort()).toEqual([
      'edit:daily:30',
      'image:daily:50',
      'spend:unlimited:0',
      'video:daily:10',
    ]);
  });
});

describe('quotas.usage_report', () => {
  it('reports the admin and their managed users only, with current usage and range totals', async () => {
    const { alice, ann, ben, bea } = await lab();
    const ledger = t.core.services.quotaLedger;
    // last week: 4 images committed by Ann; today: 2 more committed, 1 in flight, 1 released
    t.clock.set(Date.UTC(2026, 10, 19, 10));
    ledger.reserve({ userId: ann, kind: 'image', units: 4, jobId: 'old' });
    ledger.commit('old');
    t.clock.set(Date.UTC(2026, 10, 26, 9));
    ledger.reserve({ userId: ann, kind: 'image', units: 2, jobId: 'a' });
    ledger.commit('a');
    ledger.reserve({ userId: ann, kind: 'image', units: 1, jobId: 'b' });
    ledger.reserve({ userId: ann, kind: 'image', units: 1, jobId: 'c' });
    ledger.release('c');
    ledger.reserve({ userId: bea, kind: 'video', units: 1, jobId: 'bea' });
    ledger.commit('bea');

    const result = await t.call('alice', 'quotas.usage_report', { from: '2026-11-20', to: '2026-11-26' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const report = result.data;
    expect(report.rangeStart).toBe(Date.UTC(2026, 10, 20));
    expect(report.rangeEnd).toBe(Date.UTC(2026, 10, 27));
    // one row per person, kinds as columns, and a totals line over them
    expect(report.people.map((p) => p.email)).toEqual(['alice@lab.org', 'ann@lab.org', 'ben@lab.org']);
    expect(new Set(report.people.map((p) => p.userId))).toEqual(new Set([alice, ann, ben]));
    expect(report.people.find((p) => p.userId === ann)?.kinds.image).toMatchObject({ used: 3, limit: 50, charged: 2 });
    expect(report.totals.kinds.image.charged).toBe(2);
    expect(report.days).toHaveLength(7);
    expect(report.days.find((d) => d.date === '2026-11-26')).toEqual({ date: '2026-11-26', image: 2, edit: 0, video: 0 });

    const wider = await t.call('alice', 'quotas.usage_report', { from: '2026-11-01', to: '2026-11-30' });
    expect(wider.ok && wider.data.people.find((p) => p.userId === ann)?.kinds.image.charged).toBe(6);
    expect(wider.ok && wider.data.totals.kinds.image.charged).toBe(6);
  });

  it("uses the workstation's calendar for the range", async () => {
    t = await startTestCore({ clock: new ManualClock(Date.UTC(2026, 10, 26, 9), 'Europe/Berlin') });
    const admin = seedUser(t.core, { role: 'admin' });
    signInAs(t.core, 'admin', admin);
    const result = await t.call('admin', 'quotas.usage_report', { from: '2026-03-29', to: '2026-03-29' });
    expect(result).toMatchObject({
      ok: true,
      data: { rangeStart: Date.UTC(2026, 2, 28, 23), rangeEnd: Date.UTC(2026, 2, 29, 22), timeZone: 'Europe/Berlin' },
    });
  });

  it.each([
    [{ from: '2026-11-30', to: '2026-11-01' }, 'to'],
    [{ from: '2026-02-30', to: '2026-03-01' }, 'from'],
    [{ from: '26-11-01', to: '2026-11-30' }, 'from'],
    [{ from: '2026-11-01' }, 'to'],
  ])('rejects the range %j naming %s', async (input, field) => {
    await lab();
    const result = await t.raw('alice', 'quotas.usage_report', input);
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED' } });
    if (!result.ok) expect((result.error.details as { issues: { path: string }[] }).issues[0]!.path).toBe(field);
  });

  it('refuses a range of more than ten years', async () => {
    await lab();
    expect(await t.call('alice', 'quotas.usage_report', { from: '2000-01-01', to: '2026-01-01' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });
});

describe('admin scoping on every admin quota route', () => {
  const adminRoutes = (ids: { ann: string }) =>
    [
      ['quotas.get', { userIds: [ids.ann] }],
      ['quotas.set', { userIds: [ids.ann], policies: { image: daily(1) } }],
      ['quotas.reset_usage', { userId: ids.ann }],
      ['quotas.usage_report', { from: '2026-11-01', to: '2026-11-30' }],
    ] as const;

  it('refuses a plain user, even for their own account', async () => {
    const ids = await lab();
    for (const [route, input] of adminRoutes(ids)) {
      expect(await t.raw('ann', route, input), route).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    }
  });

  it('refuses an admin who does not manage the user', async () => {
    const ids = await lab();
    for (const window of ['bob', 'carl']) {
      for (const [route, input] of adminRoutes(ids).filter(([r]) => r !== 'quotas.usage_report')) {
        expect(await t.raw(window, route, input), `${window} ${route}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
      }
    }
    expect(t.core.services.db.select().from(quotaPolicy).all()).toEqual([]);
    expect(auditActions()).toEqual([]);
  });

  it('lets a non-managing admin see nobody but themselves in the report', async () => {
    const { carl } = await lab();
    const result = await t.call('carl', 'quotas.usage_report', { from: '2026-11-01', to: '2026-11-30' });
    expect(result.ok && result.data.people.map((p) => p.userId)).toEqual([carl]);
  });

  it('follows sharing: once Bob shares Bea with Alice, Alice may set her quotas', async () => {
    const { alice, bea } = await lab();
    expect(await t.call('alice', 'quotas.set', { userIds: [bea], policies: { image: daily(1) } })).toMatchObject({ ok: false });
    t.core.services.db.insert(userManager).values({ adminId: alice, userId: bea, createdAt: t.clock.now() }).run();
    expect(await t.call('alice', 'quotas.set', { userIds: [bea], policies: { image: daily(1) } })).toMatchObject({ ok: true });
  });
});
