import { afterEach, describe, expect, it } from 'vitest';
import type { JobDto } from '../../src/shared/contract/routes/generation';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';
import { seedUser, signInAs } from '../support/seed';

let rig: GenerationRig;
afterEach(async () => rig?.close());

const OMNI = 'gemini-omni-1.1-flash';

/** Moves the rig's clock and lets the queue start whatever became startable, then waits for it. */
async function after(ms: number): Promise<Map<string, JobDto>> {
  rig.clock.advance(ms);
  rig.core.services.jobRunner.wake();
  return rig.settle();
}

const jobRow = (id: string) =>
  rig.core.services.db.$client.prepare('SELECT status, submitted_at, not_before, rate_limited_since FROM job WHERE id = ?').get(id) as {
    status: string;
    submitted_at: number | null;
    not_before: number | null;
    rate_limited_since: number | null;
  };

describe("Google's rate limit (429): the job waits instead of failing", () => {
  it('puts a refused image back to waiting with Google’s delay, then makes it with exactly one billed request', async () => {
    rig = await startGenerationRig();
    const t0 = rig.clock.now();
    rig.fake.script({ on: 'generateContent', reply: '429', retryDelay: '17s' });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'A fox in the rain' });
    const waiting = (await rig.settle()).get(jobIds[0]!)!;
    expect(waiting).toMatchObject({ status: 'queued', retryAt: t0 + 17_000, waitingFor: 'rateLimit', errorCode: null, submittedAt: null });
    // never sent as far as recovery knows (Google refused it), the wait's start kept for the bound
    expect(jobRow(jobIds[0]!)).toMatchObject({ status: 'queued', submitted_at: null, not_before: t0 + 17_000, rate_limited_since: t0 });
    expect(rig.core.services.jobRunner.slotsInUse().total).toBe(0);
    expect(await rig.used('image')).toBe(1); // still reserved, not given back and not charged twice

    const done = (await after(17_000)).get(jobIds[0]!)!;
    expect(done.status).toBe('succeeded');
    expect(rig.fake.requestsTo('generateContent')).toHaveLength(2);
    expect(rig.fake.answeredOk('generateContent')).toBe(1);
    expect(await rig.used('image')).toBe(1);
  });

  it('holds back the family’s other waiting jobs while it is rate-limited, instead of sending each into the 429', async () => {
    rig = await startGenerationRig();
    const t0 = rig.clock.now();
    rig.fake.script({ on: 'generateContent', reply: '429', retryDelay: '30s' });
    const first = await rig.ok('generation.image.create', { prompt: 'First' });
    await rig.settle();
    const more = await rig.ok('generation.image.create', { prompt: 'More', count: 3 });
    const jobs = await rig.settle();
    expect(rig.fake.requestsTo('generateContent')).toHaveLength(1);
    for (const id of more.jobIds) expect(jobs.get(id)).toMatchObject({ status: 'queued', retryAt: t0 + 30_000, waitingFor: 'rateLimit' });
    // another family (Omni video) is not held back by the image models' limit
    const video = await rig.ok('generation.video.create', { model: OMNI, prompt: 'A wave' });
    expect((await rig.settle()).get(video.jobIds[0]!)?.status).toBe('succeeded');

    const later = await after(30_000);
    expect([...first.jobIds, ...more.jobIds].map((id) => later.get(id)?.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(rig.fake.answeredOk('generateContent')).toBe(4);
    expect(rig.fake.requestsTo('generateContent')).toHaveLength(5);
  });

  it('backs off on its own when Google names no delay (Omni create), holding no slot meanwhile', async () => {
    rig = await startGenerationRig();
    const t0 = rig.clock.now();
    rig.fake.script({ on: 'createInteraction', reply: '429' });
    const { jobIds } = await rig.ok('generation.video.create', { model: OMNI, prompt: 'A lighthouse at dusk' });
    expect((await rig.settle()).get(jobIds[0]!)).toMatchObject({ status: 'queued', retryAt: t0 + 10_000, waitingFor: 'rateLimit' });
    expect(rig.core.services.jobRunner.slotsInUse()).toEqual({ total: 0, video: 0 });
    expect((await after(10_000)).get(jobIds[0]!)?.status).toBe('succeeded');
    expect(rig.fake.answeredOk('createInteraction')).toBe(1);
    expect(await rig.used('video')).toBe(1);
  });

  it('a Veo submit refused with 429 waits Google’s delay and is submitted once more, billed once', async () => {
    rig = await startGenerationRig();
    const t0 = rig.clock.now();
    rig.fake.script({ on: 'predictLongRunning', reply: '429', retryDelay: '20s' });
    const { jobIds } = await rig.ok('generation.video.create', { model: 'veo-3.1-fast-generate-preview', prompt: 'Waves on a pier' });
    expect((await rig.settle()).get(jobIds[0]!)).toMatchObject({ status: 'queued', retryAt: t0 + 20_000, waitingFor: 'rateLimit' });
    expect(rig.fake.operationNames()).toEqual([]);
    expect((await after(20_000)).get(jobIds[0]!)?.status).toBe('succeeded');
    expect(rig.fake.requestsTo('predictLongRunning')).toHaveLength(2);
    expect(rig.fake.answeredOk('predictLongRunning')).toBe(1);
    expect(await rig.used('video')).toBe(1);
  });

  it('fails with a plain message after the admin’s bound and gives the unit back', async () => {
    rig = await startGenerationRig();
    rig.core.services.settings.set('rateLimitMaxWaitMinutes', 1, null);
    rig.fake.script({ on: 'generateContent', reply: '429', retryDelay: '17s', times: Infinity });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'A storm' });
    let job = (await rig.settle()).get(jobIds[0]!)!;
    // tries at 0, 17, 34, 51 s and once more at the bound (60 s), then stops
    for (let i = 0; i < 10 && job.status === 'queued'; i++) job = (await after(job.retryAt! - rig.clock.now())).get(jobIds[0]!)!;
    expect(job).toMatchObject({ status: 'failed', errorCode: 'RATE_LIMITED' });
    expect(job.errorMessage).toBe(
      "Google's rate limit did not lift within 1 minute, so the studio stopped waiting. Nothing was charged; your unit was given back.",
    );
    expect(rig.fake.requestsTo('generateContent')).toHaveLength(5);
    expect(rig.fake.answeredOk('generateContent')).toBe(0);
    expect(await rig.used('image')).toBe(0);
  });

  it('a waiting job survives a restart as never sent (not interrupted) and runs when its time comes', async () => {
    rig = await startGenerationRig();
    rig.fake.script({ on: 'generateContent', reply: '429', retryDelay: '17s' });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'A heron' });
    await rig.settle();
    const clock = rig.clock;
    rig = await rig.restart();
    expect(rig.clock).not.toBe(clock);
    rig.clock.set(clock.now());
    expect((await rig.settle()).get(jobIds[0]!)?.status).toBe('queued');
    expect((await after(17_000)).get(jobIds[0]!)?.status).toBe('succeeded');
    expect(rig.fake.answeredOk('generateContent')).toBe(1);
  });

  it('a waiting job can be cancelled; its unit comes back and nothing more is sent', async () => {
    rig = await startGenerationRig();
    rig.fake.script({ on: 'generateContent', reply: '429', retryDelay: '17s' });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'A crane' });
    await rig.settle();
    await rig.ok('jobs.cancel', { jobId: jobIds[0]! });
    expect((await after(17_000)).get(jobIds[0]!)?.status).toBe('cancelled');
    expect(rig.fake.requestsTo('generateContent')).toHaveLength(1);
    expect(await rig.used('image')).toBe(0);
  });
});

