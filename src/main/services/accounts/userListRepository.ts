import { type SQL, sql } from 'drizzle-orm';
import type { UserSort } from '../../../shared/contract/routes/users';
import { ACCOUNT_STATUSES } from '../../../shared/domain/accounts';
import { QUOTA_KINDS, type QuotaKind, type QuotaPeriod } from '../../../shared/domain/quotas';
import type { Db } from '../../db/client';

/** Where each period of the workstation's calendar starts now, and the default policy of each kind. */
export interface UsageWindows {
  starts: Record<'daily' | 'weekly' | 'monthly', number>;
  defaults: Record<QuotaKind, { period: QuotaPeriod; limit: number }>;
}

export interface KindUsageRow {
  userId: string;
  kind: QuotaKind;
  period: QuotaPeriod;
  limit: number;
  used: number;
}

/** A place in a sorted list: the sort value and the email of the last row shown (keyset paging). */
export interface ListPlace {
  key: string | number;
  email: string;
}

/**
 * One row per (user, kind) for the users `who` selects: the policy in force (their own row, or the
 * default) and the units reserved or committed in its current period since any admin reset — the
 * same rule as the quota ledger's `QuotaUsage.counting`, in one statement for many people.
 */
function usageRowsSql(who: SQL, w: UsageWindows): SQL {
  const kinds = sql.join(
    QUOTA_KINDS.map((k) => sql`SELECT ${k} AS kind, ${w.defaults[k].period} AS dperiod, ${w.defaults[k].limit} AS dlimit`),
    sql` UNION ALL `,
  );
  return sql`
    SELECT x.user_id AS userId, x.kind AS kind, x.period AS period, x.lim AS "limit",
      (SELECT coalesce(sum(r.units), 0) FROM quota_reservation r
        WHERE r.user_id = x.user_id AND r.kind = x.kind AND r.state IN ('reserved', 'committed') AND r.created_at >= x.since) AS used
    FROM (
      SELECT u.id AS user_id, k.kind AS kind, coalesce(p.period, k.dperiod) AS period, coalesce(p."limit", k.dlimit) AS lim,
        max(coalesce(p.usage_reset_at, 0),
          CASE coalesce(p.period, k.dperiod)
            WHEN 'daily' THEN ${w.starts.daily} WHEN 'weekly' THEN ${w.starts.weekly} WHEN 'monthly' THEN ${w.starts.monthly} ELSE 0 END) AS since
      FROM user u CROSS JOIN (${kinds}) k
      LEFT JOIN quota_policy p ON p.user_id = u.id AND p.kind = k.kind
      WHERE ${who}
    ) x`;
}

/**
 * How full a person's quotas are, as one number to sort by: the largest used / limit over the kinds
 * (an unlimited kind counts 0; a limit of 0 counts as full once anything was used).
 */
function usageShareSql(who: SQL, w: UsageWindows): SQL {
  return sql`
    SELECT userId,
      max(CASE WHEN period = 'unlimited' THEN 0.0 WHEN "limit" <= 0 THEN (CASE WHEN used > 0 THEN 1.0 ELSE 0.0 END) ELSE used * 1.0 / "limit" END) AS share
    FROM (${usageRowsSql(who, w)}) GROUP BY userId`;
}

/** The status as a number in `ACCOUNT_STATUSES` order, with `accountStatus`'s precedence. */
function statusRankSql(now: number): SQL {
  const rank = (s: (typeof ACCOUNT_STATUSES)[number]) => ACCOUNT_STATUSES.indexOf(s);
  return sql`(CASE WHEN u.is_active = 0 THEN ${rank('inactive')} WHEN u.password_hash IS NULL THEN ${rank('awaiting-setup')}
    WHEN u.locked_until IS NOT NULL AND u.locked_until > ${now} THEN ${rank('locked')} ELSE ${rank('active')} END)`;
}

/**
 * One page of user ids, sorted by `sort` then email, after `after` (keyset paging: a page never
 * repeats or skips a row because rows before it changed), with each row's sort value for the next
 * cursor. `where` selects the matching users of table `user` aliased `u`.
 */
export function pageOfUserIds(
  db: Db,
  q: { where: SQL; sort: UserSort; direction: 'asc' | 'desc'; after: ListPlace | null; limit: number; now: number; windows: UsageWindows },
): { id: string; email: string; key: string | number }[] {
  const key =
    q.sort === 'email'
      ? sql`u.email`
      : q.sort === 'lastSignIn'
        ? sql`coalesce(u.last_login_at, -1)`
        : q.sort === 'status'
          ? statusRankSql(q.now)
          : sql`coalesce(s.share, 0.0)`;
  const join = q.sort === 'usage' ? sql`LEFT JOIN (${usageShareSql(q.where, q.windows)}) s ON s.userId = u.id` : sql``;
  const desc = q.direction === 'desc';
  const keyset = q.after
    ? desc
      ? sql`AND (${key} < ${q.after.key} OR (${key} = ${q.after.key} AND u.email < ${q.after.email}))`
      : sql`AND (${key} > ${q.after.key} OR (${key} = ${q.after.key} AND u.email > ${q.after.email}))`
    : sql``;
  const order = desc ? sql`ORDER BY "key" DESC, u.email DESC` : sql`ORDER BY "key" ASC, u.email ASC`;
  return db.all<{ id: string; email: string; key: string | number }>(
    sql`SELECT u.id AS id, u.email AS email, ${key} AS "key" FROM user u ${join} WHERE ${q.where} ${keyset} ${order} LIMIT ${q.limit}`,
  );
}

export function countUsers(db: Db, where: SQL): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM user u WHERE ${where}`)?.n ?? 0;
}

export function usageOf(db: Db, ids: string[], windows: UsageWindows): KindUsageRow[] {
  if (ids.length === 0) return [];
  return db.all<KindUsageRow>(
    usageRowsSql(
      sql`u.id IN (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )})`,
      windows,
    ),
  );
}

/** The newest unused setup code's expiry of each of these accounts that has one. */
export function setupCodeExpiries(db: Db, ids: string[]): Map<string, number> {
  if (ids.length === 0) return new Map();
  const rows = db.all<{ userId: string; expiresAt: number }>(
    sql`SELECT user_id AS userId, max(expires_at) AS expiresAt FROM setup_code
        WHERE used_at IS NULL AND user_id IN (${sql.join(
          ids.map((id) => sql`${id}`),
          sql`, `,
        )}) GROUP BY user_id`,
  );
  return new Map(rows.map((r) => [r.userId, r.expiresAt]));
}
