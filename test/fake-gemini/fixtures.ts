// Committed binary fixtures. The MP4 is a real, playable H.264 + AAC clip
// (command in README.md) so the app's player, thumbnailer and size checks
// run against something a browser can actually decode.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const MP4_FIXTURE_PATH = fileURLToPath(new URL('./fixtures/video-2s-320x180.mp4', import.meta.url));

let cached: Buffer | undefined;

/** The fixture's bytes (read once). */
export function fixtureMp4(): Buffer {
  cached ??= readFileSync(MP4_FIXTURE_PATH);
  return cached;
}
