import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { StudioError } from '../../src/shared/contract/errors';
import { givePolicy, ledgerSum } from '../support/quotas';
import { type RaceResult, raceInLockstep } from '../support/quotaRace';
import type { RaceWorkerData } from '../support/quotaRaceWorkerMain';
import { seedUser } from '../support/seed';
import { type TestCore, startTestCore } from '../support/testCore';

let t: TestCore;
afterEach(async () => t?.cleanup());

const LIMIT = 37;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The racers are several connections of the app's own, queueing for the write lock by design: they
 * wait as long as it takes (a shared 2-core machine can stall one for a while) instead of main's
 * short wait for an outside process, which would turn a slow turn into a BUSY answer.
 */
const RACE_BUSY_TIMEOUT_MS = 5_000;

async function userWithLimit(limit = LIMIT) {
  t = await startTestCore({ busyTimeoutMs: RACE_BUSY_TIMEOUT_MS });
  const userId = seedUser(t.core);
  givePolicy(t.core, userId, 'image', 'daily', limit);
  return { ledger: t.core.services.quotaLedger, userId };
}

function isRefusal(error: unknown): boolean {
  return error instanceof StudioError && error.code === 'QUOTA_EXCEEDED';
}

function usedNow(userId: string): number {
  return t.core.services.quotaAdmin.get({ userId, email: 'x', role: 'user', sessionId: 's' }, [userId])[0]!.status.kinds.image.used;
}

describe('concurrent requests can never overspend', () => {
  it('grants exactly 37 of 200 concurrent reservations for a limit of 37, then settles to used == committed', async () => {
    const { ledger, userId } = await userWithLimit();
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        // like a generation request: arrives through IPC, validates, then reserves
        await nextTurn();
        if (i % 3 === 0) await nextTurn();
        try {
          ledger.reserve({ userId, kind: 'image', units: 1, jobId: `job-${i}` });
          return i;
        } catch (error) {
          if (isRefusal(error)) return null;
          throw error;
        }
      }),
    );
    const granted = outcomes.filter((i): i is number => i !== null);
    expect(granted).toHaveLength(LIMIT);
    expect(ledgerSum(t.core, userId, 'image', ['reserved', 'committed'])).toBe(LIMIT);

    // the calls to Google finish in any order; some fail
    await Promise.all(
      granted.map(async (i) => {
        for (let k = 0; k < i % 4; k++) await nextTurn();
        if (i % 2 === 0) ledger.commit(`job-${i}`);
        else ledger.release(`job-${i}`);
      }),
    );
    const committed = ledgerSum(t.core, userId, 'image', ['committed']);
    expect(committed).toBe(granted.filter((i) => i % 2 === 0).length);
    expect(ledgerSum(t.core, userId, 'image', ['reserved'])).toBe(0);
    expect(usedNow(userId)).toBe(committed);
  });

  it('stays within the limit at every step when 200 whole generations of 1–4 units interleave', async () => {
    const { ledger, userId } = await userWithLimit();
    let peak = 0;
    let refused = 0;
    await Promise.all(
      Array.from({ length: 200 }, async (_, i) => {
        await nextTurn();
        const units = 1 + (i % 4);
        try {
          ledger.reserve({ userId, kind: 'image', units, jobId: `gen-${i}` });
        } catch (error) {
          if (!isRefusal(error)) throw error;
          refused++;
          return;
        }
        peak = Math.max(peak, ledgerSum(t.core, userId, 'image', ['reserved', 'committed']));
        for (let k = 0; k < 1 + (i % 3); k++) await nextTurn(); // the network call
        if (i % 5 === 0)
          ledger.release(`gen-${i}`); // blocked or failed
        else ledger.commit(`gen-${i}`, i % 7 === 0 ? units - 1 : units); // sometimes one image fewer
      }),
    );
    expect(peak).toBeLessThanOrEqual(LIMIT);
    expect(refused).toBeGreaterThan(0);
    const committed = ledgerSum(t.core, userId, 'image', ['committed']);
    expect(committed).toBeLessThanOrEqual(LIMIT);
    expect(ledgerSum(t.core, userId, 'image', ['reserved'])).toBe(0);
    expect(usedNow(userId)).toBe(committed);
  });

  it('holds across separate SQLite connections racing in parallel threads (what the immediate transaction buys)', async () => {
    const { ledger, userId } = await userWithLimit();
    const file = path.join(t.dataDir, 'studio.sqlite');
    const migrationsDir = path.resolve(__dirname, '../../drizzle');
    // racer 0 is this thread on the core's own connection; racers 1 and 2 are worker threads
    const progress = new SharedArrayBuffer(3 * Int32Array.BYTES_PER_ELEMENT);
    const workers = [1, 2].map(
      (index) =>
        new Promise<RaceResult>((resolve, reject) => {
          const data: RaceWorkerData = {
            file,
            migrationsDir,
            busyTimeoutMs: RACE_BUSY_TIMEOUT_MS,
            userId,
            attempts: 150,
            now: t.clock.now(),
            tag: `w${index}`,
            index,
            progress,
          };
          const worker = new Worker(path.resolve(__dirname, '../support/quotaRaceWorker.cjs'), { workerData: data });
          worker.once('message', resolve);
          worker.once('error', reject);
          worker.once('exit', (code) => code !== 0 && reject(new Error(`worker exited with ${code}`)));
        }),
    );
    const mine = raceInLockstep(ledger, { userId, attempts: 150, tag: 'main', index: 0, progress: new Int32Array(progress) });
    const results = [mine, ...(await Promise.all(workers))];

    for (const r of results) expect(r.errors).toEqual([]);
    expect(results.reduce((n, r) => n + r.granted, 0)).toBe(LIMIT);
    expect(results.reduce((n, r) => n + r.granted + r.refused, 0)).toBe(450);
    // lockstep rounds: every connection got a share before the limit was reached
    for (const r of results) expect(r.granted).toBeGreaterThan(0);
    expect(ledgerSum(t.core, userId, 'image', ['reserved', 'committed'])).toBe(LIMIT);
  });
});
