import type { Core } from '../../src/main/core';
import { quotaPolicy, quotaReservation } from '../../src/main/db/schema';
import type { QuotaKind, QuotaPeriod } from '../../src/shared/domain/quotas';

/** Gives a user their own policy for one kind, as an admin's `quotas.set` would. */
export function givePolicy(core: Core, userId: string, kind: QuotaKind, period: QuotaPeriod, limit: number): void {
  const now = core.services.clock.now();
  core.services.db
    .insert(quotaPolicy)
    .values({ userId, kind, period, limit, updatedAt: now })
    .onConflictDoUpdate({ target: [quotaPolicy.userId, quotaPolicy.kind], set: { period, limit, updatedAt: now } })
    .run();
}

/** The raw ledger rows of one user, oldest first. */
export function ledgerRows(core: Core, userId: string) {
  return core.services.db
    .select()
    .from(quotaReservation)
    .all()
    .filter((r) => r.userId === userId)
    .sort((a, b) => a.createdAt - b.createdAt);
}

/** Sum of units in the given states for one user and kind. */
export function ledgerSum(core: Core, userId: string, kind: QuotaKind, states: ('reserved' | 'committed' | 'released')[]): number {
  return ledgerRows(core, userId)
    .filter((r) => r.kind === kind && states.includes(r.state))
    .reduce((n, r) => n + r.units, 0);
}
