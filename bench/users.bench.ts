/**
 * One page (100 rows) of `users.list` at 2 000 managed accounts, main side: through the router as
 * the Users page asks for it, walking the whole list in each order (email, last sign-in, status,
 * quota use) and the first page of a search. `users_page_2k_ms` is the median page; the slowest
 * order's median is printed beside it, since sorting by quota use sums the ledger of every account.
 */
import { ManualClock } from '../src/main/clock';
import { createCore } from '../src/main/core';
import { createMemoryLogger } from '../src/main/logger';
import { MemorySecretStore } from '../src/main/services/settings/secretStore';
import type { UserSort } from '../src/shared/contract/routes/users';
import { seedAccounts } from '../test/support/seedAccounts';
import { makeTempDir } from '../test/support/tempDir';
import { type Benchmark, type BenchResult, median } from './registry';

const ACCOUNTS = 2000;
const SORTS: UserSort[] = ['email', 'lastSignIn', 'status', 'usage'];

export const usersBenchmark: Benchmark = {
  name: 'users',
  async run(): Promise<BenchResult[]> {
    const temp = makeTempDir('studio-bench-users-');
    const clock = new ManualClock(Date.UTC(2026, 10, 26, 9), 'Europe/Berlin');
    const core = await createCore({
      dataDir: temp.dir,
      secretStore: new MemorySecretStore(),
      clock,
      logger: createMemoryLogger(),
      env: {},
      sessionSweepMs: 0,
      modelCheckSchedule: { atStart: false, everyMs: 0 },
      bcryptCost: 4,
    });
    const call = (route: 'users.list', input: object) => core.router.dispatch({ transportId: 'admin' }, route, input);
    try {
      const first = await core.router.dispatch({ transportId: 'admin' }, 'auth.setup_first_admin', {
        email: 'ada@school.example',
        password: 'violet-harbour-42',
      });
      if (!first.ok) throw new Error(first.error.message);
      seedAccounts(core.services.db, { adminId: (first.data as { userId: string }).userId, count: ACCOUNTS, now: clock.now() });
      const all: number[] = [];
      const bySort: number[] = [];
      for (let round = 0; round < 3; round++) {
        for (const sort of SORTS) {
          const times: number[] = [];
          let cursor: string | undefined;
          do {
            const started = performance.now();
            const page = await call('users.list', { sort, direction: 'desc', limit: 100, ...(cursor ? { cursor } : {}) });
            times.push(performance.now() - started);
            if (!page.ok) throw new Error(page.error.message);
            cursor = (page.data as { nextCursor: string | null }).nextCursor ?? undefined;
          } while (cursor);
          if (round > 0) {
            all.push(...times);
            bySort.push(median(times));
          }
        }
        const started = performance.now();
        await call('users.list', { query: 'user-01', sort: 'usage', limit: 100 });
        if (round > 0) all.push(performance.now() - started);
      }
      return [
        { name: 'users_page_2k_ms', value: median(all), unit: 'ms', digits: 2 },
        { name: 'users_page_2k_slowest_sort_ms', value: Math.max(...bySort), unit: 'ms', digits: 2 },
      ];
    } finally {
      await core.shutdown();
      temp.cleanup();
    }
  },
};
