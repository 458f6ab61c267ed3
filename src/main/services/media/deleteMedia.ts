import { eq, inArray } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import type { Db } from '../../db/client';
import { media, user } from '../../db/schema';
import type { Actor } from '../../identity';
import { recordAudit } from '../audit/auditRecord';
import { visibleUserIds } from '../accounts/scope';
import { announceMedia } from './mediaEvents';
import { withWriteTx } from '../../db/tx';
import type { EventHub } from '../app/eventHub';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { MediaFileRefs, MediaStore } from './mediaStore';

export interface DeleteMediaDeps {
  db: Db;
  media: MediaStore;
  events: EventHub;
  clock: Clock;
  workstation: () => WorkstationIdentity;
}

interface DeletableRow extends MediaFileRefs {
  id: string;
  userId: string;
  email: string;
}

/**
 * Deletes items the actor may act on: their own, or (admins) a managed user's. All or nothing: if
 * any id is unknown or out of scope, nothing is deleted and the answer does not say which.
 * Row first (one transaction, with the audit entry), then the files: a crash in between leaves
 * files without rows, which the start-up sweep removes. A deleted item's URL answers 404 at once.
 */
export async function deleteMedia(s: DeleteMediaDeps, actor: Actor, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  // better-sqlite3 has one connection: statements on `s.db` inside the callback are part of the transaction.
  const rows = withWriteTx(s.db, () => {
    const found = selectDeletable(s.db, unique);
    const visible = new Set(visibleUserIds(s.db, actor));
    if (found.length !== unique.length || found.some((r) => !visible.has(r.userId))) {
      throw new StudioError('NOT_FOUND', 'Nothing was deleted: some of these items do not exist or you cannot delete them.');
    }
    s.db.delete(media).where(inArray(media.id, unique)).run();
    for (const [userId, owned] of groupByOwner(found)) {
      recordAudit(s.db, {
        action: 'media.delete',
        actor: { id: actor.userId, email: actor.email },
        target: { id: userId, email: owned[0]!.email },
        details: { count: owned.length, ids: owned.map((r) => r.id) },
        workstation: s.workstation(),
        at: s.clock.now(),
      });
    }
    return found;
  });
  await s.media.removeFiles(rows);
  for (const [userId, owned] of groupByOwner(rows))
    announceMedia(
      s,
      'media.deleted',
      userId,
      owned.map((r) => r.id),
    );
  return unique;
}

function selectDeletable(db: Db, ids: string[]): DeletableRow[] {
  return db
    .select({ id: media.id, userId: media.userId, email: user.email, relPath: media.relPath, thumbRelPath: media.thumbRelPath })
    .from(media)
    .innerJoin(user, eq(user.id, media.userId))
    .where(inArray(media.id, ids))
    .all();
}

function groupByOwner(rows: DeletableRow[]): Map<string, DeletableRow[]> {
  const groups = new Map<string, DeletableRow[]>();
  for (const row of rows) groups.set(row.userId, [...(groups.get(row.userId) ?? []), row]);
  return groups;
}
