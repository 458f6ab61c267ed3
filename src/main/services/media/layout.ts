import path from 'node:path';

/**
 * Where media files live and how they are named (docs/media.md): `media/<yyyy>/<mm>/<id>.<ext>` under the
 * data folder, the thumbnail beside it as `<id>.thumb.webp`. Names come from generated ids, never
 * from prompts or imported file names.
 *
 * The year/month folder follows UTC, not the workstation's zone: a folder name then never depends on
 * a daylight-saving switch or a machine moved between zones, and it is only a way to keep folders
 * small (nothing reads the date back from the path; the row's `created_at` is the truth).
 *
 * Relative paths in the database always use `/`, so a data folder copied between Windows and Linux
 * still resolves.
 */
export const MEDIA_DIR = 'media';
/** downloads in progress (videos) land here first, on the same disk, so the final move is a rename */
export const STAGING_DIR = '.staging';
export const THUMB_SUFFIX = '.thumb.webp';

const ID = '[A-Za-z0-9_-]{1,64}';
const ORIGINAL_NAME = new RegExp(`^(${ID})\\.(png|jpg|webp|mp4|webm)$`);
const THUMB_NAME = new RegExp(`^(${ID})\\.thumb\\.webp$`);
const TEMP_NAME = /^\..*\.tmp$/;

export function mediaRootOf(dataDir: string): string {
  return path.join(dataDir, MEDIA_DIR);
}

/** `media/2026/11` for a time in November 2026 (UTC). */
export function monthFolder(now: number): string {
  const date = new Date(now);
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  return `${MEDIA_DIR}/${date.getUTCFullYear()}/${month}`;
}

export function originalRelPath(id: string, ext: string, now: number): string {
  return `${monthFolder(now)}/${id}.${ext}`;
}

export function thumbRelPath(id: string, now: number): string {
  return `${monthFolder(now)}/${id}${THUMB_SUFFIX}`;
}

/** A unique hidden name next to the final one: the sweep knows every `.*.tmp` is an interrupted write. */
export function tempNameFor(finalName: string, random: string): string {
  return `.${finalName}.${random}.tmp`;
}

/** The only shape a stored path has: `media/<yyyy>/<mm>/<file name we made>`. */
const STORED_REL_PATH = new RegExp(`^${MEDIA_DIR}/\\d{4}/\\d{2}/[A-Za-z0-9_.-]+$`);

/**
 * Absolute path of a stored relative path (`media/…`, always with `/`). Anything else — `..`, an
 * absolute path, another folder — is refused: a tampered row must not make a delete or a write
 * reach outside the media folder.
 */
export function absoluteOf(dataDir: string, relPath: string): string {
  if (!STORED_REL_PATH.test(relPath) || relPath.split('/').some((part) => part === '..' || part === '.')) {
    throw new Error(`not a stored media path: ${JSON.stringify(relPath.slice(0, 120))}`);
  }
  return path.join(dataDir, ...relPath.split('/'));
}

export type StoredFileName = { type: 'original'; id: string } | { type: 'thumb'; id: string } | { type: 'temp' } | { type: 'unknown' };

/** What a file in a month folder is, judged by its name alone (the sweep never opens files). */
export function classifyFileName(name: string): StoredFileName {
  if (TEMP_NAME.test(name)) return { type: 'temp' };
  const thumb = THUMB_NAME.exec(name);
  if (thumb?.[1]) return { type: 'thumb', id: thumb[1] };
  const original = ORIGINAL_NAME.exec(name);
  if (original?.[1]) return { type: 'original', id: original[1] };
  return { type: 'unknown' };
}
