import { StudioError } from '../../../shared/contract/errors';
import { decodeKeysetCursor, type KeysetPosition } from '../../db/keysetCursor';

/** The place a jobs.list or generation.log.list cursor names (db/keysetCursor.ts); anything else is refused. */
export function jobListPosition(cursor: string): KeysetPosition {
  const position = decodeKeysetCursor(cursor);
  if (position) return position;
  throw new StudioError('VALIDATION_FAILED', 'Invalid input — cursor: not a cursor from this list', {
    issues: [{ path: 'cursor', message: 'not a cursor from this list' }],
  });
}
