import { and, eq, gte, inArray, sql } from 'drizzle-orm';
import { formatLocalDateTime, quotaWindow } from '../../../shared/domain/quotaPeriods';
import { QUOTA_KINDS, type QuotaKind, type QuotaPeriod } from '../../../shared/domain/quotas';
import type { QuotaKindStatus, QuotaStatus } from '../../../shared/domain/quotaStatus';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { quotaPolicy, quotaReservation } from '../../db/schema';
import type { SettingsStore } from '../settings/settings';

/**
 * The read side of quotas: which policy applies to a user, and how much of it is used. It only
 * reads, so the ledger calls it inside its immediate transaction and the status route outside one.
 *
 * It sits on the hot path of every generation (inside the write lock), so its queries are prepared
 * once and the current period of each kind of policy is computed once per period, not per call.
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

export interface QuotaUsageDeps {
  db: Db;
  clock: Clock;
  settings: SettingsStore;
}

interface CachedWindow {
  start: number;
  resetsAt: number | null;
  resetsAtLabel: string | null;
}

export class QuotaUsage {
  private readonly windows = new Map<string, CachedWindow>();
  private readonly policyRow;
  private readonly policyRows;
  private readonly usedSum;

  constructor(readonly deps: QuotaUsageDeps) {
    const { db } = deps;
    this.policyRow = db
      .select({ period: quotaPolicy.period, limit: quotaPolicy.limit, usageResetAt: quotaPolicy.usageResetAt })
      .from(quotaPolicy)
      .where(and(eq(quotaPolicy.userId, sql.placeholder('userId')), eq(quotaPolicy.kind, sql.placeholder('kind'))))
      .prepare();
    this.policyRows = db
      .select()
      .from(quotaPolicy)
      .where(eq(quotaPolicy.userId, sql.placeholder('userId')))
      .prepare();
    this.usedSum = db
      .select({ used: sql<number>`coalesce(sum(${quotaReservation.units}), 0)` })
      .from(quotaReservation)
      .where(
        and(
          eq(quotaReservation.userId, sql.placeholder('userId')),
          eq(quotaReservation.kind, sql.placeholder('kind')),
          gte(quotaReservation.createdAt, sql.placeholder('since')),
          inArray(quotaReservation.state, ['reserved', 'committed']),
        ),
      )
      .prepare();
  }

  /** The policy of one kind: the user's own row, or the current default setting. */
  policy(userId: string, kind: QuotaKind): EffectivePolicy {
    const row = this.policyRow.get({ userId, kind });
    if (row) return { kind, ...row, isDefault: false };
    const fallback = this.deps.settings.get('defaultQuotas')[kind];
    return { kind, period: fallback.period, limit: fallback.limit, usageResetAt: null, isDefault: true };
  }

  policies(userId: string): Record<QuotaKind, EffectivePolicy> {
    const rows = this.policyRows.all({ userId });
    const defaults = rows.length < QUOTA_KINDS.length ? this.deps.settings.get('defaultQuotas') : null;
    const out = {} as Record<QuotaKind, EffectivePolicy>;
    for (const kind of QUOTA_KINDS) {
      const row = rows.find((r) => r.kind === kind);
      if (row) out[kind] = { kind, period: row.period, limit: row.limit, usageResetAt: row.usageResetAt, isDefault: false };
      else out[kind] = { kind, period: defaults![kind].period, limit: defaults![kind].limit, usageResetAt: null, isDefault: true };
    }
    return out;
  }

  /**
   * From when usage counts, and when it resets: the start of the current period, or an admin's
   * usage reset if later. A reservation counts in the period it was made in (`createdAt`), even
   * when it is committed in the next one: its units were taken from that period's allowance, and
   * moving them would let a job started at 23:59 charge tomorrow's allowance without tomorrow's check.
   */
  counting(policy: EffectivePolicy, now: number): { since: number } & CachedWindow {
    const window = this.window(policy.period, now);
    // `>=` on the reset instant (see usedSince) errs on the safe side: a reservation made in the
    // very millisecond of a reset still counts, so nothing can slip past the limit.
    return { ...window, since: Math.max(window.start, policy.usageResetAt ?? 0) };
  }

  /** Units reserved or committed for one user and kind since `since`. */
  usedSince(userId: string, kind: QuotaKind, since: number): number {
    return Number(this.usedSum.get({ userId, kind, since })?.used ?? 0);
  }

  kindStatus(userId: string, policy: EffectivePolicy): QuotaKindStatus {
    const unlimited = policy.period === 'unlimited';
    // Without a budget, spend is still shown: this calendar month's, which is what a person asks
    // ("what have I spent lately?") rather than everything since the install.
    const shown = unlimited && policy.kind === 'spend' ? { ...policy, period: 'monthly' as const } : policy;
    const counted = this.counting(shown, this.deps.clock.now());
    const { since } = counted;
    const { resetsAt, resetsAtLabel } = shown === policy ? counted : { resetsAt: null, resetsAtLabel: null };
    const used = this.usedSince(userId, policy.kind, since);
    return {
      kind: policy.kind,
      period: policy.period,
      limit: policy.limit,
      used,
      remaining: unlimited ? null : Math.max(0, policy.limit - used),
      resetsAt,
      resetsAtLabel,
      isDefault: policy.isDefault,
    };
  }

  /** A user's quotas as the header and the meters show them. */
  status(userId: string): QuotaStatus {
    const policies = this.policies(userId);
    return {
      userId,
      kinds: {
        image: this.kindStatus(userId, policies.image),
        edit: this.kindStatus(userId, policies.edit),
        video: this.kindStatus(userId, policies.video),
        spend: this.kindStatus(userId, policies.spend),
      },
    };
  }

  /** The current period of a kind of policy, computed once per period (the zone rules are fixed). */
  private window(period: QuotaPeriod, now: number): CachedWindow {
    const timeZone = this.deps.clock.timeZone;
    const key = `${period}\u0000${timeZone}`;
    const cached = this.windows.get(key);
    if (cached && cached.start <= now && (cached.resetsAt === null || now < cached.resetsAt)) return cached;
    const { start, resetsAt } = quotaWindow(period, now, timeZone);
    const fresh = { start, resetsAt, resetsAtLabel: resetsAt === null ? null : formatLocalDateTime(resetsAt, timeZone) };
    this.windows.set(key, fresh);
    return fresh;
  }
}
