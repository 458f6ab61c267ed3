import { type SQL, inArray, sql } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import type { UserListItem, UserSort } from '../../../shared/contract/routes/users';
import type { AccountStatus } from '../../../shared/domain/accounts';
import { quotaWindow } from '../../../shared/domain/quotaPeriods';
import { QUOTA_KINDS } from '../../../shared/domain/quotas';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { decodeCursorValues, encodeCursorValues } from '../../db/keysetCursor';
import { user } from '../../db/schema';
import type { Actor } from '../../identity';
import type { SettingsStore } from '../settings/settings';
import { summarize } from './accounts';
import type { SessionStore } from './sessions';
import { visibleUsersSql } from './scope';
import { type ListPlace, type UsageWindows, countUsers, pageOfUserIds, setupCodeExpiries, usageOf } from './userListRepository';

/**
 * `users.list`: the admin and the accounts they manage, nothing else (docs/accounts.md) — the scope is the
 * first condition of the query, so no filter combination can reach past it. Sorted by email, last
 * sign-in, status or quota use, with the email as the tie-break, and paged by keyset: the cursor is
 * the sort value and email of a page's last row, so the next page starts right after it however many
 * accounts there are. Each row says whether the person is signed in now (read from the session
 * store, so the Users page can warn before signing someone out), what they used of each kind against
 * its limit, and, for someone awaiting setup, when their setup code expires.
 */
export function listUsers(
  deps: { db: Db; clock: Clock; settings: Pick<SettingsStore, 'get'>; sessions: Pick<SessionStore, 'isSignedIn'> },
  actor: Actor,
  input: ParsedInput<'users.list'>,
): RouteOutput<'users.list'> {
  const { db } = deps;
  const now = deps.clock.now();
  const conditions: SQL[] = [visibleUsersSql(actor)];
  const query = input.query?.trim().toLowerCase();
  if (query) conditions.push(sql`instr(u.email, ${query}) > 0`);
  if (input.role) conditions.push(sql`u.role = ${input.role}`);
  if (input.status) conditions.push(statusCondition(input.status, now));
  const where = sql.join(conditions, sql` AND `);
  const windows = usageWindows(deps, now);

  const rows = pageOfUserIds(db, {
    where,
    sort: input.sort,
    direction: input.direction,
    after: input.cursor ? readCursor(input.cursor, input.sort) : null,
    limit: input.limit + 1,
    now,
    windows,
  });
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  const ids = page.map((r) => r.id);
  const accounts = ids.length ? db.select().from(user).where(inArray(user.id, ids)).all() : [];
  const byId = new Map(accounts.map((a) => [a.id, a]));
  const ordered = ids.map((id) => byId.get(id)).filter((a) => a !== undefined);
  const usage = usageOf(db, ids, windows);
  const expiries = setupCodeExpiries(db, ids);
  const items: UserListItem[] = summarize(db, ordered, actor.userId, now).map((u) => {
    const mine = usage.filter((r) => r.userId === u.id);
    const kind = (k: (typeof QUOTA_KINDS)[number]) => {
      const r = mine.find((x) => x.kind === k);
      const period = r?.period ?? windows.defaults[k].period;
      return { used: Number(r?.used ?? 0), limit: period === 'unlimited' ? null : (r?.limit ?? windows.defaults[k].limit), period };
    };
    return {
      ...u,
      signedInNow: deps.sessions.isSignedIn(u.id),
      usage: { image: kind('image'), edit: kind('edit'), video: kind('video') },
      setupCodeExpiresAt: u.awaitingSetup ? (expiries.get(u.id) ?? null) : null,
    };
  });
  const last = page.at(-1);
  return {
    items,
    nextCursor: more && last ? writeCursor(input.sort, { key: last.key, email: last.email }) : null,
    total: countUsers(db, where),
  };
}

function usageWindows(deps: { clock: Clock; settings: Pick<SettingsStore, 'get'> }, now: number): UsageWindows {
  const zone = deps.clock.timeZone;
  return {
    starts: {
      daily: quotaWindow('daily', now, zone).start,
      weekly: quotaWindow('weekly', now, zone).start,
      monthly: quotaWindow('monthly', now, zone).start,
    },
    defaults: deps.settings.get('defaultQuotas'),
  };
}

/** The cursor names its sort, so a cursor from one order is refused in another instead of skipping rows. */
function writeCursor(sort: UserSort, place: ListPlace): string {
  return encodeCursorValues([sort, place.key, place.email]);
}

function readCursor(cursor: string, sort: UserSort): ListPlace {
  const parsed = decodeCursorValues(cursor);
  if (
    parsed?.length === 3 &&
    parsed[0] === sort &&
    (typeof parsed[1] === 'string' || typeof parsed[1] === 'number') &&
    typeof parsed[2] === 'string'
  ) {
    return { key: parsed[1], email: parsed[2] };
  }
  throw new StudioError('VALIDATION_FAILED', 'This place in the list is not valid for this order. Start the list again from the top.');
}

/** The same precedence as `accountStatus`: inactive, then awaiting setup, then locked, then active. */
function statusCondition(status: AccountStatus, now: number): SQL {
  const lockedNow = sql`(u.locked_until IS NOT NULL AND u.locked_until > ${now})`;
  switch (status) {
    case 'inactive':
      return sql`u.is_active = 0`;
    case 'awaiting-setup':
      return sql`(u.is_active = 1 AND u.password_hash IS NULL)`;
    case 'locked':
      return sql`(u.is_active = 1 AND u.password_hash IS NOT NULL AND ${lockedNow})`;
    case 'active':
      return sql`(u.is_active = 1 AND u.password_hash IS NOT NULL AND NOT ${lockedNow})`;
  }
}
