import { StudioError } from '../../../../shared/contract/errors';
import { IMPORT_MAX_BYTES, IMPORT_TOO_LARGE } from '../../../../shared/domain/media';
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
    throw new StudioError('VALIDATION_FAILED', `${file.name}: only PNG, JPEG and WebP images can be used.`);
  }
  // main refuses it too; saying so here spares reading and sending a file that cannot be used
  if (file.size > IMPORT_MAX_BYTES) throw new StudioError('VALIDATION_FAILED', `${file.name}: ${IMPORT_TOO_LARGE}`);
  const bytes = await readBytes(file);
  const stored = await call('media.import', { bytes, fileName: file.name });
  return { id: stored.id, thumbUrl: stored.thumbUrl, url: stored.mediaUrl, name: file.name };
}

async function readBytes(file: Blob): Promise<Uint8Array<ArrayBuffer>> {
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new StudioError('VALIDATION_FAILED', 'The file could not be read.');
  }
}
