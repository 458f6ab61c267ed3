import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import { isUnitQuotaKind, type QuotaKind, type UnitQuotaKind } from '../../../shared/domain/quotas';
import { quotaExceededMessage } from '../../../shared/domain/quotaStatus';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { quotaReservation } from '../../db/schema';
import type { QuotaUsage } from './quotaUsage';
import { inTransaction, withWriteTx } from '../../db/tx';

export interface QuotaLedgerDeps {
  db: Db;
  clock: Clock;
  usage: QuotaUsage;
  /** told after every change that committed (reserve, commit, release); main turns it into `quota.changed` */
  onChanged?: (userId: string) => void;
}

export interface ReserveRequest {
  userId: string;
  kind: UnitQuotaKind;
  units: number;
  jobId: string;
}

export interface Reservation {
  id: string;
  userId: string;
  kind: QuotaKind;
  units: number;
  jobId: string;
  createdAt: number;
}

/** What a commit or release did; `changed: false` means it had already been settled (a no-op). */
export interface Settlement {
  jobId: string;
  userId: string | null;
  committedUnits: number;
  releasedUnits: number;
  changed: boolean;
}

const MAX_UNITS_PER_RESERVATION = 100;

/**
 * The quota ledger (docs/quotas.md, docs/architecture.md "Quota ledger"): units are reserved before anything is
 * sent to Google, in one immediate transaction that checks and writes together, then committed
 * once the result is durable or released on any failure. One reservation per job: settling is
 * idempotent, so a retried commit never charges twice and a late release never refunds a charge.
 *
 * Why `immediate`: BEGIN IMMEDIATE takes SQLite's write lock before the usage is read, so no other
 * connection (or process) can slip a reservation in between our read and our write. Inside this
 * process better-sqlite3 is synchronous, so the whole check-and-write runs without an await.
 */
export class QuotaLedger {
  // Prepared once: these run inside the write lock on every generation.
  private readonly rowsOfJob;
  private readonly openRowOfJob;
  private readonly insertRow;
  private readonly settleRow;
  private readonly openSpendRowOfJob;
  private readonly openRowsOfJob;

  constructor(private readonly deps: QuotaLedgerDeps) {
    const { db } = deps;
    const jobId = sql.placeholder('jobId');
    // A job has one unit row and, when its price is known, one `spend` row: the unit API below
    // (reserve, commit, settled) looks at the unit row; `commitSpend` at the spend row; release at both.
    const unitRow = ne(quotaReservation.kind, 'spend');
    this.rowsOfJob = db
      .select()
      .from(quotaReservation)
      .where(and(eq(quotaReservation.jobId, jobId), unitRow))
      .orderBy(asc(quotaReservation.createdAt))
      .prepare();
    this.openRowOfJob = db
      .select()
      .from(quotaReservation)
      .where(and(eq(quotaReservation.jobId, jobId), eq(quotaReservation.state, 'reserved'), unitRow))
      .prepare();
    this.openSpendRowOfJob = db
      .select()
      .from(quotaReservation)
      .where(and(eq(quotaReservation.jobId, jobId), eq(quotaReservation.state, 'reserved'), eq(quotaReservation.kind, 'spend')))
      .prepare();
    this.openRowsOfJob = db
      .select()
      .from(quotaReservation)
      .where(and(eq(quotaReservation.jobId, jobId), eq(quotaReservation.state, 'reserved')))
      .prepare();
    this.insertRow = db
      .insert(quotaReservation)
      .values({
        id: sql.placeholder('id'),
        userId: sql.placeholder('userId'),
        kind: sql.placeholder('kind'),
        units: sql.placeholder('units'),
        jobId,
        state: sql.placeholder('state'),
        createdAt: sql.placeholder('createdAt'),
        settledAt: sql.placeholder('settledAt'),
      })
      .prepare();
    this.settleRow = db
      .update(quotaReservation)
      .set({ state: sql`${sql.placeholder('state')}`, units: sql`${sql.placeholder('units')}`, settledAt: sql`${sql.placeholder('settledAt')}` })
      .where(and(eq(quotaReservation.id, sql.placeholder('id')), eq(quotaReservation.state, 'reserved')))
      .prepare();
  }

  /**
   * Reserves `units` for `jobId`, or refuses with QUOTA_EXCEEDED when `used + units > limit` —
   * whole: a request for more than remains reserves nothing. Reserving again for the same job with
   * the same request returns the existing reservation (a retried call never reserves twice).
   */
  reserve(request: ReserveRequest): Reservation {
    checkRequest(request.kind, request.units);
    if (!request.jobId) throw new StudioError('VALIDATION_FAILED', 'A reservation needs a job id.');
    const result = withWriteTx(this.deps.db, () => {
      const existing = this.rowsOfJob.all({ jobId: request.jobId });
      if (existing.length > 0) return { reservation: sameRequestOrConflict(existing, request), created: false };
      return { reservation: this.reserveChecked(request.userId, request.kind, [{ jobId: request.jobId, units: request.units }])[0]!, created: true };
    });
    if (result.created) this.notify(request.userId);
    return result.reservation;
  }

