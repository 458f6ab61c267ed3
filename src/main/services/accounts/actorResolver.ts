import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client';
import { user } from '../../db/schema';
import type { Actor, Caller } from '../../identity';
import type { SessionStore } from './sessions';

/**
 * Maps a transport to its account. The account is read from the database on every request, so a
 * deactivation, deletion or demotion takes effect on the very next request of a live session.
 * `touch: false` resolves without counting as activity: media loads use it, so a video looping in
 * an abandoned window does not keep its session from going idle.
 */
export function createActorResolver(db: Db, sessions: SessionStore, options: { touch?: boolean } = {}): (caller: Caller) => Actor | null {
  return (caller) => {
    const session = sessions.current(caller.transportId);
    if (!session) return null;
    const account = db
      .select({ id: user.id, email: user.email, role: user.role, isActive: user.isActive })
      .from(user)
      .where(eq(user.id, session.userId))
      .get();
    if (!account) {
      sessions.end(caller.transportId, 'deleted');
      return null;
    }
    if (!account.isActive) {
      sessions.end(caller.transportId, 'deactivated');
      return null;
    }
    if (options.touch !== false) sessions.touch(session);
    return { userId: account.id, email: account.email, role: account.role, sessionId: session.id };
  };
}