describe('round-robin across people', () => {
  it('starts waiting jobs in turn across three people with queued batches (A 5, B 3, C 2), oldest first within a person', async () => {
    rig = await startGenerationRig();
    rig.core.services.settings.set('maxParallelJobs', 1, null);
    const people = { A: rig.window, B: 'b-window', C: 'c-window' };
    signInAs(rig.core, people.B, seedUser(rig.core, { email: 'b@lab.org' }));
    signInAs(rig.core, people.C, seedUser(rig.core, { email: 'c@lab.org' }));
    // one click per image (a click makes at most 4), each a little later than the one before
    const create = async (who: keyof typeof people, count: number) => {
      for (let i = 0; i < count; i++) {
        rig.clock.advance(10);
        const result = await rig.call(people[who], 'generation.image.create', { prompt: `from ${who}` });
        expect(result.ok).toBe(true);
      }
    };
    // A's first request meets a rate limit: everyone's batches queue behind it
    rig.fake.script({ on: 'generateContent', reply: '429', retryDelay: '60s' });
    await create('A', 5);
    await rig.settle();
    await create('B', 3);
    await create('C', 2);
    await after(60_000);
    const order = rig.fake
      .requestsTo('generateContent')
      .filter((r) => r.status === 200)
      .map((r) => r.prompt.slice(-1));
    // A started first (its 429), so B and C go before A's next; then each in turn while they have jobs
    expect(order.join('')).toBe('BCABCABAAA');
  });

  it('keeps whose turn it is across a restart: the person who started least recently still goes first', async () => {
    rig = await startGenerationRig();
    rig.core.services.settings.set('maxParallelJobs', 1, null);
    const b = seedUser(rig.core, { email: 'b@lab.org' });
    signInAs(rig.core, 'b-window', b);
    const create = async (window: string, prompt: string) => {
      rig.clock.advance(10);
      const result = await rig.call(window, 'generation.image.create', { prompt });
      expect(result.ok).toBe(true);
      await rig.settle();
    };
    await create(rig.window, 'A first'); // A starts one
    await create('b-window', 'B first'); // then B
    // B's next meets Google's rate limit, then A's queues behind it: both wait over the restart
    rig.fake.script({ on: 'generateContent', reply: '429', retryDelay: '60s' });
    await create('b-window', 'B second');
    await create(rig.window, 'A second');
    const clock = rig.clock;
    rig = await rig.restart();
    rig.clock.set(clock.now());
    signInAs(rig.core, 'b-window', b);
    await after(60_000);
    const order = rig.fake
      .requestsTo('generateContent')
      .filter((r) => r.status === 200)
      .map((r) => r.prompt);
    // B started last before the restart, so A's job goes first although B's waited longer
    expect(order).toEqual(['A first', 'B first', 'A second', 'B second']);
  });
});

