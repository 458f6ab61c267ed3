import { afterEach, describe, expect, it } from 'vitest';
import { costFromUsage, estimateCost } from '../../src/shared/domain/pricing';
import { SHIPPED_PRICES } from '../../src/shared/domain/shippedPrices';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';
import { givePolicy, ledgerSum } from '../support/quotas';

let rig: GenerationRig;
afterEach(async () => rig?.close());

const BANANA = 'gemini-nano-banana-2.1';
const LITE = 'gemini-3.1-flash-lite-image';
const VEO = 'veo-3.1-generate-preview';
const OMNI = 'gemini-omni-1.1-flash';
const DOLLAR = 1_000_000;

interface CostRow {
  id: string;
  estimated_cost_micros: number | null;
  actual_cost_micros: number | null;
  price_as_of: string | null;
}
const costOf = (jobId: string) =>
  rig.core.services.db.$client
    .prepare('SELECT id, estimated_cost_micros, actual_cost_micros, price_as_of FROM job WHERE id = ?')
    .get(jobId) as CostRow;
const spent = (states: ('reserved' | 'committed' | 'released')[] = ['committed']) => ledgerSum(rig.core, rig.userId, 'spend', states);

describe('the estimate stored on every job is the price rule’s value', () => {
  it('prices an image by size, once per image of the request', async () => {
    rig = await startGenerationRig();
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'Four foxes', model: BANANA, imageSize: '4K', count: 4 });
    const perImage = estimateCost(SHIPPED_PRICES[BANANA]!, { kind: 'image', count: 1, imageSize: '4K', inputImages: 0 })!;
    expect(perImage.microUsd).toBe(113_400);
    for (const id of jobIds) expect(costOf(id)).toMatchObject({ estimated_cost_micros: 113_400, price_as_of: '2026-11-28' });
    // the request's whole estimate is reserved against the budget with the job rows
    expect(spent(['reserved', 'committed'])).toBeGreaterThanOrEqual(4 * 113_400 - 0);
    await rig.settle();
  });

  it('prices an edit with its source and references as input images', async () => {
    rig = await startGenerationRig();
    const source = await rig.importPng(1);
    const reference = await rig.importPng(2);
    const { jobIds } = await rig.ok('generation.image.edit', { prompt: 'Make it night', model: BANANA, sourceId: source, referenceIds: [reference] });
    const rule = estimateCost(SHIPPED_PRICES[BANANA]!, { kind: 'edit', count: 1, inputImages: 2 })!;
    expect(rule.microUsd).toBe(33_600 + 2 * 1_000);
    expect(costOf(jobIds[0]!).estimated_cost_micros).toBe(rule.microUsd);
    await rig.settle();
  });

  it('prices a video per second at its resolution', async () => {
    rig = await startGenerationRig();
    const { jobIds } = await rig.ok('generation.video.create', { prompt: 'Waves', model: VEO, resolution: '4k', durationSeconds: 8 });
    expect(costOf(jobIds[0]!).estimated_cost_micros).toBe(
      estimateCost(SHIPPED_PRICES[VEO]!, { kind: 'video', resolution: '4k', durationSeconds: 8 })!.microUsd,
    );
    expect(costOf(jobIds[0]!).estimated_cost_micros).toBe(8 * 600_000);
    const short = await rig.ok('generation.video.create', { prompt: 'Waves', model: VEO, resolution: '720p', durationSeconds: 4 });
    expect(costOf(short.jobIds[0]!).estimated_cost_micros).toBe(4 * 400_000);
    await rig.settle();
  });
});

