import { type SQL, and, desc, eq, gte, inArray, isNull, lt, lte, or, sql } from 'drizzle-orm';
import type { AuditEntryDto } from '../../../shared/contract/routes/audit';
import { StudioError } from '../../../shared/contract/errors';
import type { ParsedInput, RouteOutput } from '../../../shared/contract/types';
import type { Db } from '../../db/client';
import { alias } from 'drizzle-orm/sqlite-core';
import { auditEntry, user } from '../../db/schema';
import type { Actor } from '../../identity';
import { visibleUserIds } from '../accounts/scope';

/**
 * `audit.list`, scoped like everything else (docs/accounts.md): entries about the admin or an account they
 * manage (the target is in scope), the admin's own actions (even on an account since deleted or
 * unshared), and untargeted actions of accounts in scope. An action of a managed admin on someone
 * outside the scope stays hidden: it would name a person this admin does not manage.
 * Newest first; the cursor is the last id of the page. People are named by email: the account's
 * email now, or the one recorded with the entry when the account has since been deleted.
 */
export function listAudit(db: Db, actor: Actor, input: ParsedInput<'audit.list'>): RouteOutput<'audit.list'> {
  const visible = visibleUserIds(db, actor);
  const conditions: SQL[] = [
    or(
      inArray(auditEntry.targetUserId, visible),
      eq(auditEntry.actorId, actor.userId),
      and(isNull(auditEntry.targetUserId), inArray(auditEntry.actorId, visible)),
    ) as SQL,
  ];
  if (input.userId) {
    if (!visible.includes(input.userId)) throw new StudioError('FORBIDDEN', 'You do not manage this account.');
    conditions.push(or(eq(auditEntry.actorId, input.userId), eq(auditEntry.targetUserId, input.userId)) as SQL);
  }
  if (input.action) {
    // by segment: `auth.login` matches itself and `auth.login.failed`, not `auth.loginx`
    conditions.push(
      or(eq(auditEntry.action, input.action), sql`substr(${auditEntry.action}, 1, ${input.action.length + 1}) = ${`${input.action}.`}`) as SQL,
    );
  }
  if (input.from !== undefined) conditions.push(gte(auditEntry.at, input.from));
  if (input.to !== undefined) conditions.push(lte(auditEntry.at, input.to));
  if (input.cursor) conditions.push(lt(auditEntry.id, Number(input.cursor)));

  const actorUser = alias(user, 'actor_user');
  const targetUser = alias(user, 'target_user');
  const rows = db
    .select({ entry: auditEntry, actorNow: actorUser.email, targetNow: targetUser.email })
    .from(auditEntry)
    .leftJoin(actorUser, eq(actorUser.id, auditEntry.actorId))
    .leftJoin(targetUser, eq(targetUser.id, auditEntry.targetUserId))
    .where(and(...conditions))
    .orderBy(desc(auditEntry.id))
    .limit(input.limit + 1)
    .all();
  const more = rows.length > input.limit;
  const page = rows.slice(0, input.limit);
  return { items: page.map(toDto), nextCursor: more ? String(page.at(-1)?.entry.id) : null };
}

function toDto({
  entry: row,
  actorNow,
  targetNow,
}: {
  entry: typeof auditEntry.$inferSelect;
  actorNow: string | null;
  targetNow: string | null;
}): AuditEntryDto {
  return {
    id: String(row.id),
    at: row.at,
    action: row.action,
    actor: row.actorId ? { id: row.actorId, email: actorNow ?? row.actorEmail ?? '' } : null,
    target: row.targetUserId ? { id: row.targetUserId, email: targetNow ?? row.targetEmail ?? '' } : null,
    details: row.details,
    workstation: row.workstation,
  };
}