describe('the spend limit per 10 minutes', () => {
  it('delays a job whose estimate does not fit, says when it starts, then starts it when the window frees', async () => {
    rig = await startGenerationRig();
    const t0 = rig.clock.now();
    // a 1K Nano Banana 2.1 image is estimated at $0.0336: two fit in $0.07, the third waits
    rig.core.services.settings.set('spendLimitPer10MinutesMicros', 70_000, null);
    const admin = seedUser(rig.core, { email: 'admin@lab.org', role: 'admin' });
    signInAs(rig.core, 'admin-window', admin);
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'Three pears', count: 3 });
    const jobs = await rig.settle();
    expect(jobIds.map((id) => jobs.get(id)?.status)).toEqual(['succeeded', 'succeeded', 'queued']);
    expect(jobs.get(jobIds[2]!)).toMatchObject({ waitingFor: 'spendLimit', retryAt: t0 + 10 * 60_000 });
    const shape = await rig.call('admin-window', 'settings.project.get');
    expect(shape.ok && shape.data).toMatchObject({
      keySource: 'environment',
      // the two that ran count what they cost: 1 290 image tokens each at $30 per million
      spendLast10MinMicros: 77_400,
      spendLimitPer10MinutesMicros: 70_000,
      waitingOnSpendLimit: 1,
      waitingOnRateLimit: 0,
      waiting: 1,
      rateLimitMaxWaitMinutes: 30,
    });
    expect((await after(10 * 60_000 - 1)).get(jobIds[2]!)?.status).toBe('queued');
    expect((await after(1)).get(jobIds[2]!)?.status).toBe('succeeded');
    expect(rig.fake.answeredOk('generateContent')).toBe(3);
  });

  it('counts a finished job at its actual cost, so the next one starts as soon as that cost is known, and still after a restart', async () => {
    rig = await startGenerationRig();
    // an Omni 720p video is estimated at $0.80 (8 s); Google reports 5 808 video tokens, $0.10164
    rig.core.services.settings.set('spendLimitPer10MinutesMicros', 1_000_000, null);
    const admin = seedUser(rig.core, { email: 'admin@lab.org', role: 'admin' });
    signInAs(rig.core, 'admin-window', admin);
    const first = await rig.ok('generation.video.create', { model: OMNI, prompt: 'A wave', resolution: '720p' });
    const second = await rig.ok('generation.video.create', { model: OMNI, prompt: 'Another wave', resolution: '720p' });
    // while the first runs, its estimate fills the window: $0.80 + $0.80 does not fit in $1.00
    await new Promise((resolve) => setImmediate(resolve)); // the queue starts jobs on the loop's next turn
    const listed = await rig.ok('jobs.list', { limit: 10 });
    expect(listed.items.find((j) => j.id === second.jobIds[0])).toMatchObject({ status: 'queued', waitingFor: 'spendLimit' });
    // once it ended it counts $0.10164, and the second fits at once: no 10-minute wait
    const jobs = await rig.settle();
    expect([first, second].map((r) => jobs.get(r.jobIds[0]!)?.status)).toEqual(['succeeded', 'succeeded']);
    const spend = async () => {
      const project = await rig.call('admin-window', 'settings.project.get');
      return project.ok ? project.data.spendLast10MinMicros : null;
    };
    expect(await spend()).toBe(2 * 101_640);
    // the window rebuilt at start counts the actual costs too
    const clock = rig.clock;
    rig = await rig.restart();
    rig.clock.set(clock.now());
    signInAs(rig.core, 'admin-window', admin);
    expect(await spend()).toBe(2 * 101_640);
  });

  it('counts a job Google failed as nothing once it ended', async () => {
    rig = await startGenerationRig();
    // a 4 s 720p Veo video is estimated (and billed) at $1.60
    rig.core.services.settings.set('spendLimitPer10MinutesMicros', 2_000_000, null);
    const video = { model: 'veo-3.1-generate-preview', resolution: '720p', durationSeconds: 4 } as const;
    const failed = await rig.ok('generation.video.create', { ...video, prompt: 'Waves [op-error]' });
    const next = await rig.ok('generation.video.create', { ...video, prompt: 'Waves again' });
    const jobs = await rig.settle();
    expect(jobs.get(failed.jobIds[0]!)).toMatchObject({ status: 'failed', actualCostMicros: 0 });
    expect(jobs.get(next.jobIds[0]!)).toMatchObject({ status: 'succeeded', actualCostMicros: 1_600_000 });
    expect(rig.core.services.jobRunner.queueSummary().spendLast10MinMicros).toBe(1_600_000);
  });

  it('is an admin setting, off by default, checked on the way in', async () => {
    rig = await startGenerationRig();
    const admin = seedUser(rig.core, { email: 'admin@lab.org', role: 'admin' });
    signInAs(rig.core, 'admin-window', admin);
    const before = await rig.call('admin-window', 'settings.get');
    expect(before.ok && before.data).toMatchObject({ spendLimitPer10MinutesMicros: null, rateLimitMaxWaitMinutes: 30 });
    const bad = await rig.call('admin-window', 'settings.update', { spendLimitPer10MinutesMicros: 5 });
    expect(bad.ok || bad.error.code).toBe('VALIDATION_FAILED');
    const set = await rig.call('admin-window', 'settings.update', { spendLimitPer10MinutesMicros: 10_000_000, rateLimitMaxWaitMinutes: 45 });
    expect(set.ok && set.data).toMatchObject({ spendLimitPer10MinutesMicros: 10_000_000, rateLimitMaxWaitMinutes: 45 });
    const off = await rig.call('admin-window', 'settings.update', { spendLimitPer10MinutesMicros: null });
    expect(off.ok && off.data.spendLimitPer10MinutesMicros).toBeNull();
    const asUser = await rig.call(rig.window, 'settings.project.get');
    expect(asUser.ok || asUser.error.code).toBe('FORBIDDEN');
  });
});
