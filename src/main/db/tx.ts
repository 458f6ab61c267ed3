import { StudioError } from '../../shared/contract/errors';
import type { Db } from './client';

/** The handle a write transaction's body works with: the same connection, inside the transaction. */
export type WriteTx = Parameters<Parameters<Db['transaction']>[0]>[0];

/** A function that may run inside a caller's transaction or on its own takes either. */
export type DbOrTx = Db | WriteTx;

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

/** Whether the connection is inside a transaction now (a helper asserting it is called from one). */
export function inTransaction(db: Db): boolean {
  return db.$client.inTransaction;
}

/** SQLite's "database is locked" family (SQLITE_BUSY and its extended codes, SQLITE_LOCKED). */
export function isBusyError(error: unknown): boolean {
  if (error instanceof StudioError) return error.code === 'BUSY';
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'));
}

/** A bounded wait for another process's write lock to go away, without blocking main's event loop. */
export interface BusyRetry {
  /** how long to keep trying before giving up (ms) */
  boundMs: number;
  /** first pause between attempts (ms); doubles up to `maxDelayMs` */
  firstDelayMs?: number;
  maxDelayMs?: number;
  /** told about each busy attempt (a log line) */
  onBusy?: (attempt: number, error: unknown) => void;
  /** stops waiting: the promise rejects with the signal's reason */
  signal?: AbortSignal;
}

/**
 * Runs a synchronous database step, and while SQLite answers BUSY (a backup tool or a database
 * browser holds the write lock) runs it again after a pause that doubles, until `boundMs` has
 * passed; then the last BUSY error is thrown. The pauses are timers, so main keeps serving
 * requests meanwhile: this is how background work (a job's state writes) outlasts a lock that a
 * request would simply be told about.
 */
export async function retryWhileBusy<T>(step: () => T, options: BusyRetry): Promise<T> {
  const started = Date.now();
  let delay = options.firstDelayMs ?? 25;
  for (let attempt = 1; ; attempt++) {
    if (options.signal?.aborted) throw options.signal.reason;
    try {
      return step();
    } catch (error) {
      if (!isBusyError(error)) throw error;
      const left = options.boundMs - (Date.now() - started);
      if (left <= 0) throw error instanceof StudioError ? error : new StudioError('BUSY', DATABASE_BUSY_MESSAGE);
      options.onBusy?.(attempt, error);
      await pause(Math.min(delay, left), options.signal);
      delay = Math.min(delay * 2, options.maxDelayMs ?? 2_000);
    }
  }
}

/**
 * Runs a step that must not make main's event loop wait for another process's lock at all (SQLite
 * answers BUSY at once): background work that will try again on a timer anyway. The connection's
 * busy timeout is restored afterwards; nothing else can run in between, main is single-threaded.
 */
export function withoutBusyWait<T>(db: Db, step: () => T): T {
  const previous = db.$client.pragma('busy_timeout', { simple: true }) as number;
  if (previous === 0) return step();
  db.$client.pragma('busy_timeout = 0');
  try {
    return step();
  } finally {
    db.$client.pragma(`busy_timeout = ${previous}`);
  }
}

/**
 * A read that must see one consistent snapshot across several queries. A deferred transaction
 * never takes the write lock, so in WAL mode it is not held up by another process writing.
 */
export function withReadTx<T>(db: Db, body: (tx: WriteTx) => T): T {
  return db.transaction(body, { behavior: 'deferred' });
}

function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(signal!.reason instanceof Error ? signal!.reason : new Error('aborted'));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