  /**
   * One unit for each job, all or nothing (four images asked with two left: none reserved), as part
   * of the caller's immediate transaction that also writes the job rows — a refusal rolls both back.
   * `costs` (micro-dollars per job, the estimate) are reserved against the person's `spend` budget
   * in the same check: a job without a known price reserves none, and is refused while a budget is
   * in force. The caller announces after its transaction commits.
   */
  reserveJobsInCurrentTransaction(request: {
    userId: string;
    kind: UnitQuotaKind;
    jobIds: string[];
    costs?: (number | null)[];
    estimates?: (number | null)[];
  }): Reservation[] {
    this.assertInTransaction();
    checkRequest(request.kind, request.jobIds.length);
    if (new Set(request.jobIds).size !== request.jobIds.length || request.jobIds.some((id) => !id)) {
      throw new StudioError('VALIDATION_FAILED', 'Each job needs its own id.');
    }
    if (request.jobIds.some((jobId) => this.rowsOfJob.all({ jobId }).length > 0)) {
      throw new StudioError('CONFLICT', 'A job in this request already has a quota reservation.');
    }
    const reserved = this.reserveChecked(
      request.userId,
      request.kind,
      request.jobIds.map((jobId) => ({ jobId, units: 1 })),
    );
    if (request.costs) reserved.push(...this.reserveSpendChecked(request.userId, request.jobIds, request.costs, request.estimates));
    return reserved;
  }

  /**
   * The budget's check and write (inside the caller's immediate transaction, after the units'):
   * the whole request's hold (`costs`: each job's estimate, with room for Google's own count) must fit
   * what is left of the period's budget. `estimates` only word the refusal.
   */
  private reserveSpendChecked(userId: string, jobIds: string[], costs: (number | null)[], estimates?: (number | null)[]): Reservation[] {
    if (costs.length !== jobIds.length || costs.some((c) => c !== null && (!Number.isInteger(c) || c < 0))) {
      throw new StudioError('VALIDATION_FAILED', 'Each job needs its own estimate in whole micro-dollars.');
    }
    const { clock, usage } = this.deps;
    const now = clock.now();
    const policy = usage.policy(userId, 'spend');
    if (policy.period !== 'unlimited') {
      if (costs.some((c) => c === null)) {
        throw new StudioError(
          'VALIDATION_FAILED',
          'No price is known for this model and size, so it cannot be charged to your budget. Ask an admin.',
        );
      }
      const asked = costs.reduce<number>((n, c) => n + (c ?? 0), 0);
      const { since, resetsAt, resetsAtLabel } = usage.counting(policy, now);
      const used = usage.usedSince(userId, 'spend', since);
      if (used + asked > policy.limit) {
        const estimated = estimates ? estimates.reduce<number>((n, c) => n + (c ?? 0), 0) : asked;
        throw new StudioError('QUOTA_EXCEEDED', quotaExceededMessage('spend', used, policy.limit, resetsAtLabel, asked, policy.period, estimated), {
          kind: 'spend',
          used,
          limit: policy.limit,
          resetsAt,
          requested: asked,
        });
      }
    }
    const out: Reservation[] = [];
    jobIds.forEach((jobId, i) => {
      const cost = costs[i];
      if (cost === null || cost === undefined) return;
      const reservation: Reservation = { id: randomUUID(), userId, kind: 'spend', units: cost, jobId, createdAt: now };
      this.insertRow.run({ ...reservation, state: 'reserved', settledAt: null });
      out.push(reservation);
    });
    return out;
  }

  /**
   * Charges what a job actually cost against its `spend` reservation, inside the caller's
   * transaction. A job that ran is charged in full even above its estimate (the next request sees
   * the true total); below it, the rest is written as its own released row. A job with no spend
   * reservation (no price was known, no budget in force) still records a known cost. Idempotent:
   * a settled spend row is never charged again. Returns the person whose spend changed, or null.
   */
  commitSpendInCurrentTransaction(jobId: string, actualMicros: number): string | null {
    this.assertInTransaction();
    if (!Number.isInteger(actualMicros) || actualMicros < 0)
      throw new StudioError('VALIDATION_FAILED', `Cannot charge ${actualMicros} micro-dollars.`);
    const now = this.deps.clock.now();
    const open = this.openSpendRowOfJob.get({ jobId });
    if (!open) {
      const unit = this.rowsOfJob.all({ jobId })[0];
      const anySpend = this.deps.db
        .select({ id: quotaReservation.id })
        .from(quotaReservation)
        .where(and(eq(quotaReservation.jobId, jobId), eq(quotaReservation.kind, 'spend')))
        .get();
      if (anySpend || !unit || actualMicros === 0) return null;
      this.insertRow.run({
        id: randomUUID(),
        userId: unit.userId,
        kind: 'spend',
        units: actualMicros,
        jobId,
        state: 'committed',
        createdAt: unit.createdAt,
        settledAt: now,
      });
      return unit.userId;
    }
    if (actualMicros === 0) {
      this.settleRow.run({ id: open.id, state: 'released', units: open.units, settledAt: now });
      return open.userId;
    }
    this.settleRow.run({ id: open.id, state: 'committed', units: actualMicros, settledAt: now });
    if (actualMicros < open.units) {
      this.insertRow.run({
        id: randomUUID(),
        userId: open.userId,
        kind: 'spend',
        units: open.units - actualMicros,
        jobId,
        state: 'released',
        createdAt: open.createdAt,
        settledAt: now,
      });
    }
    return open.userId;
  }

