import { parentPort, workerData } from 'node:worker_threads';
import { ManualClock } from '../../src/main/clock';
import { closeDb, openDb } from '../../src/main/db/client';
import { QuotaLedger } from '../../src/main/services/quotas/quotaLedger';
import { QuotaUsage } from '../../src/main/services/quotas/quotaUsage';
import { SettingsStore } from '../../src/main/services/settings/settings';
import { raceInLockstep } from './quotaRace';

export interface RaceWorkerData {
  file: string;
  migrationsDir: string;
  busyTimeoutMs: number;
  userId: string;
  attempts: number;
  now: number;
  tag: string;
  index: number;
  /** one Int32 slot per racer: rounds finished (see `raceInLockstep`) */
  progress: SharedArrayBuffer;
}

/**
 * Another connection to the same database file, opened exactly as the product opens it, racing
 * the main thread's connection from a real parallel thread.
 */
const data = workerData as RaceWorkerData;
const db = openDb({ file: data.file, migrationsDir: data.migrationsDir, busyTimeoutMs: data.busyTimeoutMs });
const clock = new ManualClock(data.now, 'UTC');
const ledger = new QuotaLedger({ db, clock, usage: new QuotaUsage({ db, clock, settings: new SettingsStore(db, clock) }) });
const result = raceInLockstep(ledger, { ...data, progress: new Int32Array(data.progress) });
closeDb(db);
parentPort!.postMessage(result);
