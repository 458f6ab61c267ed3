import { count, inArray } from 'drizzle-orm';
import { StudioError } from '../../../shared/contract/errors';
import { QUOTA_KINDS, type QuotaKind, type QuotaPolicies, type QuotaPolicy } from '../../../shared/domain/quotas';
import type { QuotaStatus } from '../../../shared/domain/quotaStatus';
import type { SettingValue } from '../../../shared/domain/settings';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Clock } from '../../clock';
import type { Db } from '../../db/client';
import { quotaPolicy, user } from '../../db/schema';
import type { Actor } from '../../identity';
import { recordAudit } from '../audit/auditRecord';
import type { QuotaUsage } from './quotaUsage';
import { canAccessUser } from '../accounts/scope';
import type { SettingsStore } from '../settings/settings';
import { withWriteTx } from '../../db/tx';

export interface QuotaAdminDeps {
  db: Db;
  clock: Clock;
  settings: SettingsStore;
  usage: QuotaUsage;
  workstation: () => WorkstationIdentity;
  /** told after every committed change to a user's quotas; main turns it into `quota.changed` */
  onChanged: (userId: string) => void;
}

export interface UserQuotas {
  userId: string;
  email: string;
  status: QuotaStatus;
}

/**
 * What admins do to quotas (docs/accounts.md, docs/quotas.md): read and set policies of the users they manage (or their
 * own), reset a user's current-period usage, and change the default for new accounts. Scope is
 * checked here, in main, for every user id — the renderer's selection is never trusted.
 */
export class QuotaAdmin {
  constructor(private readonly deps: QuotaAdminDeps) {}

  get(actor: Actor, userIds: string[]): UserQuotas[] {
    const ids = unique(userIds);
    this.assertAllInScope(actor, ids);
    return this.describe(ids);
  }

  /**
   * Sets the given kinds' policies for every selected user in one transaction: one user outside
   * the admin's scope refuses the whole request before anything is written. Each user's change is
   * audited with before and after.
   */
  set(actor: Actor, userIds: string[], policies: QuotaPolicies): UserQuotas[] {
    const ids = unique(userIds);
    const { db, clock } = this.deps;
    const kinds = QUOTA_KINDS.filter((k) => policies[k] !== undefined);
    if (kinds.length === 0) throw new StudioError('VALIDATION_FAILED', 'Choose at least one quota to change.');
    withWriteTx(db, () => {
      this.assertAllInScope(actor, ids);
      const now = clock.now();
      const emails = this.emailsOf(ids);
      for (const userId of ids) {
        const before = this.deps.usage.policies(userId);
        const changes: Record<string, { from: QuotaPolicy & { isDefault: boolean }; to: QuotaPolicy }> = {};
        for (const kind of kinds) {
          const next = policies[kind]!;
          db.insert(quotaPolicy)
            .values({ userId, kind, period: next.period, limit: next.limit, updatedAt: now })
            // keeps usageResetAt: changing the limit is not a usage reset
            .onConflictDoUpdate({ target: [quotaPolicy.userId, quotaPolicy.kind], set: { period: next.period, limit: next.limit, updatedAt: now } })
            .run();
          const old = before[kind];
          changes[kind] = {
            from: { period: old.period, limit: old.limit, isDefault: old.isDefault },
            to: { period: next.period, limit: next.limit },
          };
        }
        recordAudit(db, {
          action: 'quotas.set',
          actor: { id: actor.userId, email: actor.email },
          target: { id: userId, email: emails.get(userId) ?? '' },
          details: { changes },
          workstation: this.deps.workstation(),
          at: now,
        });
      }
    });
    for (const userId of ids) this.deps.onChanged(userId);
    return this.describe(ids);
  }

  /**
   * Starts the current period over for the given kinds (default: all): reservations made before
   * now stop counting, including ones still in flight. A kind that follows the default gets the
   * current default written as its own policy, because the reset instant lives on the policy row.
   */
  resetUsage(actor: Actor, userId: string, kinds: QuotaKind[] = [...QUOTA_KINDS]): QuotaStatus {
    const { db, clock } = this.deps;
    const chosen = QUOTA_KINDS.filter((k) => kinds.includes(k));
    withWriteTx(db, () => {
      this.assertAllInScope(actor, [userId]);
      const now = clock.now();
      const policies = this.deps.usage.policies(userId);
      const usedBefore: Partial<Record<QuotaKind, number>> = {};
      for (const kind of chosen) {
        const policy = policies[kind];
        usedBefore[kind] = this.deps.usage.usedSince(userId, kind, this.deps.usage.counting(policy, now).since);
        db.insert(quotaPolicy)
          .values({ userId, kind, period: policy.period, limit: policy.limit, usageResetAt: now, updatedAt: now })
          .onConflictDoUpdate({ target: [quotaPolicy.userId, quotaPolicy.kind], set: { usageResetAt: now, updatedAt: now } })
          .run();
      }
      recordAudit(db, {
        action: 'quotas.reset_usage',
        actor: { id: actor.userId, email: actor.email },
        target: { id: userId, email: this.emailsOf([userId]).get(userId) ?? '' },
        details: { kinds: chosen, usedBefore },
        workstation: this.deps.workstation(),
        at: now,
      });
    });
    this.deps.onChanged(userId);
    return this.deps.usage.status(userId);
  }

  /**
   * The default policy for accounts without their own (docs/quotas.md, an admin setting). The
   * `settings.*` routes own the admin-facing change and its audit entry; this stores the value and
   * tells every user who follows the default that their quotas changed.
   */
  /** `spend` left out keeps the current default budget. */
  setDefaultQuotas(value: Omit<SettingValue<'defaultQuotas'>, 'spend'> & { spend?: QuotaPolicy }, updatedBy: string | null): void {
    withWriteTx(this.deps.db, () => this.deps.settings.set('defaultQuotas', { ...this.deps.settings.get('defaultQuotas'), ...value }, updatedBy));
    this.announceDefaultChange();
  }

  /** After the default policy changed (and its transaction committed): tells everyone who follows it. */
  announceDefaultChange(): void {
    const { db } = this.deps;
    const withAllOwn = new Set(
      db
        .select({ userId: quotaPolicy.userId, n: count() })
        .from(quotaPolicy)
        .groupBy(quotaPolicy.userId)
        .all()
        .filter((r) => r.n >= QUOTA_KINDS.length)
        .map((r) => r.userId),
    );
    for (const { id } of db.select({ id: user.id }).from(user).all()) {
      if (!withAllOwn.has(id)) this.deps.onChanged(id);
    }
  }

  private assertAllInScope(actor: Actor, userIds: string[]): void {
    // The same answer for "does not exist" and "not yours": no probing for accounts by id.
    const outside = userIds.filter((id) => !canAccessUser(this.deps.db, actor, id));
    if (outside.length > 0) throw new StudioError('FORBIDDEN', 'You do not manage every selected account.');
    const found = this.emailsOf(userIds);
    if (found.size !== userIds.length) throw new StudioError('FORBIDDEN', 'You do not manage every selected account.');
  }

  private emailsOf(userIds: string[]): Map<string, string> {
    const rows = this.deps.db.select({ id: user.id, email: user.email }).from(user).where(inArray(user.id, userIds)).all();
    return new Map(rows.map((r) => [r.id, r.email]));
  }

  private describe(userIds: string[]): UserQuotas[] {
    const emails = this.emailsOf(userIds);
    return userIds.map((userId) => ({ userId, email: emails.get(userId) ?? '', status: this.deps.usage.status(userId) }));
  }
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)];
}
