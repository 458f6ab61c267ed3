import { StudioError } from '../../shared/contract/errors';
import type { Db } from './client';

/** The handle a write transaction's body works with: the same connection, inside the transaction. */
export type WriteTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** What a request that meets another process's write lock is told (also the job runner's retry cue). */
export const DATABASE_BUSY_MESSAGE = "The studio's database is busy; try again in a moment.";

/**
 * The one way main writes: an IMMEDIATE transaction (the write lock is taken at BEGIN, so a
 * read-then-write body can never be overtaken between its read and its write), retried once when
 * SQLite answers BUSY, then refused with a BUSY error the person can act on instead of INTERNAL.
 *
 * The body must be synchronous and do database work only: better-sqlite3 commits an async callback
 * at its first await and never rolls it back, and a network call or file write inside would hold
 * the write lock for everyone (docs/architecture.md, "Invariants").
 */
export function withWriteTx<T>(db: Db, body: (tx: WriteTx) => T): T {
  try {
    return db.transaction(body, { behavior: 'immediate' });
  } catch (error) {
    if (!isBusyError(error)) throw error;
  }
  try {
    return db.transaction(body, { behavior: 'immediate' });
  } catch (error) {
    if (isBusyError(error)) throw new StudioError('BUSY', DATABASE_BUSY_MESSAGE);
    throw error;
  }
}

/** SQLite's "database is locked" family (SQLITE_BUSY and its extended codes, SQLITE_LOCKED). */
export function isBusyError(error: unknown): boolean {
  if (error instanceof StudioError) return error.code === 'BUSY';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}
