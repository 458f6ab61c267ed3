import { and, eq, sql } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import { formatBytes } from '../../../shared/domain/sizes';
import { media } from '../../db/schema';
import type { DbOrTx } from '../../db/tx';

/** Bytes of input images `userId` has imported and still keeps (deleting some frees room). */
export function importedBytes(db: DbOrTx, userId: string): number {
  const row = db
    .select({ total: sql<number>`coalesce(sum(${media.bytes}), 0)` })
    .from(media)
    .where(and(eq(media.userId, userId), eq(media.kind, 'input')))
    .get();
  return Number(row?.total ?? 0);
}

/**
 * The per-person storage limit for imported images (an admin setting): refused with the limit and
 * what is used, so the person knows to delete old inputs or ask an admin. Checked before the file is
 * written (cheap, nothing to clean up) and again inside the insert's transaction, so two imports at
 * once cannot both squeeze under it.
 */
export function assertImportFits(db: DbOrTx, userId: string, bytes: number, limitBytes: number): void {
  const used = importedBytes(db, userId);
  if (used + bytes <= limitBytes) return;
  throw new StudioError(
    'QUOTA_EXCEEDED',
    `This image does not fit in your storage for imported images: you keep ${formatBytes(used)} of your ${formatBytes(limitBytes)} limit. Delete imported images you no longer need, or ask an admin to raise the limit.`,
    { limitBytes, usedBytes: used, bytes },
  );
}
