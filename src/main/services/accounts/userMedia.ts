import { and, eq, notInArray } from 'drizzle-orm';
import { FINAL_JOB_STATUSES } from '../../../shared/domain/jobs';
import type { Db } from '../../db/client';
import { job, media } from '../../db/schema';

export type MediaDisposal = 'delete' | 'transfer';

/**
 * What happens to a deleted user's work (docs/accounts.md): deleted, or handed to the deleting admin. Runs
 * inside the deletion's transaction, before the user row goes, so no row ever points to a missing
 * user. Returns the files the caller removes after the commit (rows first, then files; the media
 * library's start-up sweep finishes a removal a crash interrupted).
 */
export function disposeUserMedia(
  db: Db,
  userId: string,
  mode: MediaDisposal,
  adminId: string,
): { mediaCount: number; jobCount: number; filesToRemove: string[] } {
  const items = db.select({ relPath: media.relPath, thumbRelPath: media.thumbRelPath }).from(media).where(eq(media.userId, userId)).all();
  if (mode === 'transfer') {
    // Work still in progress is not handed over: its quota reservation belongs to the account that
    // goes, and the caller stops its pipelines. Only finished jobs follow the media.
    db.delete(job)
      .where(and(eq(job.userId, userId), notInArray(job.status, [...FINAL_JOB_STATUSES])))
      .run();
    const mediaCount = db.update(media).set({ userId: adminId }).where(eq(media.userId, userId)).run().changes;
    // an idempotency key is unique per user: the admin's own keys must not collide with these
    const jobCount = db.update(job).set({ userId: adminId, idempotencyKey: null }).where(eq(job.userId, userId)).run().changes;
    return { mediaCount, jobCount, filesToRemove: [] };
  }
  // media first: its job_id is `on delete set null`, and other users' items may name these as parents
  const mediaCount = db.delete(media).where(eq(media.userId, userId)).run().changes;
  const jobCount = db.delete(job).where(eq(job.userId, userId)).run().changes;
  const filesToRemove = items.flatMap((i) => (i.thumbRelPath ? [i.relPath, i.thumbRelPath] : [i.relPath]));
  return { mediaCount, jobCount, filesToRemove };
}
