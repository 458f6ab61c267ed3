/**
 * What a quota check costs. `quota_reserve_us` is one reserve + one commit through the real ledger
 * (two immediate transactions, each a WAL fsync under synchronous=FULL, plus the fresh status for
 * `quota.changed` as when the user's window is open). `quota_floor_us` is two tiny immediate write
 * transactions on the same file in the same run: the durability floor of two fsyncs on this disk.
 * The ratio between them is our own overhead; the absolute numbers are mostly the disk.
 */
import path from 'node:path';
import { ManualClock } from '../src/main/clock';
import { closeDb, openDb } from '../src/main/db/client';
import { quotaPolicy, user } from '../src/main/db/schema';
import { QUOTA_KINDS } from '../src/shared/domain/quotas';
import { QuotaLedger } from '../src/main/services/quotas/quotaLedger';
import { QuotaUsage } from '../src/main/services/quotas/quotaUsage';
import { SettingsStore } from '../src/main/services/settings/settings';
import { makeTempDir } from '../test/support/tempDir';
import { type Benchmark, type BenchResult, median } from './registry';

const OPERATIONS = 10_000;
const WARM_UP = 300;
const USERS = 20;
/** One operation per simulated minute, round-robin over the users: ~72 a day each, like a busy lab. */
const STEP_MS = 60_000;

export const quotaBenchmark: Benchmark = {
  name: 'quota',
  async run(): Promise<BenchResult[]> {
    const temp = makeTempDir('studio-bench-quota-');
    try {
      // opened exactly as createCore opens it: WAL, synchronous=FULL, foreign keys, migrations
      const db = openDb({ file: path.join(temp.dir, 'studio.sqlite'), migrationsDir: path.resolve(__dirname, '../drizzle') });
      const clock = new ManualClock(Date.UTC(2026, 10, 26, 9), 'Europe/Berlin');
      const settings = new SettingsStore(db, clock);
      const usage = new QuotaUsage({ db, clock, settings });
      let statusReads = 0;
      const withListener = new QuotaLedger({
        db,
        clock,
        usage,
        onChanged: (userId) => {
          usage.status(userId);
          statusReads++;
        },
      });
      const silent = new QuotaLedger({ db, clock, usage });
      const users = Array.from({ length: USERS }, (_, i) => `bench-user-${i}`);
      for (const id of users) {
        db.insert(user)
          .values({ id, email: `${id}@bench.local`, role: 'user', createdAt: 0, updatedAt: 0 })
          .run();
        // as the accounts work writes them at account creation: every kind has its own row
        for (const kind of QUOTA_KINDS) {
          db.insert(quotaPolicy).values({ userId: id, kind, period: 'daily', limit: 1_000_000, updatedAt: 0 }).run();
        }
      }

      db.$client.exec('CREATE TABLE bench_floor (id INTEGER PRIMARY KEY, n INTEGER NOT NULL); INSERT INTO bench_floor VALUES (1, 0);');
      const bump = db.$client.prepare('UPDATE bench_floor SET n = n + 1 WHERE id = 1');
      const tinyWrite = db.$client.transaction(() => bump.run());

      let op = 0;
      const reserveAndCommit = (ledger: QuotaLedger): number => {
        const userId = users[op % USERS]!;
        const jobId = `job-${op++}`;
        clock.advance(STEP_MS);
        const started = process.hrtime.bigint();
        ledger.reserve({ userId, kind: 'image', units: 1, jobId });
        ledger.commit(jobId);
        return Number(process.hrtime.bigint() - started) / 1000;
      };
      const floor = (): number => {
        const started = process.hrtime.bigint();
        tinyWrite.immediate();
        tinyWrite.immediate();
        return Number(process.hrtime.bigint() - started) / 1000;
      };

      for (let i = 0; i < WARM_UP; i++) {
        reserveAndCommit(withListener);
        floor();
      }
      // interleaved, so both see the same disk state (WAL size, cache, other load)
      const product: number[] = [];
      const ledgerOnly: number[] = [];
      const floors: number[] = [];
      for (let i = 0; i < OPERATIONS; i++) {
        product.push(reserveAndCommit(withListener));
        ledgerOnly.push(reserveAndCommit(silent));
        floors.push(floor());
      }
      if (statusReads < OPERATIONS * 2) throw new Error('the listener did not run');
      closeDb(db);
      const reserveUs = median(product);
      const floorUs = median(floors);
      return [
        { name: 'quota_reserve_us', value: reserveUs, unit: 'us' },
        { name: 'quota_floor_us', value: floorUs, unit: 'us' },
        { name: 'quota_reserve_ledger_only_us', value: median(ledgerOnly), unit: 'us' },
        { name: 'quota_reserve_over_floor', value: reserveUs / floorUs, unit: 'x', digits: 2 },
        { name: 'quota_operations', value: OPERATIONS, unit: 'reserve+commit', digits: 0 },
      ];
    } finally {
      temp.cleanup();
    }
  },
};
