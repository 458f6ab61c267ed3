// generateContent (image models) through the real SDK: the success shape and
// every failure shape in docs/generation-and-jobs.md.
import { ApiError, FinishReason, type Part } from '@google/genai';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { inspectPng } from './png.ts';
import { startFakeGemini, type FakeGemini } from './server.ts';
import { parseApiErrorMessage, rejectionOf, sdkClient } from './test-helpers.ts';

const MODEL = 'gemini-3.1-flash-image';
let fake: FakeGemini;

beforeAll(async () => {
  fake = await startFakeGemini();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

/** What the app does: keep inline images, skip thought parts. */
function finalImages(parts: Part[] | undefined): Buffer[] {
  return (parts ?? []).filter((p) => p.inlineData?.data && p.thought !== true).map((p) => Buffer.from(p.inlineData!.data!, 'base64'));
}

describe('generateContent success', () => {
  it('returns a real PNG after thought parts, with ids and usage', async () => {
    const ai = sdkClient(fake);
    const r = await ai.models.generateContent({
      model: MODEL,
      contents: 'A red fox in the snow',
      config: { responseModalities: ['TEXT', 'IMAGE'], imageConfig: { aspectRatio: '16:9', imageSize: '2K' } },
    });
    const parts = r.candidates?.[0]?.content?.parts ?? [];
    expect(parts.filter((p) => p.thought === true).map((p) => (p.text !== undefined ? 'text' : 'image'))).toEqual(['text', 'image']);
    const images = finalImages(parts);
    expect(images).toHaveLength(1);
    expect(inspectPng(images[0]!)).toMatchObject({ width: 64, height: 64 });
    expect(r.candidates?.[0]?.finishReason).toBe(FinishReason.STOP);
    expect(r.responseId).toMatch(/^fake-resp-\d+$/);
    expect(r.modelVersion).toBe(MODEL);
    expect(r.usageMetadata?.totalTokenCount).toBeGreaterThan(1290);

    const [logged] = fake.requestsTo('generateContent');
    expect(logged?.path).toBe(`/v1beta/models/${MODEL}:generateContent`);
    expect(logged?.headers['x-goog-api-key']).toBe('test-key');
    expect(logged?.body).toEqual({
      contents: [{ role: 'user', parts: [{ text: 'A red fox in the snow' }] }],
      generationConfig: { responseModalities: ['TEXT', 'IMAGE'], imageConfig: { aspectRatio: '16:9', imageSize: '2K' } },
    });
    expect(logged?.status).toBe(200);
  });

  it('gives different images to different requests and sends edit inputs verbatim', async () => {
    const ai = sdkClient(fake);
    const first = await ai.models.generateContent({ model: MODEL, contents: 'one' });
    const input = finalImages(first.candidates?.[0]?.content?.parts)[0]!;
    const second = await ai.models.generateContent({
      model: 'gemini-3-pro-image',
      contents: [{ role: 'user', parts: [{ text: 'Make it blue' }, { inlineData: { mimeType: 'image/png', data: input.toString('base64') } }] }],
      config: { responseModalities: ['IMAGE'] },
    });
    const output = finalImages(second.candidates?.[0]?.content?.parts)[0]!;
    expect(output.equals(input)).toBe(false);
    const body = fake.requestsTo('generateContent')[1]?.body as { contents: Array<{ parts: Part[] }> };
    expect(body.contents[0]?.parts[1]?.inlineData?.data).toBe(input.toString('base64'));
    expect(fake.requestsTo('generateContent')[1]?.prompt).toBe('Make it blue');
  });

  it('can answer without thoughts, with several images, and with big photographic PNGs', async () => {
    const ai = sdkClient(fake);
    fake.script({ on: 'generateContent', thoughts: false, imageCount: 2 });
    const r = await ai.models.generateContent({ model: MODEL, contents: 'two please' });
    const parts = r.candidates?.[0]?.content?.parts ?? [];
    expect(parts.some((p) => p.thought)).toBe(false);
    expect(finalImages(parts)).toHaveLength(2);

    fake.script({ on: 'generateContent', image: { kind: 'photographic', width: 1024, height: 1024 } });
    const big = await ai.models.generateContent({ model: MODEL, contents: 'a photo' });
    const png = finalImages(big.candidates?.[0]?.content?.parts)[0]!;
    expect(inspectPng(png)).toMatchObject({ width: 1024, height: 1024 });
    expect(png.length).toBeGreaterThan(500_000);
  });
});

describe('generateContent failures', () => {
  it('429 reaches the SDK as ApiError with RetryInfo.retryDelay in the parsed message', async () => {
    fake.script({ on: 'generateContent', reply: '429', retryDelay: '42s' });
    const err = await rejectionOf(sdkClient(fake).models.generateContent({ model: MODEL, contents: 'x' }));
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).status).toBe(429);
    const body = parseApiErrorMessage(err);
    expect(body.status).toBe('RESOURCE_EXHAUSTED');
    const retry = body.details?.find((d) => d['@type'] === 'type.googleapis.com/google.rpc.RetryInfo');
    expect(retry?.retryDelay).toBe('42s');
    // Retries are off by default: exactly one request.
    expect(fake.requestsTo('generateContent')).toHaveLength(1);
  });

  it('400 INVALID_ARGUMENT carries its message; triggers work from the prompt too', async () => {
    fake.script({ on: 'generateContent', reply: '400', message: 'Unsupported aspect ratio: 5:7.' });
    const scripted = await rejectionOf(sdkClient(fake).models.generateContent({ model: MODEL, contents: 'x' }));
    expect((scripted as ApiError).status).toBe(400);
    expect(parseApiErrorMessage(scripted)).toMatchObject({ code: 400, status: 'INVALID_ARGUMENT', message: 'Unsupported aspect ratio: 5:7.' });
    const triggered = await rejectionOf(sdkClient(fake).models.generateContent({ model: MODEL, contents: 'a cat [400]' }));
    expect((triggered as ApiError).status).toBe(400);
  });

  it('missing key → 403 PERMISSION_DENIED, wrong key → 400 API_KEY_INVALID, scripted 403', async () => {
    const noKey = await fetch(`${fake.baseUrl}/v1beta/models/${MODEL}:generateContent`, { method: 'POST', body: '{}' });
    expect(noKey.status).toBe(403);
    expect(noKey.headers.get('content-type')).toContain('application/json');
    expect(((await noKey.json()) as { error: { status: string } }).error.status).toBe('PERMISSION_DENIED');

    const wrong = await rejectionOf(sdkClient(fake, { apiKey: 'nope' }).models.generateContent({ model: MODEL, contents: 'x' }));
    expect((wrong as ApiError).status).toBe(400);
    const body = parseApiErrorMessage(wrong);
    expect(body.status).toBe('INVALID_ARGUMENT');
    expect(body.details?.[0]).toMatchObject({ reason: 'API_KEY_INVALID' });

    fake.script({ on: 'generateContent', reply: '403' });
    const denied = await rejectionOf(sdkClient(fake).models.generateContent({ model: MODEL, contents: 'x' }));
    expect(parseApiErrorMessage(denied).status).toBe('PERMISSION_DENIED');
  });

  it('503 text/html is wrapped by the SDK with the status text', async () => {
    fake.script({ on: 'generateContent', reply: '503-html' });
    const err = await rejectionOf(sdkClient(fake).models.generateContent({ model: MODEL, contents: 'x' }));
    expect((err as ApiError).status).toBe(503);
    const body = parseApiErrorMessage(err);
    expect(body.message).toContain('<html');
    expect(body.status).toBe('Service Unavailable');
  });

  it('prompt blocked: promptFeedback.blockReason and no candidates', async () => {
    const r = await sdkClient(fake).models.generateContent({ model: MODEL, contents: 'something [block]' });
    expect(r.candidates).toBeUndefined();
    expect(r.promptFeedback?.blockReason).toBe('PROHIBITED_CONTENT');
  });

  it('output blocked: finishReason IMAGE_SAFETY with no parts', async () => {
    fake.script({ on: 'generateContent', reply: 'image-safety' });
    const r = await sdkClient(fake).models.generateContent({ model: MODEL, contents: 'x' });
    expect(r.candidates?.[0]?.finishReason).toBe(FinishReason.IMAGE_SAFETY);
    expect(r.candidates?.[0]?.content).toBeUndefined();
  });

  it('text-only answer: STOP with no inline image', async () => {
    fake.script({ on: 'generateContent', reply: 'text-only' });
    const r = await sdkClient(fake).models.generateContent({ model: MODEL, contents: 'x' });
    expect(r.candidates?.[0]?.finishReason).toBe(FinishReason.STOP);
    expect(finalImages(r.candidates?.[0]?.content?.parts)).toHaveLength(0);
    expect(r.candidates?.[0]?.content?.parts?.[0]?.text).toMatch(/can't create/);
  });

  it('unknown model → 404; Omni on generateContent → 400 "only supports Interactions API"', async () => {
    const unknown = await rejectionOf(sdkClient(fake).models.generateContent({ model: 'gemini-2.5-flash-image', contents: 'x' }));
    expect((unknown as ApiError).status).toBe(404);
    expect(parseApiErrorMessage(unknown).message).toMatch(/models\/gemini-2.5-flash-image is not found/);
    const omni = await rejectionOf(sdkClient(fake).models.generateContent({ model: 'gemini-omni-1.1-flash', contents: 'x' }));
    expect(parseApiErrorMessage(omni).message).toBe('This model only supports Interactions API.');
  });

  it('slow response + httpOptions.timeout → AbortError, with X-Server-Timeout sent', async () => {
    fake.script({ on: 'generateContent', delayMs: 30_000 });
    const err = await rejectionOf(sdkClient(fake, { timeout: 150 }).models.generateContent({ model: MODEL, contents: 'x' }));
    expect((err as Error).name).toBe('AbortError');
    expect(fake.requestsTo('generateContent')[0]?.headers['x-server-timeout']).toBe('1');
  });

  it('slow response + user abort → the same AbortError', async () => {
    const ac = new AbortController();
    const pending = sdkClient(fake).models.generateContent({ model: MODEL, contents: 'x [slow]', config: { abortSignal: ac.signal } });
    // Abort once the server has the request, so the abort hits an in-flight call.
    while (fake.requestsTo('generateContent').length === 0) await new Promise((r) => setTimeout(r, 10));
    ac.abort(new Error('user cancelled'));
    const err = await rejectionOf(pending);
    expect((err as Error).name).toBe('AbortError');
  });
});
