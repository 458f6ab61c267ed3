import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { JobDto } from '../../src/shared/contract/routes/generation';
import { downloadToTempFile, writeInlineToTempFile } from '../../src/main/services/gemini/download';
import { fixtureMp4 } from '../fake-gemini/fixtures';
import { makePatternPng } from '../fake-gemini/images';
import { type FakeGemini, startFakeGemini } from '../fake-gemini/server';
import { type GenerationRig, startGenerationRig } from '../support/generationCore';
import { makeTempDir } from '../support/tempDir';
import { type TinyDisk, mountTinyDisk, tinyDiskAvailable } from '../support/tinyDisk';
import { studioErrorOf } from '../support/studioErrorOf';

// Disk-full and read-only are real here: a 2 MB tmpfs that fills up, remounted read-only. That needs
// root (the container the suite runs in is); elsewhere these cases skip rather than fake the disk.
const onRealDisk = it.skipIf(!tinyDiskAvailable);

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function tempDir(): string {
  const temp = makeTempDir('storage-faults-');
  cleanups.push(temp.cleanup);
  return temp.dir;
}

function tinyDisk(dir: string): TinyDisk {
  const disk = mountTinyDisk(dir);
  cleanups.push(() => disk.unmount());
  return disk;
}

/** A stand-in for Google's file host: answers every download with `headers` and `body`. */
async function fileHost(headers: Record<string, string>, body: Buffer): Promise<string> {
  const server = http.createServer((_req, res) => {
    res.writeHead(200, headers);
    res.write(body);
    // a 2 GB promise is never kept: the socket stays open until the client gives up
    if (Number(headers['content-length']) === body.length) res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const GB = 1024 ** 3;
const download = (baseUrl: string, tempDir: string, maxBytes = GB) =>
  downloadToTempFile({
    uri: 'https://example.invalid/v1beta/files/abc123:download?alt=media',
    apiKey: 'k',
    baseUrl,
    tempDir,
    signal: new AbortController().signal,
    timeoutMs: 5_000,
    maxBytes,
  });

describe('video size limits', () => {
  it('refuses a download that declares 2 GB by naming the limit, not the network', async () => {
    const dir = tempDir();
    const baseUrl = await fileHost({ 'content-type': 'video/mp4', 'content-length': String(2 * GB) }, Buffer.alloc(1024));
    const error = await studioErrorOf(download(baseUrl, dir));
    expect(error.message).toMatch(/larger than the studio's limit of 1 GB/);
    expect(error.message).toMatch(/\(2 GB\)/);
    expect(error.message).not.toMatch(/reach Google|network/i);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('refuses an inline result over the limit before decoding it, and leaves no file', async () => {
    const dir = tempDir();
    const error = await studioErrorOf(
      writeInlineToTempFile({ base64: 'A'.repeat(4 * 1024 * 1024), tempDir: dir, maxBytes: 1024 * 1024, signal: new AbortController().signal }),
    );
    expect(error.message).toMatch(/larger than the studio's limit of 1 MB/);
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('decodes a large inline result in steps to exactly the bytes Google sent, line breaks and all', async () => {
    const dir = tempDir();
    const bytes = Buffer.alloc(9 * 1024 * 1024 + 7);
    for (let i = 0; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    const plain = bytes.toString('base64');
    for (const base64 of [plain, plain.replace(/(.{76})/g, '$1\n')]) {
      const written = await writeInlineToTempFile({ base64, tempDir: dir, maxBytes: GB, signal: new AbortController().signal });
      expect(written.bytes).toBe(bytes.length);
      expect(fs.readFileSync(written.file).equals(bytes)).toBe(true);
      fs.rmSync(written.file);
    }
  });

  it('fails an Omni job whose inline video is over the limit with a message naming it, and gives the unit back', async () => {
    const fake = await startFakeGemini({ pendingPolls: 1 });
    cleanups.push(() => fake.close());
    const rig = await startGenerationRig({
      fake,
      overrides: {
        jobTimings: { pollIntervalMs: 10, imageTimeoutMs: 5_000, maxVideoWaitMs: 30_000, downloadTimeoutMs: 5_000, maxVideoBytes: 4 * 1024 },
      },
    });
    cleanups.push(() => rig.close());
    const job = await videoJob(rig);
    expect(job).toMatchObject({ status: 'failed', errorMessage: expect.stringMatching(/larger than the studio's limit of 4 KB/) });
    expect(await rig.used('video')).toBe(0);
  });
});

async function videoJob(rig: GenerationRig, prompt = 'A paper boat'): Promise<JobDto> {
  const { jobIds } = await rig.ok('generation.video.create', { prompt });
  return (await rig.settle()).get(jobIds[0]!)!;
}

describe('a full disk', () => {
  onRealDisk('is named when a download has no room, never blamed on Google, and no partial file stays', async () => {
    const disk = tinyDisk(tempDir());
    const baseUrl = await fileHost({ 'content-type': 'video/mp4', 'content-length': String(3 * 1024 * 1024) }, Buffer.alloc(3 * 1024 * 1024, 7));
    const error = await studioErrorOf(download(baseUrl, disk.dir));
    expect(error.code).toBe('DISK_FULL');
    expect(error.message).toMatch(/disk is full/);
    expect(error.message).not.toMatch(/Google/);
    expect(fs.readdirSync(disk.dir)).toEqual([]);
  });

  onRealDisk('is named when an inline video has no room', async () => {
    const disk = tinyDisk(tempDir());
    const error = await studioErrorOf(
      writeInlineToTempFile({
        base64: Buffer.alloc(3 * 1024 * 1024, 9).toString('base64'),
        tempDir: disk.dir,
        maxBytes: GB,
        signal: new AbortController().signal,
      }),
    );
    expect(error.code).toBe('DISK_FULL');
    expect(fs.readdirSync(disk.dir)).toEqual([]);
  });

  onRealDisk('fails a video job with DISK_FULL and gives the unit back; an import answers DISK_FULL', async () => {
    const dataDir = tempDir();
    const disk = tinyDisk(path.join(dataDir, 'media'));
    const fake: FakeGemini = await startFakeGemini({ pendingPolls: 1 });
    cleanups.push(() => fake.close());
    const rig = await startGenerationRig({ fake, dataDir });
    cleanups.push(() => rig.close());
    disk.fill();

    const job = await videoJob(rig);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'DISK_FULL', errorMessage: expect.stringMatching(/disk is full/) });
    expect(job.errorMessage).not.toMatch(/Google/);
    expect(await rig.used('video')).toBe(0);

    const imported = await rig.call(rig.window, 'media.import', { bytes: new Uint8Array(makePatternPng(64, 64, 3)) });
    expect(imported).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/disk is full/) } });
  });
});

describe('a full disk under the database', () => {
  onRealDisk('answers generate, import and sign-in with DISK_FULL, not INTERNAL, and works again once there is room', async () => {
    const disk = tinyDisk(tempDir());
    const fake = await startFakeGemini({ pendingPolls: 1 });
    cleanups.push(() => fake.close());
    const rig = await startGenerationRig({ fake, dataDir: disk.dir });
    cleanups.push(() => rig.close());
    disk.fill();

    const answers = [
      await rig.call(rig.window, 'generation.image.create', { prompt: 'A lighthouse' }),
      await rig.call(rig.window, 'generation.video.create', { prompt: 'A lighthouse' }),
      await rig.call(rig.window, 'media.import', { bytes: new Uint8Array(makePatternPng(64, 64, 3)) }),
      await rig.call('someone-else', 'auth.login', { email: 'maker@lab.org', password: 'not-the-password-1' }),
    ];
    for (const answer of answers) {
      expect(answer).toMatchObject({ ok: false, error: { code: 'DISK_FULL', message: expect.stringMatching(/disk is full/) } });
    }
    expect(await rig.used('image')).toBe(0);

    fs.rmSync(path.join(disk.dir, '.filler'));
    expect((await rig.call(rig.window, 'generation.image.create', { prompt: 'A lighthouse' })).ok).toBe(true);
  });
});

describe('a read-only media folder', () => {
  onRealDisk('answers an import with STORAGE_UNWRITABLE and fails a video job the same way', async () => {
    const dataDir = tempDir();
    const disk = tinyDisk(path.join(dataDir, 'media'));
    const fake = await startFakeGemini({ pendingPolls: 1 });
    cleanups.push(() => fake.close());
    const rig = await startGenerationRig({ fake, dataDir });
    cleanups.push(() => rig.close());
    disk.readOnly();

    const imported = await rig.call(rig.window, 'media.import', { bytes: new Uint8Array(makePatternPng(64, 64, 3)) });
    expect(imported).toMatchObject({
      ok: false,
      error: { code: 'STORAGE_UNWRITABLE', message: expect.stringMatching(/cannot write to its media folder/) },
    });

    const job = await videoJob(rig);
    expect(job).toMatchObject({ status: 'failed', errorCode: 'STORAGE_UNWRITABLE' });
    expect(await rig.used('video')).toBe(0);

    disk.writable();
    expect((await rig.call(rig.window, 'media.import', { bytes: new Uint8Array(makePatternPng(64, 64, 3)) })).ok).toBe(true);
  });
});

describe('the fixture', () => {
  it('is small enough for the 2 MB disk to be the limit, not the video', () => {
    expect(fixtureMp4().length).toBeLessThan(1024 * 1024);
  });
});