describe('the actual cost of a finished job', () => {
  it("comes from Google's usage metadata when it reports image tokens (1 290 at $30 per million)", async () => {
    rig = await startGenerationRig();
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'A fox', model: BANANA });
    const jobs = await rig.settle();
    const fromUsage = costFromUsage(SHIPPED_PRICES[BANANA]!, { imageOutputTokens: 1_290 })!.microUsd;
    expect(fromUsage).toBe(38_700);
    expect(costOf(jobIds[0]!)).toMatchObject({ estimated_cost_micros: 33_600, actual_cost_micros: 38_700 });
    expect(jobs.get(jobIds[0]!)).toMatchObject({ estimatedCostMicros: 33_600, actualCostMicros: 38_700 });
    // a job that ran is charged what it cost, even above its estimate
    expect(spent()).toBe(38_700);
    expect(spent(['reserved'])).toBe(0);
  });

  it('comes from the price table when the rules have no token rate (Flash Lite) or Google reports none (Veo)', async () => {
    rig = await startGenerationRig();
    const image = await rig.ok('generation.image.create', { prompt: 'A fox', model: LITE });
    const video = await rig.ok('generation.video.create', { prompt: 'Waves', model: VEO, resolution: '720p', durationSeconds: 4 });
    await rig.settle();
    expect(costOf(image.jobIds[0]!)).toMatchObject({ estimated_cost_micros: 34_000, actual_cost_micros: 34_000 });
    expect(costOf(video.jobIds[0]!)).toMatchObject({ estimated_cost_micros: 1_600_000, actual_cost_micros: 1_600_000 });
    expect(spent()).toBe(1_634_000);
  });

  it("takes an Omni video's cost from its video tokens", async () => {
    rig = await startGenerationRig();
    const { jobIds } = await rig.ok('generation.video.create', { prompt: 'Waves', model: OMNI, resolution: '720p' });
    await rig.settle();
    // the estimate assumes 8 s; Google reported 5 808 video tokens at $17.50 per million
    expect(costOf(jobIds[0]!)).toMatchObject({ estimated_cost_micros: 800_000, actual_cost_micros: 101_640 });
    expect(spent()).toBe(101_640);
  });

  it('costs nothing when Google blocked it, and gives the reserved spend back', async () => {
    rig = await startGenerationRig();
    givePolicy(rig.core, rig.userId, 'spend', 'weekly', 5 * DOLLAR);
    rig.fake.script({ on: 'generateContent', reply: 'block' });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'Something refused', model: BANANA });
    // the estimate ($0.0336) plus a quarter for Google's own count is set aside while it runs
    expect(spent(['reserved'])).toBe(42_000);
    const jobs = await rig.settle();
    expect(jobs.get(jobIds[0]!)?.status).toBe('blocked');
    expect(costOf(jobIds[0]!).actual_cost_micros).toBe(0);
    expect(spent(['reserved', 'committed'])).toBe(0);
    expect(spent(['released'])).toBe(42_000);
  });

  it('releases the spend of a failed job', async () => {
    rig = await startGenerationRig();
    givePolicy(rig.core, rig.userId, 'spend', 'daily', DOLLAR);
    rig.fake.script({ on: 'generateContent', reply: '500' });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'A fox', model: BANANA });
    const jobs = await rig.settle();
    expect(jobs.get(jobIds[0]!)?.status).toBe('failed');
    expect(costOf(jobIds[0]!).actual_cost_micros).toBe(0);
    const status = await rig.ok('quotas.status', {});
    expect(status.kinds.spend).toMatchObject({ used: 0, remaining: DOLLAR });
  });
});

