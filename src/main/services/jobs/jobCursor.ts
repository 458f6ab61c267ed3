import { StudioError } from '../../../shared/contract/errors';

/** An opaque keyset cursor for job pages: the last row's (createdAt, id). */
export function encodeJobCursor(row: { createdAt: number; id: string }): string {
  return Buffer.from(JSON.stringify([row.createdAt, row.id])).toString('base64url');
}

export function decodeJobCursor(cursor: string): { createdAt: number; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof createdAt === 'number' && typeof id === 'string') return { createdAt, id };
  } catch {
    // fall through
  }
  throw new StudioError('VALIDATION_FAILED', 'Invalid input — cursor: not a cursor from this list', {
    issues: [{ path: 'cursor', message: 'not a cursor from this list' }],
  });
}
