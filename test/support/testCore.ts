import { ManualClock } from '../../src/main/clock';
import { type Core, type CoreOptions, createCore } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logger';
import { MemorySecretStore } from '../../src/main/services/settings/secretStore';
import type { Envelope } from '../../src/shared/contract/envelope';
import type { RouteName } from '../../src/shared/contract/index';
import type { RouteOutput } from '../../src/shared/contract/types';
import { createTestClient, type InputArg, type StudioTestClient } from './client';
import { makeTempDir } from './tempDir';

export interface TestCore {
  core: Core;
  clock: ManualClock;
  dataDir: string;
  logger: ReturnType<typeof createMemoryLogger>;
  /** one transport (one window / page) as a typed client: `t.as(window).call('media.list', { limit: 10 })` */
  as: (transportId: string) => StudioTestClient;
  /** calls a route as one transport, typed by the contract; resolves to the envelope */
  call: <K extends RouteName>(transportId: string, route: K, ...input: InputArg<K>) => Promise<Envelope<RouteOutput<K>>>;
  /** untyped, for what the contract forbids: malformed input, unknown routes, a route name in a variable */
  raw: (transportId: string, route: string, input?: unknown) => Promise<Envelope>;
  /** stops the core; keeps the folder so a test can start another core on it */
  stop: () => Promise<void>;
  /** stops the core and removes its folder */
  cleanup: () => Promise<void>;
}

/** A real core on a real SQLite file in a temp folder, with a manual clock and no timers. */
export async function startTestCore(overrides: Partial<CoreOptions> = {}): Promise<TestCore> {
  const temp = overrides.dataDir ? { dir: overrides.dataDir, cleanup: () => {} } : makeTempDir();
  const clock = (overrides.clock as ManualClock | undefined) ?? new ManualClock(Date.UTC(2026, 10, 26, 9, 0, 0), 'UTC');
  const logger = createMemoryLogger();
  const core = await createCore({
    dataDir: temp.dir,
    secretStore: new MemorySecretStore(),
    clock,
    logger,
    env: {},
    sessionSweepMs: 0,
    // no automatic catalogue check: a test that wants one asks for it
    modelCheckSchedule: { atStart: false, everyMs: 0 },
    // cost 4 keeps account tests fast; the product default (12) is covered by its own test
    bcryptCost: 4,
    workstation: () => ({ hostName: 'lab-pc-07', osUser: 'student', ipv4: '10.0.0.7' }),
    ...overrides,
  });
  const dispatch = (transportId: string, route: unknown, input?: unknown) => core.router.dispatch({ transportId }, route, input);
  return {
    core,
    clock,
    dataDir: temp.dir,
    logger,
    as: (transportId) => createTestClient(dispatch, transportId),
    call: (transportId, route, ...input) => createTestClient(dispatch, transportId).send(route, ...input),
    raw: dispatch,
    stop: () => core.shutdown(),
    cleanup: async () => {
      await core.shutdown();
      temp.cleanup();
    },
  };
}