  /** The check and the write, together; callers hold the write lock (immediate transaction). */
  private reserveChecked(userId: string, kind: UnitQuotaKind, jobs: { jobId: string; units: number }[]): Reservation[] {
    const { clock, usage } = this.deps;
    const now = clock.now();
    const units = jobs.reduce((n, j) => n + j.units, 0);
    const policy = usage.policy(userId, kind);
    if (policy.period !== 'unlimited') {
      const { since, resetsAt, resetsAtLabel } = usage.counting(policy, now);
      const used = usage.usedSince(userId, kind, since);
      if (used + units > policy.limit) {
        throw new StudioError('QUOTA_EXCEEDED', quotaExceededMessage(kind, used, policy.limit, resetsAtLabel), {
          kind,
          used,
          limit: policy.limit,
          resetsAt,
          requested: units,
        });
      }
    }
    return jobs.map(({ jobId, units: n }) => {
      const reservation: Reservation = { id: randomUUID(), userId, kind, units: n, jobId, createdAt: now };
      this.insertRow.run({ ...reservation, state: 'reserved', settledAt: null });
      return reservation;
    });
  }

  /**
   * Charges the job's reservation, `actualUnits` of it (default: all); the rest is released — four
   * images asked, three delivered, three charged. Committing again, or after a release, changes
   * nothing. Committing more than was reserved is refused: it would bypass the check.
   */
  commit(jobId: string, actualUnits?: number): Settlement {
    const settlement = withWriteTx(this.deps.db, () => this.commitInCurrentTransaction(jobId, actualUnits));
    this.announce(settlement);
    return settlement;
  }

  /**
   * Gives the job's reserved units back. Releasing a committed or released reservation, or a job
   * that never reserved (a failure before the reservation), is a no-op.
   */
  release(jobId: string): Settlement {
    const settlement = withWriteTx(this.deps.db, () => this.releaseInCurrentTransaction(jobId));
    this.announce(settlement);
    return settlement;
  }

  /**
   * `commit` as part of the caller's transaction ("ledger committed, job succeeded, media rows" in
   * one). The caller must call `announce(settlement)` after its transaction has committed.
   */
  commitInCurrentTransaction(jobId: string, actualUnits?: number): Settlement {
    this.assertInTransaction();
    const open = this.openRowOf(jobId);
    if (!open) {
      const settled = this.alreadySettled(jobId);
      // Charging a job that never reserved would be generation without a check: make it loud.
      if (settled.userId === null) throw new StudioError('NOT_FOUND', `No quota reservation exists for job ${jobId}.`);
      return settled;
    }
    const charged = actualUnits ?? open.units;
    if (!Number.isInteger(charged) || charged < 0 || charged > open.units) {
      throw new StudioError('VALIDATION_FAILED', `Cannot charge ${actualUnits} units against a reservation of ${open.units}.`);
    }
    const now = this.deps.clock.now();
    if (charged === 0) {
      this.settleRow.run({ id: open.id, state: 'released', units: open.units, settledAt: now });
      return { jobId, userId: open.userId, committedUnits: 0, releasedUnits: open.units, changed: true };
    }
    this.settleRow.run({ id: open.id, state: 'committed', units: charged, settledAt: now });
    const rest = open.units - charged;
    if (rest > 0) {
      // The unused part stays in the ledger as its own released row, so the record shows what was
      // asked for and what was delivered.
      this.insertRow.run({
        id: randomUUID(),
        userId: open.userId,
        kind: open.kind,
        units: rest,
        jobId,
        state: 'released',
        createdAt: open.createdAt,
        settledAt: now,
      });
    }
    return { jobId, userId: open.userId, committedUnits: charged, releasedUnits: rest, changed: true };
  }

