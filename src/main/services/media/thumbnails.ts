import { spawn } from 'node:child_process';
import sharp from 'sharp';

/** Thumbnails fit in this square: two tiles' worth on a high-density screen, a few KB each. */
export const THUMB_SIZE = 384;
/**
 * Refuse to decode images above this many pixels (a "decompression bomb" is a small file that
 * expands to gigabytes). 8192 × 8192 is twice the largest Gemini output in each direction.
 */
export const MAX_INPUT_PIXELS = 8192 * 8192;

export interface ImageFacts {
  width: number;
  height: number;
  /** sharp's name for the decoded format: 'png', 'jpeg', 'webp', … */
  format: string;
  thumbnail: Buffer;
}

/**
 * An image's displayed size (EXIF rotation applied) and format from its header alone, without
 * decoding the pixels (≈ 1 ms). Refuses a header that claims more than MAX_INPUT_PIXELS.
 */
export async function readImageHeader(input: Buffer | string): Promise<Omit<ImageFacts, 'thumbnail'>> {
  const meta = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS }).metadata();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height || !meta.format) throw new Error('image has no dimensions');
  if (width * height > MAX_INPUT_PIXELS) throw new Error(`image of ${width}×${height} pixels is too large`);
  return { width, height, format: meta.format };
}

/**
 * Decodes the whole image (a truncated or corrupt file fails here, not later in the gallery),
 * reads its displayed size (EXIF rotation applied) and makes a small WebP thumbnail.
 */
export async function inspectImage(input: Buffer | string): Promise<ImageFacts> {
  const open = () => sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'warning' });
  const meta = await open().metadata();
  // A second instance, not `.clone()`: clone structured-clones the input buffer on the main thread
  // (≈ 8 ms for a 2K PNG, measured in bench/image.bench.ts), a fresh instance just refers to it.
  const thumbnail = await open()
    .rotate()
    .resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 72 })
    .toBuffer();
  const width = meta.autoOrient?.width ?? meta.width;
  const height = meta.autoOrient?.height ?? meta.height;
  if (!width || !height || !meta.format) throw new Error('image has no dimensions');
  return { width, height, format: meta.format, thumbnail };
}

export interface VideoFacts {
  width: number | null;
  height: number | null;
  durationMs: number | null;
  /** WebP poster made from the first frame */
  poster: Buffer;
}

/**
 * Takes the first frame of a video with ffmpeg (piped out as PNG, then made a WebP thumbnail like
 * an image's) and reads size and duration from ffmpeg's description of the input.
 */
export async function inspectVideo(file: string, ffmpegPath: string, timeoutMs = 30_000): Promise<VideoFacts> {
  const { stdout, stderr } = await run(
    ffmpegPath,
    ['-hide_banner', '-nostdin', '-i', file, '-frames:v', '1', '-f', 'image2pipe', '-vcodec', 'png', '-'],
    timeoutMs,
  );
  if (stdout.length === 0) throw new Error(`ffmpeg produced no frame: ${stderr.slice(-300)}`);
  const poster = await sharp(stdout)
    .resize({ width: THUMB_SIZE, height: THUMB_SIZE, fit: 'inside', withoutEnlargement: true })
    .webp({ quality: 72 })
    .toBuffer();
  return { ...parseFfmpegDescription(stderr), poster };
}

/** Reads `Duration: 00:00:08.00` and the first `Video: …, 1280x720` from ffmpeg's stderr. */
export function parseFfmpegDescription(text: string): { width: number | null; height: number | null; durationMs: number | null } {
  const duration = /Duration:\s*(\d+):(\d{2}):(\d{2}(?:\.\d+)?)/.exec(text);
  const size = /Stream #[^\n]*Video:[^\n]*?\b(\d{2,5})x(\d{2,5})\b/.exec(text);
  return {
    durationMs: duration ? Math.round((Number(duration[1]) * 3600 + Number(duration[2]) * 60 + Number(duration[3])) * 1000) : null,
    width: size ? Number(size[1]) : null,
    height: size ? Number(size[2]) : null,
  };
}

function run(command: string, args: string[], timeoutMs: number): Promise<{ stdout: Buffer; stderr: string }> {
  return new Promise((resolve, reject) => {
    // ffmpeg needs no secrets: the app's environment may carry GEMINI_API_KEY or the provisioning
    // admin password, so the child gets only what it needs to run
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true, env: minimalEnv() });
    const out: Buffer[] = [];
    let err = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => {
      if (err.length < 64_000) err += chunk.toString();
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve({ stdout: Buffer.concat(out), stderr: err });
      else reject(new Error(`ffmpeg exited with ${code}: ${err.slice(-300)}`));
    });
  });
}

function minimalEnv(): NodeJS.ProcessEnv {
  const keep = ['PATH', 'SystemRoot', 'TEMP', 'TMP', 'TMPDIR', 'LANG'];
  return Object.fromEntries(keep.filter((k) => process.env[k] !== undefined).map((k) => [k, process.env[k]]));
}
