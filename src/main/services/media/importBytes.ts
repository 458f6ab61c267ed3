import { StudioError } from '../../../shared/contract/errors';
import { IMPORT_MAX_BYTES } from '../../../shared/domain/media';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes the base64 of `media.import` strictly (Node's decoder silently skips junk, which would
 * turn a garbled upload into a different file) and applies the 20 MB cap to the decoded size.
 */
export function decodeImportBytes(base64: string): Buffer {
  const compact = base64.replace(/\s+/g, '');
  if (compact.length % 4 !== 0 || !BASE64.test(compact)) {
    throw new StudioError('VALIDATION_FAILED', 'Invalid input — bytes: not valid base64.');
  }
  const bytes = Buffer.from(compact, 'base64');
  if (bytes.length === 0) throw new StudioError('VALIDATION_FAILED', 'Invalid input — bytes: the file is empty.');
  if (bytes.length > IMPORT_MAX_BYTES) {
    throw new StudioError('VALIDATION_FAILED', 'This image is larger than 20 MB, the most Gemini accepts for an input image.');
  }
  return bytes;
}
