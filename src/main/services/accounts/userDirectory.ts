import { type SQL, and, asc, count, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from 'drizzle-orm';
import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import type { AccountStatus } from '../../../shared/domain/accounts';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { user } from '../../db/schema';
import type { Actor } from '../../identity';
import { summarize } from './accounts';
import type { SessionStore } from './sessions';
import { visibleUserIds } from './scope';

/**
 * `users.list`: the admin and the accounts they manage, nothing else (docs/accounts.md) — the scope is the
 * first condition of the query, so no filter combination can reach past it. Ordered by email, with
 * the last email of a page as the cursor of the next. Each row says whether the person is signed in
 * now, read from the session store, so the Users page can warn before signing someone out.
 */
export function listUsers(
  deps: { db: Db; clock: Clock; sessions: Pick<SessionStore, 'isSignedIn'> },
  actor: Actor,
  input: ParsedInput<'users.list'>,
): RouteOutput<'users.list'> {
  const { db } = deps;
  const now = deps.clock.now();
  const conditions: SQL[] = [inArray(user.id, visibleUserIds(db, actor))];
  const query = input.query?.trim().toLowerCase();
  if (query) conditions.push(sql`instr(${user.email}, ${query}) > 0`);
  if (input.role) conditions.push(eq(user.role, input.role));
  if (input.status) conditions.push(statusCondition(input.status, now));
  const where = and(...conditions);

  const page = input.cursor ? and(where, gt(user.email, input.cursor)) : where;
  const rows = db
    .select()
    .from(user)
    .where(page)
    .orderBy(asc(user.email))
    .limit(input.limit + 1)
    .all();
  const more = rows.length > input.limit;
  const items = rows.slice(0, input.limit);
  const total = db.select({ n: count() }).from(user).where(where).get()?.n ?? 0;
  return {
    items: summarize(db, items, actor.userId, now).map((u) => ({ ...u, signedInNow: deps.sessions.isSignedIn(u.id) })),
    nextCursor: more ? (items.at(-1)?.email ?? null) : null,
    total,
  };
}

/** The same precedence as `accountStatus`: inactive, then awaiting setup, then locked, then active. */
function statusCondition(status: AccountStatus, now: number): SQL {
  const lockedNow = and(isNotNull(user.lockedUntil), gt(user.lockedUntil, now));
  const notLocked = or(isNull(user.lockedUntil), lte(user.lockedUntil, now));
  switch (status) {
    case 'inactive':
      return eq(user.isActive, false);
    case 'awaiting-setup':
      return and(eq(user.isActive, true), isNull(user.passwordHash)) as SQL;
    case 'locked':
      return and(eq(user.isActive, true), isNotNull(user.passwordHash), lockedNow) as SQL;
    case 'active':
      return and(eq(user.isActive, true), isNotNull(user.passwordHash), notLocked) as SQL;
  }
}
