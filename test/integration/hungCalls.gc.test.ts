// Calls to Google that never answer (issue "under faults"): every one ends by its deadline or by a
// cancel, frees its slot and its unit, and a video submit is never sent twice — also after garbage
// collection, which on Node 24 stops a cloned Request built on AbortSignal.any/timeout from
// aborting (the path the Interactions client takes). Runs with --expose-gc (vitest.config.ts).
// Deadlines are shortened through the job timings (long enough that a loaded machine still gets
// each request to the fake server before its deadline); where a test is about the cancel, the
// call's own deadline is long, so only the cancel can end it.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { JobDto } from '../../src/shared/contract/routes/generation';
import type { RouteInput } from '../../src/shared/contract/types';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { FAST_TIMINGS, type GenerationRig, filesUnder, startGenerationRig } from '../support/generationCore';
import { seedUser, signInAs } from '../support/seed';

const VEO = 'veo-3.1-generate-preview';
const LONG = 10 * 60_000;

let rig: GenerationRig | undefined;
let fake: FakeGemini | undefined;
afterEach(async () => {
  await rig?.close();
  await fake?.close();
  rig = undefined;
  fake = undefined;
});

beforeAll(() => {
  // the point of this file: the worker really was started with --expose-gc
  expect(typeof globalThis.gc).toBe('function');
});

async function start(timings: Record<string, number>): Promise<GenerationRig> {
  fake = await startFakeGemini({ pendingPolls: 2 });
  rig = await startGenerationRig({ fake, overrides: { jobTimings: { ...FAST_TIMINGS, ...timings } } });
  return rig;
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((r) => setTimeout(r, 5));
}

/** Memory pressure, then full collections: what made the SDK's abort path go deaf. */
async function collectGarbage(): Promise<void> {
  // garbage made and dropped at once, so the collections below have something to free
  void Array.from({ length: 2000 }, (_, i) => ({ i, pad: new Array(64).fill(i) }));
  for (let i = 0; i < 3; i++) {
    globalThis.gc!();
    await new Promise((r) => setImmediate(r));
  }
}

const requests = (endpoint: Parameters<FakeGemini['requestsTo']>[0]) => fake!.requestsTo(endpoint).length;
const status = (jobId: string) =>
  (rig!.core.services.db.$client.prepare('SELECT status FROM job WHERE id = ?').get(jobId) as { status: string } | undefined)?.status;

async function createVideo(input: RouteInput<'generation.video.create'>): Promise<string> {
  const { jobIds } = await rig!.ok('generation.video.create', input);
  return jobIds[0]!;
}

async function settled(jobId: string): Promise<JobDto> {
  return (await rig!.settle()).get(jobId)!;
}

describe('a video submit that never answers', () => {
  it.each([
    ['Omni create', {}, 'createInteraction' as const, 'getInteraction' as const],
    ['Veo submit', { model: VEO }, 'predictLongRunning' as const, 'getOperation' as const],
  ])(
    'a hung %s ends interrupted at its deadline, even after gc(): sent once, slot and unit released',
    async (_name, input, submitEndpoint, pollEndpoint) => {
      await start({ videoSubmitTimeoutMs: 1000 });
      fake!.script({ on: submitEndpoint, hang: true });
      const jobId = await createVideo({ ...input, prompt: 'A lighthouse in a storm' });
      await until(() => requests(submitEndpoint) === 1);
      await collectGarbage();

      const job = await settled(jobId);
      expect(job).toMatchObject({ status: 'interrupted', errorCode: 'TIMEOUT' });
      expect(job.errorMessage).toMatch(/did not answer within 1 second\. The request may have reached Google, so it was not sent again/);
      expect(job.errorMessage).toMatch(/unit was given back/);
      expect(requests(submitEndpoint)).toBe(1);
      expect(requests(pollEndpoint)).toBe(0);
      expect(await rig!.used('video')).toBe(0);
      expect(rig!.core.services.jobRunner.slotsInUse()).toEqual({ total: 0, video: 0 });

      // the freed slot serves the next video, which is a new request (the hung one was not resent)
      expect((await settled(await createVideo({ ...input, prompt: 'The next one' }))).status).toBe('succeeded');
      expect(requests(submitEndpoint)).toBe(2);
      expect(await rig!.used('video')).toBe(1);
    },
  );

  it('a cancel ends a hung Veo submit at once, even after gc(), with its slot and unit back', async () => {
    await start({ videoSubmitTimeoutMs: LONG });
    const jobId = await createVideo({ model: VEO, prompt: 'A hung submit [hang]' });
    await until(() => requests('predictLongRunning') === 1);
    await collectGarbage();
    await rig!.ok('jobs.cancel', { jobId });

    expect(await settled(jobId)).toMatchObject({ status: 'cancelled' });
    expect(requests('predictLongRunning')).toBe(1);
    expect(await rig!.used('video')).toBe(0);
    expect(rig!.core.services.jobRunner.slotsInUse()).toEqual({ total: 0, video: 0 });
  });
});

