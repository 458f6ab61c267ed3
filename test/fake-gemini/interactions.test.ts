// Gemini Omni through the Interactions API with the real SDK (docs/generation-and-jobs.md).
import type { GoogleGenAI } from '@google/genai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureMp4 } from './fixtures.ts';
import { startFakeGemini, type FakeGemini } from './server.ts';
import { rejectionOf, sdkClient } from './test-helpers.ts';

const MODEL = 'gemini-omni-1.1-flash';
const NO_RETRIES = { retries: { strategy: 'none' as const } };
let fake: FakeGemini;

beforeAll(async () => {
  fake = await startFakeGemini();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

/** The Interactions client's error classes are not exported; read them structurally. */
interface SdkError extends Error {
  status?: number;
  error?: { error?: { code?: string; message?: string } };
}

// The SDK does not export its Interaction type; infer it from the non-streaming `get` overload.
const getInteraction = (ai: GoogleGenAI, id: string) => ai.interactions.get(id);
type Interaction = Awaited<ReturnType<typeof getInteraction>>;

function createVideo(ai: GoogleGenAI, prompt: string, delivery: 'inline' | 'uri' = 'inline') {
  return ai.interactions.create(
    {
      model: MODEL,
      input: prompt,
      response_format: { type: 'video', aspect_ratio: '16:9', resolution: '720p', delivery },
      background: true,
    },
    NO_RETRIES,
  );
}

async function pollToFinal(ai: GoogleGenAI, id: string): Promise<{ final: Interaction; polls: number }> {
  for (let polls = 1; polls <= 20; polls++) {
    const it = await getInteraction(ai, id);
    if (it.status !== 'in_progress') return { final: it, polls };
  }
  throw new Error('interaction never finished');
}

function lastModelOutput(it: Interaction): Array<Record<string, unknown>> {
  const outputs = (it.steps ?? []).filter((s) => s.type === 'model_output');
  return (outputs[outputs.length - 1] as { content?: Array<Record<string, unknown>> } | undefined)?.content ?? [];
}

describe('interactions happy path', () => {
  it('create sends a snake_case body with background:true and gets in_progress', async () => {
    const ai = sdkClient(fake);
    const created = await createVideo(ai, 'A paper boat on a rainy street');
    expect(created.status).toBe('in_progress');
    expect(created.id).toMatch(/^v1_fake\d+[0-9a-f]+$/);
    const [post] = fake.requestsTo('createInteraction');
    expect(post?.method).toBe('POST');
    expect(post?.path).toBe('/v1beta/interactions');
    expect(post?.headers['x-goog-api-key']).toBe('test-key');
    expect(post?.body).toEqual({
      model: MODEL,
      input: 'A paper boat on a rainy street',
      response_format: { type: 'video', aspect_ratio: '16:9', resolution: '720p', delivery: 'inline' },
      background: true,
    });
  });

  it('get → in_progress N times, then completed with the inline video equal to the fixture', async () => {
    const ai = sdkClient(fake);
    const created = await createVideo(ai, 'A paper boat');
    const { final, polls } = await pollToFinal(ai, created.id);
    expect(polls).toBe(3);
    expect(final.status).toBe('completed');
    expect(final.steps?.map((s) => s.type)).toEqual(['user_input', 'thought', 'model_output']);
    const video = lastModelOutput(final).find((c) => c.type === 'video');
    expect(video?.mime_type).toBe('video/mp4');
    expect(Buffer.from(String(video?.data), 'base64').equals(fixtureMp4())).toBe(true);
    // The SDK's convenience field points at the same item.
    expect(final.output_video?.data).toBe(video?.data);
    expect(fake.requestsTo('getInteraction')[0]?.path).toBe(`/v1beta/interactions/${created.id}`);
  });

  it('uri delivery: the video item has a uri that the files endpoint serves', async () => {
    const ai = sdkClient(fake);
    const created = await createVideo(ai, 'A paper boat', 'uri');
    const { final } = await pollToFinal(ai, created.id);
    const video = lastModelOutput(final).find((c) => c.type === 'video');
    expect(video?.data).toBeUndefined();
    const id = /\/files\/([a-z0-9]+):download\?alt=media$/.exec(String(video?.uri))?.[1];
    expect(id).toBeDefined();
    const res = await fetch(`${fake.baseUrl}/v1beta/files/${id}:download?alt=media`, { headers: { 'x-goog-api-key': fake.apiKey } });
    expect(Buffer.from(await res.arrayBuffer()).equals(fixtureMp4())).toBe(true);
  });

  it('an edit refers to the previous interaction; an unknown one is 404', async () => {
    const ai = sdkClient(fake);
    const first = await createVideo(ai, 'A paper boat [polls:0]');
    const edit = await ai.interactions.create(
      { model: MODEL, input: 'Make it night', previous_interaction_id: first.id, background: true },
      NO_RETRIES,
    );
    expect(edit.previous_interaction_id).toBe(first.id);
    const err = await rejectionOf(
      ai.interactions.create({ model: MODEL, input: 'x', previous_interaction_id: 'v1_nope', background: true }, NO_RETRIES),
    );
    expect((err as { status?: number }).status).toBe(404);
  });
});

describe('interactions failures', () => {
  it('failed: status failed with errors[{code,message}], returned not thrown', async () => {
    const ai = sdkClient(fake);
    fake.script({ on: 'createInteraction', reply: 'failed', message: 'Generation failed.' });
    const { final } = await pollToFinal(ai, (await createVideo(ai, 'x')).id);
    expect(final.status).toBe('failed');
    expect(final.errors).toEqual([{ code: 'internal_error', message: 'Generation failed.' }]);
    expect(final.output_video).toBeUndefined();
  });

  it('refusal: completed with a text-only model_output', async () => {
    const ai = sdkClient(fake);
    const { final } = await pollToFinal(ai, (await createVideo(ai, 'something [refusal]')).id);
    expect(final.status).toBe('completed');
    expect(lastModelOutput(final).map((c) => c.type)).toEqual(['text']);
    expect(final.output_video).toBeUndefined();
    expect(final.output_text).toMatch(/can't create/);
  });

  it('cancel: status cancelled, and later gets stay cancelled', async () => {
    const ai = sdkClient(fake);
    const created = await createVideo(ai, 'x [polls:5]');
    const cancelled = await ai.interactions.cancel(created.id);
    expect(cancelled.status).toBe('cancelled');
    expect(fake.requestsTo('cancelInteraction')[0]?.path).toBe(`/v1beta/interactions/${created.id}/cancel`);
    expect((await ai.interactions.get(created.id)).status).toBe('cancelled');
  });

  it('503 on create with retries none → exactly ONE POST and a 503 error', async () => {
    const ai = sdkClient(fake);
    fake.script({ on: 'createInteraction', reply: '503', times: Infinity });
    const err = (await rejectionOf(createVideo(ai, 'x'))) as SdkError;
    expect(err.name).toBe('InternalServerError');
    expect(err.status).toBe(503);
    expect(err.error?.error?.code).toBe('service_unavailable');
    expect(fake.requestsTo('createInteraction')).toHaveLength(1);
  });

  it('429 on create: rate_limit_exceeded error envelope', async () => {
    const ai = sdkClient(fake);
    const err = (await rejectionOf(createVideo(ai, 'x [429]'))) as SdkError;
    expect(err.name).toBe('RateLimitError');
    expect(err.status).toBe(429);
    expect(err.error?.error).toMatchObject({ code: 'rate_limit_exceeded', message: expect.stringMatching(/quota/) });
  });

  it('slow create + timeout_ms → a timeout error after a single attempt', async () => {
    const ai = sdkClient(fake);
    fake.script({ on: 'createInteraction', delayMs: 30_000 });
    const err = await rejectionOf(
      ai.interactions.create({ model: MODEL, input: 'x', response_format: { type: 'video' }, background: true }, { ...NO_RETRIES, timeout_ms: 150 }),
    );
    // Unlike the models path, timeout and user abort differ here (APIUserAbortError for an abort).
    expect((err as Error).name).toBe('APIConnectionTimeoutError');
    expect(fake.requestsTo('createInteraction')).toHaveLength(1);
  });

  it('get of an unknown id → 404; wrong key → 401 authentication', async () => {
    const err = (await rejectionOf(sdkClient(fake).interactions.get('v1_missing'))) as SdkError;
    expect(err.name).toBe('NotFoundError');
    expect(err.status).toBe(404);
    const bad = (await rejectionOf(createVideo(sdkClient(fake, { apiKey: 'wrong' }), 'x'))) as SdkError;
    expect(bad.name).toBe('AuthenticationError');
    expect(bad.error?.error?.code).toBe('authentication');
  });

  it('503 text/html on create: the SDK reports an unexpected content type', async () => {
    const err = (await rejectionOf(createVideo(sdkClient(fake), 'x [503-html]'))) as SdkError;
    expect(err.status).toBe(503);
    expect(err.error).toBeUndefined();
    expect(err.message).toMatch(/Unexpected Status or Content-Type/);
  });
});
