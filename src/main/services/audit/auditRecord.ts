import { and, desc, eq, gte, isNull } from 'drizzle-orm';
import type { WorkstationIdentity } from '../../../shared/domain/workstation';
import type { Db } from '../../db/client';
import { auditEntry } from '../../db/schema';

export interface AuditRecord {
  action: string;
  actor: { id: string; email: string } | null;
  target?: { id: string; email: string } | null;
  /** what changed; never a secret (no password, code or key) */
  details?: Record<string, unknown>;
  workstation: WorkstationIdentity;
  at: number;
}

/**
 * Appends one entry to the audit log. Call it inside the transaction that makes the change, so a
 * change and its record are committed together or not at all. There is no delete; the only update
 * is recordRepeatedAudit's count.
 */
export function recordAudit(db: Db, record: AuditRecord): void {
  db.insert(auditEntry)
    .values({
      at: record.at,
      action: record.action,
      actorId: record.actor?.id ?? null,
      actorEmail: record.actor?.email ?? null,
      targetUserId: record.target?.id ?? null,
      targetEmail: record.target?.email ?? null,
      details: record.details ?? null,
      workstation: record.workstation,
    })
    .run();
}

/**
 * Records a failure that may come in floods (wrong passwords or setup codes, attempts on a locked
 * account): when the newest entry about the same target is the same action, last counted within
 * `windowMs`, its `count` (and `reasons`, per reason once there are several) and `lastAt` go up in
 * place instead of a new row. A thousand guesses are then a few entries with counts, not a thousand
 * rows; any other entry about the target in between (a lockout, a sign-in) starts a fresh run. `at`
 * stays the time of the run's first failure. Call it inside the change's transaction, like recordAudit.
 */
export function recordRepeatedAudit(db: Db, record: AuditRecord & { details: { reason: string } }, windowMs: number): void {
  const targetId = record.target?.id ?? null;
  const latest = db
    .select({ id: auditEntry.id, action: auditEntry.action, details: auditEntry.details })
    .from(auditEntry)
    .where(
      and(
        targetId === null ? isNull(auditEntry.targetUserId) : eq(auditEntry.targetUserId, targetId),
        // without a target (unknown emails) only this action's own entries make a run
        targetId === null ? eq(auditEntry.action, record.action) : undefined,
        gte(auditEntry.at, record.at - windowMs - 24 * 60 * 60_000),
      ),
    )
    .orderBy(desc(auditEntry.id))
    .limit(1)
    .get();
  const previous = latest?.action === record.action ? latest.details : null;
  const reason = record.details.reason;
  if (latest && previous && typeof previous.count === 'number' && typeof previous.lastAt === 'number' && record.at - previous.lastAt < windowMs) {
    const reasons = { ...countsOf(previous), [reason]: (countsOf(previous)[reason] ?? 0) + 1 };
    const details = {
      ...previous,
      ...record.details,
      count: previous.count + 1,
      lastAt: record.at,
      ...(Object.keys(reasons).length > 1 ? { reasons } : {}),
    };
    db.update(auditEntry).set({ details }).where(eq(auditEntry.id, latest.id)).run();
    return;
  }
  recordAudit(db, { ...record, details: { ...record.details, count: 1, lastAt: record.at } });
}

/** A run's count per reason: `reasons` once there were several, else all of `count` is `reason`'s. */
function countsOf(details: Record<string, unknown>): Record<string, number> {
  if (details.reasons && typeof details.reasons === 'object') return details.reasons as Record<string, number>;
  return typeof details.reason === 'string' && typeof details.count === 'number' ? { [details.reason]: details.count } : {};
}
