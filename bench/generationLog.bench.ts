/**
 * One page of the admin's generation log at 100 000 attempts (main side: the scoped keyset query
 * and the DTOs, no transport). `generation_log_page_100k_ms` is the first page (50 rows) for an admin
 * who manages 40 of the 60 people; the others are the same page filtered to blocked prompts, a page
 * deep in the log (after 1 000 rows), and a search for words in the prompt (which reads every row
 * in scope: there is no full-text index on prompts), and the worst case of the index walk: an admin
 * whose one person made three attempts, the oldest in the table.
 */
import path from 'node:path';
import { ManualClock } from '../src/main/clock';
import { closeDb, openDb } from '../src/main/db/client';
import { user, userManager } from '../src/main/db/schema';
import type { Actor } from '../src/main/identity';
import { listGenerationLog } from '../src/main/services/jobs';
import { makeTempDir } from '../test/support/tempDir';
import { type Benchmark, type BenchResult, median } from './registry';

const ATTEMPTS = 100_000;
const PEOPLE = 60;
const MANAGED = 40;
const RUNS = 40;
const STATUSES = ['succeeded', 'succeeded', 'succeeded', 'succeeded', 'failed', 'blocked', 'cancelled', 'interrupted'] as const;
const WORDS = ['lighthouse', 'fox', 'harbour', 'storm', 'garden', 'robot', 'violin', 'desert', 'comet', 'lantern'];

export const generationLogBenchmark: Benchmark = {
  name: 'generation-log',
  async run(): Promise<BenchResult[]> {
    const temp = makeTempDir('studio-bench-genlog-');
    try {
      const db = openDb({ file: path.join(temp.dir, 'studio.sqlite'), migrationsDir: path.resolve(__dirname, '../drizzle') });
      const clock = new ManualClock(Date.UTC(2026, 10, 30, 9), 'Europe/Berlin');
      const adminId = 'bench-admin';
      db.insert(user).values({ id: adminId, email: 'admin@bench.local', role: 'admin', createdAt: 0, updatedAt: 0 }).run();
      const people = Array.from({ length: PEOPLE }, (_, i) => `bench-user-${i}`);
      for (const [i, id] of people.entries()) {
        db.insert(user)
          .values({ id, email: `${id}@bench.local`, role: 'user', createdAt: 0, updatedAt: 0 })
          .run();
        if (i < MANAGED) db.insert(userManager).values({ adminId, userId: id, createdAt: 0 }).run();
      }
      // a raw prepared insert in one transaction: seeding 100 000 rows through the query builder would dominate the run
      const insert = db.$client.prepare(
        `INSERT INTO job (id, user_id, kind, provider, model, status, prompt, params, input_ids, units, workstation_host, workstation_user,
          workstation_ip, created_at, updated_at, finished_at, estimated_cost_micros, actual_cost_micros)
         VALUES (?, ?, ?, 'gemini-image', 'gemini-nano-banana-2.1', ?, ?, '{}', '[]', 1, 'lab-pc-07', 'student', '10.0.0.7', ?, ?, ?, 39000, ?)`,
      );
      const start = Date.UTC(2026, 0, 1);
      db.$client.transaction(() => {
        for (let i = 0; i < ATTEMPTS; i++) {
          const at = start + i * 60_000;
          const status = STATUSES[i % STATUSES.length]!;
          const prompt = `A ${WORDS[i % WORDS.length]} by the ${WORDS[(i * 7) % WORDS.length]}, attempt ${i}`;
          insert.run(
            `job-${i}`,
            people[i % PEOPLE],
            i % 10 === 0 ? 'video' : 'image',
            status,
            prompt,
            at,
            at,
            at + 5000,
            status === 'succeeded' ? 39000 : null,
          );
        }
      })();
      // a second admin whose one person made three attempts, long ago: the walk reads the whole index to find them
      db.insert(user).values({ id: 'bench-admin-2', email: 'admin2@bench.local', role: 'admin', createdAt: 0, updatedAt: 0 }).run();
      db.insert(user).values({ id: 'bench-quiet', email: 'quiet@bench.local', role: 'user', createdAt: 0, updatedAt: 0 }).run();
      db.insert(userManager).values({ adminId: 'bench-admin-2', userId: 'bench-quiet', createdAt: 0 }).run();
      for (let i = 0; i < 3; i++) insert.run(`quiet-${i}`, 'bench-quiet', 'image', 'succeeded', 'A quiet pond', start - i, start - i, start, 39000);
      const actor: Actor = { userId: adminId, email: 'admin@bench.local', role: 'admin', sessionId: 'bench' };
      const labels = new Map([['gemini-nano-banana-2.1', 'Nano Banana 2.1']]);
      const deps = { db, clock, modelLabels: () => labels };

      const time = (input: Parameters<typeof listGenerationLog>[2], who = actor): { ms: number; rows: number } => {
        const started = process.hrtime.bigint();
        const page = listGenerationLog(deps, who, input);
        return { ms: Number(process.hrtime.bigint() - started) / 1e6, rows: page.items.length };
      };
      const measure = (input: Parameters<typeof listGenerationLog>[2], who = actor): number => {
        for (let i = 0; i < 3; i++) time(input, who);
        const samples: number[] = [];
        for (let i = 0; i < RUNS; i++) {
          const { ms, rows } = time(input, who);
          if (rows === 0) throw new Error(`empty page for ${JSON.stringify(input)}`);
          samples.push(ms);
        }
        return median(samples);
      };

      let cursor: string | null = null;
      for (let i = 0; i < 5; i++) cursor = listGenerationLog(deps, actor, { limit: 200, ...(cursor ? { cursor } : {}) }).nextCursor;
      const results: BenchResult[] = [
        { name: 'generation_log_page_100k_ms', value: measure({ limit: 50 }), unit: 'ms', digits: 2 },
        { name: 'generation_log_blocked_100k_ms', value: measure({ limit: 50, outcome: 'blocked' }), unit: 'ms', digits: 2 },
        { name: 'generation_log_deep_page_100k_ms', value: measure({ limit: 50, cursor: cursor! }), unit: 'ms', digits: 2 },
        {
          name: 'generation_log_quiet_scope_100k_ms',
          value: measure({ limit: 50 }, { userId: 'bench-admin-2', email: 'admin2@bench.local', role: 'admin', sessionId: 'bench-2' }),
          unit: 'ms',
          digits: 2,
        },
        { name: 'generation_log_text_100k_ms', value: measure({ limit: 50, text: 'violin by the harbour' }), unit: 'ms', digits: 2 },
      ];
      closeDb(db);
      return results;
    } finally {
      temp.cleanup();
    }
  },
};
