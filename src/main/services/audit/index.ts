/**
 * Audit: the append-only log of what admins and accounts changed. `recordAudit` appends an entry
 * inside the transaction that makes the change; `listAudit` pages through it for the audit page,
 * scoped to what the admin may see.
 */
export { listAudit } from './auditList';
export { type AuditRecord, recordAudit } from './auditRecord';
