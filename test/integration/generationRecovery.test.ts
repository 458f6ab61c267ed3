import { afterEach, describe, expect, it } from 'vitest';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { type GenerationRig, filesUnder, startGenerationRig } from '../support/generationCore';

let rig: GenerationRig | undefined;
let fake: FakeGemini | undefined;
afterEach(async () => {
  await rig?.close();
  await fake?.close();
  rig = undefined;
});

const until = async (condition: () => boolean) => {
  for (let i = 0; i < 2000 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  if (!condition()) throw new Error('condition never held');
};
const jobRow = (r: GenerationRig) => r.core.services.db.$client.prepare('SELECT * FROM job').get() as Record<string, unknown>;
const ledger = (r: GenerationRig) =>
  r.core.services.db.$client.prepare("SELECT state, SUM(units) AS units FROM quota_reservation WHERE kind != 'spend' GROUP BY state").all() as {
    state: string;
    units: number;
  }[];

describe('jobs survive a restart', () => {
  it('a video stopped mid-poll resumes on the next start, completes once and is charged once', async () => {
    fake = await startFakeGemini({ pendingPolls: 2 });
    rig = await startGenerationRig({ fake });
    await rig.ok('generation.video.create', { model: 'veo-3.1-generate-preview', prompt: 'fjord [polls:6]' });
    await until(() => fake!.requestsTo('getOperation').length >= 2);
    const restarted = await rig.restart(); // shutdown while polling, then a new core on the same folder
    rig = restarted;
    const jobs = await rig.settle();
    const [job] = [...jobs.values()];
    expect(job?.status).toBe('succeeded');
    expect(fake.requestsTo('predictLongRunning')).toHaveLength(1);
    expect(rig.core.services.db.$client.prepare("SELECT COUNT(*) AS n FROM media WHERE kind = 'video'").get()).toEqual({ n: 1 });
    expect(ledger(rig)).toEqual([{ state: 'committed', units: 1 }]);
    expect(await rig.used('video')).toBe(1);
  });

  it('a video whose submission outcome is unknown becomes interrupted and is never resubmitted', async () => {
    fake = await startFakeGemini();
    rig = await startGenerationRig({ fake });
    await rig.ok('generation.video.create', { model: 'veo-3.1-generate-preview', prompt: 'slow submit [slow]' });
    await until(() => fake!.requestsTo('predictLongRunning').length === 1);
    // the app dies after sending but before Google's answer (and its operation name) arrived
    expect(jobRow(rig)).toMatchObject({ status: 'submitting', operation_name: null });
    rig = await rig.restart();
    const [job] = [...(await rig.settle()).values()];
    expect(job).toMatchObject({ status: 'interrupted' });
    expect(job?.errorMessage).toMatch(/not resent/);
    expect(fake.requestsTo('predictLongRunning')).toHaveLength(1);
    expect(await rig.used('video')).toBe(0);
  });

  it('an image whose answer never came back becomes interrupted, never resent, its unit given back', async () => {
    fake = await startFakeGemini();
    rig = await startGenerationRig({ fake });
    await rig.ok('generation.image.create', { prompt: 'slow fox [slow]' });
    await until(() => fake!.requestsTo('generateContent').length === 1);
    rig = await rig.restart();
    const [job] = [...(await rig.settle()).values()];
    expect(job?.status).toBe('interrupted');
    expect(fake.requestsTo('generateContent')).toHaveLength(1);
    expect(await rig.used('image')).toBe(0);
  });

  it('a download killed half-way leaves no partial file; the next start downloads it again and finishes', async () => {
    fake = await startFakeGemini({ pendingPolls: 0 });
    fake.script({ on: 'download', reply: 'slow-body', bodyDelayMs: 60_000 }); // the first download stalls half-way
    rig = await startGenerationRig({ fake });
    await rig.ok('generation.video.create', { model: 'veo-3.1-generate-preview', prompt: 'fjord at dawn' });
    await until(() => fake!.requestsTo('download').length === 1);
    await until(() => jobRow(rig!).status === 'downloading');
    rig = await rig.restart();
    const [job] = [...(await rig.settle()).values()];
    expect(job?.status).toBe('succeeded');
    expect(fake.requestsTo('predictLongRunning')).toHaveLength(1);
    expect(fake.requestsTo('download')).toHaveLength(2);
    const everything = filesUnder(rig.dataDir);
    expect(everything.filter((f) => f.endsWith('.part'))).toEqual([]);
    expect(everything.filter((f) => f.endsWith('.mp4'))).toHaveLength(1);
    expect(ledger(rig)).toEqual([{ state: 'committed', units: 1 }]);
  });
});
