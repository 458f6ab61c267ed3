// The server's own contract: listening address, version/prefix routing,
// model metadata, the scripting queue, the request log, reset and close.
import { afterEach, describe, expect, it } from 'vitest';
import { directiveFromTriggers } from './scenarios.ts';
import { DEFAULT_MODEL_IDS, startFakeGemini, type FakeGemini } from './server.ts';
import { rejectionOf, sdkClient } from './test-helpers.ts';

const open: FakeGemini[] = [];
async function start(...args: Parameters<typeof startFakeGemini>): Promise<FakeGemini> {
  const fake = await startFakeGemini(...args);
  open.push(fake);
  return fake;
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((f) => f.close()));
});

const IMAGE = 'gemini-3.1-flash-image';

describe('listening and routing', () => {
  it('listens on 127.0.0.1 with a random port', async () => {
    const fake = await start();
    expect(fake.baseUrl).toBe(`http://127.0.0.1:${fake.port}`);
    expect(fake.port).toBeGreaterThan(0);
  });

  it('accepts v1, v1alpha and a path prefix in baseUrl', async () => {
    const fake = await start();
    const v1 = sdkClient(fake, { apiVersion: 'v1' });
    await v1.models.generateContent({ model: IMAGE, contents: 'x' });
    const proxied = sdkClient(fake, { apiVersion: 'v1alpha', baseUrl: `${fake.baseUrl}/proxy/` });
    await proxied.models.generateContent({ model: `models/${IMAGE}`, contents: 'x' });
    expect(fake.requests.map((r) => [r.apiVersion, r.pathPrefix, r.path])).toEqual([
      ['v1', '', `/v1/models/${IMAGE}:generateContent`],
      ['v1alpha', '/proxy', `/proxy/v1alpha/models/${IMAGE}:generateContent`],
    ]);
  });

  it('answers unknown routes with a JSON 404', async () => {
    const fake = await start();
    const res = await fetch(`${fake.baseUrl}/v1beta/nothing/here`, { headers: { 'x-goog-api-key': fake.apiKey } });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { status: string } }).error.status).toBe('NOT_FOUND');
    expect(fake.requests[0]?.endpoint).toBe('unknown');
  });
});

describe('models', () => {
  it('serves metadata for the default ids and 404 for others', async () => {
    const fake = await start();
    const ai = sdkClient(fake);
    for (const id of DEFAULT_MODEL_IDS) {
      const m = await ai.models.get({ model: id });
      expect(m.name).toBe(`models/${id}`);
    }
    const veo = await ai.models.get({ model: 'veo-3.1-lite-generate-preview' });
    expect(veo.supportedActions).toEqual(['predictLongRunning']);
    const err = await rejectionOf(ai.models.get({ model: 'veo-3.0-generate-001' }));
    expect((err as { status?: number }).status).toBe(404);
  });

  it('takes a custom known-model list', async () => {
    const fake = await start({ knownModels: ['gemini-nano-banana-2.1', { id: 'my-video', supportedGenerationMethods: ['predictLongRunning'] }] });
    const ai = sdkClient(fake);
    expect((await ai.models.get({ model: 'gemini-nano-banana-2.1' })).supportedActions).toContain('generateContent');
    const op = await ai.models.generateVideos({ model: 'my-video', source: { prompt: 'x' } });
    expect(op.name).toMatch(/^models\/my-video\/operations\//);
    expect(((await rejectionOf(ai.models.get({ model: IMAGE }))) as { status?: number }).status).toBe(404);
    const list = (await (await fetch(`${fake.baseUrl}/v1beta/models?key=${fake.apiKey}`)).json()) as { models: Array<{ name: string }> };
    expect(list.models.map((m) => m.name)).toEqual(['models/gemini-nano-banana-2.1', 'models/my-video']);
  });
});

describe('scripting', () => {
  it('queues steps FIFO per endpoint, honours times, and reports what is left', async () => {
    const fake = await start();
    const ai = sdkClient(fake);
    fake.script(
      { on: 'generateContent', reply: '429', times: 2 },
      { on: 'predictLongRunning', reply: 'rai' },
      { on: 'generateContent', reply: 'text-only' },
    );
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      try {
        const r = await ai.models.generateContent({ model: IMAGE, contents: 'x' });
        const parts = r.candidates?.[0]?.content?.parts ?? [];
        outcomes.push(parts.some((p) => p.inlineData) ? 'image' : 'text');
      } catch (err) {
        outcomes.push(String((err as { status?: number }).status));
      }
    }
    expect(outcomes).toEqual(['429', '429', 'text', 'image']);
    expect(fake.pendingScript()).toEqual([{ on: 'predictLongRunning', reply: 'rai' }]);
  });

  it('times: Infinity lasts until reset; reset clears log, script and jobs', async () => {
    const fake = await start();
    const ai = sdkClient(fake);
    fake.script({ on: 'getModel', reply: '503', times: Infinity });
    for (let i = 0; i < 3; i++) expect(((await rejectionOf(ai.models.get({ model: IMAGE }))) as { status?: number }).status).toBe(503);
    await ai.models.generateVideos({ model: 'veo-3.1-generate-preview', source: { prompt: 'x' } });
    fake.reset();
    expect(fake.requests).toHaveLength(0);
    expect(fake.pendingScript()).toHaveLength(0);
    expect(fake.operationNames()).toHaveLength(0);
    expect((await ai.models.get({ model: IMAGE })).name).toBe(`models/${IMAGE}`);
  });

  it('a script step overrides the prompt triggers of the same request field by field', async () => {
    const fake = await start();
    fake.script({ on: 'generateContent', thoughts: false });
    const r = await sdkClient(fake).models.generateContent({ model: IMAGE, contents: 'x [text-only]' });
    expect(r.candidates?.[0]?.content?.parts?.map((p) => p.text !== undefined)).toEqual([true]);
  });

  it('rejects a step with times < 1', async () => {
    const fake = await start();
    expect(() => fake.script({ on: 'download', times: 0 })).toThrow(/times/);
  });

  it('reads triggers per endpoint and ignores foreign ones', () => {
    expect(directiveFromTriggers('generateContent', 'a [rai] [slow:250] [big-image] [images:3]', 5000)).toEqual({
      delayMs: 250,
      image: { kind: 'photographic', width: 2048, height: 2048 },
      imageCount: 3,
    });
    expect(directiveFromTriggers('predictLongRunning', '[rai] [polls:4] [poll-404] [slow-body] [slow]', 5000)).toEqual({
      reply: 'rai',
      pendingPolls: 4,
      pollNotFound: true,
      download: 'slow-body',
      delayMs: 5000,
    });
    expect(directiveFromTriggers('createInteraction', '[uri] [503-html]', 0)).toEqual({ reply: '503-html' });
  });

  it('only the latest user turn of a conversation fires triggers', async () => {
    const fake = await start();
    const r = await sdkClient(fake).models.generateContent({
      model: IMAGE,
      contents: [
        { role: 'user', parts: [{ text: 'first try [block]' }] },
        { role: 'model', parts: [{ text: 'ok' }] },
        { role: 'user', parts: [{ text: 'now make it red' }] },
      ],
    });
    expect(r.promptFeedback).toBeUndefined();
    expect(fake.requests[0]?.prompt).toBe('now make it red');
  });
});

