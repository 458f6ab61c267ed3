import fs from 'node:fs/promises';
import { StudioError } from '../../../shared/contract/errors';

/**
 * An input image the caller may not use, or that is gone: the same NOT_FOUND whether main refuses it
 * (mediaPort.ts) or the file was deleted after main checked it, so the answer never tells which.
 */
export function inputNotUsable(): StudioError {
  return new StudioError('NOT_FOUND', 'One of the chosen images does not exist or you cannot use it.');
}

/**
 * The bytes of an input image whose path main has checked (`MediaPort.locateInputImage`), read by
 * main for a video or by the generation worker for an image; a file deleted since is "gone".
 */
export async function readInputImageFile(file: string): Promise<Buffer> {
  try {
    return await fs.readFile(file);
  } catch {
    throw inputNotUsable();
  }
}
