import type { RouteInput } from '../../src/shared/contract/types';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fixtureMp4 } from '../fake-gemini/fixtures';
import { type GenerationRig, filesUnder, startGenerationRig } from '../support/generationCore';

let rig: GenerationRig;
afterEach(async () => rig?.close());

const VEO = 'veo-3.1-generate-preview';
type Instance = Record<string, unknown>;
const submits = () => rig.fake.requestsTo('predictLongRunning').map((r) => r.body as { instances: Instance[]; parameters: Record<string, unknown> });
const videoRows = () =>
  rig.core.services.db.$client.prepare("SELECT * FROM media WHERE kind = 'video' ORDER BY rowid").all() as {
    id: string;
    rel_path: string;
    thumb_rel_path: string | null;
    parent_media_id: string | null;
    provider_ref: string | null;
  }[];

async function video(input: Partial<RouteInput<'generation.video.create'>> & { prompt: string }) {
  const { jobIds } = await rig.ok('generation.video.create', { model: VEO, ...input });
  return (await rig.settle()).get(jobIds[0]!)!;
}

describe('Veo video jobs', () => {
  it('text to video: every option is sent, the playable MP4 is stored with a poster, one unit is charged', async () => {
    rig = await startGenerationRig();
    const job = await video({
      prompt: 'A drone shot over a fjord',
      negativePrompt: 'text, watermark',
      aspectRatio: '9:16',
      resolution: '1080p',
      durationSeconds: 8,
    });
    expect(job.status).toBe('succeeded');
    expect(submits()[0]).toEqual({
      instances: [{ prompt: 'A drone shot over a fjord' }],
      parameters: { sampleCount: 1, aspectRatio: '9:16', resolution: '1080p', durationSeconds: 8, negativePrompt: 'text, watermark' },
    });
    const [row] = videoRows();
    expect(fs.readFileSync(path.join(rig.dataDir, row!.rel_path)).equals(fixtureMp4())).toBe(true);
    expect(row!.thumb_rel_path && fs.existsSync(path.join(rig.dataDir, row!.thumb_rel_path))).toBe(true);
    expect(row!.provider_ref).toMatch(/files\/[a-z0-9]+:download/);
    expect(await rig.used('video')).toBe(1);
    expect(job.typicalDurationMs).toBeGreaterThan(0);
  });

  it('animate: the first frame goes as the instance image, and the result links to it', async () => {
    rig = await startGenerationRig();
    const frame = await rig.importPng(3);
    const job = await video({ prompt: 'The cat turns its head', firstFrameId: frame, durationSeconds: 6, aspectRatio: '16:9', resolution: '720p' });
    expect(job.status).toBe('succeeded');
    const [body] = submits();
    expect(body?.instances[0]?.image).toMatchObject({ mimeType: 'image/png', bytesBase64Encoded: expect.any(String) });
    expect(body?.parameters).toMatchObject({ durationSeconds: 6, aspectRatio: '16:9', resolution: '720p' });
    expect(videoRows()[0]?.parent_media_id).toBe(frame);
  });

  it('first and last frame: both frames are sent', async () => {
    rig = await startGenerationRig();
    const first = await rig.importPng(4);
    const last = await rig.importPng(5);
    expect((await video({ prompt: 'Sunrise', firstFrameId: first, lastFrameId: last, durationSeconds: 8 })).status).toBe('succeeded');
    const instance = submits()[0]!.instances[0]!;
    expect(instance.image).toBeTruthy();
    expect(instance.lastFrame).toBeTruthy();
  });

  it('reference images: up to three ASSET references, 8 seconds', async () => {
    rig = await startGenerationRig();
    const refs = [await rig.importPng(6), await rig.importPng(7), await rig.importPng(8)];
    expect((await video({ prompt: 'She walks on the beach', referenceIds: refs, durationSeconds: 8 })).status).toBe('succeeded');
    const references = submits()[0]!.instances[0]!.referenceImages as { referenceType: string }[];
    expect(references.map((r) => r.referenceType)).toEqual(['ASSET', 'ASSET', 'ASSET']);
  });

  it('extend: sends the previous Veo video by its uri and links the new video to it', async () => {
    rig = await startGenerationRig();
    await video({ prompt: 'A fjord' });
    const [first] = videoRows();
    const job = await video({ prompt: 'continue the flight', extendMediaId: first!.id, resolution: '720p', durationSeconds: 8 });
    expect(job.status).toBe('succeeded');
    expect(submits()[1]!.instances[0]!.video).toEqual({ uri: first!.provider_ref });
    expect(videoRows()[1]?.parent_media_id).toBe(first!.id);
    expect(await rig.used('video')).toBe(2);
  });

  it('refuses options Veo cannot honour before anything is sent', async () => {
    rig = await startGenerationRig();
    const result = await rig.call(rig.window, 'generation.video.create', { model: VEO, prompt: 'x', resolution: '4k', durationSeconds: 4 });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION_FAILED', message: '4k needs an 8-second duration.' } });
    expect(submits()).toHaveLength(0);
    expect(await rig.used('video')).toBe(0);
  });

  it.each([
    ['[rai]', 'blocked', 'CONTENT_BLOCKED'],
    ['[op-error]', 'failed', 'PROVIDER_ERROR'],
    ['[poll-404]', 'failed', 'PROVIDER_ERROR'],
  ])('a video ending in %s is %s (%s) and its unit is given back', async (trigger, status, code) => {
    rig = await startGenerationRig();
    const job = await video({ prompt: `x ${trigger}` });
    expect(job).toMatchObject({ status, errorCode: code });
    expect(await rig.used('video')).toBe(0);
    expect(videoRows()).toEqual([]);
  });

  it('cancel while polling: the job ends cancelled, the unit comes back, polling stops', async () => {
    rig = await startGenerationRig();
    const { jobIds } = await rig.ok('generation.video.create', { model: VEO, prompt: 'long one [polls:1000]' });
    while (rig.fake.requestsTo('getOperation').length < 2) await new Promise((r) => setTimeout(r, 5));
    await rig.ok('jobs.cancel', { jobId: jobIds[0]! });
    const job = (await rig.settle()).get(jobIds[0]!)!;
    expect(job.status).toBe('cancelled');
    expect(await rig.used('video')).toBe(0);
    const polls = rig.fake.requestsTo('getOperation').length;
    await new Promise((r) => setTimeout(r, 60));
    expect(rig.fake.requestsTo('getOperation').length).toBe(polls);
  });

  it('a download cut mid-body leaves no partial file and fails the job with its unit back', async () => {
    rig = await startGenerationRig();
    const job = await video({ prompt: 'x [reset-body]' });
    expect(job).toMatchObject({ status: 'failed', errorCode: 'NETWORK_ERROR' });
    expect(filesUnder(rig.dataDir, 'media')).toEqual([]);
    expect(await rig.used('video')).toBe(0);
  });
});
