import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import { addDays, daysBetween, parseLocalDate } from '../../../shared/domain/localDates';
import { startOfLocalDate } from '../../../shared/domain/quotaPeriods';
import { type QuotaKind, UNIT_QUOTA_KINDS } from '../../../shared/domain/quotas';
import type { QuotaKindStatus } from '../../../shared/domain/quotaStatus';
import { quotaReservation, user } from '../../db/schema';
import type { Actor } from '../../identity';
import type { QuotaUsage } from './quotaUsage';
import { visibleUserIds } from '../accounts/scope';
import { withReadTx } from '../../db/tx';

export interface UsageReportRow extends QuotaKindStatus {
  userId: string;
  email: string;
  committedInRange: number;
}

export interface UsageReport {
  from: string;
  to: string;
  rangeStart: number;
  rangeEnd: number;
  timeZone: string;
  generatedAt: number;
  rows: UsageReportRow[];
}

/** Ten years: any real question fits, and the range cannot be used to make the query unbounded. */
const MAX_RANGE_DAYS = 3660;

/**
 * The admin usage report (docs/quotas.md): for the admin and every user they manage — and nobody else —
 * each kind's current-period used/limit, plus units committed in a range of local dates (both
 * inclusive). Range totals count a charge on the day its units were reserved, like the ledger.
 */
export function buildUsageReport(usage: QuotaUsage, actor: Actor, range: { from: string; to: string }): UsageReport {
  const from = parseLocalDate(range.from);
  const to = parseLocalDate(range.to);
  if (!from || !to) throw new StudioError('VALIDATION_FAILED', 'Use real dates like 2026-11-27.');
  const span = daysBetween(from, to);
  if (span < 0) throw new StudioError('VALIDATION_FAILED', 'The start date must not be after the end date.');
  if (span >= MAX_RANGE_DAYS) throw new StudioError('VALIDATION_FAILED', 'Choose a range of at most ten years.');

  const { db, clock } = usage.deps;
  const timeZone = clock.timeZone;
  const rangeStart = startOfLocalDate(from, timeZone);
  const rangeEnd = startOfLocalDate(addDays(to, 1), timeZone);

  // One read transaction: the current-period figures and the range totals come from one snapshot.
  return withReadTx(db, () => {
    const ids = visibleUserIds(db, actor);
    const users = db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.id, ids)).orderBy(asc(user.email)).all();
    const totals = new Map<string, number>();
    const sums = db
      .select({ userId: quotaReservation.userId, kind: quotaReservation.kind, units: sql<number>`sum(${quotaReservation.units})` })
      .from(quotaReservation)
      .where(
        and(
          inArray(quotaReservation.userId, ids),
          eq(quotaReservation.state, 'committed'),
          gte(quotaReservation.createdAt, rangeStart),
          lt(quotaReservation.createdAt, rangeEnd),
        ),
      )
      .groupBy(quotaReservation.userId, quotaReservation.kind)
      .all();
    for (const s of sums) totals.set(key(s.userId, s.kind), Number(s.units));

    const rows: UsageReportRow[] = [];
    for (const u of users) {
      const policies = usage.policies(u.id);
      for (const kind of UNIT_QUOTA_KINDS) {
        rows.push({ ...usage.kindStatus(u.id, policies[kind]), userId: u.id, email: u.email, committedInRange: totals.get(key(u.id, kind)) ?? 0 });
      }
    }
    return { from: range.from, to: range.to, rangeStart, rangeEnd, timeZone, generatedAt: clock.now(), rows };
  });
}

function key(userId: string, kind: QuotaKind): string {
  return `${userId}\u0000${kind}`;
}
