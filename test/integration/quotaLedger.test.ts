import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/main/clock';
import { StudioError } from '../../src/shared/contract/errors';
import { givePolicy, ledgerRows, ledgerSum } from '../support/quotas';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

/** 2026-11-26 09:00 UTC, a Thursday, as the test core's clock starts. */
const THURSDAY_9AM = Date.UTC(2026, 10, 26, 9, 0, 0);

function refusal(fn: () => unknown): StudioError {
  try {
    fn();
  } catch (error) {
    if (error instanceof StudioError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

async function withUser(options: { timeZone?: string } = {}) {
  t = await startTestCore({ clock: new ManualClock(THURSDAY_9AM, options.timeZone ?? 'UTC') });
  const userId = seedUser(t.core, { email: 'ann@lab.org' });
  return { ledger: t.core.services.quotaLedger, userId };
}

const status = (userId: string) => t.call(`status-${userId}`, 'quotas.status');

describe('reserving', () => {
  it('refuses the unit past the limit with the exact message and its details', async () => {
    const { ledger, userId } = await withUser();
    givePolicy(t.core, userId, 'video', 'daily', 10);
    for (let i = 0; i < 10; i++) ledger.reserve({ userId, kind: 'video', units: 1, jobId: `job-${i}` });
    const error = refusal(() => ledger.reserve({ userId, kind: 'video', units: 1, jobId: 'job-10' }));
    expect(error.code).toBe('QUOTA_EXCEEDED');
    expect(error.message).toBe('Quota exceeded for video. Used: 10/10. Resets at Fri 27 Nov 2026, 00:00');
    expect(error.details).toEqual({ kind: 'video', used: 10, limit: 10, resetsAt: Date.UTC(2026, 10, 27), requested: 1 });
    expect(ledgerRows(t.core, userId)).toHaveLength(10);
  });

  it('shows the reset in the workstation zone', async () => {
    const { ledger, userId } = await withUser({ timeZone: 'Europe/Berlin' });
    givePolicy(t.core, userId, 'image', 'weekly', 1);
    ledger.reserve({ userId, kind: 'image', units: 1, jobId: 'a' });
    expect(refusal(() => ledger.reserve({ userId, kind: 'image', units: 1, jobId: 'b' })).message).toBe(
      'Quota exceeded for image. Used: 1/1. Resets at Mon 30 Nov 2026, 00:00',
    );
  });

  it('refuses a request for 4 images with 2 left as a whole, and still allows the 2', async () => {
    const { ledger, userId } = await withUser();
    givePolicy(t.core, userId, 'image', 'daily', 50);
    ledger.reserve({ userId, kind: 'image', units: 48, jobId: 'earlier' });
    const error = refusal(() => ledger.reserve({ userId, kind: 'image', units: 4, jobId: 'four' }));
    expect(error.message).toBe('Quota exceeded for image. Used: 48/50. Resets at Fri 27 Nov 2026, 00:00');
    expect(ledgerSum(t.core, userId, 'image', ['reserved', 'committed', 'released'])).toBe(48);
    ledger.reserve({ userId, kind: 'image', units: 2, jobId: 'two' });
    expect(ledgerSum(t.core, userId, 'image', ['reserved'])).toBe(50);
  });

  it('says "Does not reset" for a total quota, and never resets it', async () => {
    const { ledger, userId } = await withUser();
    givePolicy(t.core, userId, 'video', 'total', 2);
    ledger.reserve({ userId, kind: 'video', units: 2, jobId: 'a' });
    t.clock.advance(400 * 86_400_000);
    const error = refusal(() => ledger.reserve({ userId, kind: 'video', units: 1, jobId: 'b' }));
    expect(error.message).toBe('Quota exceeded for video. Used: 2/2. Does not reset');
    expect(error.details).toMatchObject({ resetsAt: null });
  });

  it('never refuses an unlimited quota but still records what was used', async () => {
    const { ledger, userId } = await withUser();
    givePolicy(t.core, userId, 'edit', 'unlimited', 0);
    for (let i = 0; i < 30; i++) ledger.reserve({ userId, kind: 'edit', units: 4, jobId: `e${i}` });
    signInAs(t.core, `status-${userId}`, userId);
    expect(await status(userId)).toMatchObject({
      ok: true,
      data: { kinds: { edit: { period: 'unlimited', used: 120, remaining: null, resetsAt: null } } },
    });
  });

  it('refuses everything under a limit of 0', async () => {
    const { ledger, userId } = await withUser();
    givePolicy(t.core, userId, 'image', 'daily', 0);
    expect(refusal(() => ledger.reserve({ userId, kind: 'image', units: 1, jobId: 'x' })).code).toBe('QUOTA_EXCEEDED');
  });

  it('uses the admin default for a user without a policy of their own (image 50/day)', async () => {
    const { ledger, userId } = await withUser();
    ledger.reserve({ userId, kind: 'image', units: 50, jobId: 'all' });
    expect(refusal(() => ledger.reserve({ userId, kind: 'image', units: 1, jobId: 'more' })).message).toContain('Used: 50/50');
    // a changed default applies at once to users who follow it
    t.core.services.quotaAdmin.setDefaultQuotas(
      { image: { period: 'daily', limit: 60 }, edit: { period: 'daily', limit: 30 }, video: { period: 'daily', limit: 10 } },
      null,
    );
    ledger.reserve({ userId, kind: 'image', units: 10, jobId: 'ten-more' });
  });

  it('starts again from zero at the next period, but not a moment before', async () => {
    const { ledger, userId } = await withUser();
    givePolicy(t.core, userId, 'image', 'daily', 3);
    ledger.reserve({ userId, kind: 'image', units: 3, jobId: 'a' });
    t.clock.set(Date.UTC(2026, 10, 26, 23, 59, 59, 999));
    expect(refusal(() => ledger.reserve({ userId, kind: 'image', units: 1, jobId: 'b' })).code).toBe('QUOTA_EXCEEDED');
    t.clock.advance(1);
    ledger.reserve({ userId, kind: 'image', units: 3, jobId: 'c' });
  });

  it('rejects nonsense amounts before touching the ledger', async () => {
    const { ledger, userId } = await withUser();
    for (const units of [0, -1, 1.5, Number.NaN, 101]) {
      expect(refusal(() => ledger.reserve({ userId, kind: 'image', units, jobId: `j${units}` })).code).toBe('VALIDATION_FAILED');
    }
    expect(ledgerRows(t.core, userId)).toEqual([]);
  });

  it('reserves once per job: a retried reserve returns the same reservation, a different one conflicts', async () => {
    const { ledger, userId } = await withUser();
    const first = ledger.reserve({ userId, kind: 'image', units: 2, jobId: 'job-1' });
    expect(ledger.reserve({ userId, kind: 'image', units: 2, jobId: 'job-1' })).toEqual(first);
    expect(refusal(() => ledger.reserve({ userId, kind: 'image', units: 3, jobId: 'job-1' })).code).toBe('CONFLICT');
    ledger.release('job-1');
    expect(refusal(() => ledger.reserve({ userId, kind: 'image', units: 2, jobId: 'job-1' })).code).toBe('CONFLICT');
    expect(ledgerSum(t.core, userId, 'image', ['reserved', 'committed'])).toBe(0);
  });
});

describe('committing and releasing', () => {
  it('charges what was delivered and releases the rest (4 images asked, 3 delivered)', async () => {
    const { ledger, userId } = await withUser();
    ledger.reserve({ userId, kind: 'image', units: 4, jobId: 'job' });
    expect(ledger.commit('job', 3)).toMatchObject({ committedUnits: 3, releasedUnits: 1, changed: true });
    expect(ledgerSum(t.core, userId, 'image', ['committed'])).toBe(3);
    expect(ledgerSum(t.core, userId, 'image', ['released'])).toBe(1);
    expect(ledgerSum(t.core, userId, 'image', ['reserved'])).toBe(0);
  });

  it('charges exactly once however often commit and release are repeated', async () => {
    const { ledger, userId } = await withUser();
    ledger.reserve({ userId, kind: 'video', units: 1, jobId: 'veo' });
    ledger.commit('veo');
    expect(ledger.commit('veo')).toMatchObject({ committedUnits: 1, changed: false });
    expect(ledger.release('veo')).toMatchObject({ committedUnits: 1, changed: false });
    expect(ledgerSum(t.core, userId, 'video', ['committed'])).toBe(1);
    expect(ledgerRows(t.core, userId)).toHaveLength(1);
  });

  it('never charges a released reservation, even if a late commit arrives', async () => {
    const { ledger, userId } = await withUser();
    ledger.reserve({ userId, kind: 'video', units: 1, jobId: 'veo' });
    ledger.release('veo');
    expect(ledger.commit('veo')).toMatchObject({ committedUnits: 0, releasedUnits: 1, changed: false });
    expect(ledgerSum(t.core, userId, 'video', ['committed', 'reserved'])).toBe(0);
  });

  it('treats committing 0 units as a release', async () => {
    const { ledger, userId } = await withUser();
    ledger.reserve({ userId, kind: 'image', units: 2, jobId: 'j' });
    expect(ledger.commit('j', 0)).toMatchObject({ committedUnits: 0, releasedUnits: 2, changed: true });
    expect(ledgerSum(t.core, userId, 'image', ['committed', 'reserved'])).toBe(0);
  });

  it('refuses to charge more than was reserved, or a job that never reserved', async () => {
    const { ledger, userId } = await withUser();
    ledger.reserve({ userId, kind: 'image', units: 2, jobId: 'j' });
    expect(refusal(() => ledger.commit('j', 3)).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => ledger.commit('j', -1)).code).toBe('VALIDATION_FAILED');
    expect(refusal(() => ledger.commit('never-reserved')).code).toBe('NOT_FOUND');
    expect(ledgerSum(t.core, userId, 'image', ['reserved'])).toBe(2);
  });

  it('lets a failure path release a job that never got as far as reserving', async () => {
    const { ledger } = await withUser();
    expect(ledger.release('nothing-here')).toEqual({ jobId: 'nothing-here', userId: null, committedUnits: 0, releasedUnits: 0, changed: false });
  });

  it('counts a reservation made before midnight in that day, even when committed after it', async () => {
    const { ledger, userId } = await withUser();
    givePolicy(t.core, userId, 'video', 'daily', 1);
    t.clock.set(Date.UTC(2026, 10, 26, 23, 58));
    ledger.reserve({ userId, kind: 'video', units: 1, jobId: 'late-night' });
    t.clock.set(Date.UTC(2026, 10, 27, 0, 5));
    ledger.commit('late-night');
    // the new day is untouched: a whole new allowance
    ledger.reserve({ userId, kind: 'video', units: 1, jobId: 'morning' });
  });

  it("settles inside the caller's transaction, and rolls back with it", async () => {
    const { ledger, userId } = await withUser();
    ledger.reserve({ userId, kind: 'image', units: 1, jobId: 'j' });
    expect(() => ledger.commitInCurrentTransaction('j')).toThrow(/inside a transaction/);
    expect(() =>
      t.core.services.db.transaction(() => {
        ledger.commitInCurrentTransaction('j');
        throw new Error('writing the media row failed');
      }),
    ).toThrow('writing the media row failed');
    expect(ledgerSum(t.core, userId, 'image', ['reserved'])).toBe(1);
    const settlement = t.core.services.db.transaction(() => ledger.commitInCurrentTransaction('j'), { behavior: 'immediate' });
    ledger.announce(settlement);
    expect(ledgerSum(t.core, userId, 'image', ['committed'])).toBe(1);
  });
});

describe('start-up recovery', () => {
  it('lists reservations left open and releases only those the caller picks', async () => {
    const { ledger, userId } = await withUser();
    ledger.reserve({ userId, kind: 'image', units: 1, jobId: 'queued-never-sent' });
    ledger.reserve({ userId, kind: 'video', units: 1, jobId: 'veo-operation-known' });
    ledger.reserve({ userId, kind: 'image', units: 1, jobId: 'done' });
    ledger.commit('done');
    // (these job ids have no job rows: a restart's recovery would release them all — see
    // generationRecovery.test.ts for the recovery itself; this checks the primitive it uses)
    const recovered = t.core.services.quotaLedger;
    expect(
      recovered
        .openReservations()
        .map((r) => r.jobId)
        .sort(),
    ).toEqual(['queued-never-sent', 'veo-operation-known']);
    const released = recovered.releaseWhere((r) => r.jobId === 'queued-never-sent');
    expect(released.map((r) => r.jobId)).toEqual(['queued-never-sent']);
    expect(recovered.openReservations().map((r) => r.jobId)).toEqual(['veo-operation-known']);
    expect(ledgerSum(t.core, userId, 'image', ['committed', 'reserved'])).toBe(1);
  });
});

describe('quota.changed', () => {
  it('reaches every window of the user after reserve, commit and release, with the fresh status — and nobody else', async () => {
    const { ledger, userId } = await withUser();
    givePolicy(t.core, userId, 'image', 'daily', 5);
    const other = seedUser(t.core, { email: 'bob@lab.org' });
    const seen: { window: string; used: number }[] = [];
    for (const [window, who] of [
      ['ann-1', userId],
      ['ann-2', userId],
      ['bob-1', other],
    ] as const) {
      signInAs(t.core, window, who);
      t.core.events.connect(window, (event, payload) => {
        if (event === 'quota.changed')
          seen.push({ window, used: (payload as { status: { kinds: { image: { used: number } } } }).status.kinds.image.used });
      });
    }
    ledger.reserve({ userId, kind: 'image', units: 4, jobId: 'j' });
    ledger.commit('j', 3);
    ledger.reserve({ userId, kind: 'image', units: 2, jobId: 'k' });
    ledger.release('k');
    ledger.release('k'); // no-op: no event
    expect(seen).toEqual([
      { window: 'ann-1', used: 4 },
      { window: 'ann-2', used: 4 },
      { window: 'ann-1', used: 3 },
      { window: 'ann-2', used: 3 },
      { window: 'ann-1', used: 5 },
      { window: 'ann-2', used: 5 },
      { window: 'ann-1', used: 3 },
      { window: 'ann-2', used: 3 },
    ]);
  });

  it('does not fail a charge when a window cannot be told', async () => {
    const { ledger, userId } = await withUser();
    signInAs(t.core, 'broken', userId);
    t.core.events.connect('broken', () => {
      throw new Error('window gone');
    });
    ledger.reserve({ userId, kind: 'image', units: 1, jobId: 'j' });
    expect(ledger.commit('j')).toMatchObject({ committedUnits: 1 });
  });
});
