import { isStudioError, StudioError } from '../../../../shared/contract/errors';
import { IMPORT_MAX_BYTES } from '../../../../shared/domain/media';
import { call } from '../../ipc/client';
import type { PickedImage } from './pickedImage';

export type { PickedImage };

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * Sends a dropped or picked file to main, which sniffs and stores it as an input. The browser's
 * declared type only filters the obvious; main decides from the bytes. The file travels as bytes
 * (a Uint8Array the transport copies as it is), never as base64 text a third larger.
 */
export async function importImageFile(file: File): Promise<PickedImage> {
  if (file.type && !ACCEPTED.includes(file.type)) {
    throw new StudioError('VALIDATION_FAILED', `${file.name} is not a PNG, JPEG or WebP image; only those can be used.`);
  }
  // main refuses it too; saying so here spares reading and sending a file that cannot be used
  if (file.size > IMPORT_MAX_BYTES) throw new StudioError('VALIDATION_FAILED', tooLargeMessage(file.name, file.size));
  const bytes = await readBytes(file);
  try {
    // a generator's input: kept out of the gallery until a job uses it (docs/media.md)
    const stored = await call('media.import', { bytes, fileName: file.name, purpose: 'input' });
    return { id: stored.id, thumbUrl: stored.thumbUrl, url: stored.mediaUrl, name: file.name };
  } catch (error) {
    // main's words, with the file they are about: several files may be refused at once
    if (isStudioError(error)) throw new StudioError(error.code, `${file.name} could not be added: ${error.message}`, error.details);
    throw error;
  }
}

const MB = 1024 * 1024;

/**
 * "holiday.png is 27 MB; the limit is 20 MB." Whole megabytes, except just over the limit, where
 * rounding would make the file look as large as the limit ("20.3 MB").
 */
export function tooLargeMessage(name: string, bytes: number, limit = IMPORT_MAX_BYTES): string {
  const whole = Math.round(bytes / MB);
  const size = whole > limit / MB ? `${whole}` : (Math.ceil((bytes / MB) * 10 - 1e-9) / 10).toFixed(1);
  return `${name} is ${size} MB; the limit is ${Math.round(limit / MB)} MB.`;
}

async function readBytes(file: File): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new StudioError('VALIDATION_FAILED', `${file.name} could not be read.`);
  }
}
