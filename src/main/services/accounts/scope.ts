import { type SQL, and, eq, sql } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import type { Db } from '../../db/client';
import { user, userManager } from '../../db/schema';
import type { Actor } from '../../identity';

/**
 * Admin scoping (docs/accounts.md) in one place: an admin sees and acts on themselves and the users they
 * manage; a user only on themselves. Every list, count, report and action goes through here.
 */
export function managedUserIds(db: Db, adminId: string): string[] {
  return db
    .select({ id: userManager.userId })
    .from(userManager)
    .where(eq(userManager.adminId, adminId))
    .all()
    .map((r) => r.id);
}

/** The user ids whose data this actor may see: self, plus managed users for an admin. */
export function visibleUserIds(db: Db, actor: Actor): string[] {
  return actor.role === 'admin' ? [actor.userId, ...managedUserIds(db, actor.userId)] : [actor.userId];
}

/**
 * The same scope as `visibleUserIds`, as a condition on the table `user` aliased `u`, for lists that
 * page through thousands of accounts in one statement.
 */
export function visibleUsersSql(actor: Actor): SQL {
  return actor.role === 'admin'
    ? sql`(u.id = ${actor.userId} OR u.id IN (SELECT user_id FROM user_manager WHERE admin_id = ${actor.userId}))`
    : sql`u.id = ${actor.userId}`;
}

export function manages(db: Db, adminId: string, userId: string): boolean {
  return (
    db
      .select({ id: userManager.userId })
      .from(userManager)
      .where(and(eq(userManager.adminId, adminId), eq(userManager.userId, userId)))
      .get() !== undefined
  );
}

/** Whether the actor may see or act on `userId`'s data. */
export function canAccessUser(db: Db, actor: Actor, userId: string): boolean {
  if (userId === actor.userId) return true;
  return actor.role === 'admin' && manages(db, actor.userId, userId);
}

/** Throws FORBIDDEN for a user outside the actor's scope (accounts, quotas, reports). */
export function assertCanAccessUser(db: Db, actor: Actor, userId: string): void {
  if (!canAccessUser(db, actor, userId)) throw new StudioError('FORBIDDEN', 'You do not manage this account.');
}

/**
 * Whom a person asks for more quota: the active admins who manage them; when none does (an admin
 * themselves, or a user whose managers were all removed), every other active admin, or the person
 * alone when they are the only admin. Emails, sorted.
 */
export function askAdminEmails(db: Db, userId: string): string[] {
  const managers = db
    .select({ email: user.email })
    .from(userManager)
    .innerJoin(user, eq(user.id, userManager.adminId))
    .where(and(eq(userManager.userId, userId), eq(user.isActive, true), eq(user.role, 'admin')))
    .all();
  if (managers.length > 0) return managers.map((r) => r.email).sort();
  const admins = db
    .select({ id: user.id, email: user.email })
    .from(user)
    .where(and(eq(user.role, 'admin'), eq(user.isActive, true)))
    .all();
  const others = admins.filter((a) => a.id !== userId);
  return (others.length > 0 ? others : admins).map((r) => r.email).sort();
}
