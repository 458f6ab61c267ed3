import { afterEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../src/shared/contract/errors';
import { setting } from '../../src/main/db/schema';
import { ledgerQuotaPort } from '../../src/main/services/quotas/quotaPort';
import { givePolicy, ledgerRows, ledgerSum } from '../support/quotas';
import { seedUser, signInAs } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

async function setup() {
  t = await startTestCore();
  const userId = seedUser(t.core);
  givePolicy(t.core, userId, 'image', 'daily', 5);
  const port = ledgerQuotaPort(t.core.services.quotaLedger, t.core.services.db);
  return { port, userId, db: t.core.services.db };
}

/** Stands for the job rows the generation service writes in the same transaction. */
function writeJobMarker(db: TestCore['core']['services']['db'], key: string) {
  db.insert(setting).values({ key, value: '1', updatedAt: 0 }).run();
}

describe("the ledger as the job runner's QuotaPort", () => {
  it('reserves one unit per job with the job rows, and refuses a batch larger than what remains as a whole', async () => {
    const { port, userId, db } = await setup();
    db.transaction(
      () => {
        writeJobMarker(db, 'jobs-a');
        port.reserve({ userId, kind: 'image', jobIds: ['a1', 'a2', 'a3'] });
      },
      { behavior: 'immediate' },
    );
    expect(ledgerRows(t.core, userId).map((r) => [r.jobId, r.units, r.state])).toEqual([
      ['a1', 1, 'reserved'],
      ['a2', 1, 'reserved'],
      ['a3', 1, 'reserved'],
    ]);

    let refusal: unknown;
    try {
      db.transaction(
        () => {
          writeJobMarker(db, 'jobs-b');
          port.reserve({ userId, kind: 'image', jobIds: ['b1', 'b2', 'b3', 'b4'] });
        },
        { behavior: 'immediate' },
      );
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(StudioError);
    expect((refusal as StudioError).message).toBe('Quota exceeded for image. Used: 3/5. Resets at Fri 27 Nov 2026, 00:00');
    // the job rows of the refused request were rolled back with it
    expect(
      db
        .select()
        .from(setting)
        .all()
        .map((r) => r.key),
    ).toEqual(['jobs-a']);
    expect(ledgerSum(t.core, userId, 'image', ['reserved', 'committed', 'released'])).toBe(3);
  });

  it('charges with the media rows and releases with the failed job, each exactly once', async () => {
    const { port, userId, db } = await setup();
    port.reserve({ userId, kind: 'image', jobIds: ['ok', 'bad'] });
    db.transaction(() => port.commit('ok'), { behavior: 'immediate' });
    db.transaction(() => port.commit('ok'), { behavior: 'immediate' });
    db.transaction(() => port.release('bad'), { behavior: 'immediate' });
    port.release('ok'); // outside a transaction, as recovery does: a no-op on a charged job
    expect(ledgerSum(t.core, userId, 'image', ['committed'])).toBe(1);
    expect(ledgerSum(t.core, userId, 'image', ['released'])).toBe(1);
  });

  it('lists open reservations for recovery and settles them outside a transaction', async () => {
    const { port, userId } = await setup();
    port.reserve({ userId, kind: 'image', jobIds: ['left-1', 'left-2'] });
    expect(port.openReservationJobIds().sort()).toEqual(['left-1', 'left-2']);
    port.commit('left-1');
    port.release('left-2');
    expect(port.openReservationJobIds()).toEqual([]);
    expect(ledgerSum(t.core, userId, 'image', ['committed'])).toBe(1);
  });

  it('refuses a job that already has a reservation', async () => {
    const { port, userId } = await setup();
    port.reserve({ userId, kind: 'image', jobIds: ['j'] });
    expect(() => port.reserve({ userId, kind: 'image', jobIds: ['j'] })).toThrow(expect.objectContaining({ code: 'CONFLICT' }));
    expect(() => port.reserve({ userId, kind: 'image', jobIds: ['k', 'k'] })).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });

  it("tells the user's windows once the caller's transaction is over, with what was committed", async () => {
    const { port, userId, db } = await setup();
    signInAs(t.core, 'win', userId);
    const seen: number[] = [];
    t.core.events.connect('win', (event, payload) => {
      if (event === 'quota.changed') seen.push((payload as { status: { kinds: { image: { used: number } } } }).status.kinds.image.used);
    });
    db.transaction(
      () => {
        port.reserve({ userId, kind: 'image', jobIds: ['x', 'y'] });
        expect(seen).toEqual([]); // not while the transaction is open
      },
      { behavior: 'immediate' },
    );
    await Promise.resolve();
    expect(seen).toEqual([2]);
    db.transaction(() => port.release('y'), { behavior: 'immediate' });
    await Promise.resolve();
    expect(seen).toEqual([2, 1]);
  });
});