  /**
   * `release` as part of the caller's transaction (the job's units and its open spend, if any);
   * call `announce(settlement)` after it commits.
   */
  releaseInCurrentTransaction(jobId: string): Settlement {
    this.assertInTransaction();
    const now = this.deps.clock.now();
    let unit: Reservation | undefined;
    let changed = false;
    for (const open of this.openRowsOfJob.all({ jobId })) {
      this.settleRow.run({ id: open.id, state: 'released', units: open.units, settledAt: now });
      if (open.kind !== 'spend') unit = open;
      changed = true;
    }
    if (!unit) {
      const settled = this.alreadySettled(jobId);
      return changed ? { ...settled, changed } : settled;
    }
    return { jobId, userId: unit.userId, committedUnits: 0, releasedUnits: unit.units, changed: true };
  }

  /** Tells the user's windows about a settlement that changed something. */
  announce(settlement: Settlement): void {
    if (settlement.changed && settlement.userId) this.notify(settlement.userId);
  }

  /** Tells a user's windows their quotas changed (after a caller's transaction committed). */
  announceUser(userId: string): void {
    this.notify(userId);
  }

  /** Reservations neither committed nor released: at start these were left behind by a crash. */
  openReservations(): Reservation[] {
    return this.deps.db
      .select({
        id: quotaReservation.id,
        userId: quotaReservation.userId,
        kind: quotaReservation.kind,
        units: quotaReservation.units,
        jobId: quotaReservation.jobId,
        createdAt: quotaReservation.createdAt,
      })
      .from(quotaReservation)
      .where(eq(quotaReservation.state, 'reserved'))
      .orderBy(asc(quotaReservation.createdAt))
      .all();
  }

  /**
   * Start-up recovery primitive: releases, in one transaction, every open reservation the caller's
   * rule picks (the generation work decides which to keep, e.g. a job whose submission may have
   * been billed). The rule runs inside the transaction, so it must only look at the reservation.
   */
  releaseWhere(shouldRelease: (reservation: Reservation) => boolean): Reservation[] {
    const { db, clock } = this.deps;
    const released = withWriteTx(db, () => {
      const picked = this.openReservations().filter(shouldRelease);
      if (picked.length === 0) return picked;
      const now = clock.now();
      for (const chunk of chunks(
        picked.map((r) => r.id),
        500,
      )) {
        db.update(quotaReservation)
          .set({ state: 'released', settledAt: now })
          .where(and(inArray(quotaReservation.id, chunk), eq(quotaReservation.state, 'reserved')))
          .run();
      }
      return picked;
    });
    for (const userId of new Set(released.map((r) => r.userId))) this.notify(userId);
    return released;
  }

  private notify(userId: string): void {
    try {
      this.deps.onChanged?.(userId);
    } catch {
      // The change is committed; a window that cannot be told refetches on its next query. A failed
      // notification must never turn a successful charge into an error (the caller might retry).
    }
  }

  private openRowOf(jobId: string) {
    return this.openRowOfJob.get({ jobId });
  }

  private alreadySettled(jobId: string): Settlement {
    const rows = this.rowsOfJob.all({ jobId });
    if (rows.length === 0) return { jobId, userId: null, committedUnits: 0, releasedUnits: 0, changed: false };
    const sum = (state: 'committed' | 'released') => rows.filter((r) => r.state === state).reduce((n, r) => n + r.units, 0);
    return { jobId, userId: rows[0]!.userId, committedUnits: sum('committed'), releasedUnits: sum('released'), changed: false };
  }

  private assertInTransaction(): void {
    // Settling outside a transaction would let a crash split the ledger from the job row.
    if (!inTransaction(this.deps.db)) throw new Error('quota settlement must run inside a transaction');
  }
}

function checkRequest(kind: QuotaKind, units: number): void {
  if (!isUnitQuotaKind(kind)) throw new StudioError('VALIDATION_FAILED', `Unknown quota kind: ${String(kind)}`);
  if (!Number.isInteger(units) || units < 1 || units > MAX_UNITS_PER_RESERVATION) {
    throw new StudioError('VALIDATION_FAILED', `A reservation needs 1–${MAX_UNITS_PER_RESERVATION} whole units, not ${units}.`);
  }
}

/** A repeated reserve for the same job is fine only if it asks for exactly the same thing. */
function sameRequestOrConflict(rows: (typeof quotaReservation.$inferSelect)[], request: ReserveRequest): Reservation {
  const first = rows[0]!;
  const reservedUnits = rows.reduce((n, r) => n + r.units, 0);
  const same = first.userId === request.userId && first.kind === request.kind && reservedUnits === request.units;
  const settled = rows.some((r) => r.state !== 'reserved');
  if (!same || settled) {
    throw new StudioError('CONFLICT', 'This job already has a quota reservation.', { jobId: request.jobId });
  }
  return { id: first.id, userId: first.userId, kind: first.kind, units: first.units, jobId: first.jobId, createdAt: first.createdAt };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
