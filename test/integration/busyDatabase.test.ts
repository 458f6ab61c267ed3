import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { DATABASE_BUSY_MESSAGE } from '../../src/main/db/tx';
import { PENDING_RESULTS_DIR } from '../../src/main/services/jobs/pendingResults';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { data, failure, GOOD_PASSWORD, inviteAndSignIn } from '../support/accounts';
import { filesUnder, type GenerationRig, startGenerationRig } from '../support/generationCore';
import { seedUser, signInAs } from '../support/seed';

/**
 * Another process holding SQLite's write lock (a backup tool, a database browser): a second real
 * connection to the same file takes it with BEGIN IMMEDIATE and keeps it until released.
 */
function holdWriteLock(file: string, mode: 'IMMEDIATE' | 'EXCLUSIVE' = 'IMMEDIATE'): { release: () => void } {
  const other = new Database(file);
  other.exec(`BEGIN ${mode}`);
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      other.exec('ROLLBACK');
      other.close();
    },
  };
}

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition never held');
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const dbFile = (dataDir: string) => path.join(dataDir, 'studio.sqlite');
const count = (r: GenerationRig, sql: string) => (r.core.services.db.$client.prepare(sql).get() as { n: number }).n;

let rig: GenerationRig | undefined;
let fake: FakeGemini | undefined;
let lock: { release: () => void } | undefined;
afterEach(async () => {
  lock?.release();
  lock = undefined;
  await rig?.close();
  await fake?.close();
  rig = undefined;
  fake = undefined;
});

