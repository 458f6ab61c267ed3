import { StudioError } from '../../../shared/contract/errors';
import { MEDIA_ID_PATTERN } from '../../../shared/contract/mediaUrl';

/** A position in the newest-first order: items strictly older than (createdAt, id) come next. */
export interface MediaCursor {
  createdAt: number;
  id: string;
}

/**
 * Keyset cursors are opaque to the renderer (base64url of `[createdAt, id]`): a page is "everything
 * after this item", so items arriving while someone scrolls never shift the pages (no OFFSET).
 */
export function encodeCursor(cursor: MediaCursor): string {
  return Buffer.from(JSON.stringify([cursor.createdAt, cursor.id])).toString('base64url');
}

export function decodeCursor(text: string): MediaCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [createdAt, id] = value as [unknown, unknown];
      if (Number.isSafeInteger(createdAt) && typeof id === 'string' && MEDIA_ID_PATTERN.test(id)) return { createdAt: createdAt as number, id };
    }
  } catch {
    // fall through to the same error as a well-formed but wrong value
  }
  throw new StudioError('VALIDATION_FAILED', 'Invalid input — cursor: this page position is not valid; reload the gallery.');
}
