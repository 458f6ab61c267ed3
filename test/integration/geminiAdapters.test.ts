import fs from 'node:fs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createGenAi } from '../../src/main/services/gemini/client';
import { downloadToTempFile } from '../../src/main/services/gemini/download';
import { generateImage } from '../../src/main/services/gemini/imageProvider';
import { createOmniProvider } from '../../src/main/services/gemini/omniProvider';
import { createVeoProvider } from '../../src/main/services/gemini/veoProvider';
import type { VideoProvider } from '../../src/main/services/gemini/videoProvider';
import { fixtureMp4 } from '../fake-gemini/fixtures';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { makeTempDir } from '../support/tempDir';
import { studioErrorOf } from '../support/studioErrorOf';

let fake: FakeGemini;
const PNG = { mimeType: 'image/png', data: Buffer.from('fake-png-bytes').toString('base64') };
const JPEG = { mimeType: 'image/jpeg', data: Buffer.from('fake-jpeg-bytes').toString('base64') };

beforeAll(async () => {
  fake = await startFakeGemini({ pendingPolls: 1 });
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

const ai = () => createGenAi({ apiKey: fake.apiKey, baseUrl: fake.baseUrl });
const signal = () => new AbortController().signal;

async function pollToDone(provider: VideoProvider, operation: string) {
  for (let i = 0; i < 10; i++) {
    const poll = await provider.poll(operation, signal());
    if (poll.done) return poll.output;
  }
  throw new Error('never done');
}

describe('image generation through generateContent', () => {
  it('sends the prompt, inputs and image options, and keeps the real image, not the thought image', async () => {
    const result = await generateImage(ai(), {
      model: 'gemini-3.1-flash-image',
      prompt: 'Put the hat from image 2 on the cat',
      images: [PNG, JPEG],
      aspectRatio: '16:9',
      imageSize: '2K',
      signal: signal(),
      timeoutMs: 10_000,
    });
    const [request] = fake.requestsTo('generateContent');
    const body = request?.body as { contents: { parts: unknown[] }[]; generationConfig: Record<string, unknown> };
    expect(body.contents[0]?.parts).toEqual([{ text: 'Put the hat from image 2 on the cat' }, { inlineData: PNG }, { inlineData: JPEG }]);
    expect(body.generationConfig).toMatchObject({ imageConfig: { aspectRatio: '16:9', imageSize: '2K' }, candidateCount: 1 });
    expect(result.image.mimeType).toBe('image/png');
    expect(result.image.bytes.subarray(1, 4).toString()).toBe('PNG');
    expect(result.responseId).toBeTruthy();
  });

  it.each([
    ['[block]', 'CONTENT_BLOCKED', /safety filters blocked the prompt \(PROHIBITED_CONTENT\)/],
    ['[image-safety]', 'CONTENT_BLOCKED', /withheld the image \(IMAGE_SAFETY\)/],
    ['[text-only]', 'PROVIDER_ERROR', /answered with text and no image: “/],
    ['[429]', 'RATE_LIMITED', /rate limit was reached\. Try again in 17 s\./],
    ['[400]', 'PROVIDER_ERROR', /Google refused the request: /],
    ['[503-html]', 'PROVIDER_ERROR', /Google had a problem \(503\)/],
  ])('maps %s to %s with a plain message', async (trigger, code, message) => {
    const error = await studioErrorOf(
      generateImage(ai(), { model: 'gemini-3.1-flash-image', prompt: `a fox ${trigger}`, images: [], signal: signal(), timeoutMs: 10_000 }),
    );
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('reports a rejected API key as INVALID_API_KEY without echoing the key', async () => {
    const wrong = createGenAi({ apiKey: 'AIzaWRONG-key-that-must-not-leak-000', baseUrl: fake.baseUrl });
    const error = await studioErrorOf(
      generateImage(wrong, { model: 'gemini-3.1-flash-image', prompt: 'x', images: [], signal: signal(), timeoutMs: 10_000 }),
    );
    expect(error.code).toBe('INVALID_API_KEY');
    expect(JSON.stringify({ m: error.message, d: error.details })).not.toContain('AIzaWRONG');
  });

  it('tells a timeout from a cancel, which the SDK cannot', async () => {
    const timedOut = await studioErrorOf(
      generateImage(ai(), { model: 'gemini-3.1-flash-image', prompt: 'x [slow]', images: [], signal: signal(), timeoutMs: 100 }),
    );
    expect(timedOut.code).toBe('TIMEOUT');
    const controller = new AbortController();
    const pending = generateImage(ai(), {
      model: 'gemini-3.1-flash-image',
      prompt: 'x [slow]',
      images: [],
      signal: controller.signal,
      timeoutMs: 10_000,
    });
    setTimeout(() => controller.abort(), 50);
    expect((await studioErrorOf(pending)).code).toBe('CANCELLED');
  });

  it('reports an unreachable server as a network error', async () => {
    const nowhere = createGenAi({ apiKey: 'k', baseUrl: 'http://127.0.0.1:9' });
    const error = await studioErrorOf(generateImage(nowhere, { model: 'm', prompt: 'x', images: [], signal: signal(), timeoutMs: 10_000 }));
    expect(error.code).toBe('NETWORK_ERROR');
  });
});

describe('Veo adapter', () => {
  const veo = () => createVeoProvider(ai, { pollTimeoutMs: 10_000 });

  it('sends every option of an interpolation request in the source form', async () => {
    const operation = await veo().submit({
      model: 'veo-3.1-generate-preview',
      prompt: 'The cat turns its head',
      negativePrompt: 'text, watermark',
      aspectRatio: '9:16',
      resolution: '1080p',
      durationSeconds: 8,
      firstFrame: PNG,
      lastFrame: JPEG,
      signal: signal(),
    });
    expect(operation).toMatch(/^models\/veo-3\.1-generate-preview\/operations\//);
    const body = fake.requestsTo('predictLongRunning')[0]?.body;
    expect(body).toEqual({
      instances: [
        {
          prompt: 'The cat turns its head',
          image: { bytesBase64Encoded: PNG.data, mimeType: 'image/png' },
          lastFrame: { bytesBase64Encoded: JPEG.data, mimeType: 'image/jpeg' },
        },
      ],
      parameters: { sampleCount: 1, aspectRatio: '9:16', resolution: '1080p', durationSeconds: 8, negativePrompt: 'text, watermark' },
    });
  });

  it('sends reference images as ASSET references and an extension as the previous video uri', async () => {
    await veo().submit({ model: 'veo-3.1-generate-preview', prompt: 'walks', durationSeconds: 8, references: [PNG, JPEG], signal: signal() });
    await veo().submit({
      model: 'veo-3.1-generate-preview',
      prompt: 'continue',
      extendFrom: 'https://generativelanguage.googleapis.com/v1beta/files/abc123:download?alt=media',
      signal: signal(),
    });
    const [refs, extend] = fake.requestsTo('predictLongRunning').map((r) => (r.body as { instances: Record<string, unknown>[] }).instances[0]);
    expect(refs?.referenceImages).toEqual([
      { image: { bytesBase64Encoded: PNG.data, mimeType: 'image/png' }, referenceType: 'ASSET' },
      { image: { bytesBase64Encoded: JPEG.data, mimeType: 'image/jpeg' }, referenceType: 'ASSET' },
    ]);
    expect(extend?.video).toEqual({ uri: 'https://generativelanguage.googleapis.com/v1beta/files/abc123:download?alt=media' });
  });

  it('polls an operation by name (as after a restart) until it yields a downloadable video', async () => {
    const operation = await veo().submit({ model: 'veo-3.1-generate-preview', prompt: 'fjord', signal: signal() });
    const output = await pollToDone(veo(), operation);
    expect(output.uri).toMatch(/^https:\/\/generativelanguage\.googleapis\.com\/v1beta\/files\/[a-z0-9]+:download\?alt=media$/);
    expect(output.continuationRef).toBe(output.uri);
  });

  it.each([
    ['[rai]', 'CONTENT_BLOCKED', /safety filters withheld the video/],
    ['[op-error]', 'PROVIDER_ERROR', /^Video generation failed: /],
    ['[poll-404]', 'PROVIDER_ERROR', /does not know this model or operation \(404\)/],
  ])('maps a finished operation with %s to %s', async (trigger, code, message) => {
    const operation = await veo().submit({ model: 'veo-3.1-generate-preview', prompt: `x ${trigger}`, signal: signal() });
    const error = await studioErrorOf(pollToDone(veo(), operation));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('maps a refused submission to a plain error', async () => {
    const error = await studioErrorOf(veo().submit({ model: 'veo-3.1-generate-preview', prompt: 'x [429]', signal: signal() }));
    expect(error.code).toBe('RATE_LIMITED');
  });
});

describe('our own video downloader', () => {
  it('downloads the video to a temp file, with the key sent only to the API', async () => {
    const temp = makeTempDir();
    const { uri } = fake.addFile();
    const result = await downloadToTempFile({
      uri,
      apiKey: fake.apiKey,
      baseUrl: fake.baseUrl,
      tempDir: temp.dir,
      signal: signal(),
      timeoutMs: 10_000,
      maxBytes: 10_000_000,
    });
    expect(fs.readFileSync(result.file).equals(fixtureMp4())).toBe(true);
    expect(result.mimeType).toBe('video/mp4');
    temp.cleanup();
  });

  it('follows a redirect to a storage host', async () => {
    const temp = makeTempDir();
    const { uri } = fake.addFile(undefined, 'redirect');
    const result = await downloadToTempFile({
      uri,
      apiKey: fake.apiKey,
      baseUrl: fake.baseUrl,
      tempDir: temp.dir,
      signal: signal(),
      timeoutMs: 10_000,
      maxBytes: 10_000_000,
    });
    expect(result.bytes).toBe(fixtureMp4().length);
    temp.cleanup();
  });

  it.each([
    ['reset-body', 'NETWORK_ERROR'],
    ['slow-body', 'TIMEOUT'],
  ] as const)('leaves no partial file when the transfer fails (%s → %s)', async (behaviour, code) => {
    const temp = makeTempDir();
    const { uri } = fake.addFile(undefined, behaviour);
    const error = await studioErrorOf(
      downloadToTempFile({
        uri,
        apiKey: fake.apiKey,
        baseUrl: fake.baseUrl,
        tempDir: temp.dir,
        signal: signal(),
        timeoutMs: behaviour === 'slow-body' ? 300 : 10_000,
        maxBytes: 10_000_000,
      }),
    );
    expect(error.code).toBe(code);
    expect(fs.readdirSync(temp.dir)).toEqual([]);
    temp.cleanup();
  });

  it('refuses a video larger than the cap, leaving nothing behind', async () => {
    const temp = makeTempDir();
    const { uri } = fake.addFile();
    const error = await studioErrorOf(
      downloadToTempFile({ uri, apiKey: fake.apiKey, baseUrl: fake.baseUrl, tempDir: temp.dir, signal: signal(), timeoutMs: 10_000, maxBytes: 1000 }),
    );
    expect(error.message).toMatch(/larger than the studio's limit of 1000 bytes per video/);
    expect(fs.readdirSync(temp.dir)).toEqual([]);
    temp.cleanup();
  });

  it('never takes a download host from the response', async () => {
    // the file id is kept, the host is ours
    await expect(
      downloadToTempFile({ uri: 'https://evil.example/no-file-here', apiKey: 'k', tempDir: '/tmp', signal: signal(), timeoutMs: 1, maxBytes: 1 }),
    ).rejects.toThrow(/does not recognise/);
  });
});

describe('Omni adapter (Interactions API)', () => {
  const omni = () => createOmniProvider(ai, { createTimeoutMs: 2_000, pollTimeoutMs: 10_000 });
  const createBodies = () => fake.requestsTo('createInteraction').map((r) => r.body as Record<string, unknown>);

  it('creates a text-to-video interaction in the background, snake_case, and polls it to inline video bytes', async () => {
    const id = await omni().submit({
      model: 'gemini-omni-1.1-flash',
      prompt: 'A paper boat',
      aspectRatio: '9:16',
      resolution: '720p',
      durationSeconds: 8,
      signal: signal(),
    });
    expect(createBodies()[0]).toEqual({
      model: 'gemini-omni-1.1-flash',
      input: 'A paper boat',
      response_format: { type: 'video', aspect_ratio: '9:16', resolution: '720p', duration: '8s', delivery: 'inline' },
      generation_config: { video_config: { task: 'text_to_video' } },
      background: true,
    });
    const output = await pollToDone(omni(), id);
    expect(Buffer.from(output.base64 ?? '', 'base64').equals(fixtureMp4())).toBe(true);
    expect(output.continuationRef).toBe(id);
  });

  it('tags first and last frames and subject references in the text', async () => {
    await omni().submit({ model: 'gemini-omni-1.1-flash', prompt: 'A sunrise', firstFrame: PNG, lastFrame: JPEG, signal: signal() });
    await omni().submit({ model: 'gemini-omni-1.1-flash', prompt: 'They dance', references: [PNG, JPEG], signal: signal() });
    const [frames, refs] = createBodies();
    expect(frames?.input).toEqual([
      { type: 'image', data: PNG.data, mime_type: 'image/png' },
      { type: 'image', data: JPEG.data, mime_type: 'image/jpeg' },
      { type: 'text', text: 'Start on <FIRST_FRAME> and end on <LAST_FRAME>. A sunrise' },
    ]);
    expect(frames?.generation_config).toEqual({ video_config: { task: 'image_to_video' } });
    expect((refs?.input as { text?: string }[])[2]?.text).toBe('Subjects: <IMAGE_REF_0>, <IMAGE_REF_1>. They dance');
    expect(refs?.generation_config).toEqual({ video_config: { task: 'reference_to_video' } });
  });

  it('refines and extends through previous_interaction_id', async () => {
    const first = await omni().submit({ model: 'gemini-omni-1.1-flash', prompt: 'a city at dusk', signal: signal() });
    await pollToDone(omni(), first);
    await omni().submit({ model: 'gemini-omni-1.1-flash', prompt: 'make the sky stormier', refineFrom: first, signal: signal() });
    await omni().submit({ model: 'gemini-omni-1.1-flash', prompt: 'extend by 5 seconds', extendFrom: first, signal: signal() });
    const [, refine, extend] = createBodies();
    expect(refine).toMatchObject({
      previous_interaction_id: first,
      input: 'make the sky stormier',
      generation_config: { video_config: { task: 'edit' } },
    });
    expect(extend).toMatchObject({ previous_interaction_id: first, generation_config: { video_config: { task: 'extend' } } });
  });

  it('sends exactly one create when Google answers 503, or when the create times out', async () => {
    const unavailable = await studioErrorOf(omni().submit({ model: 'gemini-omni-1.1-flash', prompt: 'x [503]', signal: signal() }));
    expect(unavailable.code).toBe('PROVIDER_ERROR');
    expect(fake.requestsTo('createInteraction')).toHaveLength(1);
    fake.reset();
    const timedOut = await studioErrorOf(omni().submit({ model: 'gemini-omni-1.1-flash', prompt: 'x [slow]', signal: signal() }));
    expect(timedOut.code).toBe('TIMEOUT');
    expect(fake.requestsTo('createInteraction')).toHaveLength(1);
  });

  it.each([
    ['[failed]', 'PROVIDER_ERROR', /^Video generation failed: /],
    ['[refusal]', 'CONTENT_BLOCKED', /declined to make this video: “/],
  ])('maps a %s interaction to %s', async (trigger, code, message) => {
    const id = await omni().submit({ model: 'gemini-omni-1.1-flash', prompt: `x ${trigger}`, signal: signal() });
    const error = await studioErrorOf(pollToDone(omni(), id));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
  });

  it('cancels on Google’s side', async () => {
    const id = await omni().submit({ model: 'gemini-omni-1.1-flash', prompt: 'long one [polls:50]', signal: signal() });
    await omni().cancel(id);
    expect(fake.requestsTo('cancelInteraction')).toHaveLength(1);
    expect((await studioErrorOf(pollToDone(omni(), id))).code).toBe('CANCELLED');
  });

  it('hands a uri delivery to the downloader', async () => {
    const id = await omni().submit({ model: 'gemini-omni-1.1-flash', prompt: 'x [uri]', signal: signal() });
    const output = await pollToDone(omni(), id);
    expect(output.uri).toMatch(/files\/[a-z0-9]+/);
    expect(output.base64).toBeUndefined();
  });
});
