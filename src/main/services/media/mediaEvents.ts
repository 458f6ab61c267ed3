import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { userManager } from '../../db/schema';
import type { EventHub } from '../app/eventHub';

/**
 * Tells the owner's windows, and the windows of every admin managing the owner, that items came or
 * went; nobody else hears about them. Payloads carry ids only: the renderer refetches what it may see.
 */
export function announceMedia(deps: { db: Db; events: EventHub }, event: 'media.created' | 'media.deleted', userId: string, ids: string[]): void {
  if (ids.length === 0) return;
  const admins = deps.db.select({ adminId: userManager.adminId }).from(userManager).where(eq(userManager.userId, userId)).all();
  for (const recipient of new Set([userId, ...admins.map((a) => a.adminId)])) {
    deps.events.toUser(recipient, event, { userId, ids });
  }
}
