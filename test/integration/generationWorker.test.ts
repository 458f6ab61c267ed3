// The generation worker (docs/generation-and-jobs.md, "The generation worker"): image jobs' calls and
// saves run in a worker thread. When it dies mid-job the jobs follow the recovery rules for an unknown
// outcome: interrupted, never resent, unit and slot given back, nothing half-written left in the media
// folder; and the next job gets a new worker.
import { afterEach, describe, expect, it } from 'vitest';
import type { CoreOptions } from '../../src/main/core';
import { createMemoryLogger } from '../../src/main/logger';
import { GenerationWorker, WorkerLost } from '../../src/main/services/jobs/worker/workerHost';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { type GenerationRig, filesUnder, startGenerationRig } from '../support/generationCore';
import { makeTempDir } from '../support/tempDir';

let rig: GenerationRig | undefined;
let fake: FakeGemini | undefined;
afterEach(async () => {
  await rig?.close();
  await fake?.close();
  rig = undefined;
  fake = undefined;
});

async function start(overrides: Partial<CoreOptions> = {}): Promise<GenerationRig> {
  fake = await startFakeGemini();
  rig = await startGenerationRig({ fake, overrides });
  return rig;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

async function createImage(prompt: string): Promise<string> {
  const { jobIds } = await rig!.ok('generation.image.create', { prompt });
  return jobIds[0]!;
}

const generateRequests = () => fake!.requestsTo('generateContent').length;
const mediaFiles = () => filesUnder(rig!.dataDir, 'media');

describe('a generation worker that dies mid-job', () => {
  it.each(['exit', 'throw'] as const)(
    'while Google holds the answer (worker %s): the job ends interrupted, sent once, unit and slot given back; the next job succeeds',
    async (how) => {
      await start();
      fake!.script({ on: 'generateContent', hang: true });
      const jobId = await createImage('A heron at dusk');
      await until(() => generateRequests() === 1);
      expect(rig!.core.services.generationWorker.inFlight()).toBe(1);

      rig!.core.services.generationWorker.crashForTest(how);
      const job = (await rig!.settle()).get(jobId)!;
      expect(job).toMatchObject({ status: 'interrupted', errorCode: 'INTERNAL' });
      expect(job.errorMessage).toMatch(/image worker stopped .* outcome is unknown\. It was not sent again/);
      expect(job.results).toEqual([]);
      expect(generateRequests()).toBe(1);
      expect(await rig!.used('image')).toBe(0);
      expect(rig!.core.services.jobRunner.slotsInUse().total).toBe(0);
      expect(mediaFiles()).toEqual([]);

      // a new worker for the next job
      const next = await createImage('A heron at dawn');
      const done = (await rig!.settle()).get(next)!;
      expect(done).toMatchObject({ status: 'succeeded' });
      expect(done.results).toHaveLength(1);
      expect(generateRequests()).toBe(2);
      expect(await rig!.used('image')).toBe(1);
      expect(mediaFiles().sort()).toHaveLength(2); // the image and its thumbnail
      // the first job stays interrupted: it was never resent
      expect((await rig!.settle()).get(jobId)).toMatchObject({ status: 'interrupted' });
    },
  );

  it.each(['original:temp-written', 'original:renamed'] as const)(
    'while writing the result (%s): interrupted, not resent, and no file, finished or half-written, is left',
    async (step) => {
      await start({ generationWorkerExitAt: step });
      const jobId = await createImage('A heron in the rain');
      const job = (await rig!.settle()).get(jobId)!;
      expect(job).toMatchObject({ status: 'interrupted', errorCode: 'INTERNAL' });
      expect(generateRequests()).toBe(1);
      expect(await rig!.used('image')).toBe(0);
      expect(mediaFiles()).toEqual([]);
      expect(rig!.core.services.db.$client.prepare('SELECT count(*) AS n FROM media').get()).toEqual({ n: 0 });
    },
  );

  it('while writing the thumbnail, after the result was handed over: the job succeeds, the picture stands in for its thumbnail, and the next start makes it', async () => {
    await start({ generationWorkerExitAt: 'thumb:temp-written' });
    const jobId = await createImage('A heron on a post');
    const job = (await rig!.settle()).get(jobId)!;
    expect(job).toMatchObject({ status: 'succeeded' });
    expect(generateRequests()).toBe(1);
    expect(await rig!.used('image')).toBe(1);
    const [result] = job.results;
    // the half-written thumbnail is gone; only the original is on disk
    expect(mediaFiles()).toHaveLength(1);
    const thumbnail = await rig!.core.serveMedia(rig!.window, new Request(`studio-media://media/${result!.id}/thumbnail`));
    expect(thumbnail.status).toBe(200);
    expect(thumbnail.headers.get('content-type')).toBe('image/png');

    rig = await rig!.restart();
    await until(() => mediaFiles().some((f) => f.endsWith('.thumb.webp')));
    const rebuilt = await rig.core.serveMedia(rig.window, new Request(`studio-media://media/${result!.id}/thumbnail`));
    expect(rebuilt.headers.get('content-type')).toBe('image/webp');
    expect(generateRequests()).toBe(1);
  });

  it('a job cancelled while its worker holds the call leaves the worker free for the next one', async () => {
    await start();
    fake!.script({ on: 'generateContent', hang: true });
    const jobId = await createImage('A heron, cancelled');
    await until(() => generateRequests() === 1);
    await rig!.ok('jobs.cancel', { jobId });
    expect((await rig!.settle()).get(jobId)).toMatchObject({ status: 'cancelled' });
    await until(() => rig!.core.services.generationWorker.inFlight() === 0);

    const next = await createImage('A heron, kept');
    expect((await rig!.settle()).get(next)).toMatchObject({ status: 'succeeded' });
    expect(generateRequests()).toBe(2);
  });
});

describe('a generation worker that stops answering', () => {
  const task = (jobId: string, timeoutMs = 60_000) => ({
    jobId,
    apiKey: fake!.apiKey,
    baseUrl: fake!.baseUrl,
    model: 'gemini-3.1-flash-image',
    prompt: 'A heron in fog',
    images: [],
    timeoutMs,
    mediaId: `media-${jobId}`,
    createdAt: Date.UTC(2026, 10, 30),
  });

  it(
    "does not hold main: a cancel answers at once, main's own deadline ends the next call, and a new worker takes the job after",
    { timeout: 60_000 },
    async () => {
      fake = await startFakeGemini();
      const temp = makeTempDir('studio-worker-');
      const worker = new GenerationWorker({ logger: createMemoryLogger(), dataDir: temp.dir, saveGraceMs: 300, abortGraceMs: 300 });
      try {
        fake.script({ on: 'generateContent', hang: true });
        const cancel = new AbortController();
        const first = worker.generateImage(task('j1'), cancel.signal);
        await until(() => generateRequests() === 1);
        worker.crashForTest('hang');
        cancel.abort();
        await expect(first).rejects.toMatchObject({ code: 'CANCELLED' });
        // the stuck worker never acknowledges the abort: it is replaced
        await until(() => worker.inFlight() === 0);

        // a worker that stops answering mid-call: main's deadline (the call's 6 s + 0.3 s) ends it as lost
        fake.script({ on: 'generateContent', hang: true });
        const second = worker.generateImage(task('j2', 6_000), new AbortController().signal).catch((error: unknown) => error);
        await until(() => generateRequests() === 2);
        worker.crashForTest('hang');
        expect(await second).toBeInstanceOf(WorkerLost);
        await until(() => worker.inFlight() === 0);

        const third = await worker.generateImage(task('j3'), new AbortController().signal);
        expect(third.prepared).toMatchObject({ id: 'media-j3', kind: 'image', mimeType: 'image/png', relPath: 'media/2026/11/media-j3.png' });
        expect(generateRequests()).toBe(3);
      } finally {
        await worker.close();
        temp.cleanup();
      }
    },
  );
});