describe('a job whose finalize meets another process holding the database', () => {
  it('waits the lock out and succeeds once it is released: one charge, one media row, nothing resent', async () => {
    fake = await startFakeGemini();
    rig = await startGenerationRig({ fake, overrides: { jobTimings: { imageTimeoutMs: 5_000, busyRetryMs: 30_000 } } });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'harbour at dawn [slow:400]' });
    await until(() => fake!.requestsTo('generateContent').length === 1);
    lock = holdWriteLock(dbFile(rig.dataDir)); // taken while Google works on the image
    // Google answers, the image is written to disk, and finalize starts retrying against the lock
    await until(() => rig!.logger.lines.some((line) => line.includes('database busy; the job retries')));
    expect(rig.core.services.jobs.get(jobIds[0]!)?.status).not.toBe('succeeded');
    // meanwhile the app keeps answering
    expect((await rig.call(rig.window, 'app.status', {})).ok).toBe(true);
    await sleep(300);
    lock.release();

    const jobs = await rig.settle();
    expect(jobs.get(jobIds[0]!)).toMatchObject({ status: 'succeeded', results: [expect.objectContaining({ id: expect.any(String) })] });
    expect(fake.requestsTo('generateContent')).toHaveLength(1);
    expect(count(rig, "SELECT COUNT(*) AS n FROM media WHERE kind = 'image'")).toBe(1);
    expect(await rig.used('image')).toBe(1);
    expect(count(rig, "SELECT COUNT(*) AS n FROM quota_reservation WHERE state = 'committed' AND kind != 'spend'")).toBe(1);
    expect(filesUnder(rig.dataDir, PENDING_RESULTS_DIR)).toEqual([]);
  });

  it('a lock held past the retry bound ends the job with the file kept; the next start finishes it as succeeded', async () => {
    fake = await startFakeGemini();
    rig = await startGenerationRig({ fake, overrides: { jobTimings: { imageTimeoutMs: 5_000, busyRetryMs: 300 } } });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'lighthouse [slow:300]' });
    const jobId = jobIds[0]!;
    await until(() => fake!.requestsTo('generateContent').length === 1);
    lock = holdWriteLock(dbFile(rig.dataDir));
    await rig.core.services.jobRunner.idle(); // the pipeline gave up after the bound

    // the database could not be written: the job is still open, its unit still reserved...
    expect(rig.core.services.jobs.get(jobId)?.status).toBe('running');
    expect(count(rig, "SELECT COUNT(*) AS n FROM quota_reservation WHERE state = 'reserved' AND kind != 'spend'")).toBe(1);
    expect(count(rig, 'SELECT COUNT(*) AS n FROM media')).toBe(0);
    // ...and the image Google delivered is on disk, named by a note for the next start
    const notes = filesUnder(rig.dataDir, PENDING_RESULTS_DIR);
    expect(notes).toEqual([`${jobId}.json`]);
    const kept = JSON.parse(fs.readFileSync(path.join(rig.dataDir, PENDING_RESULTS_DIR, notes[0]!), 'utf8')) as {
      prepared: { id: string; relPath: string };
    };
    expect(fs.existsSync(path.join(rig.dataDir, kept.prepared.relPath))).toBe(true);

    lock.release();
    rig = await rig.restart();
    const jobs = await rig.settle();
    expect(jobs.get(jobId)).toMatchObject({ status: 'succeeded', errorCode: null, results: [expect.objectContaining({ id: kept.prepared.id })] });
    expect(fake.requestsTo('generateContent')).toHaveLength(1); // never resent
    expect(count(rig, "SELECT COUNT(*) AS n FROM media WHERE kind = 'image'")).toBe(1);
    expect(fs.existsSync(path.join(rig.dataDir, kept.prepared.relPath))).toBe(true);
    expect(await rig.used('image')).toBe(1);
    expect(count(rig, "SELECT COUNT(*) AS n FROM quota_reservation WHERE state = 'reserved' AND kind != 'spend'")).toBe(0);
    expect(filesUnder(rig.dataDir, PENDING_RESULTS_DIR)).toEqual([]);
  });

  it('the app closing while finalize waits for the lock keeps the result; the next start records it', async () => {
    fake = await startFakeGemini();
    rig = await startGenerationRig({ fake, overrides: { jobTimings: { imageTimeoutMs: 5_000, busyRetryMs: 60_000 } } });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'a quiet bay [slow:300]' });
    await until(() => fake!.requestsTo('generateContent').length === 1);
    lock = holdWriteLock(dbFile(rig.dataDir));
    await until(() => rig!.logger.lines.some((line) => line.includes('database busy; the job retries')));
    await rig.stop(); // the person quits; shutdown does not wait out the lock
    lock.release();

    rig = await rig.restart();
    const jobs = await rig.settle();
    expect(jobs.get(jobIds[0]!)).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(fake.requestsTo('generateContent')).toHaveLength(1);
    expect(count(rig, "SELECT COUNT(*) AS n FROM media WHERE kind = 'image'")).toBe(1);
    expect(await rig.used('image')).toBe(1);
  });

  it('the app starts while the lock is still held and records the kept result once it is released', async () => {
    fake = await startFakeGemini();
    const timings = { jobTimings: { imageTimeoutMs: 5_000, busyRetryMs: 60_000 } };
    rig = await startGenerationRig({ fake, overrides: timings });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'a quiet bay [slow:300]' });
    await until(() => fake!.requestsTo('generateContent').length === 1);
    lock = holdWriteLock(dbFile(rig.dataDir));
    await until(() => rig!.logger.lines.some((line) => line.includes('database busy; the job retries')));

    rig = await rig.restart(); // still locked: the start does not fail, recovery waits in the background
    expect((await rig.call(rig.window, 'app.status', {})).ok).toBe(true);
    expect(rig.core.services.jobs.get(jobIds[0]!)?.status).toBe('running');
    await sleep(100);
    lock.release();
    const jobs = await rig.settle();
    expect(jobs.get(jobIds[0]!)).toMatchObject({ status: 'succeeded', errorCode: null });
    expect(fake.requestsTo('generateContent')).toHaveLength(1);
    expect(await rig.used('image')).toBe(1);
  });

  it('an image whose answer never came is marked interrupted once a lock held at start goes away', async () => {
    fake = await startFakeGemini();
    rig = await startGenerationRig({ fake, overrides: { jobTimings: { imageTimeoutMs: 5_000, busyRetryMs: 60_000 } } });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'never answered [slow]' });
    await until(() => fake!.requestsTo('generateContent').length === 1);
    await rig.stop();
    lock = holdWriteLock(dbFile(rig.dataDir));
    rig = await rig.restart();
    expect(rig.core.services.jobs.get(jobIds[0]!)?.status).toBe('running');
    lock.release();
    const jobs = await rig.settle();
    expect(jobs.get(jobIds[0]!)?.status).toBe('interrupted');
    expect(await rig.used('image')).toBe(0);
    expect(count(rig, "SELECT COUNT(*) AS n FROM quota_reservation WHERE state = 'reserved' AND kind != 'spend'")).toBe(0);
  });

  it('a video whose saving meets the lock is recorded once it is released, charged once', async () => {
    fake = await startFakeGemini({ pendingPolls: 0 });
    fake.script({ on: 'download', reply: 'slow-body', bodyDelayMs: 400 });
    rig = await startGenerationRig({ fake, overrides: { jobTimings: { busyRetryMs: 30_000, pollIntervalMs: 10, downloadTimeoutMs: 5_000 } } });
    const { jobIds } = await rig.ok('generation.video.create', { model: 'veo-3.1-generate-preview', prompt: 'fjord at dawn' });
    await until(() => fake!.requestsTo('download').length === 1);
    lock = holdWriteLock(dbFile(rig.dataDir)); // taken while the video downloads
    await until(() => rig!.logger.lines.some((line) => line.includes('database busy; the job retries')));
    await sleep(200);
    lock.release();
    const jobs = await rig.settle();
    expect(jobs.get(jobIds[0]!)?.status).toBe('succeeded');
    expect(fake.requestsTo('predictLongRunning')).toHaveLength(1);
    expect(count(rig, "SELECT COUNT(*) AS n FROM media WHERE kind = 'video'")).toBe(1);
    expect(await rig.used('video')).toBe(1);
  });
});

