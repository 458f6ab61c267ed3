import type { Db } from '../../db/client';
import type { MediaFileRefs } from './mediaStore';

/**
 * What deleting an account does to its media (SPEC §3: delete it, or transfer it to the deleting
 * admin; nothing may dangle). Both run inside the caller's account-deletion transaction.
 */

/**
 * Deletes the rows of every item `userId` owns and returns where their files are; after the
 * transaction commits, pass them to `MediaStore.removeFiles` (a crash in between is swept at start).
 */
export function deleteMediaRowsOfUser(db: Db, userId: string): MediaFileRefs[] {
  const refs = db.$client
    .prepare('SELECT rel_path AS relPath, thumb_rel_path AS thumbRelPath FROM media WHERE user_id = ?')
    .all(userId) as MediaFileRefs[];
  db.$client.prepare('DELETE FROM media WHERE user_id = ?').run(userId);
  return refs;
}

/** Gives every item of `fromUserId` to `toUserId` (files stay where they are); returns how many. */
export function transferMedia(db: Db, fromUserId: string, toUserId: string): number {
  return db.$client.prepare('UPDATE media SET user_id = ? WHERE user_id = ?').run(toUserId, fromUserId).changes;
}