describe('a video Google finished but the studio could not keep', () => {
  it('a Veo video whose download broke costs what Google billed (the table price): the spend is committed, the unit comes back', async () => {
    rig = await startGenerationRig();
    givePolicy(rig.core, rig.userId, 'spend', 'weekly', 5 * DOLLAR);
    const { jobIds } = await rig.ok('generation.video.create', { prompt: 'Waves [reset-body]', model: VEO, resolution: '720p', durationSeconds: 4 });
    const job = (await rig.settle()).get(jobIds[0]!)!;
    expect(job).toMatchObject({ status: 'failed', errorCode: 'NETWORK_ERROR', estimatedCostMicros: 1_600_000, actualCostMicros: 1_600_000 });
    expect(costOf(jobIds[0]!).price_as_of).not.toBeNull();
    // Google made the video and bills it: the budget keeps that charge; no video was kept, so no unit
    expect(spent()).toBe(1_600_000);
    expect(spent(['reserved'])).toBe(0);
    expect(await rig.used('video')).toBe(0);
    const status = await rig.ok('quotas.status', {});
    expect(status.kinds.spend).toMatchObject({ used: 1_600_000, remaining: 5 * DOLLAR - 1_600_000 });
  });

  it('an Omni video that could not be saved costs what its usage report says, and the rest of the hold comes back', async () => {
    rig = await startGenerationRig({
      overrides: {
        jobTimings: { pollIntervalMs: 10, imageTimeoutMs: 5_000, maxVideoWaitMs: 30_000, downloadTimeoutMs: 5_000, maxVideoBytes: 4 * 1024 },
      },
    });
    givePolicy(rig.core, rig.userId, 'spend', 'weekly', 5 * DOLLAR);
    const { jobIds } = await rig.ok('generation.video.create', { prompt: 'Waves', model: OMNI, resolution: '720p' });
    const job = (await rig.settle()).get(jobIds[0]!)!;
    // the inline result is over the studio's size limit: refused after Google delivered it
    expect(job).toMatchObject({ status: 'failed', errorMessage: expect.stringMatching(/larger than the studio's limit/) });
    // 5 808 video tokens at $17.50 per million, as if it had succeeded
    expect(job).toMatchObject({ estimatedCostMicros: 800_000, actualCostMicros: 101_640 });
    expect(spent()).toBe(101_640);
    expect(spent(['reserved'])).toBe(0);
    expect(await rig.used('video')).toBe(0);
  });

  it('an Omni video cancelled while it downloads costs what Google billed: Google had finished it, so there is nothing left to stop', async () => {
    rig = await startGenerationRig();
    givePolicy(rig.core, rig.userId, 'spend', 'weekly', 5 * DOLLAR);
    rig.fake.script({ on: 'download', reply: 'slow-body', bodyDelayMs: 30_000 });
    const { jobIds } = await rig.ok('generation.video.create', { prompt: 'Waves [uri]', model: OMNI, resolution: '720p' });
    while (rig.fake.requestsTo('download').length === 0) await new Promise((r) => setTimeout(r, 5));
    await rig.ok('jobs.cancel', { jobId: jobIds[0]! });
    const job = (await rig.settle()).get(jobIds[0]!)!;
    expect(job).toMatchObject({ status: 'cancelled', actualCostMicros: 101_640 });
    expect(rig.fake.requestsTo('cancelInteraction')).toHaveLength(0);
    expect(spent()).toBe(101_640);
    expect(await rig.used('video')).toBe(0);
  });

  it('a video Google refused still costs nothing', async () => {
    rig = await startGenerationRig();
    givePolicy(rig.core, rig.userId, 'spend', 'weekly', 5 * DOLLAR);
    const { jobIds } = await rig.ok('generation.video.create', { prompt: 'Waves [op-error]', model: VEO, resolution: '720p', durationSeconds: 4 });
    expect((await rig.settle()).get(jobIds[0]!)).toMatchObject({ status: 'failed', actualCostMicros: 0 });
    expect(spent(['reserved', 'committed'])).toBe(0);
  });
});

describe('a money budget', () => {
  it('refuses in plain money words what does not fit, before anything is sent', async () => {
    rig = await startGenerationRig();
    givePolicy(rig.core, rig.userId, 'spend', 'weekly', 5 * DOLLAR);
    await rig.ok('generation.video.create', { prompt: 'Fits', model: VEO, resolution: '720p', durationSeconds: 8 });
    const second = await rig.call(rig.window, 'generation.video.create', {
      prompt: 'Too dear now',
      model: VEO,
      resolution: '720p',
      durationSeconds: 8,
    });
    expect(second).toMatchObject({
      ok: false,
      error: { code: 'QUOTA_EXCEEDED', details: { kind: 'spend', used: 3_200_000, limit: 5 * DOLLAR, requested: 3_200_000 } },
    });
    expect(!second.ok && second.error.message).toMatch(/^This would cost about \$3\.20; \$1\.80 of your \$5\.00 weekly budget is left\. Resets at /);
    // a refused request wrote no job and no unit, and sent nothing
    expect(await rig.used('video')).toBe(1);
    expect((await rig.settle()).size).toBe(1);
    expect(rig.fake.requestsTo('predictLongRunning')).toHaveLength(1);
  });

  it('lets 200 concurrent requests against $1.00 commit at most $1.00 plus one job’s estimate difference', async () => {
    rig = await startGenerationRig();
    givePolicy(rig.core, rig.userId, 'spend', 'daily', DOLLAR);
    givePolicy(rig.core, rig.userId, 'image', 'unlimited', 0);
    // Flash Lite is priced from the table ($0.034 a picture): actual == estimate
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        rig.call(rig.window, 'generation.image.create', { prompt: `Fox ${i}`, model: LITE, idempotencyKey: `click-000-${i}` }),
      ),
    );
    const granted = outcomes.filter((o) => o.ok).length;
    const refused = outcomes.filter((o) => !o.ok);
    expect(refused.every((o) => !o.ok && o.error.code === 'QUOTA_EXCEEDED')).toBe(true);
    expect(granted).toBe(Math.floor(DOLLAR / 34_000)); // 29
    await rig.settle();
    expect(spent()).toBe(granted * 34_000);
    expect(spent()).toBeLessThanOrEqual(DOLLAR);
    expect(spent(['reserved'])).toBe(0);
  });

  it('with usage-priced jobs, 200 concurrent requests against $1.00 never commit more than $1.00: each sets its estimate plus room aside', async () => {
    rig = await startGenerationRig();
    givePolicy(rig.core, rig.userId, 'spend', 'daily', DOLLAR);
    givePolicy(rig.core, rig.userId, 'image', 'unlimited', 0);
    const outcomes = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        rig.call(rig.window, 'generation.image.create', { prompt: `Fox ${i}`, model: BANANA, idempotencyKey: `click-111-${i}` }),
      ),
    );
    const granted = outcomes.filter((o) => o.ok).length;
    // each admitted job set aside its estimate (33 600) plus a quarter: 42 000, and no more fitted
    expect(granted).toBe(Math.floor(DOLLAR / 42_000)); // 23
    const refusal = outcomes.find((o) => !o.ok);
    expect(refusal).toMatchObject({
      ok: false,
      error: {
        code: 'QUOTA_EXCEEDED',
        message: expect.stringContaining('This would cost about $0.03 ($0.04 is set aside until Google reports the cost)'),
      },
    });
    await rig.settle();
    // each job cost 38 700 (Google's report), 5 100 above its estimate but inside its hold: the
    // total stays under the budget, and what was set aside beyond the actual came back
    expect(spent()).toBe(granted * 38_700);
    expect(spent()).toBeLessThanOrEqual(DOLLAR);
    expect(spent(['reserved'])).toBe(0);
    const status = await rig.ok('quotas.status', {});
    expect(status.kinds.spend).toMatchObject({ used: granted * 38_700, remaining: DOLLAR - granted * 38_700 });
  });
});
