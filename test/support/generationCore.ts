import fs from 'node:fs';
import path from 'node:path';
import type { CoreOptions } from '../../src/main/core';
import type { RouteName } from '../../src/shared/contract/index';
import type { JobDto } from '../../src/shared/contract/routes/generation';
import type { RouteOutput } from '../../src/shared/contract/types';
import type { InputArg } from './client';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { seedUser, signInAs } from './seed';
import { type TestCore, startTestCore } from './testCore';

export interface GenerationRig extends TestCore {
  fake: FakeGemini;
  userId: string;
  /** the signed-in user's window */
  window: string;
  /** calls a route as the signed-in user and unwraps the envelope (throws on an error envelope) */
  ok: <K extends RouteName>(route: K, ...input: InputArg<K>) => Promise<RouteOutput<K>>;
  /** waits until every job pipeline has settled, then returns the user's jobs by id */
  settle: () => Promise<Map<string, JobDto>>;
  used: (kind: 'image' | 'edit' | 'video') => Promise<number>;
  /** imports a PNG as an input image and returns its id */
  importPng: (seed?: number) => Promise<string>;
  /** starts another core on the same folder (a restart), with the same fake server */
  restart: () => Promise<GenerationRig>;
  close: () => Promise<void>;
}

/** Fast timings: polls every 10 ms, short budgets, so failure paths are reached quickly. */
export const FAST_TIMINGS = { pollIntervalMs: 10, imageTimeoutMs: 5_000, maxVideoWaitMs: 30_000, downloadTimeoutMs: 5_000 };

export async function startGenerationRig(
  options: { fake?: FakeGemini; dataDir?: string; userId?: string; overrides?: Partial<CoreOptions> } = {},
): Promise<GenerationRig> {
  const fake = options.fake ?? (await startFakeGemini({ pendingPolls: 2 }));
  const t = await startTestCore({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    geminiBaseUrl: fake.baseUrl,
    env: { GEMINI_API_KEY: fake.apiKey },
    jobTimings: FAST_TIMINGS,
    ...options.overrides,
  });
  const userId = options.userId ?? seedUser(t.core, { email: 'maker@lab.org' });
  const window = 'maker-window';
  signInAs(t.core, window, userId);

  const ok = async <K extends RouteName>(route: K, ...input: InputArg<K>): Promise<RouteOutput<K>> => {
    const result = await t.call(window, route, ...input);
    if (!result.ok) throw Object.assign(new Error(`${route}: ${result.error.code} ${result.error.message}`), { body: result.error });
    return result.data;
  };

  const rig: GenerationRig = {
    ...t,
    fake,
    userId,
    window,
    ok,
    async settle() {
      await t.core.services.jobRunner.idle();
      const page = await ok('jobs.list', { limit: 100 });
      return new Map(page.items.map((j) => [j.id, j]));
    },
    async used(kind) {
      const status = await ok('quotas.status', {});
      return status.kinds[kind].used;
    },
    async importPng(seed = 1) {
      const { makePatternPng } = await import('../fake-gemini/images');
      const png = makePatternPng(32, 32, seed);
      const stored = await ok('media.import', { bytes: new Uint8Array(png), fileName: `input-${seed}.png` });
      return stored.id;
    },
    async restart() {
      await t.stop();
      return startGenerationRig({ fake, dataDir: t.dataDir, userId, overrides: options.overrides });
    },
    async close() {
      await t.cleanup();
      if (!options.fake) await fake.close();
    },
  };
  return rig;
}

/** Every file under the data folder's media and temp areas, relative, for "nothing left behind" checks. */
export function filesUnder(dataDir: string, ...parts: string[]): string[] {
  const root = path.join(dataDir, ...parts);
  if (!fs.existsSync(root)) return [];
  return (fs.readdirSync(root, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(root, f)).isFile());
}
