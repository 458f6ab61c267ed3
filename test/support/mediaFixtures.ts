import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { bundledFfmpegPath } from '../../src/main/services/media/ffmpegPath';

/** A real PNG (or JPEG/WebP) of the given size and colour, made by sharp. */
export async function makeImage(
  options: { width?: number; height?: number; format?: 'png' | 'jpeg' | 'webp'; color?: string } = {},
): Promise<Buffer> {
  const image = sharp({
    create: { width: options.width ?? 64, height: options.height ?? 48, channels: 3, background: options.color ?? '#3366cc' },
  });
  const format = options.format ?? 'png';
  return format === 'png' ? image.png().toBuffer() : format === 'jpeg' ? image.jpeg().toBuffer() : image.webp().toBuffer();
}

/**
 * A one-second clip of ffmpeg's test pattern, written to `file` by the bundled ffmpeg, in the codec
 * and container `codecArgs` ask for.
 */
export function makeTestClip(file: string, { size, codecArgs }: { size: string; codecArgs: string[] }): void {
  const ffmpeg = bundledFfmpegPath();
  if (!ffmpeg) throw new Error('no bundled ffmpeg');
  execFileSync(ffmpeg, [
    '-hide_banner',
    '-loglevel',
    'error',
    '-f',
    'lavfi',
    '-i',
    `testsrc=duration=1:size=${size}:rate=10`,
    ...codecArgs,
    '-y',
    file,
  ]);
}

/** A one-second MP4 made with the bundled ffmpeg (test pattern, 64×48). */
export function makeMp4(): Buffer {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'studio-mp4-')), 'clip.mp4');
  makeTestClip(file, { size: '64x48', codecArgs: ['-c:v', 'mpeg4', '-f', 'mp4'] });
  const bytes = fs.readFileSync(file);
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return bytes;
}

/** Every file under the data folder's media tree, relative, with `/`. */
export function listMediaFiles(dataDir: string): string[] {
  const root = path.join(dataDir, 'media');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.relative(dataDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'))
    .sort();
}
