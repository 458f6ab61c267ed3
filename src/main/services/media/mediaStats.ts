import type { MediaTotals } from '../../../shared/contract/routes/media';
import { MEDIA_KINDS, type MediaKind } from '../../../shared/domain/media';
import type { Db } from '../../db/client';
import type { Actor } from '../../identity';

interface StatsRow {
  userId: string;
  kind: MediaKind;
  count: number;
  bytes: number;
  missing: number;
}

export interface MediaStatsResult {
  own: MediaTotals;
  managed: (MediaTotals & { users: { userId: string; email: string; totals: MediaTotals }[] }) | null;
  models: string[];
}

/**
 * Counts and bytes by kind (SPEC §6): always the caller's own; for an admin also over the users
 * they manage, in total and per user. Never global (the previous system's admin stats were).
 */
export function mediaStats(db: Db, actor: Actor): MediaStatsResult {
  const managedUsers =
    actor.role === 'admin'
      ? (db.$client
          .prepare('SELECT u.id AS userId, u.email AS email FROM user_manager um JOIN user u ON u.id = um.user_id WHERE um.admin_id = ? ORDER BY u.email')
          .all(actor.userId) as { userId: string; email: string }[])
      : [];
  const userIds = [actor.userId, ...managedUsers.map((u) => u.userId)];
  const marks = userIds.map(() => '?').join(', ');
  const rows = db.$client
    .prepare(
      `SELECT user_id AS userId, kind, COUNT(*) AS count, COALESCE(SUM(bytes), 0) AS bytes, COALESCE(SUM(missing), 0) AS missing
       FROM media WHERE user_id IN (${marks}) GROUP BY user_id, kind`,
    )
    .all(...userIds) as StatsRow[];
  const models = (
    db.$client.prepare(`SELECT DISTINCT model FROM media WHERE user_id IN (${marks}) AND model IS NOT NULL ORDER BY model`).all(...userIds) as {
      model: string;
    }[]
  ).map((r) => r.model);

  const totalsOf = (ids: Set<string>): MediaTotals => {
    const totals = emptyTotals();
    for (const row of rows) {
      if (!ids.has(row.userId)) continue;
      totals.count += row.count;
      totals.bytes += row.bytes;
      totals.missing += row.missing;
      totals.byKind[row.kind].count += row.count;
      totals.byKind[row.kind].bytes += row.bytes;
    }
    return totals;
  };

  return {
    own: totalsOf(new Set([actor.userId])),
    managed:
      actor.role === 'admin'
        ? {
            ...totalsOf(new Set(managedUsers.map((u) => u.userId))),
            users: managedUsers.map((u) => ({ ...u, totals: totalsOf(new Set([u.userId])) })),
          }
        : null,
    models,
  };
}

function emptyTotals(): MediaTotals {
  const byKind = Object.fromEntries(MEDIA_KINDS.map((k) => [k, { count: 0, bytes: 0 }])) as MediaTotals['byKind'];
  return { count: 0, bytes: 0, missing: 0, byKind };
}
