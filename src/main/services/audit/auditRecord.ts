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
 * change and its record are committed together or not at all. There is no update or delete.
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
