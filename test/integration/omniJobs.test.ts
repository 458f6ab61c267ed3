import type { RouteInput } from '../../src/shared/contract/types';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureMp4 } from '../fake-gemini/fixtures';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';

let rig: GenerationRig | undefined;
let fake: FakeGemini | undefined;
afterEach(async () => {
  await rig?.close();
  await fake?.close();
  rig = undefined;
  fake = undefined;
});

const OMNI = 'gemini-omni-1.1-flash';
const creates = () => fake!.requestsTo('createInteraction').map((r) => r.body as Record<string, unknown>);
const videos = () =>
  rig!.core.services.db.$client
    .prepare("SELECT id, rel_path, parent_media_id, provider_ref, model FROM media WHERE kind = 'video' ORDER BY rowid")
    .all() as {
    id: string;
    rel_path: string;
    parent_media_id: string | null;
    provider_ref: string;
  }[];

async function video(input: RouteInput<'generation.video.create'>) {
  const { jobIds } = await rig!.ok('generation.video.create', { ...input });
  return (await rig!.settle()).get(jobIds[0]!)!;
}

async function start() {
  fake = await startFakeGemini({ pendingPolls: 2 });
  rig = await startGenerationRig({ fake });
  return rig;
}

describe('Gemini Omni Flash jobs', () => {
  it('is the default video model: text to video through the Interactions API, stored and charged once', async () => {
    await start();
    const job = await video({ prompt: 'A paper boat on a rainy street', aspectRatio: '16:9', resolution: '720p' });
    expect(job).toMatchObject({ status: 'succeeded', model: OMNI });
    expect(creates()[0]).toMatchObject({
      model: OMNI,
      background: true,
      input: 'A paper boat on a rainy street',
      response_format: { type: 'video', aspect_ratio: '16:9', resolution: '720p' },
    });
    const [row] = videos();
    expect(fs.readFileSync(path.join(rig!.dataDir, row!.rel_path)).equals(fixtureMp4())).toBe(true);
    expect(row!.provider_ref).toMatch(/^v1_/);
    expect(await rig!.used('video')).toBe(1);
  });

  it('animates an image and uses subject references with the tags added by the app', async () => {
    await start();
    const frame = await rig!.importPng(1);
    const subjects = [await rig!.importPng(2), await rig!.importPng(3)];
    expect((await video({ prompt: 'The kite rises', firstFrameId: frame })).status).toBe('succeeded');
    expect((await video({ prompt: 'They dance', referenceIds: subjects })).status).toBe('succeeded');
    const [animate, refs] = creates();
    expect((animate!.input as { type: string; text?: string }[]).map((c) => c.text ?? c.type)).toEqual([
      'image',
      'Animate <FIRST_FRAME> as the first frame. The kite rises',
    ]);
    expect((refs!.input as { text?: string }[])[2]?.text).toBe('Subjects: <IMAGE_REF_0>, <IMAGE_REF_1>. They dance');
  });

  it('refines and extends a finished video: each turn is a new job and item, charged one video, linked to its parent', async () => {
    await start();
    await video({ prompt: 'A city at dusk' });
    const [first] = videos();
    const refined = await video({ prompt: 'make the sky stormier', refineMediaId: first!.id });
    expect(refined.status).toBe('succeeded');
    const [, second] = videos();
    const extended = await video({ prompt: 'extend by 5 seconds', extendMediaId: second!.id });
    expect(extended.status).toBe('succeeded');
    const [, , third] = videos();
    expect(second!.parent_media_id).toBe(first!.id);
    expect(third!.parent_media_id).toBe(second!.id);
    expect(creates()[1]).toMatchObject({ previous_interaction_id: first!.provider_ref, input: 'make the sky stormier' });
    expect(creates()[2]).toMatchObject({ previous_interaction_id: second!.provider_ref, generation_config: { video_config: { task: 'extend' } } });
    expect(await rig!.used('video')).toBe(3);
    const details = await rig!.ok('media.get', { id: third!.id });
    expect(details.sourceChain.map((m) => m.id)).toEqual([second!.id, first!.id]);
  });

  it('says no to a negative prompt rather than dropping it', async () => {
    await start();
    const result = await rig!.call(rig!.window, 'generation.video.create', { prompt: 'x', negativePrompt: 'text' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/no negative prompt/) } });
    expect(creates()).toHaveLength(0);
  });

  it('sends exactly one create when Google answers 503, fails the job and gives the unit back', async () => {
    await start();
    const job = await video({ prompt: 'x [503]' });
    expect(job).toMatchObject({ status: 'failed', errorCode: 'PROVIDER_ERROR' });
    expect(creates()).toHaveLength(1);
    expect(await rig!.used('video')).toBe(0);
  });

  it.each([
    ['[failed]', 'failed'],
    ['[refusal]', 'blocked'],
  ])('an interaction ending %s leaves the job %s with its unit back', async (trigger, status) => {
    await start();
    const job = await video({ prompt: `x ${trigger}` });
    expect(job.status).toBe(status);
    expect(job.errorMessage).toBeTruthy();
    expect(await rig!.used('video')).toBe(0);
  });

  it('cancel tells Google to stop, ends the job and gives the unit back', async () => {
    await start();
    const { jobIds } = await rig!.ok('generation.video.create', { prompt: 'long [polls:1000]' });
    while (fake!.requestsTo('getInteraction').length < 2) await new Promise((r) => setTimeout(r, 5));
    await rig!.ok('jobs.cancel', { jobId: jobIds[0]! });
    const job = (await rig!.settle()).get(jobIds[0]!)!;
    expect(job.status).toBe('cancelled');
    expect(fake!.requestsTo('cancelInteraction')).toHaveLength(1);
    expect(await rig!.used('video')).toBe(0);
  });

  it('a restart mid-poll resumes the interaction and charges once', async () => {
    await start();
    await rig!.ok('generation.video.create', { prompt: 'harbour [polls:6]' });
    while (fake!.requestsTo('getInteraction').length < 2) await new Promise((r) => setTimeout(r, 5));
    rig = await rig!.restart();
    const [job] = [...(await rig.settle()).values()];
    expect(job?.status).toBe('succeeded');
    expect(creates()).toHaveLength(1);
    expect(await rig.used('video')).toBe(1);
  });
});
