// The file download endpoint, driven with plain fetch (the app writes its own
// downloader because the SDK's crashes on mid-body errors, docs/generation-and-jobs.md).
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixtureMp4 } from './fixtures.ts';
import { startFakeGemini, type FakeGemini } from './server.ts';
import { rejectionOf } from './test-helpers.ts';

let fake: FakeGemini;

beforeAll(async () => {
  fake = await startFakeGemini();
});
afterEach(() => fake.reset());
afterAll(() => fake.close());

function download(id: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${fake.baseUrl}/v1beta/files/${id}:download?alt=media`, { ...init, headers: { 'x-goog-api-key': fake.apiKey } });
}

/** fetch body → pipeline, like the app's downloader; resolves to the bytes. */
async function pipeBody(res: Response, signal?: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      chunks.push(chunk);
      cb();
    },
  });
  await pipeline(Readable.fromWeb(res.body as unknown as NodeReadableStream), sink, signal ? { signal } : {});
  return Buffer.concat(chunks);
}

describe('download', () => {
  it('serves the real MP4 with content-type and content-length', async () => {
    const { id, uri } = fake.addFile();
    expect(uri).toBe(`https://generativelanguage.googleapis.com/v1beta/files/${id}:download?alt=media`);
    const res = await download(id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(Number(res.headers.get('content-length'))).toBe(fixtureMp4().length);
    expect((await pipeBody(res)).equals(fixtureMp4())).toBe(true);
  });

  it('follows a 302 to a local blob path (fetch re-sends the key same-origin)', async () => {
    const { id } = fake.addFile(undefined, 'redirect');
    const res = await download(id);
    expect(res.status).toBe(200);
    expect(res.redirected).toBe(true);
    expect(new URL(res.url).pathname).toBe(`/fake-blob/${id}`);
    expect(Buffer.from(await res.arrayBuffer()).equals(fixtureMp4())).toBe(true);
    expect(fake.requests.map((r) => r.endpoint)).toEqual(['download', 'blob']);
    expect(fake.requests[0]?.status).toBe(302);
  });

  it('connection reset mid-body: headers arrive, then the body stream errors', async () => {
    const { id } = fake.addFile(undefined, 'reset-body');
    const res = await download(id);
    expect(res.status).toBe(200);
    const err = await rejectionOf(pipeBody(res));
    expect(err).toBeInstanceOf(Error);
    // undici reports a peer close as TypeError('terminated') with a SocketError cause.
    expect(String((err as Error).message)).toMatch(/terminated|other side closed|aborted/i);
  });

  it('a scripted reset applies to one download only', async () => {
    const { id } = fake.addFile();
    fake.script({ on: 'download', reply: 'reset-body' });
    await expect(download(id).then((r) => pipeBody(r))).rejects.toBeInstanceOf(Error);
    expect((await pipeBody(await download(id))).equals(fixtureMp4())).toBe(true);
  });

  it('slow body + abort mid-body rejects the pipeline', async () => {
    const { id } = fake.addFile();
    fake.script({ on: 'download', reply: 'slow-body', bodyDelayMs: 30_000 });
    const ac = new AbortController();
    const res = await download(id, { signal: ac.signal });
    expect(res.status).toBe(200);
    const piping = pipeBody(res, ac.signal);
    ac.abort();
    const err = await rejectionOf(piping);
    expect((err as Error).name).toBe('AbortError');
  });

  it('slow body completes when left alone', async () => {
    const { id } = fake.addFile();
    fake.script({ on: 'download', reply: 'slow-body', bodyDelayMs: 50 });
    expect((await pipeBody(await download(id))).equals(fixtureMp4())).toBe(true);
  });

  it('Veo jobs carry download behaviour from prompt triggers', async () => {
    const submit = await fetch(`${fake.baseUrl}/v1beta/models/veo-3.1-fast-generate-preview:predictLongRunning`, {
      method: 'POST',
      headers: { 'x-goog-api-key': fake.apiKey, 'content-type': 'application/json' },
      body: JSON.stringify({ instances: [{ prompt: 'x [reset-body] [polls:0]' }] }),
    });
    const { name } = (await submit.json()) as { name: string };
    const poll = await fetch(`${fake.baseUrl}/v1beta/${name}`, { headers: { 'x-goog-api-key': fake.apiKey } });
    const done = (await poll.json()) as { response: { generateVideoResponse: { generatedSamples: Array<{ video: { uri: string } }> } } };
    const id = /files\/([a-z0-9]+):/.exec(done.response.generateVideoResponse.generatedSamples[0]!.video.uri)![1]!;
    await expect(download(id).then((r) => pipeBody(r))).rejects.toBeInstanceOf(Error);
  });

  it('errors before the body: unknown file 404, missing alt=media 400, no key 403, scripted 500', async () => {
    expect((await download('nosuchfile')).status).toBe(404);
    const { id } = fake.addFile();
    const noAlt = await fetch(`${fake.baseUrl}/v1beta/files/${id}:download`, { headers: { 'x-goog-api-key': fake.apiKey } });
    expect(noAlt.status).toBe(400);
    expect((await fetch(`${fake.baseUrl}/v1beta/files/${id}:download?alt=media`)).status).toBe(403);
    // `?key=` works like the header, as on Google's API.
    expect((await fetch(`${fake.baseUrl}/v1beta/files/${id}:download?alt=media&key=${fake.apiKey}`)).status).toBe(200);
    fake.script({ on: 'download', reply: '500' });
    const res = await download(id);
    expect(res.status).toBe(500);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});
