/**
 * Gallery queries at 1 000 and 100 000 media rows: several users, an admin managing half of them.
 * Measures, main-side through the router (the same code path as the `media.list` route):
 * - gallery_page_{1k,100k}_ms: median of a 60-item admin-scoped page deep in the list (90 % down);
 * - gallery_search_100k_ms: median of a scoped full-text search (a word in ~2 % of prompts).
 * Prints the query plan of the deep page so a regression to a table scan or full sort is visible.
 */
import { performance } from 'node:perf_hooks';
import { ManualClock } from '../src/main/clock';
import { type Core, createCore } from '../src/main/core';
import { createMemoryLogger } from '../src/main/logger';
import { encodeKeysetCursor } from '../src/main/db/keysetCursor';
import { explainListMedia } from '../src/main/services/media/listMedia';
import { MemorySecretStore } from '../src/main/services/settings/secretStore';
import { seedUser, signInAs } from '../test/support/seed';
import { type SeedMediaRow, seedMediaRows } from '../test/support/seedMedia';
import { makeTempDir } from '../test/support/tempDir';
import { type Benchmark, type BenchResult, median } from './registry';

const USERS = 10;
const RUNS = 41;
const T0 = Date.UTC(2024, 0, 1);
const WORDS = (
  'red blue green golden silver misty quiet busy ancient modern tiny giant cat dog fox owl whale horse dragon robot city forest ' +
  'harbour mountain river desert castle garden market street bridge tower portrait landscape sketch watercolour photo render ' +
  'sunrise sunset night storm snow rain fog spring autumn winter summer neon pastel cinematic macro aerial isometric vintage'
).split(' ');

/** A deterministic pseudo-random sequence, so every run seeds the same library. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

async function seededCore(rows: number): Promise<{ core: Core; cleanup: () => Promise<void> }> {
  const temp = makeTempDir('studio-bench-');
  const core = await createCore({
    dataDir: temp.dir,
    secretStore: new MemorySecretStore(),
    clock: new ManualClock(T0 + rows * 60_000),
    logger: createMemoryLogger(),
    env: {},
    sessionSweepMs: 0,
    ffmpegPath: null,
    workstation: () => ({ hostName: 'bench', osUser: 'bench', ipv4: null }),
  });
  const admin = seedUser(core, { role: 'admin', email: 'admin@bench.org' });
  const users = Array.from({ length: USERS }, (_, i) => seedUser(core, { email: `user${i}@bench.org`, managedBy: i < USERS / 2 ? [admin] : [] }));
  const owners = [admin, ...users];
  const next = random(rows);
  const seed: SeedMediaRow[] = [];
  for (let i = 0; i < rows; i++) {
    const words = Array.from({ length: 8 }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    if (next() < 0.02) words.push('lighthouse');
    seed.push({
      userId: owners[i % owners.length]!,
      // a minute apart, with a few collisions, like a busy lab
      createdAt: T0 + i * 60_000 - (i % 7 === 0 ? 60_000 : 0),
      kind: i % 10 === 0 ? 'video' : i % 25 === 0 ? 'input' : 'image',
      prompt: words.join(' '),
      model: i % 3 === 0 ? 'gemini-3-pro-image' : 'gemini-3.1-flash-image',
      favorite: i % 40 === 0,
    });
  }
  seedMediaRows(core.services.db, seed);
  signInAs(core, 'bench-admin', admin);
  return {
    core,
    cleanup: async () => {
      await core.shutdown();
      temp.cleanup();
    },
  };
}

/** The (created_at, id) of the admin-visible item `fraction` of the way down (leaving a full page after it), as a cursor. */
function deepCursor(core: Core, fraction: number): string {
  const db = core.services.db.$client;
  const admin = db.prepare("SELECT id FROM user WHERE email = 'admin@bench.org'").get() as { id: string };
  const scope = `user_id = @admin OR user_id IN (SELECT user_id FROM user_manager WHERE admin_id = @admin)`;
  const { n } = db.prepare(`SELECT COUNT(*) AS n FROM media WHERE ${scope}`).get({ admin: admin.id }) as { n: number };
  const row = db
    .prepare(`SELECT created_at AS createdAt, id FROM media WHERE ${scope} ORDER BY created_at DESC, id DESC LIMIT 1 OFFSET @offset`)
    .get({ admin: admin.id, offset: Math.min(Math.floor(n * fraction), n - 61) }) as { createdAt: number; id: string };
  return encodeKeysetCursor(row);
}

async function medianMs(fn: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5; i++) await fn(); // warm the statement cache and the page cache
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return median(times);
}

async function page(core: Core, input: Record<string, unknown>, expectFull = false): Promise<void> {
  const result = await core.router.dispatch({ transportId: 'bench-admin' }, 'media.list', input);
  if (!result.ok) throw new Error(result.error.message);
  const items = (result.data as { items: unknown[] }).items;
  if (expectFull && items.length !== 60) throw new Error(`expected a full page, got ${items.length}`);
}

export const galleryBenchmark: Benchmark = {
  name: 'gallery',
  async run() {
    const results: BenchResult[] = [];
    for (const [label, rows] of [
      ['1k', 1_000],
      ['100k', 100_000],
    ] as const) {
      const seedStart = performance.now();
      const { core, cleanup } = await seededCore(rows);
      const seedMs = performance.now() - seedStart;
      try {
        const cursor = deepCursor(core, 0.9);
        const halfway = deepCursor(core, 0.5);
        results.push({
          name: `gallery_page_${label}_ms`,
          value: await medianMs(() => page(core, { limit: 60, cursor }, true)),
          unit: 'ms',
          digits: 3,
        });
        results.push({
          name: `gallery_page_${label}_video_filter_ms`,
          value: await medianMs(() => page(core, { limit: 60, cursor: halfway, kind: 'video' })),
          unit: 'ms',
          digits: 3,
        });
        if (rows === 100_000) {
          results.push({
            name: 'gallery_search_100k_ms',
            value: await medianMs(() => page(core, { limit: 60, query: 'lighthouse' })),
            unit: 'ms',
            digits: 3,
          });
          results.push({
            name: 'gallery_search_prefix_100k_ms',
            value: await medianMs(() => page(core, { limit: 60, query: 'lightho' })),
            unit: 'ms',
            digits: 3,
          });
          results.push({ name: 'gallery_seed_100k_s', value: seedMs / 1000, unit: 's', digits: 1 });
          const actor = core.services.sessions.current('bench-admin')!;
          const plan = explainListMedia(
            core.services.db,
            { userId: actor.userId, email: 'admin@bench.org', role: 'admin', sessionId: actor.id },
            { limit: 60, cursor },
          );
          console.log(`# deep admin page plan: ${[...new Set(plan)].join(' | ')}`);
        }
      } finally {
        await cleanup();
      }
    }
    return results;
  },
};