describe('an Omni status check that never answers', () => {
  it('fails the job at its poll deadlines, even after gc(), with a plain message and the unit back', async () => {
    await start({ videoPollTimeoutMs: 500 });
    fake!.script({ on: 'getInteraction', hang: true, times: Number.POSITIVE_INFINITY });
    const jobId = await createVideo({ prompt: 'A harbour at night' });
    await until(() => requests('getInteraction') === 1);
    await collectGarbage();

    const job = await settled(jobId);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'TIMEOUT' });
    expect(job.errorMessage).toMatch(
      /^Google stopped answering about this video: 7 status checks in a row failed, the last with “Google did not answer the status check within 1 second\.” Your unit was given back\.$/,
    );
    // each check ended at its deadline and the next one was sent: a few tries, then the job gave up
    expect(requests('getInteraction')).toBe(7);
    expect(requests('createInteraction')).toBe(1);
    expect(await rig!.used('video')).toBe(0);
  });

  it('a cancel stops a hung status check, even after gc(), and a hung cancel at Google ends by its own deadline', async () => {
    await start({ videoPollTimeoutMs: LONG, videoCancelTimeoutMs: 500 });
    fake!.script({ on: 'getInteraction', hang: true, times: Number.POSITIVE_INFINITY });
    fake!.script({ on: 'cancelInteraction', hang: true });
    const jobId = await createVideo({ prompt: 'A harbour at night' });
    await until(() => requests('getInteraction') === 1);
    await collectGarbage();
    await rig!.ok('jobs.cancel', { jobId });

    expect(await settled(jobId)).toMatchObject({ status: 'cancelled' });
    expect(requests('cancelInteraction')).toBe(1);
    expect(requests('getInteraction')).toBe(1);
    expect(await rig!.used('video')).toBe(0);
  });
});

describe('a video download that stops moving', () => {
  it('fails at its no-progress deadline, even after gc(), leaving no partial file, with slot and unit back', async () => {
    await start({ downloadTimeoutMs: LONG, downloadStallMs: 500 });
    fake!.script({ on: 'download', reply: 'slow-body', bodyDelayMs: LONG });
    const jobId = await createVideo({ model: VEO, prompt: 'A fjord' });
    await until(() => requests('download') === 1);
    await collectGarbage();

    const job = await settled(jobId);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'TIMEOUT' });
    expect(job.errorMessage).toMatch(/^The video download stalled: nothing arrived for 1 second\./);
    expect(filesUnder(rig!.dataDir, 'media')).toEqual([]);
    expect(await rig!.used('video')).toBe(0);
    expect(rig!.core.services.jobRunner.slotsInUse()).toEqual({ total: 0, video: 0 });
  });
});

describe('slots', () => {
  it("another person's image is served while three video submits hang; the videos keep to their share of the slots", async () => {
    await start({ videoSubmitTimeoutMs: LONG });
    const videos = [];
    for (const n of [1, 2, 3]) videos.push(await createVideo({ model: VEO, prompt: `Hung submit ${n} [hang]` }));
    // 3 slots (the default): video calls may hold 2, one is always left for images
    await until(() => requests('predictLongRunning') === 2);
    expect(rig!.core.services.jobRunner.slotsInUse()).toEqual({ total: 2, video: 2 });
    expect(videos.map(status)).toEqual(['submitting', 'submitting', 'queued']);

    const other = seedUser(rig!.core, { email: 'other@lab.org' });
    signInAs(rig!.core, 'other-window', other);
    const created = await rig!.call('other-window', 'generation.image.create', { prompt: 'A red fox in the snow' });
    if (!created.ok) throw new Error(created.error.message);
    const imageJob = created.data.jobIds[0]!;
    await until(() => status(imageJob) === 'succeeded');

    expect(requests('generateContent')).toBe(1);
    expect(requests('predictLongRunning')).toBe(2); // the third video still waits its turn, unsent
    for (const jobId of videos) await rig!.ok('jobs.cancel', { jobId });
    const jobs = await rig!.settle();
    expect(videos.map((id) => jobs.get(id)?.status)).toEqual(['cancelled', 'cancelled', 'cancelled']);
    expect(await rig!.used('video')).toBe(0);
    expect(rig!.core.services.jobRunner.slotsInUse()).toEqual({ total: 0, video: 0 });
  });
});
