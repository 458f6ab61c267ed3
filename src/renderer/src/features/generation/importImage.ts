import { StudioError } from '../../../../shared/contract/errors';
import { call } from '../../ipc/client';
import type { PickedImage } from './pickedImage';

export type { PickedImage };

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp'];

/**
 * Sends a dropped or picked file to main, which sniffs and stores it as an input. The browser's
 * declared type only filters the obvious; main decides from the bytes.
 */
export async function importImageFile(file: File): Promise<PickedImage> {
  if (file.type && !ACCEPTED.includes(file.type)) {
    throw new StudioError('VALIDATION_FAILED', `${file.name}: only PNG, JPEG and WebP images can be used.`);
  }
  const bytes = await toBase64(file);
  const stored = await call('media.import', { bytes, fileName: file.name });
  return { id: stored.id, thumbUrl: stored.thumbUrl, url: stored.mediaUrl, name: file.name };
}

function toBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve((reader.result as string).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new StudioError('VALIDATION_FAILED', 'The file could not be read.'));
    reader.readAsDataURL(file);
  });
}
