// Poster frames for the codecs Veo and Omni deliver and people import: H.264 in MP4, VP9 in WebM and
// in MP4, made with the ffmpeg the app ships (media/ffmpegPath.ts). The clips are made at test time
// by that same ffmpeg from its test pattern, a second long and a few KB each.
import fs from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { bundledFfmpegPath } from '../../src/main/services/media/ffmpegPath';
import { sniffMediaType } from '../../src/main/services/media/sniff';
import { inspectVideo, THUMB_SIZE } from '../../src/main/services/media/thumbnails';
import { makeTestClip } from '../support/mediaFixtures';
import { makeTempDir } from '../support/tempDir';

const temp = makeTempDir('studio-posters-');
afterAll(() => temp.cleanup());

const ffmpeg = bundledFfmpegPath();

function makeClip(name: string, codecArgs: string[]): string {
  const file = path.join(temp.dir, name);
  makeTestClip(file, { size: '640x360', codecArgs });
  return file;
}

const CLIPS = [
  { name: 'h264.mp4', codec: 'H.264', args: ['-c:v', 'libx264', '-pix_fmt', 'yuv420p', '-movflags', '+faststart'], mime: 'video/mp4' },
  { name: 'vp9.webm', codec: 'VP9', args: ['-c:v', 'libvpx-vp9', '-b:v', '200k', '-deadline', 'realtime'], mime: 'video/webm' },
  { name: 'vp9.mp4', codec: 'VP9', args: ['-c:v', 'libvpx-vp9', '-b:v', '200k', '-deadline', 'realtime'], mime: 'video/mp4' },
];

describe('video poster frames', () => {
  it('has a bundled ffmpeg on this platform', () => {
    expect(ffmpeg).not.toBeNull();
    expect(fs.existsSync(ffmpeg!)).toBe(true);
  });

  it.each(CLIPS)('makes a poster, the size and the duration of $codec in $name', async ({ name, args, mime }) => {
    const file = makeClip(name, args);
    expect(fs.statSync(file).size).toBeLessThan(50 * 1024);
    // the store accepts it as a video by its bytes
    expect(sniffMediaType(fs.readFileSync(file).subarray(0, 16))?.mimeType).toBe(mime);

    const facts = await inspectVideo(file, ffmpeg!);
    expect(facts).toMatchObject({ width: 640, height: 360, durationMs: 1000 });
    const poster = await sharp(facts.poster).metadata();
    expect(poster).toMatchObject({ format: 'webp', width: THUMB_SIZE, height: 216 });
    // a real frame of the test pattern (colour bars), not a blank image
    const { channels } = await sharp(facts.poster).stats();
    expect(Math.max(...channels.map((c) => c.stdev))).toBeGreaterThan(20);
  });

  it('fails clearly on a file that is not a video', async () => {
    const file = path.join(temp.dir, 'not-a-video.mp4');
    fs.writeFileSync(file, 'this is text');
    await expect(inspectVideo(file, ffmpeg!)).rejects.toThrow(/ffmpeg exited with 1/);
  });
});
