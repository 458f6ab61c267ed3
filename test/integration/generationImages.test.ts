import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { seedUser } from '../support/seed';
import { type GenerationRig, filesUnder, startGenerationRig } from '../support/generationCore';

let rig: GenerationRig;
afterEach(async () => rig?.close());

interface MediaRow {
  id: string;
  rel_path: string;
  thumb_rel_path: string | null;
  user_id: string;
  job_id: string;
  parent_media_id: string | null;
  input_ids: string;
  params: string;
  workstation_host: string;
  provider_ref: string | null;
}
const mediaRows = () => rig.core.services.db.$client.prepare("SELECT * FROM media WHERE kind != 'input' ORDER BY created_at").all() as MediaRow[];

describe('image generation jobs', () => {
  it('makes one image, stores it durably with its thumbnail, and charges one unit', async () => {
    rig = await startGenerationRig();
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'A red fox in the snow', aspectRatio: '16:9', imageSize: '2K' });
    const jobs = await rig.settle();
    const job = jobs.get(jobIds[0]!)!;
    expect(job.status).toBe('succeeded');
    expect(job.results).toHaveLength(1);
    const [row] = mediaRows();
    expect(row?.job_id).toBe(job.id);
    expect(fs.readFileSync(path.join(rig.dataDir, row!.rel_path)).subarray(1, 4).toString()).toBe('PNG');
    expect(row?.thumb_rel_path && fs.existsSync(path.join(rig.dataDir, row.thumb_rel_path))).toBe(true);
    expect(row?.workstation_host).toBe('lab-pc-07');
    expect(JSON.parse(row!.params)).toMatchObject({ aspectRatio: '16:9', imageSize: '2K' });
    expect(await rig.used('image')).toBe(1);
    const body = rig.fake.requestsTo('generateContent')[0]?.body as { generationConfig: unknown };
    expect(body.generationConfig).toMatchObject({ imageConfig: { aspectRatio: '16:9', imageSize: '2K' } });
  });

  it("tells the owner's window everything it needs with events: the job from queued to done, the quota, the new media", async () => {
    rig = await startGenerationRig();
    const heard: { event: string; payload: Record<string, unknown> }[] = [];
    rig.core.events.connect(rig.window, (event, payload) => heard.push({ event, payload: payload as Record<string, unknown> }));
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'A heron on one leg' });
    await rig.settle();
    const jobEvents = heard.filter((h) => h.event === 'job.updated').map((h) => h.payload);
    // the window learns of the new job from an event (no list refetch), queued first, and whole
    expect(jobEvents[0]).toMatchObject({ id: jobIds[0], status: 'queued', prompt: 'A heron on one leg' });
    expect(jobEvents.at(-1)).toMatchObject({ id: jobIds[0], status: 'succeeded', results: [{ id: expect.any(String) }] });
    const quotas = heard
      .filter((h) => h.event === 'quota.changed')
      .map((h) => (h.payload.status as { kinds: { image: { used: number } } }).kinds.image.used);
    expect(quotas.at(-1)).toBe(1);
    expect(heard.filter((h) => h.event === 'media.created')).toHaveLength(1);
  });

  it('makes four images with four requests, keeps all four, and charges four', async () => {
    rig = await startGenerationRig();
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'Four lighthouses', count: 4 });
    expect(jobIds).toHaveLength(4);
    const jobs = await rig.settle();
    expect(jobIds.map((id) => jobs.get(id)?.status)).toEqual(['succeeded', 'succeeded', 'succeeded', 'succeeded']);
    expect(rig.fake.requestsTo('generateContent')).toHaveLength(4);
    const rows = mediaRows();
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => fs.readFileSync(path.join(rig.dataDir, r.rel_path)).toString('base64'))).size).toBe(4);
    expect(await rig.used('image')).toBe(4);
  });

  it('keeps the real image and skips the thought image the model sends first', async () => {
    rig = await startGenerationRig();
    await rig.ok('generation.image.create', { prompt: 'A teapot' });
    await rig.settle();
    const response = rig.fake.requestsTo('generateContent');
    expect(response).toHaveLength(1);
    const [row] = mediaRows();
    const saved = fs.readFileSync(path.join(rig.dataDir, row!.rel_path));
    // the fake's thought image is 16×16; the real one is the default 64×64 pattern
    expect(saved.readUInt32BE(16)).toBe(64);
  });

  it('sends an edit with the source and a reference as inline parts, in order, and links the result to its source', async () => {
    rig = await startGenerationRig();
    const source = await rig.importPng(1);
    const reference = await rig.importPng(2);
    await rig.ok('generation.image.edit', { sourceId: source, prompt: 'Put the hat from image 2 on the cat', referenceIds: [reference] });
    const jobs = [...(await rig.settle()).values()];
    expect(jobs[0]?.status).toBe('succeeded');
    const parts = (
      rig.fake.requestsTo('generateContent')[0]?.body as {
        contents: { parts: { text?: string; inlineData?: { mimeType: string; data: string } }[] }[];
      }
    ).contents[0]!.parts;
    expect(parts.map((p) => (p.text ? 'text' : p.inlineData?.mimeType))).toEqual(['text', 'image/png', 'image/png']);
    const stored = (id: string) =>
      (rig.core.services.db.$client.prepare('SELECT rel_path FROM media WHERE id = ?').get(id) as { rel_path: string }).rel_path;
    expect(Buffer.from(parts[1]!.inlineData!.data, 'base64').equals(fs.readFileSync(path.join(rig.dataDir, stored(source))))).toBe(true);
    expect(Buffer.from(parts[2]!.inlineData!.data, 'base64').equals(fs.readFileSync(path.join(rig.dataDir, stored(reference))))).toBe(true);
    const [result] = mediaRows();
    expect(result?.parent_media_id).toBe(source);
    expect(JSON.parse(result!.input_ids)).toEqual([source, reference]);
    expect(await rig.used('edit')).toBe(1);
    expect(await rig.used('image')).toBe(0);
  });

  it.each([
    ['[400]', 'failed', 'PROVIDER_ERROR'],
    ['[503-html]', 'failed', 'PROVIDER_ERROR'],
    ['[block]', 'blocked', 'CONTENT_BLOCKED'],
    ['[image-safety]', 'blocked', 'CONTENT_BLOCKED'],
    ['[text-only]', 'failed', 'PROVIDER_ERROR'],
  ])('gives the unit back when Google answers %s (job %s, %s)', async (trigger, status, code) => {
    rig = await startGenerationRig();
    const { jobIds } = await rig.ok('generation.image.create', { prompt: `A fox ${trigger}` });
    const job = (await rig.settle()).get(jobIds[0]!)!;
    expect(job).toMatchObject({ status, errorCode: code });
    expect(job.errorMessage).toBeTruthy();
    expect(await rig.used('image')).toBe(0);
    expect(mediaRows()).toEqual([]);
    expect(rig.fake.requestsTo('generateContent')).toHaveLength(1); // never retried
  });

  it('marks the jobs of one click as one request, and another click as another', async () => {
    rig = await startGenerationRig();
    const four = await rig.ok('generation.image.create', { prompt: 'Four lighthouses', count: 4, idempotencyKey: 'click-aaaa-1' });
    const one = await rig.ok('generation.image.create', { prompt: 'One lighthouse', idempotencyKey: 'click-bbbb-2' });
    const jobs = await rig.settle();
    expect(new Set(four.jobIds.map((id) => jobs.get(id)?.requestId))).toEqual(new Set(['click-aaaa-1']));
    expect(jobs.get(one.jobIds[0]!)?.requestId).toBe('click-bbbb-2');
    const listed = (await rig.ok('jobs.list', { limit: 30 })).items;
    expect(listed.filter((j) => j.requestId === 'click-aaaa-1')).toHaveLength(4);
  });

  it('tells when a rate-limited job starts again (Google said 17 s), and nothing for other failures', async () => {
    rig = await startGenerationRig();
    const limited = await rig.ok('generation.image.create', { prompt: 'A fox [429]' });
    const refused = await rig.ok('generation.image.create', { prompt: 'A fox [400]' });
    const jobs = await rig.settle();
    const job = jobs.get(limited.jobIds[0]!)!;
    // a 429 is a refusal Google does not bill: the job waits (test/integration/fairQueue.test.ts)
    expect(job).toMatchObject({ status: 'queued', waitingFor: 'rateLimit' });
    expect(job.retryAt).toBe(rig.clock.now() + 17_000);
    expect(jobs.get(refused.jobIds[0]!)?.retryAt).toBeNull();
    const listed = (await rig.ok('jobs.list', { limit: 30 })).items.find((j) => j.id === job.id);
    expect(listed?.retryAt).toBe(job.retryAt);
  });

  it('reports a rejected key on the job and gives the unit back', async () => {
    rig = await startGenerationRig({ overrides: { env: { GEMINI_API_KEY: 'AIzaWRONG-key-0000000000000000000' } } });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'A fox' });
    const job = (await rig.settle()).get(jobIds[0]!)!;
    expect(job).toMatchObject({ status: 'failed', errorCode: 'INVALID_API_KEY' });
    expect(await rig.used('image')).toBe(0);
  });

  it.each(['cut-off', 'bad-crc'] as const)(
    'fails a job whose image arrives damaged (%s) with a clear message, and keeps no file or item of it',
    async (damage) => {
      rig = await startGenerationRig();
      rig.fake.script({ on: 'generateContent', image: { kind: 'pattern', width: 256, height: 256, damage } });
      const { jobIds } = await rig.ok('generation.image.create', { prompt: 'A fox in fog' });
      const job = (await rig.settle()).get(jobIds[0]!)!;
      expect(job).toMatchObject({ status: 'failed', errorCode: 'VALIDATION_FAILED', results: [] });
      expect(job.errorMessage).toMatch(/could not be read: the file is damaged/);
      expect(mediaRows()).toEqual([]);
      expect(filesUnder(rig.dataDir, 'media')).toEqual([]);
    },
  );

  it('refuses four images when two remain, before anything is reserved or sent', async () => {
    rig = await startGenerationRig();
    const adminId = seedUser(rig.core, { role: 'admin' });
    rig.core.services.db.$client.prepare('INSERT INTO user_manager (admin_id, user_id, created_at) VALUES (?, ?, 0)').run(adminId, rig.userId);
    rig.core.services.sessions.bind('admin-window', adminId);
    await rig.core.router.dispatch({ transportId: 'admin-window' }, 'quotas.set', {
      userIds: [rig.userId],
      policies: { image: { period: 'daily', limit: 5 } },
    });
    await rig.ok('generation.image.create', { prompt: 'three first', count: 3 });
    await rig.settle();
    const refused = await rig.call(rig.window, 'generation.image.create', { prompt: 'four more', count: 4 });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'QUOTA_EXCEEDED', message: expect.stringMatching(/^Quota exceeded for image\. Used: 3\/5\. Resets at /) },
    });
    expect(rig.fake.requestsTo('generateContent')).toHaveLength(3);
    expect(await rig.used('image')).toBe(3);
    expect((await rig.settle()).size).toBe(3);
  });

  it('turns a double click (same key) into one set of jobs', async () => {
    rig = await startGenerationRig();
    const first = await rig.ok('generation.image.create', { prompt: 'Twice', count: 2, idempotencyKey: 'click-0001' });
    const second = await rig.ok('generation.image.create', { prompt: 'Twice', count: 2, idempotencyKey: 'click-0001' });
    expect(second.jobIds).toEqual(first.jobIds);
    await rig.settle();
    expect(rig.fake.requestsTo('generateContent')).toHaveLength(2);
    expect(await rig.used('image')).toBe(2);
  });

  it('cancels an image while Google is working on it and gives the unit back', async () => {
    rig = await startGenerationRig();
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'slow fox [slow]' });
    while (rig.fake.requestsTo('generateContent').length === 0) await new Promise((r) => setTimeout(r, 5));
    const { job } = await rig.ok('jobs.cancel', { jobId: jobIds[0]! });
    const final = (await rig.settle()).get(jobIds[0]!)!;
    expect([job.status, final.status]).toContain('cancelled');
    expect(final.status).toBe('cancelled');
    expect(await rig.used('image')).toBe(0);
  });

  it('fails a request that outlives its time budget as TIMEOUT and gives the unit back', async () => {
    rig = await startGenerationRig({ overrides: { jobTimings: { imageTimeoutMs: 150, pollIntervalMs: 10 } } });
    const { jobIds } = await rig.ok('generation.image.create', { prompt: 'slow [slow]' });
    expect((await rig.settle()).get(jobIds[0]!)).toMatchObject({ status: 'failed', errorCode: 'TIMEOUT' });
    expect(await rig.used('image')).toBe(0);
  });

  it('refuses to start without an API key, reserving nothing', async () => {
    rig = await startGenerationRig({ overrides: { env: {} } });
    expect(await rig.call(rig.window, 'generation.image.create', { prompt: 'x' })).toMatchObject({ ok: false, error: { code: 'NO_API_KEY' } });
    expect(await rig.used('image')).toBe(0);
    expect((await rig.settle()).size).toBe(0);
  });

  it('refuses an input image that belongs to someone else, as if it did not exist', async () => {
    rig = await startGenerationRig();
    const mine = await rig.importPng(1);
    const strangerId = seedUser(rig.core, { email: 'stranger@lab.org' });
    rig.core.services.sessions.bind('stranger-window', strangerId);
    const result = await rig.core.router.dispatch({ transportId: 'stranger-window' }, 'generation.image.edit', {
      sourceId: mine,
      prompt: 'steal it',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(rig.fake.requestsTo('generateContent')).toHaveLength(0);
  });

  it('refuses what the model cannot do, naming the field', async () => {
    rig = await startGenerationRig();
    expect(await rig.call(rig.window, 'generation.image.create', { prompt: 'x', model: 'imagen-4.0-generate-001' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'model' }] } },
    });
    expect(
      await rig.call(rig.window, 'generation.image.create', { prompt: 'x', model: 'gemini-3.1-flash-lite-image', imageSize: '4K' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED', details: { issues: [{ path: 'imageSize' }] } },
    });
    expect(await rig.call(rig.window, 'generation.image.create', { prompt: 'x', count: 5 })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION_FAILED' },
    });
  });

  it('records who made it from which workstation, on the job and the media', async () => {
    rig = await startGenerationRig();
    await rig.ok('generation.image.create', { prompt: 'tracked' });
    await rig.settle();
    const job = rig.core.services.db.$client.prepare('SELECT * FROM job').get() as Record<string, unknown>;
    expect(job).toMatchObject({
      user_id: rig.userId,
      workstation_host: 'lab-pc-07',
      workstation_user: 'student',
      workstation_ip: '10.0.0.7',
      model: 'gemini-nano-banana-2.1',
    });
    expect(job.submitted_at).toBeTypeOf('number');
    expect(job.response_id).toBeTruthy();
  });
});
