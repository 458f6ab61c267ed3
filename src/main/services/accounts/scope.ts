import { and, eq } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import type { Db } from '../../db/client';
import { userManager } from '../../db/schema';
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