describe('request log', () => {
  it('records method, path, query, interesting headers, parsed body and status', async () => {
    const fake = await start();
    const ai = new (await import('@google/genai')).GoogleGenAI({
      apiKey: fake.apiKey,
      apiVersion: 'v1beta',
      httpOptions: { baseUrl: fake.baseUrl, headers: { 'x-request-tag': 'abc' } },
    });
    await ai.models.generateContent({ model: IMAGE, contents: 'logged prompt', config: { seed: 7 } });
    const entry = fake.requests[0]!;
    expect(entry).toMatchObject({
      seq: expect.any(Number),
      method: 'POST',
      endpoint: 'generateContent',
      query: {},
      prompt: 'logged prompt',
      status: 200,
      body: { contents: [{ role: 'user', parts: [{ text: 'logged prompt' }] }], generationConfig: { seed: 7 } },
    });
    expect(entry.bodyBytes).toBeGreaterThan(0);
    expect(entry.headers).toMatchObject({ 'x-goog-api-key': 'test-key', 'x-request-tag': 'abc', 'content-type': 'application/json' });
    expect(entry.headers['x-goog-api-client']).toMatch(/^google-genai-sdk\/2\.32\.0/);
    expect(entry.headers).not.toHaveProperty('host');
  });
});

describe('hang', () => {
  it('never answers a hung request: it stays open, logged without a status, until the client goes away', async () => {
    const fake = await start();
    fake.script({ on: 'getInteraction', hang: true });
    const controller = new AbortController();
    const pending = fetch(`${fake.baseUrl}/v1beta/interactions/v1_x`, { headers: { 'x-goog-api-key': fake.apiKey }, signal: controller.signal });
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    await new Promise((r) => setTimeout(r, 50));
    expect(fake.requests[0]?.status).toBeUndefined();
    controller.abort();
    expect(await rejectionOf(pending)).toBeInstanceOf(Error);
    expect(directiveFromTriggers('createInteraction', 'x [hang]', 5000)).toEqual({ hang: true });
  });
});

describe('close', () => {
  it('cuts pending slow requests and stops listening', async () => {
    const fake = await start();
    fake.script({ on: 'generateContent', delayMs: 60_000 });
    const pending = sdkClient(fake).models.generateContent({ model: IMAGE, contents: 'x' });
    while (fake.requests.length === 0) await new Promise((r) => setTimeout(r, 10));
    await fake.close();
    expect(await rejectionOf(pending)).toBeInstanceOf(Error);
    await fake.close(); // idempotent
    await expect(fetch(`${fake.baseUrl}/v1beta/models`)).rejects.toThrow();
  });
});
