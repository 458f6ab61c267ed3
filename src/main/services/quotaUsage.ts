import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { formatLocalDateTime, quotaWindow } from '../../shared/domain/quotaPeriods';
import { QUOTA_KINDS, type QuotaKind, type QuotaPeriod } from '../../shared/domain/quotas';
import type { QuotaKindStatus, QuotaStatus } from '../../shared/domain/quotaStatus';
import type { Clock } from '../clock';
import type { Db } from '../db/client';
import { quotaPolicy, quotaReservation } from '../db/schema';
import type { SettingsStore } from './settings';

/**
 * Read side of quotas: which policy applies to a user, and how much of it is used. Every function
 * here only reads, so the ledger can call them inside its immediate transaction and the status
 * route outside one.
 */
export interface EffectivePolicy {
  kind: QuotaKind;
  period: QuotaPeriod;
  limit: number;
  /** an admin reset the usage at this instant: only reservations made since then count */
  usageResetAt: number | null;
  /** no row of their own: the admin's current default applies */
  isDefault: boolean;
}

export interface QuotaReadDeps {
  db: Db;
  clock: Clock;
  settings: SettingsStore;
}

/** The policy of one kind: the user's own row, or the current default setting. */
export function effectivePolicy(deps: QuotaReadDeps, userId: string, kind: QuotaKind): EffectivePolicy {
  const row = deps.db
    .select({ period: quotaPolicy.period, limit: quotaPolicy.limit, usageResetAt: quotaPolicy.usageResetAt })
    .from(quotaPolicy)
    .where(and(eq(quotaPolicy.userId, userId), eq(quotaPolicy.kind, kind)))
    .get();
  if (row) return { kind, ...row, isDefault: false };
  const fallback = deps.settings.get('defaultQuotas')[kind];
  return { kind, period: fallback.period, limit: fallback.limit, usageResetAt: null, isDefault: true };
}

export function effectivePolicies(deps: QuotaReadDeps, userId: string): Record<QuotaKind, EffectivePolicy> {
  const rows = deps.db.select().from(quotaPolicy).where(eq(quotaPolicy.userId, userId)).all();
  const defaults = deps.settings.get('defaultQuotas');
  const out = {} as Record<QuotaKind, EffectivePolicy>;
  for (const kind of QUOTA_KINDS) {
    const row = rows.find((r) => r.kind === kind);
    out[kind] = row
      ? { kind, period: row.period, limit: row.limit, usageResetAt: row.usageResetAt, isDefault: false }
      : { kind, period: defaults[kind].period, limit: defaults[kind].limit, usageResetAt: null, isDefault: true };
  }
  return out;
}

/**
 * From when usage counts: the start of the current period, or an admin's usage reset if later.
 * A reservation counts in the period it was made in (`createdAt`), even when it is committed in the
 * next one: the units were taken from that period's allowance at the time, and moving them would
 * let a job started at 23:59 charge tomorrow's allowance without tomorrow's check.
 */
export function countingSince(policy: EffectivePolicy, now: number, timeZone: string): { since: number; resetsAt: number | null } {
  const window = quotaWindow(policy.period, now, timeZone);
  // `>=` on the reset instant (not `>`) errs on the safe side: a reservation made in the very
  // millisecond of a reset still counts, so nothing can slip past the limit.
  return { since: Math.max(window.start, policy.usageResetAt ?? 0), resetsAt: window.resetsAt };
}

/** Units reserved or committed for one user and kind since `since`. */
export function usedSince(db: Db, userId: string, kind: QuotaKind, since: number): number {
  const row = db
    .select({ used: sql<number>`coalesce(sum(${quotaReservation.units}), 0)` })
    .from(quotaReservation)
    .where(
      and(
        eq(quotaReservation.userId, userId),
        eq(quotaReservation.kind, kind),
        gte(quotaReservation.createdAt, since),
        inArray(quotaReservation.state, ['reserved', 'committed']),
      ),
    )
    .get();
  return Number(row?.used ?? 0);
}

export function kindStatus(deps: QuotaReadDeps, userId: string, policy: EffectivePolicy): QuotaKindStatus {
  const now = deps.clock.now();
  const { since, resetsAt } = countingSince(policy, now, deps.clock.timeZone);
  const used = usedSince(deps.db, userId, policy.kind, since);
  const unlimited = policy.period === 'unlimited';
  return {
    kind: policy.kind,
    period: policy.period,
    limit: policy.limit,
    used,
    remaining: unlimited ? null : Math.max(0, policy.limit - used),
    resetsAt,
    resetsAtLabel: resetsAt === null ? null : formatLocalDateTime(resetsAt, deps.clock.timeZone),
    isDefault: policy.isDefault,
  };
}

/** A user's quotas as the header and the meters show them. */
export function readQuotaStatus(deps: QuotaReadDeps, userId: string): QuotaStatus {
  const policies = effectivePolicies(deps, userId);
  return {
    userId,
    kinds: {
      image: kindStatus(deps, userId, policies.image),
      edit: kindStatus(deps, userId, policies.edit),
      video: kindStatus(deps, userId, policies.video),
    },
  };
}
