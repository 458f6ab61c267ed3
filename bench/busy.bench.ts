import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { createCore } from '../src/main/core';
import { createMemoryLogger } from '../src/main/logger';
import { MemorySecretStore } from '../src/main/services/settings/secretStore';
import { startFakeGemini } from '../test/fake-gemini/server';
import { seedUser, signInAs } from '../test/support/seed';
import type { Benchmark } from './registry';

const HOLD_MS = 3_000;
const STATUS_EVERY_MS = 20;
const GENERATE_EVERY_MS = 1_000;

/**
 * Another process (a backup tool, a database browser) holds SQLite's write lock for 3 s while a
 * job is retrying its finalize and a person presses Generate once a second. Measured: the longest `app.status` through the router, counted from when it
 * was due (so time spent queued behind main's own blocked writes counts too), and how long a
 * generate request takes to be told BUSY. Main's event loop serves every window, so either one
 * long is the whole app frozen.
 */
export const busyBenchmark: Benchmark = {
  name: 'busy',
  async run() {
    const fake = await startFakeGemini();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'studio-bench-busy-'));
    const logger = createMemoryLogger();
    const core = await createCore({
      dataDir,
      secretStore: new MemorySecretStore(),
      env: { GEMINI_API_KEY: fake.apiKey },
      geminiBaseUrl: fake.baseUrl,
      logger,
      sessionSweepMs: 0,
    });
    const caller = { transportId: 'bench' };
    try {
      signInAs(core, 'bench', seedUser(core));
      // a job reaches its finalize while the lock is held: it retries in the background meanwhile
      const created = await core.router.dispatch(caller, 'generation.image.create', { prompt: 'A harbour at dawn [slow:200]' });
      if (!created.ok) throw new Error(created.error.message);
      while (fake.requestsTo('generateContent').length === 0) await new Promise((r) => setTimeout(r, 5));

      const other = new Database(path.join(dataDir, 'studio.sqlite'));
      other.exec('BEGIN IMMEDIATE');
      // the window starts once the job is retrying its finalize (its own image decoding, which the
      // image benchmark measures, is over by then)
      while (!logger.lines.some((line) => line.includes('database busy; the job retries'))) await new Promise((r) => setTimeout(r, 5));
      const statusMs: number[] = [];
      const generateMs: number[] = [];
      const answers = new Map<string, number>();
      const started = performance.now();
      const due = (every: number, record: number[], call: () => Promise<{ ok: boolean; error?: { code: string } }>) =>
        new Promise<void>((resolve) => {
          let n = 0;
          const next = (): void => {
            const at = started + n * every;
            if (at - started >= HOLD_MS) return resolve();
            setTimeout(
              () =>
                void call().then((result) => {
                  record.push(performance.now() - at);
                  const code = result.ok ? 'ok' : (result.error?.code ?? '?');
                  answers.set(code, (answers.get(code) ?? 0) + 1);
                  n++;
                  next();
                }),
              Math.max(0, at - performance.now()),
            );
          };
          next();
        });
      await Promise.all([
        due(STATUS_EVERY_MS, statusMs, () => core.router.dispatch(caller, 'app.status', {})),
        due(GENERATE_EVERY_MS, generateMs, () => core.router.dispatch(caller, 'generation.image.create', { prompt: 'A fox' })),
      ]);
      other.exec('ROLLBACK');
      other.close();
      await core.services.jobRunner.idle();
      if (answers.has('INTERNAL')) throw new Error(`a request answered INTERNAL under the lock: ${JSON.stringify([...answers])}`);
      const succeeded = core.services.db.$client.prepare("SELECT COUNT(*) AS n FROM job WHERE status = 'succeeded'").get() as { n: number };
      if (succeeded.n !== 1) throw new Error(`the job did not survive the lock (${succeeded.n} succeeded)`);
      return [
        { name: 'busy_read_max_ms', value: Math.max(...statusMs), unit: 'ms' },
        { name: 'busy_generate_answer_max_ms', value: Math.max(...generateMs), unit: 'ms' },
      ];
    } finally {
      await core.shutdown();
      await fake.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