describe('requests while another process holds the database', () => {
  it('reads on main answer at once; sign-in and generate answer BUSY, never INTERNAL, and send nothing', async () => {
    fake = await startFakeGemini();
    rig = await startGenerationRig({ fake });
    signInAs(rig.core, 'admin-window', seedUser(rig.core, { email: 'admin@lab.example', role: 'admin' }));
    const member = await inviteAndSignIn(rig, 'admin-window', 'kim@lab.example');
    data(await rig.call(member.transport, 'auth.logout', {}));
    lock = holdWriteLock(dbFile(rig.dataDir));

    const started = performance.now();
    for (const [route, input] of [
      ['app.status', {}],
      ['auth.me', {}],
      ['jobs.list', { limit: 20 }],
      ['quotas.status', {}],
    ] as const) {
      const result = await rig.call(rig.window, route, input);
      expect(result, route).toMatchObject({ ok: true });
    }
    // a sanity bound, not a measurement (bench/busy.bench.ts measures it)
    expect(performance.now() - started).toBeLessThan(2_000);

    const signIn = failure(await rig.call(member.transport, 'auth.login', { email: member.email, password: GOOD_PASSWORD }));
    expect(signIn).toEqual({ code: 'BUSY', message: DATABASE_BUSY_MESSAGE });
    const generate = failure(await rig.call(rig.window, 'generation.image.create', { prompt: 'a fox' }));
    expect(generate).toEqual({ code: 'BUSY', message: DATABASE_BUSY_MESSAGE });
    expect(rig.logger.lines.filter((line) => line.includes('request failed'))).toEqual([]);

    lock.release();
    expect(fake.requests).toHaveLength(0);
    expect(count(rig, 'SELECT COUNT(*) AS n FROM job')).toBe(0);
    expect(count(rig, 'SELECT COUNT(*) AS n FROM quota_reservation')).toBe(0);
    // once the lock is gone the same requests work
    data(await rig.call(member.transport, 'auth.login', { email: member.email, password: GOOD_PASSWORD }));
    await rig.ok('generation.image.create', { prompt: 'a fox' });
    expect([...(await rig.settle()).values()].map((j) => j.status)).toEqual(['succeeded']);
  });
});
