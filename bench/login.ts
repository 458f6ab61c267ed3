import { monitorEventLoopDelay } from 'node:perf_hooks';
import { ManualClock } from '../src/main/clock';
import { createCore } from '../src/main/core';
import { createMemoryLogger } from '../src/main/logger';
import { MemorySecretStore } from '../src/main/services/settings/secretStore';
import { makeTempDir } from '../test/support/tempDir';
import { type Benchmark, median } from './registry';

const PASSWORD = 'violet-harbour-42';
const RUNS = 7;

/**
 * Sign-in at the product's bcrypt cost (12), through the router on a real database: what a person
 * waits after pressing "Sign in". Also a wrong password and an unknown email, which must take about
 * as long (timing must not tell which emails have accounts; docs/accounts.md).
 */
export const loginBenchmark: Benchmark = {
  name: 'auth.login',
  async run() {
    const temp = makeTempDir('studio-bench-');
    const clock = new ManualClock(Date.UTC(2026, 10, 26, 9));
    const core = await createCore({
      dataDir: temp.dir,
      secretStore: new MemorySecretStore(),
      clock,
      logger: createMemoryLogger(),
      env: {},
      sessionSweepMs: 0,
    });
    try {
      await core.router.dispatch({ transportId: 'setup' }, 'auth.setup_first_admin', { email: 'admin@lab.example', password: PASSWORD });
      const time = async (password: string, email = 'admin@lab.example'): Promise<number> => {
        const samples: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          clock.advance(60 * 60_000); // stay clear of the lockout
          const start = performance.now();
          const result = await core.router.dispatch({ transportId: `t${i}` }, 'auth.login', { email, password });
          samples.push(performance.now() - start);
          if (result.ok) core.disconnect(`t${i}`);
        }
        return median(samples);
      };
      // The longest the event loop (which serves every window's requests) stood still while four
      // sign-ins ran at once: the hashing must happen off it.
      const loop = monitorEventLoopDelay({ resolution: 1 });
      loop.enable();
      await Promise.all(
        Array.from({ length: 4 }, async (_, i) => {
          const result = await core.router.dispatch({ transportId: `parallel${i}` }, 'auth.login', {
            email: 'admin@lab.example',
            password: PASSWORD,
          });
          if (result.ok) core.disconnect(`parallel${i}`);
        }),
      );
      loop.disable();
      // In-memory phantom lockout counts unknown emails too; each run advances past it.
      return [
        { name: 'login_main_block_ms', value: loop.max / 1e6, unit: 'ms' },
        { name: 'auth.login.cost12.success', value: await time(PASSWORD), unit: 'ms' },
        { name: 'auth.login.cost12.wrong_password', value: await time('not-the-password'), unit: 'ms' },
        { name: 'auth.login.cost12.unknown_email', value: await time(PASSWORD, 'nobody@lab.example'), unit: 'ms' },
      ];
    } finally {
      await core.shutdown();
      temp.cleanup();
    }
  },
};
