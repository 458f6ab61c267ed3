import { randomUUID } from 'node:crypto';
import type { SessionEndReason } from '../../../shared/contract/events';
import type { Clock } from '../../clock';

export interface Session {
  id: string;
  userId: string;
  transportId: string;
  createdAt: number;
  lastSeenAt: number;
}

export interface SessionStoreOptions {
  clock: Clock;
  /** read on every check, so an admin's new idle timeout applies to live sessions at once */
  idleTimeoutMs: () => number;
  absoluteTimeoutMs: number;
  /** told about every session that ends, whatever the reason (the event hub tells the renderer) */
  onEnded: (session: Session, reason: SessionEndReason) => void;
}

export const ABSOLUTE_SESSION_MS = 8 * 60 * 60 * 1000;

/**
 * Sessions live only in main's memory, keyed by the transport that owns them (an Electron
 * webContents, a harness page). The renderer never holds a token, so nothing can be stolen from it;
 * a restart of the app signs everyone out.
 */
export class SessionStore {
  private readonly byTransport = new Map<string, Session>();

  constructor(private readonly options: SessionStoreOptions) {}

  /** Signs `userId` in on this transport, replacing whoever was signed in there. */
  bind(transportId: string, userId: string): Session {
    const previous = this.byTransport.get(transportId);
    if (previous) this.end(transportId, 'logout');
    const now = this.options.clock.now();
    const session: Session = { id: randomUUID(), userId, transportId, createdAt: now, lastSeenAt: now };
    this.byTransport.set(transportId, session);
    return session;
  }

  /** The live session of a transport, or null; an expired one is ended here and then. */
  current(transportId: string): Session | null {
    const session = this.byTransport.get(transportId);
    if (!session) return null;
    const reason = this.expiry(session);
    if (reason) {
      this.end(transportId, reason);
      return null;
    }
    return session;
  }

  /** Marks activity: a request from the person at the screen. */
  touch(session: Session): void {
    session.lastSeenAt = this.options.clock.now();
  }

  end(transportId: string, reason: SessionEndReason): void {
    const session = this.byTransport.get(transportId);
    if (!session) return;
    this.byTransport.delete(transportId);
    this.options.onEnded(session, reason);
  }

  endForUser(userId: string, reason: SessionEndReason, options: { exceptSessionId?: string } = {}): void {
    for (const session of [...this.byTransport.values()]) {
      if (session.userId === userId && session.id !== options.exceptSessionId) this.end(session.transportId, reason);
    }
  }

  endAll(reason: SessionEndReason): void {
    for (const transportId of [...this.byTransport.keys()]) this.end(transportId, reason);
  }

  /** Ends every expired session; run on a timer so an idle screen is cleared without a request. */
  sweep(): void {
    for (const session of [...this.byTransport.values()]) {
      const reason = this.expiry(session);
      if (reason) this.end(session.transportId, reason);
    }
  }

  /** Whether the person has a session that has not expired (one not yet swept does not count). */
  isSignedIn(userId: string): boolean {
    return [...this.byTransport.values()].some((s) => s.userId === userId && this.expiry(s) === null);
  }

  transportsOf(userId: string): string[] {
    return [...this.byTransport.values()].filter((s) => s.userId === userId).map((s) => s.transportId);
  }

  private expiry(session: Session): SessionEndReason | null {
    const now = this.options.clock.now();
    if (now - session.createdAt >= this.options.absoluteTimeoutMs) return 'expired';
    if (now - session.lastSeenAt >= this.options.idleTimeoutMs()) return 'idle';
    return null;
  }
}
