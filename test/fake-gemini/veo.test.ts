// Veo through the real SDK: submit, poll, done, and the failure shapes of
// docs/generation-and-jobs.md.
import { ApiError, GenerateVideosOperation, type GoogleGenAI } from '@google/genai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureMp4 } from './fixtures.ts';
import { startFakeGemini, type FakeGemini } from './server.ts';
import { parseApiErrorMessage, rejectionOf, sdkClient } from './test-helpers.ts';

const MODEL = 'veo-3.1-generate-preview';
let fake: FakeGemini;

beforeAll(async () => {
  fake = await startFakeGemini();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

async function pollToDone(ai: GoogleGenAI, op: GenerateVideosOperation): Promise<{ op: GenerateVideosOperation; polls: number }> {
  let polls = 0;
  while (!op.done) {
    if (polls > 20) throw new Error('operation never finished');
    op = await ai.operations.getVideosOperation({ operation: op });
    polls += 1;
  }
  return { op, polls };
}

describe('Veo happy path', () => {
  it('submits, stays running for the configured polls, then names a downloadable https file uri', async () => {
    const ai = sdkClient(fake);
    const op = await ai.models.generateVideos({
      model: MODEL,
      source: { prompt: 'A drone shot over a fjord at sunrise' },
      config: { aspectRatio: '16:9', durationSeconds: 8, resolution: '720p', numberOfVideos: 1 },
    });
    expect(op.name).toMatch(new RegExp(`^models/${MODEL}/operations/[a-z0-9]+$`));
    expect(op.done).toBeUndefined();
    const submit = fake.requestsTo('predictLongRunning')[0];
    expect(submit?.body).toEqual({
      instances: [{ prompt: 'A drone shot over a fjord at sunrise' }],
      parameters: { sampleCount: 1, durationSeconds: 8, aspectRatio: '16:9', resolution: '720p' },
    });

    const { op: done, polls } = await pollToDone(ai, op);
    expect(polls).toBe(3); // 2 "running" answers (default), then done
    expect(done.error).toBeUndefined();
    const uri = done.response?.generatedVideos?.[0]?.video?.uri;
    expect(uri).toMatch(/^https:\/\/generativelanguage\.googleapis\.com\/v1beta\/files\/[a-z0-9]+:download\?alt=media$/);
    expect(fake.requestsTo('getOperation').every((r) => r.path === `/v1beta/${op.name}`)).toBe(true);

    // The app's own downloader: same id, our baseUrl.
    const id = /files\/([a-z0-9]+):download/.exec(uri!)![1]!;
    const res = await fetch(`${fake.baseUrl}/v1beta/files/${id}:download?alt=media`, { headers: { 'x-goog-api-key': fake.apiKey } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await res.arrayBuffer()).equals(fixtureMp4())).toBe(true);
  });

  it('resumes polling from a stored name with new GenerateVideosOperation()', async () => {
    const ai = sdkClient(fake);
    fake.script({ on: 'predictLongRunning', pendingPolls: 0 });
    const { name } = await ai.models.generateVideos({ model: MODEL, source: { prompt: 'resume me' } });
    const restored = new GenerateVideosOperation();
    restored.name = name;
    const done = await ai.operations.getVideosOperation({ operation: restored });
    expect(done.done).toBe(true);
    expect(done.response?.generatedVideos).toHaveLength(1);
    expect(fake.operationNames()).toEqual([name]);
  });

  it('can return the video inline (encodedVideo) instead of a uri', async () => {
    const ai = sdkClient(fake);
    const op = await ai.models.generateVideos({ model: MODEL, source: { prompt: 'inline [inline-bytes] [polls:0]' } });
    const { op: done } = await pollToDone(ai, op);
    const video = done.response?.generatedVideos?.[0]?.video;
    expect(video?.mimeType).toBe('video/mp4');
    expect(Buffer.from(video!.videoBytes!, 'base64').equals(fixtureMp4())).toBe(true);
  });
});

describe('Veo failures', () => {
  it('RAI-filtered: done with raiMediaFilteredCount + reasons and no samples', async () => {
    const ai = sdkClient(fake);
    fake.script({ on: 'predictLongRunning', reply: 'rai' });
    const { op } = await pollToDone(ai, await ai.models.generateVideos({ model: MODEL, source: { prompt: 'x' } }));
    expect(op.response?.generatedVideos).toBeUndefined();
    expect(op.response?.raiMediaFilteredCount).toBe(1);
    expect(op.response?.raiMediaFilteredReasons?.[0]).toMatch(/not been charged/);
  });

  it('operation done with error: returned raw, not thrown', async () => {
    const ai = sdkClient(fake);
    const { op } = await pollToDone(ai, await ai.models.generateVideos({ model: MODEL, source: { prompt: 'x [op-error]' } }));
    expect(op.done).toBe(true);
    expect(op.error).toMatchObject({ code: 13 });
    expect(String(op.error?.message)).toMatch(/failed/);
  });

  it('404 on poll: scripted once, via [poll-404], and for an unknown operation', async () => {
    const ai = sdkClient(fake);
    const op = await ai.models.generateVideos({ model: MODEL, source: { prompt: 'x' } });
    fake.script({ on: 'getOperation', reply: '404' });
    const once = await rejectionOf(ai.operations.getVideosOperation({ operation: op }));
    expect(once).toBeInstanceOf(ApiError);
    expect((once as ApiError).status).toBe(404);
    // The scripted step is used up: the next poll works.
    expect((await ai.operations.getVideosOperation({ operation: op })).name).toBe(op.name);

    const expired = await ai.models.generateVideos({ model: MODEL, source: { prompt: 'x [poll-404]' } });
    expect(((await rejectionOf(ai.operations.getVideosOperation({ operation: expired }))) as ApiError).status).toBe(404);

    const unknown = new GenerateVideosOperation();
    unknown.name = `models/${MODEL}/operations/nosuchop`;
    const err = await rejectionOf(ai.operations.getVideosOperation({ operation: unknown }));
    expect(parseApiErrorMessage(err).status).toBe('NOT_FOUND');
  });

  it('429 on submit and on a poll', async () => {
    const ai = sdkClient(fake);
    fake.script({ on: 'predictLongRunning', reply: '429' });
    const submit = await rejectionOf(ai.models.generateVideos({ model: MODEL, source: { prompt: 'x' } }));
    expect((submit as ApiError).status).toBe(429);
    const op = await ai.models.generateVideos({ model: MODEL, source: { prompt: 'x' } });
    fake.script({ on: 'getOperation', reply: '429' });
    expect(((await rejectionOf(ai.operations.getVideosOperation({ operation: op }))) as ApiError).status).toBe(429);
  });

  it('image models cannot be used with predictLongRunning', async () => {
    const err = await rejectionOf(sdkClient(fake).models.generateVideos({ model: 'gemini-3-pro-image', source: { prompt: 'x' } }));
    expect((err as ApiError).status).toBe(404);
  });
});
